package poker.bots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * The shipped bots ({@link BotFleet}, what {@link BotRunner} runs) at a cash table, in-process against a
 * whole server: six bots sign up, buy in, play over their live sockets until 10 hands have ended, and
 * leave. No action of theirs is refused except by the races no client can avoid; chips are conserved.
 */
class BotFleetCashIT {

    static PokerServer server;
    static ApiClient api;

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

    @Test
    void sixBotsPlayTenHandsAndLeaveWithEveryChip() throws Exception {
        String host = api.signUp("cash_host");
        String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Bots\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":30}", host).text("tableId");
        BotFleet.Settings settings = BotFleet.Settings.of(URI.create("http://127.0.0.1:" + server.httpPort() + "/api"), 6)
                .withPrefix("cashbot").withSeed(42).withStrategy(new Strategy(8, 15, 3))
                .withLog(System.out::println);
        long started = System.nanoTime();
        try (BotFleet fleet = new BotFleet(settings)) {
            assertThat(fleet.signUp()).hasSize(6);
            fleet.joinTable(tableId, 500);
            fleet.play(new Bot.CashTable(tableId, 500));
            assertThat(fleet.awaitHands(tableId, 10, Duration.ofMinutes(3)))
                    .as("10 hands within 3 minutes: %s", fleet.summary()).isTrue();
            fleet.stop();
            fleet.leave(tableId).forEach((bot, left) ->
                    assertThat(left.status()).as(bot + ": " + left.raw()).isEqualTo(200));
            BotStats.Summary summary = fleet.summary();
            System.out.printf("%s in %.1f s%n", summary, (System.nanoTime() - started) / 1e9);

            assertThat(summary.bots()).isEqualTo(6);
            assertThat(summary.handsSeen()).isGreaterThanOrEqualTo(10);
            assertThat(summary.actionsSent()).isGreaterThanOrEqualTo(20);
            assertThat(summary.rejectionsExcept(BotStats.RACES)).as("rejections other than races").isEmpty();
            assertThat(fleet.bots()).allSatisfy(b -> assertThat(b.stoppedBecause()).as(b.username).isNull());

            // every chip is back in a wallet (stacks of a hand in play come back when it ends): 6 grants,
            // nothing on the table, the audit balanced
            Eventually.await(Duration.ofSeconds(20), () -> {
                long total = 0;
                for (Bot bot : fleet.bots()) {
                    total += api.get("/wallet", bot.token()).body().path("balance").asLong();
                }
                return total;
            }, total -> total == 6 * 10_000L);
            String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
            JsonNode audit = Eventually.await(Duration.ofSeconds(10), () -> api.get("/admin/audit", admin).body(),
                    a -> a.path("balanced").asBoolean() && a.path("tableChips").asLong() == 0);
            assertThat(audit.path("balanced").asBoolean()).as(audit.toString()).isTrue();
        }
    }

    @Test
    void theRunnerSeatsItsBotsPlaysAndLeaves() throws Exception {
        String host = api.signUp("runner_host");
        String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Runner\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":2,\"minBuyIn\":200,\"maxBuyIn\":1000}", host).text("tableId");
        int exit = BotRunner.run(BotRunner.parse(new String[] {"--api", "http://127.0.0.1:" + server.httpPort() + "/api",
                "--table", tableId, "--bots", "2", "--buy-in", "300", "--hands", "3", "--prefix", "runner", "--seconds", "120"}));
        assertThat(exit).isZero();
        Eventually.await(Duration.ofSeconds(20), () -> api.get("/tables/" + tableId + "/participants", null).body(),
                p -> p.isArray() && p.isEmpty());
        assertThat(api.get("/tables/" + tableId + "/stats", null).body().path("handCount").asInt())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSecondRunLogsTheSameBotsIn() {
        BotFleet.Settings settings = BotFleet.Settings.of(URI.create("http://127.0.0.1:" + server.httpPort() + "/api"), 2)
                .withPrefix("again");
        try (BotFleet first = new BotFleet(settings); BotFleet second = new BotFleet(settings)) {
            String firstId = first.signUp().get(0).userId;
            assertThat(second.signUp().get(0).userId).isEqualTo(firstId);
        }
    }
}
