package poker.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.LiveClient;
import poker.support.RawHttp;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * The live socket against clients that take too much: too many sockets, too big or too many
 * messages; a quiet socket outlives the idle timeout; and every frame names its players.
 */
class LiveSocketLimitsIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    static PokerServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.live.max-sockets-per-user", 2,
                "poker.live.max-messages-per-second", 5,
                // short, so that a socket without pings would be cut during the test
                "pekko.http.server.idle-timeout", "2s",
                "pekko.http.server.websocket.periodic-keep-alive-max-idle", "500ms",
                "poker.table.hand-pause", "100ms"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String table(ApiClient api, String token) {
        return api.post("/tables?consistency=strong", "{\"name\":\"Limits\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":2,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":60}", token).text("tableId");
    }

    static LiveClient open(String tableId, String token, Long fromSeq) throws Exception {
        return LiveClient.open(server.httpPort(), tableId, token, fromSeq, null).get(10, TimeUnit.SECONDS);
    }

    static JsonNode until(LiveClient client, Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = client.frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && match.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame; got " + client.raw);
    }

    static Predicate<JsonNode> error(String code) {
        return f -> f.path("type").asText().equals("error") && f.path("error").asText().equals(code);
    }

    static RawHttp.Response upgrade(String tableId, String token) throws Exception {
        try (RawHttp http = new RawHttp(server.httpPort())) {
            return http.send("GET /api/tables/" + tableId + "/live?token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").read();
        }
    }

    @Test
    void aUserOpensAtMostTwoSocketsAndTheNextIsRefusedBeforeTheUpgrade() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        String ann = api.signUp("cap_ann");
        String bob = api.signUp("cap_bob");
        String tableId = table(api, ann);
        LiveClient first = open(tableId, ann, null);
        LiveClient second = open(tableId, ann, null);
        until(first, f -> f.path("type").asText().equals("snapshot"));
        until(second, f -> f.path("type").asText().equals("snapshot"));

        RawHttp.Response refused = upgrade(tableId, ann);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().path("error").asText()).isEqualTo("too_many_sockets");
        assertThat(refused.json().path("message").asText()).isNotBlank();
        assertThatThrownBy(() -> open(tableId, ann, null)).hasStackTraceContaining("429");
        // refused before anything is looked up: an unknown table is not even asked for
        assertThat(upgrade("00000000-0000-4000-8000-000000000000", ann).status()).isEqualTo(429);
        // the cap is per user
        LiveClient bobs = open(tableId, bob, null);
        until(bobs, f -> f.path("type").asText().equals("snapshot"));

        // a closed socket gives its place back
        first.close();
        long deadline = System.nanoTime() + WAIT.toNanos();
        LiveClient third = null;
        while (third == null && System.nanoTime() < deadline) {
            try {
                third = open(tableId, ann, null);
            } catch (Exception stillCounted) {
                Thread.sleep(100);
            }
        }
        assertThat(third).as("a socket opens again once one closed").isNotNull();
        until(third, f -> f.path("type").asText().equals("snapshot"));
        second.close();
        third.close();
        bobs.close();
    }

    @Test
    void aRequestThatIsNotAWebSocketUpgradeIsToldSoBeforeAnythingIsLookedUp() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        String dan = api.signUp("plain_dan");
        String tableId = table(api, dan);
        for (String table : List.of(tableId, "00000000-0000-4000-8000-000000000000")) {
            try (RawHttp http = new RawHttp(server.httpPort())) {
                RawHttp.Response r = http.send("GET /api/tables/" + table + "/live?token=" + dan
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read();
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().path("error").asText()).as(r.body()).isEqualTo("websocket_expected");
            }
        }
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheSocket() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        String cat = api.signUp("big_cat");
        String tableId = table(api, cat);
        LiveClient socket = open(tableId, cat, null);
        until(socket, f -> f.path("type").asText().equals("snapshot"));

        // 160 KiB in 16 fragments of 10 KiB: over the 64 KiB limit
        List<String> parts = new ArrayList<>(Collections.nCopies(16, "x".repeat(10 * 1024)));
        try {
            socket.sendInParts(parts);
        } catch (CompletionException closedWhileSending) {
            // the server may close before the last fragment is out
        }
        assertThat(until(socket, error("message_too_big")).path("message").asText()).isNotBlank();
        assertThat(socket.closed.get(10, TimeUnit.SECONDS)).as("closed by the server").isNotNull();

        // one big enough to be read is answered, not closed
        LiveClient again = open(tableId, cat, null);
        until(again, f -> f.path("type").asText().equals("snapshot"));
        again.send("{\"type\":\"ping\",\"padding\":\"" + "y".repeat(60 * 1024) + "\"}");
        until(again, f -> f.path("type").asText().equals("pong"));
        assertThat(again.closed).isNotDone();
        again.close();
    }

    @Test
    void aFloodOfMessagesClosesTheSocket() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        String dan = api.signUp("flood_dan");
        String tableId = table(api, dan);
        LiveClient socket = open(tableId, dan, null);
        until(socket, f -> f.path("type").asText().equals("snapshot"));
        try {
            for (int i = 0; i < 30; i++) {
                socket.send("{\"type\":\"ping\"}");
            }
        } catch (CompletionException closedWhileSending) {
            // closed before the flood ended
        }
        until(socket, error("too_many_messages"));
        assertThat(socket.closed.get(10, TimeUnit.SECONDS)).as("closed by the server").isNotNull();
        assertThat(socket.raw.stream().filter(r -> r.contains("pong")).count()).isLessThanOrEqualTo(5);
    }

    @Test
    void aQuietSocketOutlivesTheIdleTimeout() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        String eve = api.signUp("quiet_eve");
        String tableId = table(api, eve);
        LiveClient socket = open(tableId, eve, null);
        until(socket, f -> f.path("type").asText().equals("snapshot"));
        // nothing happens at the table for 2.5 idle timeouts; the server's pings keep the connection
        Thread.sleep(5_000);
        assertThat(socket.closed).as("still open").isNotDone();
        socket.send("{\"type\":\"ping\"}");
        until(socket, f -> f.path("type").asText().equals("pong"));
        socket.close();
    }

    @Test
    void aSocketFromSeqZeroStartsAtTheTablesCreation() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        String hal = api.signUp("zero_hal");
        String tableId = table(api, hal);
        LiveClient socket = open(tableId, hal, 0L);
        JsonNode snapshot = until(socket, f -> f.path("type").asText().equals("snapshot"));
        assertThat(snapshot.path("seq").asLong()).isEqualTo(1);
        assertThat(snapshot.path("table").path("name").asText()).isEqualTo("Limits");
        socket.close();
    }

    @Test
    void everyFrameAfterTheSnapshotCarriesDisplayNames() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        Map<String, String> names = new HashMap<>();
        List<String> tokens = new ArrayList<>();
        for (String name : List.of("name_fay", "name_gus")) {
            String displayName = "Display " + name;
            JsonNode user = api.post("/users", "{\"username\":\"" + name + "\",\"password\":\"correct horse\","
                    + "\"displayName\":\"" + displayName + "\"}", null).body();
            names.put(user.path("id").asText(), displayName);
            tokens.add(api.login(name, "correct horse"));
        }
        String tableId = table(api, tokens.get(0));
        for (String token : tokens) {
            assertThat(api.post("/tables/" + tableId + "/participants?consistency=strong", "{\"buyIn\":500}", token)
                    .status()).isEqualTo(201);
        }
        LiveClient watcher = open(tableId, tokens.get(0), 1L);
        until(watcher, f -> f.path("event").path("type").asText().equals("TurnClockStarted"));
        watcher.close();

        // sockets that start right after both joined (seq 3) replay the hand's first events at once,
        // racing the snapshot's name lookup; the second user's sockets, so the cap of 2 is not hit
        List<LiveClient> sockets = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            LiveClient socket = open(tableId, tokens.get(1), 3L);
            until(socket, f -> f.path("event").path("type").asText().equals("TurnClockStarted"));
            socket.close();
            sockets.add(socket);
        }
        int seatsChecked = 0;
        for (LiveClient socket : sockets) {
            for (String raw : socket.raw) {
                JsonNode frame = ApiClient.MAPPER.readTree(raw);
                for (JsonNode seat : frame.path("table").path("seats")) {
                    assertThat(seat.path("displayName").asText())
                            .as("seq %s: %s", frame.path("seq"), seat)
                            .isEqualTo(names.get(seat.path("playerId").asText()));
                    seatsChecked++;
                }
            }
        }
        assertThat(seatsChecked).isGreaterThan(8 * 2 * 3);
    }
}
