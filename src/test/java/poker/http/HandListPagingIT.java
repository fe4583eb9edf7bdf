package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * {@code GET /api/tables/{id}/hands} pages: two players fold a few hands on a running server, then
 * the list is read whole and page by page ({@code limit}, {@code before}), following the
 * {@code Link: <...>; rel="next"} headers to the end.
 */
class HandListPagingIT {

    private static final int HANDS = 5;

    static PokerServer server;
    static ApiClient api;
    static String tableId;
    /** Every completed hand number, newest first, as the unpaged list gives them. */
    static List<Long> all;

    @BeforeAll
    static void playAFewHands() throws Exception {
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.table.hand-pause", "100ms",
                "jdbc-read-journal.refresh-interval", "50ms"));
        api = new ApiClient(server.httpPort());
        String ann = api.signUp("ann");
        String bob = api.signUp("bob");
        tableId = api.post("/tables?consistency=strong", "{\"name\":\"Paging\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":2,\"minBuyIn\":200,\"maxBuyIn\":1000}", ann).text("tableId");
        List<LiveClient> sockets = List.of(
                LiveClient.open(server.httpPort(), tableId, ann, null, null).get(10, TimeUnit.SECONDS),
                LiveClient.open(server.httpPort(), tableId, bob, null, null).get(10, TimeUnit.SECONDS));
        api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", ann);
        api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", bob);

        // whoever is on turn folds: each hand ends at its first action
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean satOut = false;
        JsonNode[] last = new JsonNode[sockets.size()];
        long[] actedAt = {-1, -1};
        Set<Long> handsSeen = new HashSet<>();
        while (true) {
            assertThat(System.nanoTime()).as("hands played in time").isLessThan(deadline);
            for (int i = 0; i < sockets.size(); i++) {
                JsonNode frame = sockets.get(i).frames.poll(20, TimeUnit.MILLISECONDS);
                if (frame == null || !frame.has("table")) {
                    continue;
                }
                last[i] = frame.get("table");
                if (!last[i].path("handNumber").isNull()) {
                    handsSeen.add(last[i].path("handNumber").asLong());
                }
                long seq = frame.path("seq").asLong();
                if (!last[i].path("legalActions").isEmpty() && seq > actedAt[i] && sockets.get(i).frames.isEmpty()) {
                    actedAt[i] = seq;
                    sockets.get(i).send("{\"type\":\"action\",\"handNumber\":" + last[i].path("handNumber").asLong()
                            + ",\"action\":\"fold\"}");
                }
            }
            if (!satOut && api.get("/tables/" + tableId + "/stats", null).body().path("handCount").asInt() >= HANDS) {
                api.post("/tables/" + tableId + "/sit-out", null, ann);
                api.post("/tables/" + tableId + "/sit-out", null, bob);
                satOut = true;
            }
            if (satOut && last[0] != null && finished(last[0])) {
                break;
            }
        }
        sockets.forEach(LiveClient::close);
        int played = handsSeen.size(); // the sockets saw every hand; the stats projection may lag
        JsonNode list = Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables/" + tableId + "/hands", null)
                .body(), l -> l.size() == played);
        all = numbers(list);
        assertThat(all).hasSizeGreaterThanOrEqualTo(HANDS).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void withoutParametersTheWholeListComesInOnePageWithNoNextLink() throws Exception {
        HttpResponse<String> r = get("/api/tables/" + tableId + "/hands");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(numbers(ApiClient.MAPPER.readTree(r.body()))).isEqualTo(all);
        assertThat(r.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void pagesOfTwoFollowTheNextLinksToTheOldestHand() throws Exception {
        List<Long> seen = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String next = "/api/tables/" + tableId + "/hands?limit=2";
        while (next != null) {
            HttpResponse<String> r = get(next);
            assertThat(r.statusCode()).as(next).isEqualTo(200);
            JsonNode page = ApiClient.MAPPER.readTree(r.body());
            assertThat(page.isArray()).isTrue();
            assertThat(page.size()).isBetween(1, 2);
            seen.addAll(numbers(page));
            Optional<String> link = r.headers().firstValue("Link");
            next = link.map(l -> l.substring(l.indexOf('<') + 1, l.indexOf('>'))).orElse(null);
            link.ifPresent(links::add);
        }

        assertThat(seen).isEqualTo(all);
        assertThat(links).hasSize((all.size() - 1) / 2);
        assertThat(links.get(0)).isEqualTo("</api/tables/" + tableId + "/hands?before=" + all.get(1)
                + "&limit=2>; rel=\"next\"");
    }

    @Test
    void beforeGivesOnlyOlderHandsNewestFirst() throws Exception {
        long middle = all.get(all.size() / 2);

        JsonNode older = api.get("/tables/" + tableId + "/hands?before=" + middle, null).body();

        assertThat(numbers(older)).isEqualTo(all.subList(all.size() / 2 + 1, all.size()));
        assertThat(numbers(api.get("/tables/" + tableId + "/hands?before=" + all.get(all.size() - 1), null).body()))
                .isEmpty();
        HttpResponse<String> last = get("/api/tables/" + tableId + "/hands?before=" + all.get(0) + "&limit="
                + (all.size() - 1));
        assertThat(numbers(ApiClient.MAPPER.readTree(last.body()))).isEqualTo(all.subList(1, all.size()));
        assertThat(last.headers().firstValue("Link")).as("nothing older is left").isEmpty();
    }

    @Test
    void badParametersAre400NamingTheField() {
        for (String query : List.of("limit=0", "limit=101", "limit=-1", "limit=ten", "limit=2.5", "limit=")) {
            ApiClient.Response r = api.get("/tables/" + tableId + "/hands?" + query, null);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.text("field")).as(query).isEqualTo("limit");
            assertThat(r.text("error")).isEqualTo("invalid_field");
        }
        for (String query : List.of("before=0", "before=-3", "before=x", "before=99999999999999999999")) {
            ApiClient.Response r = api.get("/tables/" + tableId + "/hands?" + query, null);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.text("field")).as(query).isEqualTo("before");
        }
        assertThat(api.get("/tables/" + tableId + "/hands?limit=100", null).status()).isEqualTo(200);
        assertThat(api.get("/tables/" + tableId + "/hands?limit=1&before=1", null).body()).isEmpty();
    }

    @Test
    void anUnknownTableIsStill404() {
        ApiClient.Response r = api.get("/tables/00000000-0000-0000-0000-000000000000/hands?limit=2", null);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("error")).isEqualTo("table_not_found");
    }

    @Test
    void handNumbersInHistoriesAreUniqueAcrossTables() throws Exception {
        String other = playOneHand("Other");

        String first = historyText(tableId, 1);
        String second = historyText(other, 1);

        long firstId = headerHandId(first);
        long secondId = headerHandId(second);
        assertThat(firstId).as("hand 1 of two tables").isNotEqualTo(secondId);
        for (String table : List.of(tableId, other)) {
            JsonNode listed = api.get("/tables/" + table + "/hands", null).body();
            JsonNode oldest = listed.get(listed.size() - 1);
            assertThat(oldest.path("handNumber").asLong()).isEqualTo(1);
            long handId = oldest.path("handId").asLong();
            assertThat(handId).isEqualTo(table.equals(tableId) ? firstId : secondId);
            assertThat(api.get("/tables/" + table + "/hands/1", null).body().path("handId").asLong()).isEqualTo(handId);
        }
    }

    private static String historyText(String table, int hand) {
        ApiClient.Response text = api.send("GET", "/tables/" + table + "/hands/" + hand + "/history.txt", null, null);
        assertThat(text.status()).as(text.raw()).isEqualTo(200);
        return text.raw();
    }

    private static long headerHandId(String history) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^PokerStars Hand #(\\d+):").matcher(history);
        assertThat(m.find()).as(history).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A new heads-up table whose first hand ends at its first action (a fold); its id once hand 1 is listed. */
    private static String playOneHand(String name) throws Exception {
        String cy = api.signUp("cy_" + name.toLowerCase());
        String dee = api.signUp("dee_" + name.toLowerCase());
        String table = api.post("/tables?consistency=strong", "{\"name\":\"" + name + "\",\"smallBlind\":5,"
                + "\"bigBlind\":10,\"maxSeats\":2,\"minBuyIn\":200,\"maxBuyIn\":1000}", cy).text("tableId");
        List<String> tokens = List.of(cy, dee);
        List<LiveClient> sockets = new ArrayList<>();
        for (String token : tokens) {
            sockets.add(LiveClient.open(server.httpPort(), table, token, null, null).get(10, TimeUnit.SECONDS));
            api.post("/tables/" + table + "/participants", "{\"buyIn\":500}", token);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean folded = false;
        while (!folded) {
            assertThat(System.nanoTime()).as("hand 1 dealt in time").isLessThan(deadline);
            for (int i = 0; i < sockets.size() && !folded; i++) {
                JsonNode frame = sockets.get(i).frames.poll(20, TimeUnit.MILLISECONDS);
                if (frame != null && frame.path("table").path("legalActions").size() > 0
                        && frame.path("table").path("handNumber").asLong() == 1) {
                    ApiClient.Response r = api.post("/tables/" + table + "/actions", "{\"handNumber\":1,"
                            + "\"action\":\"fold\"}", tokens.get(i));
                    folded = r.status() == 200;
                }
            }
        }
        for (String token : tokens) {
            api.post("/tables/" + table + "/sit-out", null, token);
        }
        sockets.forEach(LiveClient::close);
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables/" + table + "/hands", null).body(),
                l -> l.size() >= 1);
        return table;
    }

    /** No hand in play and both players sitting out: no hand will start again. */
    private static boolean finished(JsonNode table) {
        boolean allOut = table.path("seats").size() == 2;
        for (JsonNode seat : table.path("seats")) {
            allOut &= seat.path("status").asText().equals("sitting_out");
        }
        return allOut && table.path("handNumber").isNull();
    }

    private static List<Long> numbers(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(h -> out.add(h.path("handNumber").asLong()));
        return out;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
