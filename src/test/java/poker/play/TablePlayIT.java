package poker.play;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.history.PokerStarsHistoryParser;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * Players play real hands against each other through their live sockets on a running server and a
 * real PostgreSQL, acting only on what their sockets tell them. Afterwards: chips conserved, hands
 * counted, every history parses, and no frame or body ever showed a card its recipient may not see —
 * during a hand or after it — while every card they did see came with an opening that verifies.
 */
class TablePlayIT {

    static PokerServer server;
    static ApiClient api;
    static int users;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.table.hand-pause", "100ms",
                "jdbc-read-journal.refresh-interval", "50ms"));
        api = new ApiClient(server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** A player: socket, latest view, and a thread that acts when the socket says it is their turn. */
    static final class Bot implements Runnable {
        final String name;
        final String token;
        final String userId;
        final LiveClient socket;
        final Random random;
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread;
        volatile int sent;

        final String tableId;
        volatile int rebuys;
        /** The answer to a refused rebuy (the wallet ran dry), after which the bot has no seat to leave. */
        volatile String refusedRebuy;
        private boolean windingDown;

        Bot(String name, String token, String userId, LiveClient socket, long seed, String tableId) {
            this.tableId = tableId;
            this.name = name;
            this.token = token;
            this.userId = userId;
            this.socket = socket;
            this.random = new Random(seed);
            this.thread = new Thread(this, "bot-" + name);
        }

        @Override
        public void run() {
            long lastActedSeq = -1;
            while (running.get()) {
                JsonNode frame;
                try {
                    frame = socket.frames.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (frame == null || !frame.has("table")) {
                    continue;
                }
                JsonNode table = frame.path("table");
                if (busted(table) && socket.frames.isEmpty()) {
                    rebuy();
                    continue;
                }
                JsonNode legal = table.path("legalActions");
                if (legal.isEmpty() || frame.path("seq").asLong() <= lastActedSeq || !socket.frames.isEmpty()) {
                    continue;
                }
                lastActedSeq = frame.path("seq").asLong();
                socket.send(choose(table.path("handNumber").asLong(), legal));
                sent++;
            }
        }

        /**
         * Out of chips: leave and buy in again, as a player at a cash table would; not once the table winds
         * down (a rebuy then would sit a player in after the others sat out, and deal a hand nobody waits for).
         */
        synchronized void rebuy() {
            if (windingDown) {
                return;
            }
            api.delete("/tables/" + tableId + "/participants/me?consistency=strong", token);
            Response rebought = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":1000}", token);
            rebuys++;
            if (rebought.status() != 201) {
                refusedRebuy = rebought.raw();
                running.set(false);
            }
        }

        /** No more rebuys; waits for one in progress to finish. */
        synchronized void windDown() {
            windingDown = true;
        }

        private static boolean busted(JsonNode table) {
            int you = table.path("you").path("seatNumber").asInt(-1);
            for (JsonNode seat : table.path("seats")) {
                if (seat.path("seatNumber").asInt() == you && seat.path("chips").asLong() == 0
                        && table.path("handNumber").isNull()) {
                    return true;
                }
            }
            return false;
        }

        private String choose(long handNumber, JsonNode legal) {
            Map<String, JsonNode> options = new HashMap<>();
            legal.forEach(a -> options.put(a.path("action").asText(), a));
            int roll = random.nextInt(100);
            String action;
            long amount = 0;
            if (roll < 8 && options.containsKey("fold") && !options.containsKey("check")) {
                action = "fold";
            } else if (roll < 18 && (options.containsKey("bet") || options.containsKey("raise"))) {
                action = options.containsKey("bet") ? "bet" : "raise";
                amount = options.get(action).path("min").asLong();
            } else if (roll < 19 && options.containsKey("all_in")) {
                action = "all_in";
            } else if (options.containsKey("check")) {
                action = "check";
            } else if (options.containsKey("call")) {
                action = "call";
            } else {
                action = options.containsKey("all_in") ? "all_in" : "fold";
            }
            return "{\"type\":\"action\",\"handNumber\":" + handNumber + ",\"action\":\"" + action
                    + "\",\"amount\":" + amount + "}";
        }
    }

    @Test
    void twoPlayersPlayTwentyHands() throws Exception {
        play(2, Integer.getInteger("play.hands", 20));
    }

    @Test
    void sixPlayersPlayTwentyHands() throws Exception {
        play(6, Integer.getInteger("play.hands", 20));
    }

    private void play(int players, int hands) throws Exception {
        long started = System.nanoTime();
        String host = api.signUp("host_" + (users++));
        String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Play " + players + "\",\"smallBlind\":5,"
                + "\"bigBlind\":10,\"maxSeats\":" + Math.max(players, 2) + ",\"minBuyIn\":200,\"maxBuyIn\":1000,"
                + "\"actionSeconds\":30}", host).text("tableId");
        LiveClient spectator = LiveClient.open(server.httpPort(), tableId, host, null, null).get(10, TimeUnit.SECONDS);
        List<Bot> bots = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            String name = "p" + players + "_" + i + "_" + (users++);
            String token = api.signUp(name);
            String userId = api.get("/users/me", token).text("id");
            LiveClient socket = LiveClient.open(server.httpPort(), tableId, token, null, null).get(10, TimeUnit.SECONDS);
            bots.add(new Bot(name, token, userId, socket, 1000L * players + i, tableId));
        }
        bots.forEach(b -> b.thread.start());
        for (Bot bot : bots) {
            Response joined = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":1000}", bot.token);
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        }
        List<String> liveBodies = new ArrayList<>();
        List<String> handBodies = new ArrayList<>();

        // play until enough hands have ended, as the spectator's socket reports them
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("play.seconds", 240));
        while (endedHands(spectator) < hands) {
            assertThat(System.nanoTime()).as("hands ended: %d; errors: %s", endedHands(spectator), errors(bots))
                    .isLessThan(deadline);
            Thread.sleep(200);
            liveBodies.add(api.get("/tables/" + tableId, null).raw());
        }
        // everyone sits out: no new hand; the one in play is finished by the bots, then all leave
        bots.forEach(Bot::windDown);
        for (Bot bot : bots) {
            api.post("/tables/" + tableId + "/sit-out", null, bot.token);
        }
        Eventually.await(Duration.ofSeconds(60), () -> lastTable(spectator), t -> t.path("handNumber").isNull());
        bots.forEach(b -> b.running.set(false));
        for (Bot bot : bots) {
            bot.thread.join(5_000);
            Response left = api.delete("/tables/" + tableId + "/participants/me?consistency=strong", bot.token);
            if (bot.refusedRebuy == null) {
                assertThat(left.status()).as(bot.name + ": " + left.raw()).isEqualTo(200);
            } else {
                assertThat(bot.refusedRebuy).contains("insufficient_funds");
                assertThat(left.status()).as(bot.name + ": " + left.raw()).isEqualTo(409);
            }
        }
        int played = endedHands(spectator);
        double seconds = (System.nanoTime() - started) / 1e9;

        // chips: what the players bought in with is what they hold now
        long total = 0;
        for (Bot bot : bots) {
            total += api.get("/wallet", bot.token).body().path("balance").asLong();
        }
        assertThat(total).isEqualTo(10_000L * players);
        JsonNode stats = Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables/" + tableId + "/stats", null)
                .body(), s -> s.path("handCount").asInt() == played);
        assertThat(stats.path("participantCount").asInt()).isZero();

        // every hand history is complete, verifiable and parses as PokerStars text; a moderator (here the
        // admin) reviewing an ended hand gets the whole deck opened
        JsonNode list = Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables/" + tableId + "/hands", null)
                .body(), l -> l.size() == Math.min(played, 100));
        assertThat(list.get(0).path("handNumber").asLong()).isEqualTo(played);
        String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        List<String> anonymousBodies = new ArrayList<>();
        List<String> reviewedBodies = new ArrayList<>();
        for (int n = 1; n <= played; n++) {
            Response hand = api.get("/tables/" + tableId + "/hands/" + n, bots.get(0).token);
            assertThat(hand.status()).as(hand.raw()).isEqualTo(200);
            assertThat(hand.body().path("deckCommitment").path("verified").asBoolean()).as(hand.raw()).isTrue();
            Response text = api.send("GET", "/tables/" + tableId + "/hands/" + n + "/history.txt", null, null);
            assertThat(text.status()).isEqualTo(200);
            PokerStarsHistoryParser.parse(text.raw());
            handBodies.add(hand.raw());
            anonymousBodies.add(api.get("/tables/" + tableId + "/hands/" + n, null).raw());
            reviewedBodies.add(api.get("/tables/" + tableId + "/hands/" + n, admin).raw());
        }

        // hidden information: no frame or body showed another player's unshown hole cards or the deck
        Map<Long, Map<String, Set<String>>> holeCards = new HashMap<>();
        for (Bot bot : bots) {
            for (String raw : bot.socket.raw) {
                JsonNode frame = ApiClient.MAPPER.readTree(raw);
                JsonNode event = frame.path("event");
                if (event.path("type").asText().equals("HoleCardsDealt") && event.path("cards").isArray()) {
                    Set<String> cards = new HashSet<>();
                    event.path("cards").forEach(c -> cards.add(c.asText()));
                    holeCards.computeIfAbsent(frame.path("table").path("handNumber").asLong(), h -> new HashMap<>())
                            .put(bot.userId, cards);
                }
            }
        }
        assertThat(holeCards).hasSize(played);
        LeakAudit audit = new LeakAudit(holeCards);
        for (Bot bot : bots) {
            audit.check(bot.userId, bot.socket.raw);
        }
        audit.check(null, spectator.raw);
        for (String body : liveBodies) {
            audit.checkLiveBody(body);
        }
        for (String body : handBodies) {
            audit.checkCompletedHand(body, bots.get(0).userId);
        }
        for (String body : anonymousBodies) {
            audit.checkCompletedHand(body, null);
        }
        for (String body : reviewedBodies) {
            audit.checkReviewedHand(body);
        }
        assertThat(audit.framesChecked()).isGreaterThan(played * 5);
        assertThat(audit.openingsChecked()).as("openings verified against their leaves").isGreaterThan(played * 52);
        Response auditBody = api.get("/admin/audit", admin);
        assertThat(auditBody.body().path("balanced").asBoolean()).as(auditBody.raw()).isTrue();

        bots.forEach(b -> b.socket.close());
        spectator.close();
        System.out.printf("%d players played %d hands in %.1f s (%d rebuys, %d frames checked for leaks,"
                        + " %d openings verified)%n", players, played, seconds, bots.stream().mapToInt(b -> b.rebuys).sum(),
                audit.framesChecked(), audit.openingsChecked());
    }

    private static List<String> errors(List<Bot> bots) {
        List<String> errors = new ArrayList<>();
        for (Bot bot : bots) {
            bot.socket.raw.stream().filter(r -> r.contains("\"type\":\"error\"")).limit(3).forEach(errors::add);
            errors.add(bot.name + ": " + bot.socket.raw.size() + " frames, "
                    + bot.socket.raw.stream().filter(r -> r.contains("\"legalActions\":[{")).count() + " on turn, sent "
                    + bot.sent + ", alive " + bot.thread.isAlive() + ", closed " + bot.socket.closed
                    + ", last " + bot.socket.raw.get(bot.socket.raw.size() - 1));
        }
        return errors;
    }

    private static int endedHands(LiveClient client) {
        int ended = 0;
        for (String raw : client.raw) {
            if (raw.contains("\"type\":\"HandEnded\"")) {
                ended++;
            }
        }
        return ended;
    }

    private static JsonNode lastTable(LiveClient client) throws Exception {
        return ApiClient.MAPPER.readTree(client.raw.get(client.raw.size() - 1)).path("table");
    }
}
