package poker.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import poker.PokerServer;
import poker.infra.Database;
import poker.infra.DatabaseSettings;
import poker.infra.EmbeddedDatabase;
import poker.support.ApiClient;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.wallet.WalletEntity;
import poker.wallet.Wallets;

/**
 * The benchmark harness of issue 13 (its wallet part). In one run, against one durable embedded PostgreSQL
 * ({@link EmbeddedDatabase}: fsync and synchronous_commit on, each target in a database of its own), the
 * wallet workload of {@link WalletWorkload} — a closed loop of deposits and debits on uniformly random
 * wallets, 7% of the debits refused for insufficient funds — at several numbers of callers, in:
 * <ol>
 *   <li>{@code crud}: a plain CRUD wallet table, one UPDATE per transaction, HikariCP (the baseline);</li>
 *   <li>{@code entity}: the WalletEntity alone through sharding, in an actor system of its own (no
 *       projections, no HTTP);</li>
 *   <li>{@code raw}: PostgreSQL's ceiling for journal-shaped multi-row inserts, rows/s;</li>
 *   <li>{@code server}: the whole server in this JVM as {@link TestServer} starts it (all projections
 *       running), through its {@link Wallets}; first the idle server's transactions per second;</li>
 *   <li>{@code server-http}: the same server over HTTP (admin deposits: the API has no debit route);</li>
 *   <li>{@code play}: tables of bots acting over HTTP, with live sockets: actions/s, hands/s, the action's
 *       round trip, socket delivery, event to read model, database commits and rows per action
 *       ({@link PlayBench});</li>
 *   <li>{@code fanout}: one table of bots and N spectator sockets: delivery lag, frames lost, database
 *       transactions/s, heap per socket ({@link PlayBench});</li>
 *   <li>{@code memory}: heap per idle table, and after idle passivation ({@link MemoryBench}).</li>
 * </ol>
 * With {@code boot=}, {@link BootBenchmark}'s restart of a node with that many tables.
 * Then, with {@code recovery=}, how long tables with that many events take to answer after a restart
 * ({@link Recovery}).
 * Every figure is printed beside its ratio to the CRUD baseline at the same number of callers and to the raw
 * ceiling. Writes target/bench/results.json, summary.md and two SVG plots. Not part of mvn verify:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.Harness \
 *   -Dexec.args="quick"     (or "full": 50,000 commands per point; then key=value to override:
 *                            wallets=1000 commands=50000 callers=1,4,16,64 raw-batches=1,10,100
 *                            raw-callers=16,64 targets=crud,entity,raw,server,server-http seed=13
 *                            recovery=1000,10000: table journal sizes for the recovery figure, played by
 *                            bots first, minutes; full mode's default, none in quick mode)
 *                            targets also play,fanout,memory (all by default); play-tables=10 play-bots=6
 *                            play-seconds=20 (full 120) fanout=100,1000 (full 100,2000,10000) fanout-seconds=15
 *                            (full 60) fanout-node=in-process (full launched: the server in a JVM of its
 *                            own, so 10,000 sockets fit this JVM's file descriptors) fanout-think=0 (ms a
 *                            bot thinks before each action: 0 plays as fast as the server answers; a person
 *                            takes seconds) fanout-client=jdk (java.net.http's WebSocket; nio: one selector
 *                            thread reading every spectator, {@link NioSpectators}) fanout-jvm-options=
 *                            (the launched node's, space-separated) memory-tables=2000 (full 10000)
 *                            memory-passivation=60s
 *                            boot=10000 (full mode's default, none in quick mode)
 * </pre>
 */
public final class Harness {

    static final String ENTITY = "entity";
    static final String SERVER = "server";
    static final String RAW = "raw";
    static final String PLAY = "play";
    static final String FANOUT = "fanout";
    static final String MEMORY = "memory";
    static final int LATENCY_CALLERS = 16;

    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String mode = options.getOrDefault("mode", "quick");
        boolean full = mode.equals("full");
        int wallets = Integer.parseInt(options.getOrDefault("wallets", "1000"));
        int commands = Integer.parseInt(options.getOrDefault("commands", full ? "50000" : "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", full ? "5000" : "300"));
        List<Integer> callers = ints(options.getOrDefault("callers", "1,4,16,64"));
        List<Integer> rawBatches = ints(options.getOrDefault("raw-batches", "1,10,100"));
        List<Integer> rawCallers = ints(options.getOrDefault("raw-callers", "16,64"));
        List<String> targets = List.of(options.getOrDefault("targets",
                "crud,entity,raw,server,server-http,play,fanout,memory").split(","));
        int playTables = Integer.parseInt(options.getOrDefault("play-tables", "10"));
        int playBots = Integer.parseInt(options.getOrDefault("play-bots", "6"));
        int playSeconds = Integer.parseInt(options.getOrDefault("play-seconds", full ? "120" : "20"));
        List<Integer> fanout = ints(options.getOrDefault("fanout", full ? "100,2000,10000" : "100,1000"));
        int fanoutSeconds = Integer.parseInt(options.getOrDefault("fanout-seconds", full ? "60" : "15"));
        String fanoutNode = options.getOrDefault("fanout-node", full ? "launched" : "in-process");
        long fanoutThink = Long.parseLong(options.getOrDefault("fanout-think", "0"));
        String fanoutClient = options.getOrDefault("fanout-client", "jdk");
        if (!List.of("jdk", "nio").contains(fanoutClient)) {
            throw new IllegalArgumentException("fanout-client must be jdk or nio, not " + fanoutClient);
        }
        if (!List.of("in-process", "launched").contains(fanoutNode)) {
            throw new IllegalArgumentException("fanout-node must be in-process or launched, not " + fanoutNode);
        }
        List<String> fanoutJvmOptions = List.of(options.getOrDefault("fanout-jvm-options", "").split(" ")).stream()
                .filter(o -> !o.isBlank()).toList();
        int memoryTables = Integer.parseInt(options.getOrDefault("memory-tables", full ? "10000" : "2000"));
        String memoryPassivation = options.getOrDefault("memory-passivation", "60s");
        List<Integer> boot = ints(options.getOrDefault("boot", full ? "10000" : ""));
        long seed = Long.parseLong(options.getOrDefault("seed", "13"));
        int maxCallers = Math.max(callers.stream().max(Integer::compare).orElse(1),
                rawCallers.stream().max(Integer::compare).orElse(1));

        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("poker-bench");
        EmbeddedDatabase pg = EmbeddedDatabase.start(home.resolve("pgdata"), 0);
        // interrupted (Ctrl-C, SIGTERM): PostgreSQL stops and its folder goes, as at the end of a run
        Results[] running = new Results[1];
        Thread cleanup = new Thread(() -> {
            // what was measured before the interruption is kept, marked as such
            if (running[0] != null) {
                running[0].notes.add("The run was interrupted (the process was stopped): the figures above are"
                        + " what it measured until then.");
                try {
                    Report.write(running[0].withLoadAtEnd(load()), out);
                    System.err.println("interrupted: what was measured is in " + out);
                } catch (Exception e) {
                    System.err.println("interrupted, and the results could not be written: " + e);
                }
            }
            cleanUp(pg, home);
        }, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Results results = null;
        try {
            results = new Results(machine(pg), new Results.Settings(mode, wallets, commands, callers, rawBatches,
                    rawCallers, seed));
            running[0] = results;
            Results.Machine m = results.machine;
            System.out.printf("Harness (%s): %d wallets, %d commands per point (after %d to warm up), callers %s;"
                            + " %d cores, %.1f GB RAM, Java %s, PostgreSQL %s (fsync, synchronous_commit on),"
                            + " load average %.1f%n", mode, wallets, commands, warmup, callers, m.cores(),
                    m.ramBytes() / 1e9, m.java(), m.postgres(), m.loadAverageAtStart());
            List<String> walletIds = walletIds(wallets, seed);
            Runner runner = new Runner(results, walletIds, commands, warmup, callers, seed);

            if (targets.contains(CrudTarget.NAME)) {
                String url = database(pg, "bench_crud");
                try (CrudTarget crud = new CrudTarget(url, maxCallers)) {
                    runner.sweep(crud, url);
                }
            }
            RawInsertCeiling.RowShape shape = new RawInsertCeiling.RowShape(200, 33, "wallet-event");
            if (targets.contains(ENTITY)) {
                String url = database(pg, "bench_entity");
                try (WalletsApiTarget entity = entityAlone(url)) {
                    runner.sweep(entity, url);
                }
                shape = rowShape(url);
            }
            if (targets.contains(RAW)) {
                System.out.printf("raw ceiling: journal-shaped rows of %d payload bytes (serializer %d, manifest '%s')%n",
                        shape.payloadBytes(), shape.serializerId(), shape.manifest());
                try (RawInsertCeiling raw = new RawInsertCeiling(database(pg, "bench_raw"), maxCallers, shape)) {
                    for (int c : rawCallers) {
                        for (int batch : rawBatches) {
                            long rows = Math.max(commands, (long) batch * c * 5);
                            raw.run(batch, c, Math.min(rows, 200L * batch), "warm-up raw " + batch + " x " + c);
                            Results.RawPoint p = raw.run(batch, c, rows, "raw " + batch + " rows/INSERT x " + c);
                            results.raw.add(p);
                            System.out.printf("  %-14s %3d rows/INSERT %3d connections %9.0f rows/s  x CRUD %5.2f"
                                            + "   p50 %6.1f  p99 %6.1f ms%n", RAW, batch, c, p.rowsPerSecond(),
                                    ratio(p.rowsPerSecond(), results.crud(c)), p.p50Ms(), p.p99Ms());
                        }
                    }
                }
                results.targets.add(new Results.Target(RAW, "PostgreSQL's ceiling: journal-shaped rows (event_journal's"
                        + " columns and indexes, the wallet events' payload size) in multi-row INSERTs, one durable"
                        + " transaction each, no event_tag rows"));
            }
            if (targets.contains(SERVER) || targets.contains(HttpTarget.NAME)) {
                serverTargets(pg, results, runner, targets, walletIds);
            }
            if (targets.contains(PLAY)) {
                System.out.printf("play: %d tables x %d bots for %d s%n", playTables, playBots, playSeconds);
                results.play = PlayBench.play(new TestDatabase.Db(database(pg, "bench_play"), "postgres", ""),
                        playTables, playBots, playSeconds, seed);
                results.targets.add(new Results.Target(PLAY, String.format(java.util.Locale.ROOT, "%d six-max tables"
                        + " of %d bots on the whole server in this JVM (all projections running), seated through the API"
                        + " by BotFleet, playing from their live sockets by the bots' Strategy(30, 5, 0), every action an"
                        + " HTTP call; hand pause 100 ms; the figures cover %d s after 3 s of warm-up", playTables,
                        playBots, playSeconds)));
            }
            if (targets.contains(FANOUT) && !fanout.isEmpty()) {
                TestDatabase.Db db = new TestDatabase.Db(database(pg, "bench_fanout"), "postgres", "");
                boolean launched = fanoutNode.equals("launched");
                PlayBench.Node node = launched ? PlayBench.launched(db, fanoutJvmOptions, out.resolve("fanout-node"))
                        : PlayBench.inProcess(db);
                results.fanout.addAll(PlayBench.fanout(node, db, fanout, playBots, fanoutSeconds, fanoutThink,
                        fanoutClient.equals("nio"), seed));
                results.targets.add(new Results.Target(FANOUT, String.format(java.util.Locale.ROOT, "one table of %d"
                        + " bots as in play, and N spectator sockets on it (java.net.http WebSockets sharing one client"
                        + " and two threads, or with fanout-client=nio one thread and one selector; reading each"
                        + " frame's type and seq only) for %d s per N; one server for"
                        + " every N, a new table each; the bots %s; the window starts once every socket has caught up"
                        + " with what was played while they opened; %s", playBots, fanoutSeconds, fanoutThink == 0
                        ? "act as soon as it is their turn" : "think " + fanoutThink + " ms before each action", launched
                        ? "the server a node launched in a JVM of its own (options " + fanoutJvmOptions + "), its heap"
                        + " per socket read by jcmd after a full GC" : "the server in this JVM")));
            }
            if (targets.contains(MEMORY)) {
                results.memory = MemoryBench.run(new TestDatabase.Db(database(pg, "bench_memory"), "postgres", ""),
                        memoryTables, memoryPassivation);
                results.targets.add(new Results.Target(MEMORY, "tables created through sharding on the whole server"
                        + " (as BootBenchmark does), each asked for its state; heap used after three System.gc(),"
                        + " less before, per table; then again after idle passivation"));
            }
            if (!boot.isEmpty()) {
                int[] n = {0};
                for (int tables : boot) {
                    results.boot.addAll(BootBenchmark.measure(() -> {
                        try {
                            return new TestDatabase.Db(database(pg, "bench_boot_" + n[0]++), "postgres", "");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, tables));
                }
            }
            List<Integer> recovery = ints(options.getOrDefault("recovery", full ? "1000,10000" : ""));
            if (!recovery.isEmpty()) {
                results.recovery = Recovery.run(new TestDatabase.Db(database(pg, "bench_recovery"), "postgres", ""),
                        recovery);
            }
        } finally {
            running[0] = null;
            if (results != null) {
                Results finished = results.withLoadAtEnd(load());
                Report.write(finished, out);
                System.out.println();
                System.out.print(Report.markdown(finished));
                System.out.println("Written: " + out.resolve("results.json") + ", " + out.resolve("summary.md")
                        + ", " + out.resolve("throughput.svg") + ", " + out.resolve("latency-16.svg"));
            }
            Runtime.getRuntime().removeShutdownHook(cleanup);
            cleanUp(pg, home);
        }
        System.exit(0);
    }

    private static synchronized void cleanUp(EmbeddedDatabase pg, Path home) {
        pg.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("could not remove " + home + ": " + e);
        }
    }

    /** Sweeps one target: opens the wallets, warms up at 16 callers, then one point per number of callers. */
    static final class Runner {
        private final Results results;
        private final List<String> walletIds;
        private final int commands;
        private final int warmup;
        private final List<Integer> callers;
        private final long seed;

        Runner(Results results, List<String> walletIds, int commands, int warmup, List<Integer> callers, long seed) {
            this.results = results;
            this.walletIds = walletIds;
            this.commands = commands;
            this.warmup = warmup;
            this.callers = callers;
            this.seed = seed;
        }

        void open(WalletTarget target) throws Exception {
            long t0 = System.nanoTime();
            target.open(walletIds);
            System.out.printf("%s: %d wallets opened in %.1f s%n", target.name(), walletIds.size(),
                    (System.nanoTime() - t0) / 1e9);
        }

        /** {@code url}: the target's database, whose work per command is counted. */
        void sweep(WalletTarget target, String url) throws Exception {
            open(target);
            sweepOpened(target, url);
        }

        void sweepOpened(WalletTarget target, String url) throws Exception {
            results.targets.add(new Results.Target(target.name(), target.description()));
            if (warmup > 0) {
                LoadRunner.run(target, walletIds, LATENCY_CALLERS, warmup, seed - 1, "warm-up " + target.name());
            }
            for (int c : callers) {
                Cost before = Cost.now(url);
                Results.Point p = LoadRunner.run(target, walletIds, c, commands, seed + c,
                        target.name() + " x " + c + " callers");
                Cost.Per per = Cost.now(url).since(before, p.commands());
                results.points.add(p);
                String cost = String.format(Locale.ROOT, "%s, %d callers: per command %.2f database transactions,"
                                + " %.1f rows read, %.2f ms of CPU on the whole machine (PostgreSQL and this JVM), %.2f ms of it in"
                                + " this JVM", p.target(), c, per.transactions(), per.rows(), per.cpuMs(), per.jvmMs());
                System.out.println("  cost: " + cost);
                results.notes.add("Cost: " + cost + ".");
                System.out.printf("  %-14s %3d callers %9.0f cmds/s  x CRUD %5.2f   p50 %6.1f  p99 %6.1f  p99.9 %6.1f"
                                + "  max %7.1f ms   refused %4.1f%%  errors %d%n", p.target(), c, p.perSecond(),
                        ratio(p.perSecond(), results.crud(c)), p.p50Ms(), p.p99Ms(), p.p999Ms(), p.maxMs(),
                        100.0 * p.rejected() / p.commands(), p.errors());
            }
        }
    }

    private static void serverTargets(EmbeddedDatabase pg, Results results, Runner runner, List<String> targets,
                                      List<String> walletIds) throws Exception {
        String url = database(pg, "bench_server");
        long t0 = System.nanoTime();
        PokerServer server = TestServer.start(new TestDatabase.Db(url, "postgres", ""),
                Map.of("pekko.loglevel", "ERROR"));
        try {
            System.out.printf("server: started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Thread.sleep(5000); // the start's own writes settle
            results.idle = idle(url, Duration.ofSeconds(10));
            System.out.printf("server: idle, %d database transactions in %.0f s: %.1f/s (pg_stat_database"
                    + " xact_commit delta)%n", results.idle.transactions(), results.idle.seconds(),
                    results.idle.perSecond());
            Wallets wallets = new Wallets(server.system(), Duration.ofSeconds(60), WalletWorkload.GRANT);
            WalletsApiTarget inProcess = new WalletsApiTarget(SERVER, "the full server in this JVM (as TestServer"
                    + " starts it, all projections running), through its Wallets (ask to the sharded WalletEntity)",
                    wallets, () -> { });
            runner.open(inProcess);
            if (targets.contains(SERVER)) {
                runner.sweepOpened(inProcess, url);
            }
            long caughtUp = readSideCatchUp(url, Duration.ofMinutes(5));
            System.out.printf("server: the wallet read models caught up %.1f s after the last command%n",
                    caughtUp / 1000.0);
            results.notes.add(String.format(java.util.Locale.ROOT, "After the in-process runs the wallet read models"
                    + " (wallet_ledger) caught up with the journal %.1f s after the last command.", caughtUp / 1000.0));
            if (targets.contains(HttpTarget.NAME)) {
                String admin = new ApiClient(server.httpPort()).login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
                runner.sweepOpened(new HttpTarget(server.httpPort(), admin), url);
            }
        } finally {
            server.stop();
        }
    }

    private static WalletsApiTarget entityAlone(String url) {
        try (HikariDataSource ds = Database.pool(new DatabaseSettings(url, "postgres", "", 2, Path.of("unused"), 0))) {
            Database.migrate(ds);
        }
        Config config = ConfigFactory.parseMap(Map.of(
                        "pekko-persistence-jdbc.shared-databases.slick.db.url", url,
                        "pekko-persistence-jdbc.shared-databases.slick.db.user", "postgres",
                        "pekko-persistence-jdbc.shared-databases.slick.db.password", "",
                        "pekko.remote.artery.canonical.port", 0,
                        "pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on",
                        "pekko.loglevel", "WARNING"))
                .withFallback(ConfigFactory.load());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "poker", config);
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        WalletEntity.init(system, config.getInt("poker.tag-slices"));
        return new WalletsApiTarget(ENTITY, "the WalletEntity alone through sharding (its own actor system, the"
                + " server's journal settings, no projections, no HTTP)",
                new Wallets(system, Duration.ofSeconds(60), WalletWorkload.GRANT), () -> {
                    system.terminate();
                    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
                });
    }

    /** The wallet events' mean payload size and their serializer, from the entity target's journal. */
    private static RawInsertCeiling.RowShape rowShape(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT avg(octet_length(event_payload))::int, max(event_ser_id),"
                     + " max(event_ser_manifest) FROM event_journal WHERE persistence_id LIKE 'Wallet|%'")) {
            rs.next();
            return new RawInsertCeiling.RowShape(rs.getInt(1), rs.getInt(2), rs.getString(3));
        }
    }

    /** Database transactions committed in {@code database} over {@code window}, nothing else happening. */
    private static Results.Idle idle(String url, Duration window) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement st = c.createStatement()) {
            long before = xactCommit(st);
            long t0 = System.nanoTime();
            Thread.sleep(window.toMillis());
            // backends report their counts at most once a second: give them that second
            Thread.sleep(1000);
            long after = xactCommit(st);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long transactions = after - before - 1; // less our own first query
            return new Results.Idle(seconds, transactions, transactions / seconds);
        }
    }

    private static long xactCommit(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT xact_commit FROM pg_stat_database"
                + " WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Milliseconds until wallet_ledger holds as many rows as the journal holds wallet events. */
    private static long readSideCatchUp(String url, Duration limit) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement st = c.createStatement()) {
            while (true) {
                long journal = scalar(st, "SELECT count(*) FROM event_journal WHERE persistence_id LIKE 'Wallet|%'");
                long ledger = scalar(st, "SELECT count(*) FROM wallet_ledger");
                long elapsed = (System.nanoTime() - t0) / 1_000_000;
                if (ledger >= journal || elapsed > limit.toMillis()) {
                    return elapsed;
                }
                System.err.printf("\r  read side: %d of %d wallet events in the ledger ", ledger, journal);
                Thread.sleep(200);
            }
        }
    }

    private static long scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Creates {@code name} in the embedded server; its JDBC URL. */
    private static String database(EmbeddedDatabase pg, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return pg.jdbcUrl(name);
    }

    private static Results.Machine machine(EmbeddedDatabase pg) throws Exception {
        String version;
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('fsync'),"
                     + " current_setting('synchronous_commit')")) {
            rs.next();
            if (!rs.getString(2).equals("on") || !rs.getString(3).equals("on")) {
                throw new IllegalStateException("PostgreSQL is not durable: fsync " + rs.getString(2)
                        + ", synchronous_commit " + rs.getString(3));
            }
            version = rs.getString(1);
        }
        long ram = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return new Results.Machine(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.getRuntime().availableProcessors(), ram, System.getProperty("java.version"), version,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), load(), Double.NaN);
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static double ratio(double value, double baseline) {
        return baseline <= 0 ? Double.NaN : value / baseline;
    }

    /** Wallet ids: UUIDs (the read models key wallets by UUID), the same for a seed. */
    static List<String> walletIds(int count, long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            ids.add(UUID.nameUUIDFromBytes(bytes).toString());
        }
        return ids;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            for (String word : arg.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                int eq = word.indexOf('=');
                if (eq < 0) {
                    if (!word.equals("quick") && !word.equals("full")) {
                        throw new IllegalArgumentException("unknown argument " + word + ": quick, full or key=value");
                    }
                    options.put("mode", word);
                } else {
                    options.put(word.substring(0, eq), word.substring(eq + 1));
                }
            }
        }
        return options;
    }

    static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                .toList();
    }
}
