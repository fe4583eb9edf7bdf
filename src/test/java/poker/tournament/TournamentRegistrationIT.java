package poker.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.Strategy;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * Registration through HTTP: entries paid from the wallet and given back by compensation (unregister,
 * cancel, a cancelled start below the minimum, a refused registration), late registration and
 * re-entry, and every named refusal: already_registered, registration_closed, tournament_full,
 * insufficient_funds, reentry_not_allowed, tournament_running, not_enough_players, and tournament_table
 * on joining or leaving a tournament table.
 */
class TournamentRegistrationIT {

    static final long GRANT = 10_000;
    static PokerServer server;
    static ApiClient api;
    static String admin;
    static int users;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.table.hand-pause", "100ms",
                "jdbc-read-journal.refresh-interval", "50ms"));
        api = new ApiClient(server.httpPort());
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** A scheduled tournament (admin), starting in an hour unless started by hand; {@code changes} JSON fields. */
    private static String tournament(String changes) throws Exception {
        ObjectNode body = ApiClient.MAPPER.createObjectNode();
        body.put("name", "Reg " + (users++));
        body.put("buyIn", 100);
        body.put("fee", 10);
        body.put("startingStack", 1000);
        body.put("seatsPerTable", 6);
        body.put("minPlayers", 2);
        body.put("maxPlayers", 6);
        body.put("startAt", Instant.now().plus(Duration.ofHours(1)).toString());
        body.put("actionSeconds", 5);
        body.setAll((ObjectNode) ApiClient.MAPPER.readTree("{" + changes + "}"));
        Response created = api.post("/tournaments", body.toString(), admin);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("tournamentId");
    }

    private static String player() {
        return api.signUp("reg_player_" + (users++));
    }

    private static Response register(String tournamentId, String token) {
        return api.post("/tournaments/" + tournamentId + "/registrations", "{}", token);
    }

    private static long balance(String token) {
        return api.get("/wallet", token).body().path("balance").asLong();
    }

    /** The wallet read side reaches {@code expected}. */
    private static void awaitBalance(String token, long expected) throws Exception {
        Eventually.await(Duration.ofSeconds(10), () -> balance(token), b -> b == expected);
    }

    private static void assertRefused(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.text("error")).as(r.raw()).isEqualTo(code);
    }

    /**
     * The ledger shows every entry debit ({@code -amount}) given back by a refund line ({@code +amount}),
     * at least {@code refunds} of them: compensation, nothing deleted.
     */
    private static void awaitRefunds(String token, long amount, int refunds) throws Exception {
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/wallet/transactions", token).body(), ledger -> {
            int debits = 0;
            int credits = 0;
            for (JsonNode line : ledger) {
                debits += line.path("amount").asLong() == -amount ? 1 : 0;
                credits += line.path("amount").asLong() == amount ? 1 : 0;
            }
            return credits >= refunds && credits == debits;
        });
    }

    @Test
    void anEntryIsPaidAndUnregisteringGivesItBackByCompensation() throws Exception {
        String t = tournament("");
        String alice = player();
        Response entry = register(t, alice);
        assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        assertThat(entry.text("entryId")).isNotBlank();
        awaitBalance(alice, GRANT - 110);

        // twice: refused, and whatever was debited for the attempt is given back
        assertRefused(register(t, alice), 409, "already_registered");
        awaitBalance(alice, GRANT - 110);

        Response unregistered = api.delete("/tournaments/" + t + "/registrations/me", alice);
        assertThat(unregistered.status()).as(unregistered.raw()).isEqualTo(200);
        assertThat(unregistered.body().path("refunded").asLong()).isEqualTo(110);
        awaitBalance(alice, GRANT);
        awaitRefunds(alice, 110, 1);
        JsonNode detail = Eventually.await(Duration.ofSeconds(10), () -> api.get("/tournaments/" + t, null).body(),
                d -> d.path("entrants").asInt() == 0);
        assertThat(detail.path("status").asText()).isEqualTo("registering");
    }

    @Test
    void aFullTournamentAndAnEntryTheWalletCannotPay() throws Exception {
        String t = tournament("\"maxPlayers\":2");
        assertThat(register(t, player()).status()).isEqualTo(201);
        assertThat(register(t, player()).status()).isEqualTo(201);
        String late = player();
        assertRefused(register(t, late), 409, "tournament_full");
        awaitBalance(late, GRANT);
        awaitRefunds(late, 110, 0);

        String expensive = tournament("\"buyIn\":20000");
        String poor = player();
        assertRefused(register(expensive, poor), 409, "insufficient_funds");
        awaitBalance(poor, GRANT);
    }

    @Test
    void startingBelowTheMinimumIsRefusedAndAtTheStartTimeCancelsAndRefunds() throws Exception {
        String t = tournament("\"minPlayers\":3");
        String alice = player();
        assertThat(register(t, alice).status()).isEqualTo(201);
        assertRefused(api.post("/tournaments/" + t + "/start", null, admin), 409, "not_enough_players");
        assertThat(api.post("/tournaments/" + t + "/start", null, alice).status())
                .as("only an admin or the creator starts it").isEqualTo(403);

        // a start time passes with one entry of three needed: cancelled, the entry refunded
        Response soon = api.post("/tournaments", "{\"name\":\"Too few\",\"buyIn\":100,\"fee\":10,\"startingStack\":1000,"
                + "\"seatsPerTable\":6,\"minPlayers\":3,\"maxPlayers\":6,\"startAt\":\"" + Instant.now().plusSeconds(3)
                + "\"}", admin);
        assertThat(soon.status()).as(soon.raw()).isEqualTo(201);
        String bob = player();
        assertThat(register(soon.text("tournamentId"), bob).status()).isEqualTo(201);
        Eventually.await(Duration.ofSeconds(30), () -> api.get("/tournaments/" + soon.text("tournamentId"), null).body(),
                d -> d.path("status").asText().equals("cancelled"));
        awaitBalance(bob, GRANT);
        awaitRefunds(bob, 110, 1);
    }

    @Test
    void cancellingRefundsEveryEntry() throws Exception {
        String t = tournament("");
        String alice = player();
        String bob = player();
        assertThat(register(t, alice).status()).isEqualTo(201);
        assertThat(register(t, bob).status()).isEqualTo(201);
        assertThat(api.post("/tournaments/" + t + "/cancel", null, alice).status()).isEqualTo(403);
        Response cancelled = api.post("/tournaments/" + t + "/cancel", null, admin);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        awaitBalance(alice, GRANT);
        awaitBalance(bob, GRANT);
        awaitRefunds(alice, 110, 1);
        awaitRefunds(bob, 110, 1);
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/tournaments/" + t, null).body(),
                d -> d.path("status").asText().equals("cancelled"));
    }

    @Test
    void onceRunningNoUnregisteringNoLateEntryWhenClosedAndTheTablesRefuseJoinAndLeave() throws Exception {
        String t = tournament("\"lateRegistrationLevels\":0");
        String alice = player();
        String bob = player();
        assertThat(register(t, alice).status()).isEqualTo(201);
        assertThat(register(t, bob).status()).isEqualTo(201);
        Response started = api.post("/tournaments/" + t + "/start", null, admin);
        assertThat(started.status()).as(started.raw()).isEqualTo(200);

        assertRefused(api.delete("/tournaments/" + t + "/registrations/me", alice), 409, "tournament_running");
        String carol = player();
        assertRefused(register(t, carol), 409, "registration_closed");
        awaitBalance(carol, GRANT);

        JsonNode me = Eventually.await(Duration.ofSeconds(20), () -> api.get("/tournaments/" + t + "/me", alice).body(),
                m -> m.hasNonNull("tableId"));
        String table = me.path("tableId").asText();
        assertRefused(api.post("/tables/" + table + "/participants", "{\"buyIn\":500}", carol), 409, "tournament_table");
        assertRefused(api.delete("/tables/" + table + "/participants/me", alice), 409, "tournament_table");
        awaitBalance(carol, GRANT);
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables", null).body(), lobby -> {
            for (JsonNode row : lobby) {
                if (row.path("tableId").asText().equals(table)) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Late registration and re-entry, with bots that go all-in every hand: in a tournament allowing one
     * re-entry the first player out enters again (a new entry, paid again); in one allowing none the first
     * player out may not; a newcomer registers late.
     */
    @Test
    void lateRegistrationAndReEntry() throws Exception {
        String levels = "\"levels\":[{\"smallBlind\":50,\"bigBlind\":100,\"ante\":0,\"minutes\":10}],"
                + "\"lateRegistrationLevels\":1";
        String oneReentry = tournament(levels + ",\"maxReentries\":1");
        String noReentry = tournament(levels + ",\"maxReentries\":0");
        BotFleet.Settings settings = BotFleet.Settings.of(URI.create("http://127.0.0.1:" + server.httpPort() + "/api"), 3)
                .withStrategy(new Strategy(0, 0, 100)).withSeed(9).withLog(System.out::println);
        try (BotFleet one = new BotFleet(settings.withPrefix("reentry_one"));
             BotFleet none = new BotFleet(settings.withPrefix("reentry_none"))) {
            one.signUp();
            none.signUp();
            assertThat(one.register(oneReentry).values()).allMatch(e -> !e.matches("[a-z_]+"));
            assertThat(none.register(noReentry).values()).allMatch(e -> !e.matches("[a-z_]+"));
            for (String t : new String[] {oneReentry, noReentry}) {
                Response started = api.post("/tournaments/" + t + "/start", null, admin);
                assertThat(started.status()).as(started.raw()).isEqualTo(200);
            }
            // late, during level 1: a new entry
            String late = player();
            Response lateEntry = register(oneReentry, late);
            assertThat(lateEntry.status()).as(lateEntry.raw()).isEqualTo(201);
            awaitBalance(late, GRANT - 110);
            // a player who never acts keeps the other tournament going too (blinded away slowly)
            assertThat(register(noReentry, player()).status()).isEqualTo(201);

            one.play(new Bot.Tournament(oneReentry));
            none.play(new Bot.Tournament(noReentry));

            Bot outOfNone = firstOut(none);
            assertRefused(register(noReentry, outOfNone.token()), 409, "reentry_not_allowed");
            awaitBalance(outOfNone.token(), GRANT - 110);
            // the refused re-entry took nothing: the ledger holds the first entry only (or a debit and its refund)
            JsonNode ledger = api.get("/wallet/transactions", outOfNone.token()).body();
            long debits = 0;
            long credits = 0;
            for (JsonNode line : ledger) {
                debits += line.path("amount").asLong() == -110 ? 1 : 0;
                credits += line.path("amount").asLong() == 110 ? 1 : 0;
            }
            assertThat(debits - credits).as(ledger.toString()).isEqualTo(1);

            Bot outOfOne = firstOut(one);
            String firstEntry = api.get("/tournaments/" + oneReentry + "/me", outOfOne.token()).text("entryId");
            Response again = register(oneReentry, outOfOne.token());
            assertThat(again.status()).as(again.raw()).isEqualTo(201);
            assertThat(again.text("entryId")).isNotEqualTo(firstEntry);
            awaitBalance(outOfOne.token(), GRANT - 220);
            Eventually.await(Duration.ofSeconds(20), () -> api.get("/tournaments/" + oneReentry + "/me",
                    outOfOne.token()).body(), m -> m.path("entryId").asText().equals(again.text("entryId")));
            JsonNode detail = api.get("/tournaments/" + oneReentry, null).body();
            assertThat(detail.path("entrants").asInt()).as(detail.toString()).isEqualTo(5); // 3 + late + re-entry
        }
    }

    private static Bot firstOut(BotFleet fleet) throws Exception {
        return Eventually.await(Duration.ofMinutes(2), () -> fleet.bots().stream().filter(Bot::out).findFirst()
                .orElse(null), b -> b != null);
    }
}
