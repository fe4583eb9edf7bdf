package poker.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.TestServer;

/** The live socket's contract: handshake auth, personal views, client frames, reconnect, and the clock. */
class LiveSocketIT {

    static final Duration WAIT = Duration.ofSeconds(10);

    static String table(ApiClient api, String token, int actionSeconds) {
        return api.post("/tables?consistency=strong", "{\"name\":\"Live\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":2,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":" + actionSeconds + "}", token)
                .text("tableId");
    }

    static JsonNode until(LiveClient client, java.util.function.Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = client.frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && match.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no matching frame; got " + client.raw);
    }

    @Test
    void theSocketShowsEachViewerTheirOwnTableAndAnswersBadFrames() throws Exception {
        PokerServer server = TestServer.start(TestDatabase.fresh(), Map.of("poker.table.hand-pause", "100ms"));
        try {
            ApiClient api = new ApiClient(server.httpPort());
            String ann = api.signUp("sock_ann");
            String bob = api.signUp("sock_bob");
            String eve = api.signUp("sock_eve");
            String tableId = table(api, ann, 30);

            assertThatThrownBy(() -> LiveClient.open(server.httpPort(), tableId, "bogus", null, null)
                    .get(10, TimeUnit.SECONDS)).hasStackTraceContaining("status code 401");
            assertThatThrownBy(() -> LiveClient.open(server.httpPort(), "00000000-0000-4000-8000-000000000000", ann,
                    null, null).get(10, TimeUnit.SECONDS)).hasStackTraceContaining("status code 404");

            LiveClient annSocket = LiveClient.open(server.httpPort(), tableId, ann, null, null).get(10, TimeUnit.SECONDS);
            LiveClient spectator = LiveClient.open(server.httpPort(), tableId, eve, null, null).get(10, TimeUnit.SECONDS);
            JsonNode snapshot = annSocket.next(WAIT);
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("table").path("status").asText()).isEqualTo("waiting");

            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", ann);
            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", bob);
            JsonNode dealt = until(annSocket, f -> f.path("event").path("type").asText().equals("TurnClockStarted"));
            JsonNode view = dealt.path("table");
            JsonNode mine = null;
            for (JsonNode seat : view.path("seats")) {
                if (seat.path("seatNumber").asInt() == view.path("you").path("seatNumber").asInt()) {
                    mine = seat;
                } else {
                    assertThat(seat.path("cards").isNull()).as("others' cards hidden: %s", seat).isTrue();
                }
            }
            assertThat(mine.path("cards")).hasSize(2);
            assertThat(view.path("commitment").asText()).hasSize(64);
            JsonNode spectated = until(spectator, f -> f.path("event").path("type").asText().equals("TurnClockStarted"));
            spectated.path("table").path("seats").forEach(seat -> assertThat(seat.path("cards").isNull()).isTrue());
            assertThat(spectated.path("table").path("you").isNull()).isTrue();
            assertThat(spectated.path("table").path("legalActions")).isEmpty();

            boolean annOnTurn = view.path("toAct").path("seatNumber").asInt() == view.path("you").path("seatNumber").asInt();
            assertThat(view.path("legalActions").isEmpty()).isEqualTo(!annOnTurn);
            long hand = view.path("handNumber").asLong();

            // bad client frames get an error frame and change nothing
            annSocket.frames.clear();
            annSocket.send("this is not json");
            assertThat(until(annSocket, f -> f.path("type").asText().equals("error")).path("error").asText())
                    .isEqualTo("malformed_json");
            annSocket.send("{\"type\":\"ping\"}");
            until(annSocket, f -> f.path("type").asText().equals("pong"));
            annSocket.send("{\"type\":\"action\",\"handNumber\":" + hand + ",\"action\":\"shove\"}");
            assertThat(until(annSocket, f -> f.path("type").asText().equals("error")).path("field").asText())
                    .isEqualTo("action");
            annSocket.send("{\"type\":\"action\",\"handNumber\":" + (hand + 5) + ",\"action\":\"fold\"}");
            assertThat(until(annSocket, f -> f.path("type").asText().equals("error")).path("error").asText())
                    .isEqualTo("hand_over");
            if (!annOnTurn) {
                annSocket.send("{\"type\":\"action\",\"handNumber\":" + hand + ",\"action\":\"fold\"}");
                assertThat(until(annSocket, f -> f.path("type").asText().equals("error")).path("error").asText())
                        .isEqualTo("not_your_turn");
            }
            Thread.sleep(300);
            assertThat(annSocket.raw).noneMatch(r -> r.contains("\"type\":\"event\"") && r.contains("PlayerFolded"));

            // joining mid-hand: the snapshot carries the hand's leaves and this viewer's openings to check
            String annId = api.get("/users/me", ann).text("id");
            LiveClient lateAnn = LiveClient.open(server.httpPort(), tableId, ann, null, null).get(10, TimeUnit.SECONDS);
            LiveClient lateEve = LiveClient.open(server.httpPort(), tableId, eve, null, null).get(10, TimeUnit.SECONDS);
            JsonNode annSnapshot = lateAnn.next(WAIT);
            JsonNode deck = annSnapshot.path("deck");
            assertThat(deck.path("handNumber").asLong()).isEqualTo(hand);
            assertThat(deck.path("commitment").asText()).isEqualTo(view.path("commitment").asText());
            assertThat(deck.path("leaves")).hasSize(52);
            assertThat(deck.path("verified").asBoolean()).isTrue();
            List<String> leaves = new ArrayList<>();
            deck.path("leaves").forEach(l -> leaves.add(l.asText()));
            DeckCommitment published = new DeckCommitment(deck.path("commitment").asText(), leaves);
            List<String> opened = new ArrayList<>();
            for (JsonNode o : deck.path("openings")) {
                Opening opening = new Opening(o.path("position").asInt(), Card.parse(o.path("card").asText()),
                        o.path("salt").asText());
                assertThat(published.opens(opening)).as("%s", o).isTrue();
                opened.add(opening.card().toString());
            }
            List<String> annCards = new ArrayList<>();
            mine.path("cards").forEach(c -> annCards.add(c.asText()));
            assertThat(opened).as("ann's own cards, opened").containsExactlyInAnyOrderElementsOf(annCards);
            assertThat(published.leavesMatchCommitment()).isTrue();
            assertThat(lateEve.next(WAIT).path("deck").path("openings")).as("preflop a spectator opens nothing")
                    .isEmpty();
            LeakAudit audit = new LeakAudit(Map.of(hand, Map.of(annId, Set.copyOf(annCards))));
            audit.check(annId, annSocket.raw);
            audit.check(annId, lateAnn.raw);
            audit.check(null, spectator.raw);
            audit.check(null, lateEve.raw);
            lateAnn.close();
            lateEve.close();

            // logging out closes open sockets
            assertThat(api.delete("/sessions/current", eve).status()).isEqualTo(204);
            assertThat(spectator.closed.get(10, TimeUnit.SECONDS)).isNotNull();
            annSocket.close();
        } finally {
            server.stop();
        }
    }

    @Test
    void aReconnectWithFromSeqGetsExactlyTheMissedEvents() throws Exception {
        PokerServer server = TestServer.start(TestDatabase.fresh(), Map.of("poker.table.hand-pause", "100ms"));
        try {
            ApiClient api = new ApiClient(server.httpPort());
            String ann = api.signUp("re_ann");
            String bob = api.signUp("re_bob");
            String tableId = table(api, ann, 30);
            LiveClient control = LiveClient.open(server.httpPort(), tableId, bob, null, null).get(10, TimeUnit.SECONDS);
            LiveClient dropping = LiveClient.open(server.httpPort(), tableId, ann, null, null).get(10, TimeUnit.SECONDS);
            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", ann);
            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", bob);
            until(dropping, f -> f.path("event").path("type").asText().equals("TurnClockStarted"));
            Thread.sleep(300);
            long lastSeen = dropping.raw.stream().map(r -> {
                try {
                    return ApiClient.MAPPER.readTree(r).path("seq").asLong();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).max(Long::compare).orElseThrow();
            dropping.close();

            // the hand goes on while ann is away: whoever is on turn checks, or calls when a check is not free
            String annId = api.get("/users/me", ann).text("id");
            for (int i = 0; i < 4; i++) {
                JsonNode last = ApiClient.MAPPER.readTree(control.raw.get(control.raw.size() - 1)).path("table");
                if (last.path("handNumber").isNull()) {
                    break;
                }
                String token = last.path("toAct").path("playerId").asText().equals(annId) ? ann : bob;
                String hand = "{\"handNumber\":" + last.path("handNumber").asLong() + ",\"action\":";
                if (api.post("/tables/" + tableId + "/actions", hand + "\"check\"}", token).status() != 200) {
                    api.post("/tables/" + tableId + "/actions", hand + "\"call\"}", token);
                }
                Thread.sleep(300);
            }
            Thread.sleep(500);
            LiveClient back = LiveClient.open(server.httpPort(), tableId, ann, lastSeen, null).get(10, TimeUnit.SECONDS);
            Thread.sleep(1000);

            List<Long> missed = new ArrayList<>();
            List<String> missedTypes = new ArrayList<>();
            JsonNode first = ApiClient.MAPPER.readTree(back.raw.get(0));
            assertThat(first.path("type").asText()).isEqualTo("snapshot");
            assertThat(first.path("seq").asLong()).isEqualTo(lastSeen);
            for (String raw : back.raw.subList(1, back.raw.size())) {
                JsonNode frame = ApiClient.MAPPER.readTree(raw);
                missed.add(frame.path("seq").asLong());
                missedTypes.add(frame.path("event").path("type").asText());
            }
            List<Long> expected = new ArrayList<>();
            List<String> expectedTypes = new ArrayList<>();
            for (String raw : control.raw) {
                JsonNode frame = ApiClient.MAPPER.readTree(raw);
                if (frame.path("type").asText().equals("event") && frame.path("seq").asLong() > lastSeen) {
                    expected.add(frame.path("seq").asLong());
                    expectedTypes.add(frame.path("event").path("type").asText());
                }
            }
            assertThat(expected).isNotEmpty();
            assertThat(missed).as("contiguous, nothing lost, nothing twice").isEqualTo(expected);
            for (int i = 1; i < missed.size(); i++) {
                assertThat(missed.get(i)).isEqualTo(missed.get(i - 1) + 1);
            }
            assertThat(missed.get(0)).isEqualTo(lastSeen + 1);
            assertThat(missedTypes).isEqualTo(expectedTypes);

            // the hand played while ann was away, and after: nothing she or bob may not see, in any frame
            String bobId = api.get("/users/me", bob).text("id");
            Map<Long, Map<String, Set<String>>> holeCards = new HashMap<>();
            collectHoleCards(holeCards, annId, dropping.raw);
            collectHoleCards(holeCards, bobId, control.raw);
            LeakAudit audit = new LeakAudit(holeCards);
            audit.check(annId, dropping.raw);
            audit.check(annId, back.raw);
            audit.check(bobId, control.raw);
            assertThat(audit.openingsChecked()).isGreaterThanOrEqualTo(4);
            back.close();
            control.close();
        } finally {
            server.stop();
        }
    }

    private static void collectHoleCards(Map<Long, Map<String, Set<String>>> holeCards, String player,
                                         List<String> frames) throws Exception {
        for (String raw : frames) {
            JsonNode frame = ApiClient.MAPPER.readTree(raw);
            JsonNode event = frame.path("event");
            if (event.path("type").asText().equals("HoleCardsDealt") && event.path("cards").isArray()) {
                Set<String> cards = new HashSet<>();
                event.path("cards").forEach(c -> cards.add(c.asText()));
                holeCards.computeIfAbsent(frame.path("table").path("handNumber").asLong(), h -> new HashMap<>())
                        .put(player, cards);
            }
        }
    }

    /** A player who does nothing is folded at the deadline, also when the server restarts meanwhile. */
    @Test
    void theClockFoldsAtTheDeadlineAcrossAServerRestart() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        PokerServer first = TestServer.start(db, Map.of("poker.table.hand-pause", "100ms"));
        String tableId;
        String ann;
        try {
            ApiClient api = new ApiClient(first.httpPort());
            ann = api.signUp("clock_ann");
            String bob = api.signUp("clock_bob");
            tableId = table(api, ann, 6);
            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", ann);
            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", bob);
            Eventually.await(WAIT, () -> api.get("/tables", null).body().get(0).path("status").asText(),
                    "playing"::equals);
        } finally {
            first.stop();
        }
        PokerServer second = TestServer.start(db, Map.of("poker.table.hand-pause", "1h"));
        try {
            ApiClient api = new ApiClient(second.httpPort());
            JsonNode hand = Eventually.await(Duration.ofSeconds(20), () -> api.get("/tables/" + tableId + "/hands/1",
                    null), r -> r.status() == 200).body();
            boolean timedOut = false;
            for (JsonNode action : hand.path("actions")) {
                if (action.path("type").asText().equals("PlayerFolded")
                        && action.path("reason").asText().equals("timeout")) {
                    timedOut = true;
                }
            }
            assertThat(timedOut).as(hand.toString()).isTrue();
        } finally {
            second.stop();
        }
    }
}
