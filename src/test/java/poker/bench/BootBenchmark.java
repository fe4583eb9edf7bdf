package poker.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import poker.PokerServer;
import poker.domain.table.TableCommand;
import poker.domain.table.TableSettings;
import poker.support.ApiClient;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;

/**
 * Does a node's boot grow with the number of tables it has ever seen? TABLES tables are created through
 * sharding (remembered entities, as every table is while it is in memory), then the server stops and starts
 * again on the same database, twice: once after the tables went quiet and passivated (they leave the
 * remembered set), once with all of them still in memory when the node stopped (all recovered at boot).
 * Prints how long the start took and when the first table answered, in-process (the database already
 * running); then the same node launched as a process of its own ({@link Launch}: a new JVM, as an operator
 * starts it), timed to the API's first answer and to the table's first live frame. Not part of mvn verify:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.BootBenchmark \
 *   [-Dexec.args="TABLES"]     (default 10000)
 *   [-Dlaunch.jvm-options="-XX:TieredStopAtLevel=1"]   (options of the launched JVM, space-separated)
 * </pre>
 *
 * The launched node's output is {@code server-1.out} in {@code target/bench/launch-TABLES-passivated} and
 * {@code target/bench/launch-TABLES-in-memory}.
 */
public final class BootBenchmark {

    private static final TableSettings SETTINGS = new TableSettings("Boot", 5, 10, 9, 100, 1000, 20);

    private BootBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<Results.Boot> runs = new ArrayList<>();
        try {
            runs.addAll(measure(TestDatabase::fresh, tables));
        } finally {
            System.out.printf("%n%d tables created per run; %d CPUs, load average %.1f%n", tables,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("| %-28s | %12s | %20s | %22s | %17s | %19s |%n", "tables at the stop", "start() ms",
                    "first table answer ms", "remembered-entity rows", "launched: API ms", "launched: table ms");
            System.out.println("|---|---|---|---|---|---|");
            runs.forEach(b -> System.out.printf("| %-28s | %12d | %20d | %22d | %17d | %19d |%n", b.atTheStop(),
                    b.startMillis(), b.firstAnswerMillis(), b.rememberedRows(), b.launchApiMillis(),
                    b.launchTableMillis()));
            System.exit(0);
        }
    }

    /** Both runs, each on a database of its own from {@code databases}: passivated, then all in memory. */
    static List<Results.Boot> measure(Supplier<TestDatabase.Db> databases, int tables) throws Exception {
        List<Results.Boot> runs = new ArrayList<>();
        runs.add(run(databases.get(), tables, "passivated before the stop", "3s", true));
        runs.add(run(databases.get(), tables, "all in memory at the stop", "1h", false));
        return runs;
    }

    /**
     * Creates {@code tables} tables through sharding, at most 32 asks at once, with a progress line; answers
     * their ids.
     */
    static List<String> createTables(PokerServer server, int tables, String label) {
        Semaphore inFlight = new Semaphore(32);
        long began = System.nanoTime();
        List<String> ids = new ArrayList<>(tables);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            String tableId = UUID.randomUUID().toString();
            ids.add(tableId);
            inFlight.acquireUninterruptibly();
            CompletableFuture<?> f = ClusterSharding.get(server.system())
                    .entityRefFor(TableEntity.ENTITY_KEY, tableId)
                    .<TableEntity.Reply>ask(r -> new TableEntity.Execute(new TableCommand.CreateTable(tableId,
                            SETTINGS, UUID.randomUUID().toString(), Instant.now()), r), Duration.ofSeconds(30))
                    .toCompletableFuture()
                    .whenComplete((r, e) -> inFlight.release());
            all.add(f);
            if (i > 0 && i % 1000 == 0) {
                System.out.printf("%s: %d tables created (%.0f/s)%n", label, i,
                        i / ((System.nanoTime() - began) / 1e9));
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return ids;
    }

    private static Results.Boot run(TestDatabase.Db db, int tables, String name, String idlePassivation,
                                     boolean waitForPassivation) throws Exception {
        Map<String, Object> settings = Map.of(
                "poker.table.idle-passivation", idlePassivation,
                "poker.archive.auto", "off",
                "pekko.loglevel", "ERROR");
        PokerServer server = TestServer.start(db, settings);
        String probe;
        String token;
        try {
            probe = createTables(server, tables, name).get(0);
            token = new ApiClient(server.httpPort()).login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
            if (waitForPassivation) {
                Thread.sleep(Duration.parse("PT" + idlePassivation).toMillis() + 10_000);
            }
        } finally {
            server.stop();
        }
        long rows;
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM event_journal WHERE persistence_id LIKE '/sharding/TableShard%'")) {
            rs.next();
            rows = rs.getLong(1);
        }
        long launched = System.nanoTime();
        PokerServer again = TestServer.start(db, settings);
        long started = System.nanoTime();
        long answered;
        try {
            String tableId = probe;
            while (true) {
                try {
                    ClusterSharding.get(again.system()).entityRefFor(TableEntity.ENTITY_KEY, tableId)
                            .<poker.domain.table.TableState>ask(TableEntity.GetState::new, Duration.ofMillis(500))
                            .toCompletableFuture().join();
                    break;
                } catch (RuntimeException notYet) {
                    // the shard is still starting
                }
            }
            answered = System.nanoTime();
        } finally {
            again.stop();
        }
        Path home = Path.of("target", "bench", "launch-" + tables + "-" + (waitForPassivation ? "passivated"
                : "in-memory"));
        Map<String, String> properties = new TreeMap<>();
        settings.forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("pekko.loglevel", "INFO"); // its log file shows where the start's time goes
        List<String> extra = List.of(System.getProperty("launch.jvm-options", "").split(" ")).stream()
                .filter(o -> !o.isBlank()).toList();
        Launch.Answers launch = Launch.firstAnswers(db, probe, token, properties, extra, home);
        Results.Boot boot = new Results.Boot(tables, name, (started - launched) / 1_000_000,
                (answered - launched) / 1_000_000, rows, launch.apiMillis(), launch.tableMillis());
        System.out.printf("boot, %d tables %s: start() %d ms, first table answer %d ms, %d remembered-entity"
                        + " rows; launched as a process: API's first answer %d ms, table's first frame %d ms%n", tables,
                name, boot.startMillis(), boot.firstAnswerMillis(), rows, launch.apiMillis(), launch.tableMillis());
        return boot;
    }
}
