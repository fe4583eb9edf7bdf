package poker.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.BotStats;
import poker.bots.Strategy;

/**
 * One tournament played to the end by bots against a running server (in-process or a separate JVM), then
 * checked: over the journal ({@link TournamentChecks}: chips, seats, balance, breaks, hand-for-hand,
 * places, prizes, fees) and through the API (standings, every bot's wallet ledger, the audit).
 */
public final class TournamentRun {

    /** Fast levels (a minute each, the shortest a schedule allows) from blinds 10/20 on a 1,000 stack. */
    public static final String FAST_LEVELS = "[{\"smallBlind\":10,\"bigBlind\":20,\"ante\":0,\"minutes\":1},"
            + "{\"smallBlind\":20,\"bigBlind\":40,\"ante\":0,\"minutes\":1},"
            + "{\"smallBlind\":40,\"bigBlind\":80,\"ante\":10,\"minutes\":1},"
            + "{\"smallBlind\":75,\"bigBlind\":150,\"ante\":20,\"minutes\":1},"
            + "{\"smallBlind\":150,\"bigBlind\":300,\"ante\":40,\"minutes\":1},"
            + "{\"smallBlind\":300,\"bigBlind\":600,\"ante\":75,\"minutes\":1},"
            + "{\"smallBlind\":600,\"bigBlind\":1200,\"ante\":150,\"minutes\":1},"
            + "{\"smallBlind\":1200,\"bigBlind\":2400,\"ante\":300,\"minutes\":1},"
            + "{\"smallBlind\":2500,\"bigBlind\":5000,\"ante\":600,\"minutes\":1},"
            + "{\"smallBlind\":5000,\"bigBlind\":10000,\"ante\":1200,\"minutes\":1}]";
    public static final long BUY_IN = 100;
    public static final long FEE = 10;
    public static final long STACK = 1000;
    public static final long GRANT = 10_000;

    /** What a tournament run found. */
    public record Outcome(String tournamentId, double seconds, BotStats.Summary bots, TournamentChecks checks) {
    }

    /** Where the journal is: the test database (in-process server) or a server process's own. */
    public interface Journal {
        TournamentChecks load(String tournamentId) throws Exception;
    }

    public static Journal journal(TestDatabase.Db db) {
        return id -> TournamentChecks.load(db.url(), db.user(), db.password(), id);
    }

    private TournamentRun() {
    }

    /** Creates a sit-and-go for {@code entries} (admin), started when full. */
    public static String create(ApiClient api, String admin, String name, int entries, int seatsPerTable) {
        ApiClient.Response created = api.post("/tournaments", "{\"name\":\"" + name + "\",\"buyIn\":" + BUY_IN
                + ",\"fee\":" + FEE + ",\"startingStack\":" + STACK + ",\"seatsPerTable\":" + seatsPerTable
                + ",\"minPlayers\":2,\"maxPlayers\":" + entries + ",\"startWhenFull\":true,\"levels\":" + FAST_LEVELS
                + ",\"lateRegistrationLevels\":0,\"maxReentries\":0,\"actionSeconds\":5}", admin);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.text("tournamentId");
    }

    /**
     * Plays a fresh sit-and-go of {@code entries} bots named {@code prefix1..} to the end, calling
     * {@code midway} (with the fleet) once a third of the field is out, and checks it.
     */
    public static Outcome play(int port, Journal journal, int entries, int seatsPerTable, String prefix,
                               Consumer<BotFleet> midway) throws Exception {
        return play(List.of(port), () -> port, journal, entries, seatsPerTable, prefix, midway);
    }

    /**
     * The same against a cluster: the bots know every node's port and move to the next when one does not
     * answer; the set-up and the checks ask {@code livePort} for a node that runs at that moment.
     */
    public static Outcome play(List<Integer> ports, IntSupplier livePort, Journal journal, int entries,
                               int seatsPerTable, String prefix, Consumer<BotFleet> midway) throws Exception {
        return play(ports, livePort, journal, entries, seatsPerTable, prefix, new Strategy(20, 12, 3), midway);
    }

    /** The same with the bots' strategy: more all-ins, a shorter tournament. */
    public static Outcome play(List<Integer> ports, IntSupplier livePort, Journal journal, int entries,
                               int seatsPerTable, String prefix, Strategy strategy, Consumer<BotFleet> midway)
            throws Exception {
        ApiClient api = new ApiClient(livePort.getAsInt());
        String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        String tournamentId = create(api, admin, prefix, entries, seatsPerTable);
        BotFleet.Settings settings = BotFleet.Settings.of(ports.stream()
                        .map(port -> URI.create("http://127.0.0.1:" + port + "/api")).toList(), entries)
                .withPrefix(prefix).withSeed(prefix.hashCode()).withStrategy(strategy)
                .withMaxWait(Duration.ofMinutes(3)).withLog(System.out::println);
        long started;
        BotStats.Summary summary;
        Map<String, String> entryOf = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        try (BotFleet fleet = new BotFleet(settings)) {
            fleet.signUp();
            Map<String, String> registered = fleet.register(tournamentId);
            registered.forEach((bot, entry) -> assertThat(entry).as(bot + " registered").doesNotMatch("[a-z_]+"));
            entryOf.putAll(registered);
            fleet.bots().forEach(b -> tokens.put(b.username, b.token()));
            started = System.nanoTime();
            fleet.play(new Bot.Tournament(tournamentId));
            if (midway != null) {
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (fleet.bots().stream().filter(Bot::out).count() < entries / 3 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                midway.accept(fleet);
            }
            String status = fleet.awaitTournamentEnd(tournamentId, Duration.ofMinutes(20));
            summary = fleet.summary();
            assertThat(status).as("tournament status; bots: %s", summary).isEqualTo("finished");
            fleet.stop();
            System.out.println(summary);
            // races between a bot and its clock or the dealer, and a store too slow to answer on a loaded machine
            // (503 store_unavailable: nothing stored, the bot acts again), are not refusals of a rule
            assertThat(summary.rejectionsExcept(Set.of("hand_over", "not_your_turn", "not_seated",
                    "store_unavailable")))
                    .as("actions refused other than by races").isEmpty();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        // wallets: each bot paid buy-in + fee once, and got its prize once (read side, so wait for it)
        TournamentChecks checks = Eventually.await(Duration.ofSeconds(60), () -> journal.load(tournamentId),
                c -> c.winner() != null && c.prizes().values().stream().filter(p -> p > 0).count()
                        == prizeAwards(c));
        assertThat(checks.violations()).as("rules broken, over the journal").isEmpty();
        assertThat(checks.entries()).isEqualTo(entries);
        assertThat(checks.winner()).isNotNull();
        ApiClient after = new ApiClient(livePort.getAsInt());
        walletsAndStandings(after, after.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD), tournamentId, entries,
                entryOf, tokens, checks);
        System.out.printf("tournament %s: %d entries at tables of %d finished in %.1f s: %d hands, %d journal events"
                        + " (%d balancing points: %d settled, %d with a move, seating or bust in flight), hand-for-hand"
                        + " %s%n", tournamentId, entries, seatsPerTable, seconds, checks.tableHands(),
                checks.rows().size(), checks.balancingPoints(), checks.settledBalancingPoints(),
                checks.unsettledBalancingPoints(), checks.handForHandHappened());
        return new Outcome(tournamentId, seconds, summary, checks);
    }

    private static long prizeAwards(TournamentChecks checks) {
        return checks.rows().stream().filter(r -> r.persistenceId().startsWith("Tournament|")
                && r.event().path("type").asText().equals("PrizeAwarded")).count();
    }

    private static void walletsAndStandings(ApiClient api, String admin, String tournamentId, int entries,
                                            Map<String, String> entryOf, Map<String, String> tokens,
                                            TournamentChecks checks) throws Exception {
        Map<String, Integer> places = checks.places();
        Map<String, Long> prizes = checks.prizes();
        List<String> users = List.copyOf(entryOf.keySet());
        long total = 0;
        for (String user : users) {
            String entry = entryOf.get(user);
            String token = tokens.get(user);
            long prize = prizes.getOrDefault(entry, 0L);
            long expected = GRANT - BUY_IN - FEE + prize;
            JsonNode balance = Eventually.await(Duration.ofSeconds(30), () -> api.get("/wallet", token).body(),
                    b -> b.path("balance").asLong() == expected);
            total += balance.path("balance").asLong();
            JsonNode ledger = api.get("/wallet/transactions?limit=1000", token).body();
            int debits = 0;
            int credits = 0;
            for (JsonNode line : ledger) {
                String tx = line.path("transactionId").asText();
                if (tx.equals(checks.entryTransactions().get(entry))) {
                    debits++;
                    assertThat(line.path("amount").asLong()).as(user + " entry " + line).isEqualTo(-(BUY_IN + FEE));
                }
                if (tx.equals("prize-" + tournamentId + "-" + entry)) {
                    credits++;
                    assertThat(line.path("amount").asLong()).as(user + " prize " + line).isEqualTo(prize);
                }
            }
            assertThat(debits).as(user + " entry debits in the ledger " + ledger).isEqualTo(1);
            assertThat(credits).as(user + " prize credits in the ledger " + ledger).isEqualTo(prize > 0 ? 1 : 0);
        }
        // the house keeps the fees, the players share the buy-ins
        assertThat(total).isEqualTo(entries * (GRANT - FEE));

        JsonNode standings = Eventually.await(Duration.ofSeconds(30),
                () -> api.get("/tournaments/" + tournamentId + "/standings", null).body(),
                s -> s.size() == entries && java.util.stream.StreamSupport.stream(s.spliterator(), false)
                        .allMatch(r -> r.hasNonNull("place")));
        for (JsonNode row : standings) {
            String entry = row.path("entryId").asText();
            assertThat(row.path("place").asInt()).as("standings " + row).isEqualTo(places.get(entry));
            assertThat(row.path("prize").asLong(0)).as("standings " + row).isEqualTo(prizes.getOrDefault(entry, 0L));
        }
        JsonNode detail = api.get("/tournaments/" + tournamentId, null).body();
        assertThat(detail.path("status").asText()).isEqualTo("finished");
        assertThat(detail.path("entrants").asInt()).isEqualTo(entries);
        JsonNode audit = Eventually.await(Duration.ofSeconds(30), () -> api.get("/admin/audit", admin).body(),
                a -> a.path("balanced").asBoolean());
        assertThat(audit.path("balanced").asBoolean()).as(audit.toString()).isTrue();
    }
}
