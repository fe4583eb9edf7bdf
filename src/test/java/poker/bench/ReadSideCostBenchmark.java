package poker.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.BotStats;
import poker.bots.Strategy;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * What the read side costs the database, the way it ran before (every projection stream polling its tag
 * every 100 ms, one commit per event and projection) and the way it runs now (woken by the journal's
 * notifications, one commit per group of events), in the same run on the same embedded PostgreSQL:
 * database transactions per second on an idle node, and with TABLES six-max tables of bots playing for
 * SECONDS: accepted actions per second, database transactions and rows read per accepted action, and a new
 * player's grant reaching the ledger (event to read model). Not part of mvn verify:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.ReadSideCostBenchmark \
 *   [-Dexec.args="TABLES SECONDS"]     (defaults 4 60)
 * </pre>
 */
public final class ReadSideCostBenchmark {

    private record Mode(String name, Map<String, Object> settings) {
    }

    private record Figures(double idlePerSecond, double actionsPerSecond, double handsPerSecond,
                           double transactionsPerAction, double rowsPerAction, long lagMedian, long lagMax) {
    }

    private ReadSideCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<Mode> modes = List.of(
                new Mode("polled, a commit per event", Map.of("poker.read-side.notify", "off",
                        "poker.read-side.group-max", "1")),
                new Mode("notified, grouped commits", Map.of()));
        List<Figures> figures = new ArrayList<>();
        try {
            for (Mode mode : modes) {
                System.out.printf("%s: %d tables x 6 bots for %d s ...%n", mode.name(), tables, seconds);
                figures.add(run(mode, tables, seconds));
            }
        } finally {
            System.out.printf("%n%d CPUs, load average %.1f after the run%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("| %-28s | %10s | %10s | %8s | %12s | %12s | %16s |%n", "read side", "idle tx/s",
                    "actions/s", "hands/s", "tx / action", "rows / action", "ledger lag p50/max");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int i = 0; i < figures.size(); i++) {
                Figures f = figures.get(i);
                System.out.printf("| %-28s | %10.0f | %10.1f | %8.2f | %12.1f | %12.0f | %10d / %d ms |%n",
                        modes.get(i).name(), f.idlePerSecond(), f.actionsPerSecond(), f.handsPerSecond(),
                        f.transactionsPerAction(), f.rowsPerAction(), f.lagMedian(), f.lagMax());
            }
            System.exit(0);
        }
    }

    private static Figures run(Mode mode, int tables, int seconds) throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "poker.table.hand-pause", "100ms",
                "poker.archive.auto", "off",
                "pekko.loglevel", "ERROR"));
        settings.putAll(mode.settings());
        PokerServer server = TestServer.start(db, settings);
        try (Connection stats = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            ApiClient api = new ApiClient(server.httpPort());
            long[] lags = new long[9];
            for (int i = 0; i < lags.length; i++) {
                String token = api.signUp("lag_" + i);
                long answered = System.nanoTime();
                Eventually.await(Duration.ofSeconds(15), () -> api.get("/wallet/transactions", token),
                        r -> r.status() == 200 && r.body().size() > 0);
                lags[i] = (System.nanoTime() - answered) / 1_000_000;
            }
            Arrays.sort(lags);
            Thread.sleep(3_000);
            long[] idleStart = counters(stats);
            Thread.sleep(10_000);
            double idle = (counters(stats)[0] - idleStart[0]) / 10.0;

            URI uri = URI.create("http://127.0.0.1:" + server.httpPort() + "/api");
            List<BotFleet> fleets = new ArrayList<>();
            List<String> tableIds = new ArrayList<>();
            String host = api.signUp("cost_host");
            for (int t = 0; t < tables; t++) {
                String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Cost " + t + "\",\"smallBlind\":5,"
                        + "\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":30}",
                        host).text("tableId");
                tableIds.add(tableId);
                BotFleet fleet = new BotFleet(BotFleet.Settings.of(uri, 6).withPrefix("cost" + t).withSeed(t)
                        .withStrategy(new Strategy(30, 5, 0)));
                fleet.signUp();
                fleet.joinTable(tableId, 1000);
                fleets.add(fleet);
            }
            long[] start = counters(stats);
            long began = System.nanoTime();
            for (int t = 0; t < tables; t++) {
                fleets.get(t).play(new Bot.CashTable(tableIds.get(t), 1000));
            }
            Thread.sleep(seconds * 1000L);
            long actions = 0;
            long hands = 0;
            for (BotFleet fleet : fleets) {
                BotStats.Summary s = fleet.summary();
                actions += s.actionsSent();
                hands += s.handsSeen() / Math.max(1, s.bots());
            }
            long[] end = counters(stats);
            double elapsed = (System.nanoTime() - began) / 1e9;
            fleets.forEach(BotFleet::close);
            return new Figures(idle, actions / elapsed, hands / elapsed,
                    (double) (end[0] - start[0]) / Math.max(1, actions), (double) (end[1] - start[1]) / Math.max(1, actions),
                    lags[lags.length / 2], lags[lags.length - 1]);
        } finally {
            server.stop();
        }
    }

    /** The database's transactions (committed and rolled back) and rows read, so far. */
    private static long[] counters(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT xact_commit + xact_rollback,"
                + " tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
