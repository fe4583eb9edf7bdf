package poker.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.Strategy;
import poker.support.ApiClient;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;

/**
 * The harness's {@code play} and {@code fanout} targets: bots at six-max tables of the whole server (in this
 * JVM, every projection running), seated through the API by {@link BotFleet} and playing from their live
 * sockets by the bots' {@link Strategy}, each action an HTTP call ({@link HttpPlayer}); for {@code fanout}
 * also spectator sockets on one table ({@link Spectator}). The bots share one {@link HttpClient} and its
 * two threads; the spectators have another.
 */
final class PlayBench {

    static final Strategy STRATEGY = new Strategy(30, 5, 0);
    static final long BUY_IN = 1000;
    /** A live socket costs the JVM two descriptors here (client and server side); the rest of the run: this. */
    static final int SPARE_DESCRIPTORS = 1500;

    /** Spectator sockets being opened at once. */
    static final int CONNECTING = 64;

    private PlayBench() {
    }

    static Map<String, Object> serverSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("poker.table.hand-pause", "100ms");
        settings.put("pekko.loglevel", "ERROR");
        settings.put("poker.live.max-sockets-per-user", 0);
        settings.put("pekko.http.server.max-connections", 65536);
        return settings;
    }

    /** A shared client: HTTP/1.1, two threads for every socket and call of the run. */
    private static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    private static ExecutorService executor() {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
    }

    /** Tables with seated players (not acting yet), their sockets open. */
    private record Seated(List<String> tableIds, List<HttpPlayer> players, List<BotFleet> fleets) {
        void close() {
            players.forEach(HttpPlayer::close);
            fleets.forEach(BotFleet::close);
        }
    }

    private static Seated seat(int httpPort, HttpPlayer.Shared shared, int tables, int bots, String prefix,
                               long seed) throws Exception {
        ApiClient api = new ApiClient(httpPort);
        String host = api.signUp(prefix + "_host");
        URI uri = URI.create(shared.api);
        List<String> tableIds = new ArrayList<>();
        List<HttpPlayer> players = new ArrayList<>();
        List<BotFleet> fleets = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Bench " + t + "\",\"smallBlind\":5,"
                    + "\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":30}",
                    host).text("tableId");
            tableIds.add(tableId);
            BotFleet fleet = new BotFleet(BotFleet.Settings.of(uri, bots).withPrefix(prefix + t + "_")
                    .withSeed(seed + t).withStrategy(STRATEGY));
            fleets.add(fleet);
            fleet.signUp();
            fleet.joinTable(tableId, BUY_IN);
            int i = 0;
            for (Bot bot : fleet.bots()) {
                players.add(new HttpPlayer(bot.token(), tableId, BUY_IN, STRATEGY, seed * 1000 + t * 10 + i++, shared));
            }
            System.err.printf("\r  %s: %d of %d tables seated ", prefix, t + 1, tables);
        }
        System.err.println();
        List<CompletableFuture<?>> opened = new ArrayList<>();
        for (HttpPlayer p : players) {
            opened.add(p.connect());
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return new Seated(tableIds, players, fleets);
    }

    static Results.Play play(TestDatabase.Db db, int tables, int bots, int seconds, long seed) throws Exception {
        PokerServer server = TestServer.start(db, serverSettings());
        ExecutorService executor = executor();
        HttpPlayer.Shared shared = new HttpPlayer.Shared(client(executor), server.httpPort());
        shared.acting = false;
        Seated seated = null;
        try (Connection stats = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            installOffsetLog(stats);
            seated = seat(server.httpPort(), shared, tables, bots, "play", seed);
            shared.acting = true;
            seated.players.forEach(HttpPlayer::kick);
            Thread.sleep(3000); // warm up: every table dealing
            long[] start = counters(stats);
            long startMillis = System.currentTimeMillis();
            long began = System.nanoTime();
            shared.recording = true;
            progress("play", began, seconds, shared);
            shared.recording = false;
            shared.deliveries.stopRecording();
            double elapsed = (System.nanoTime() - began) / 1e9;
            long endMillis = System.currentTimeMillis();
            Thread.sleep(1100); // backends report their counts at most once a second
            long[] end = counters(stats);
            shared.acting = false;
            long accepted = shared.accepted.get();
            long transactions = end[0] - start[0] - 1;
            long rows = end[1] - start[1];
            Thread.sleep(3000); // the read side catches up with the last events
            Results.Latency afterWrite = afterWrite(stats, seated.players);
            Map<String, Histogram> byProjection = new TreeMap<>();
            Histogram all = LoadRunner.histogram();
            readModelLag(stats, startMillis, endMillis, byProjection, all);
            Histogram each = LoadRunner.histogram();
            byProjection.values().forEach(each::add);
            Map<String, Results.Latency> perProjection = new TreeMap<>();
            byProjection.forEach((k, v) -> perProjection.put(k, Results.Latency.of(v)));
            Map<LiveFrames.Tally, Long> heads = new java.util.IdentityHashMap<>();
            for (String tableId : seated.tableIds) {
                List<LiveFrames.Tally> tallies = seated.players.stream().filter(p -> p.tableId.equals(tableId))
                        .map(p -> p.tally).toList();
                long head = settle(stats, tableId, tallies);
                tallies.forEach(t -> heads.put(t, head));
            }
            Results.Frames frames = LiveFrames.sum(heads.keySet(), heads::get);
            Results.Play play = new Results.Play(tables, bots, elapsed, accepted, shared.refusedCounts(),
                    accepted / elapsed, shared.handsEnded.size() / elapsed, shared.action(),
                    shared.deliveries.afterAnswer(), shared.deliveries.beforeAnswer(), shared.deliveries.afterSend(),
                    afterWrite, Results.Latency.of(each), Results.Latency.of(all), perProjection, transactions, rows,
                    (double) transactions / Math.max(1, accepted), (double) rows / Math.max(1, accepted),
                    transactions / elapsed, frames, Harness.load());
            print(play);
            return play;
        } finally {
            shared.acting = false;
            if (seated != null) {
                seated.close();
            }
            server.stop();
            executor.shutdownNow();
        }
    }

    static void print(Results.Play p) {
        System.out.printf(Locale.ROOT, "play: %d tables x %d bots, %.0f s: %d actions accepted (%.1f/s), %.2f hands/s,"
                        + " refused %s%n", p.tables(), p.botsPerTable(), p.seconds(), p.accepted(),
                p.actionsPerSecond(), p.handsPerSecond(), p.refused());
        System.out.printf(Locale.ROOT, "  action HTTP round trip  %s%n", Report.latency(p.action()));
        System.out.printf(Locale.ROOT, "  socket after the answer %s (%d frames came before the answer)%n",
                Report.latency(p.deliveryAfterAnswer()), p.framesBeforeAnswer());
        System.out.printf(Locale.ROOT, "  socket after the send   %s%n", Report.latency(p.deliveryAfterSend()));
        System.out.printf(Locale.ROOT, "  socket after the write  %s%n", Report.latency(p.deliveryAfterWrite()));
        System.out.printf(Locale.ROOT, "  read model, each        %s%n", Report.latency(p.readModel()));
        System.out.printf(Locale.ROOT, "  read model, all         %s%n", Report.latency(p.readModelAll()));
        p.readModelByProjection().forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-30s %s%n", k,
                Report.latency(v)));
        System.out.printf(Locale.ROOT, "  database: %d transactions (%.1f/s), %.1f per action; %d rows read, %.0f per"
                        + " action; frames %s%n", p.transactions(), p.transactionsPerSecond(), p.commitsPerAction(),
                p.rowsRead(), p.rowsPerAction(), p.frames());
    }

    /** Waits {@code seconds} with a progress line; the players play meanwhile. */
    private static void progress(String label, long began, int seconds, HttpPlayer.Shared shared)
            throws InterruptedException {
        long end = began + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(2000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            double s = (System.nanoTime() - began) / 1e9;
            System.err.printf(Locale.ROOT, "\r  %s: %.0f/%d s, %d actions (%.1f/s), %d hands ", label, s, seconds,
                    shared.accepted.get(), shared.accepted.get() / s, shared.handsEnded.size());
        }
        System.err.println();
    }

    // ---------------------------------------------------------------- fanout

    /**
     * Where the fan-out's server runs. {@code in-process}: in this JVM, beside the spectators (a socket then
     * costs this JVM two file descriptors, and the heap per socket is both ends'). {@code launched}: a node
     * launched as an operator launches it ({@link Launch#node}), so this JVM holds only the clients' ends and
     * the server's heap is read from the node (after a full GC, by {@code jcmd}).
     */
    interface Node extends AutoCloseable {
        int httpPort();

        /** Heap used after a full GC, in bytes. */
        long heapAfterGc() throws Exception;

        /** Descriptors a spectator costs this JVM. */
        int descriptorsPerSocket();

        /** CPU time the node's process has used so far, in nanoseconds; -1 when it shares this JVM. */
        long cpuNanos() throws Exception;

        @Override
        void close();
    }

    static Node inProcess(TestDatabase.Db db) {
        PokerServer server = TestServer.start(db, serverSettings());
        return new Node() {
            public int httpPort() {
                return server.httpPort();
            }

            public long heapAfterGc() throws InterruptedException {
                return PlayBench.heapAfterGc();
            }

            public int descriptorsPerSocket() {
                return 2;
            }

            public long cpuNanos() {
                return -1; // the spectators' client runs in the same process
            }

            public void close() {
                server.stop();
            }
        };
    }

    static Node launched(TestDatabase.Db db, List<String> jvmOptions, java.nio.file.Path home) throws Exception {
        Map<String, String> properties = new TreeMap<>();
        serverSettings().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        // as TestServer: every client of the run is 127.0.0.1, and one user opens every table
        TestServer.LIMITS_OFF.forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.put("poker.passwords.bcrypt-cost", "4");
        poker.support.ServerProcess node = Launch.node(db, properties, jvmOptions, home);
        return new Node() {
            public int httpPort() {
                return node.settings().httpPort();
            }

            public long heapAfterGc() throws Exception {
                return Launch.heapAfterGc(node.pid());
            }

            public int descriptorsPerSocket() {
                return 1;
            }

            public long cpuNanos() throws Exception {
                return Launch.cpuNanos(node.pid());
            }

            public void close() {
                Launch.stop(node);
            }
        };
    }

    static List<Results.Fanout> fanout(Node server, TestDatabase.Db db, List<Integer> sizes, int bots, int seconds,
                                       long thinkMillis, boolean nioClient, long seed) throws Exception {
        List<Results.Fanout> out = new ArrayList<>();
        ExecutorService executor = executor();
        HttpClient http = client(executor);
        // the spectators on a client (and two threads) of their own: a thousand sockets' frames never hold up
        // the bots' actions and frames on the client side
        ExecutorService spectatorExecutor = executor();
        HttpClient spectatorHttp = client(spectatorExecutor);
        try (server; Connection stats = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            String spectatorToken = new ApiClient(server.httpPort()).signUp("spectator");
            for (int n : sizes) {
                String refusal = descriptorsRefusal(n, server.descriptorsPerSocket());
                if (refusal != null) {
                    System.out.println("fanout " + n + ": skipped. " + refusal);
                    continue;
                }
                out.add(fanoutOnce(server, http, spectatorHttp, stats, spectatorToken, n, bots, seconds, thinkMillis,
                        nioClient, seed + n));
            }
        } finally {
            executor.shutdownNow();
            spectatorExecutor.shutdownNow();
        }
        return out;
    }

    /** Why {@code n} spectators cannot be opened in this JVM (file descriptors), or null when they can. */
    static String descriptorsRefusal(int n, int perSocket) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean
                unix)) {
            return null;
        }
        return descriptorsRefusal(n, perSocket, unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
    }

    /**
     * Each spectator takes {@code perSocket} descriptors in this JVM: two when the server is in it too (the
     * client's socket and the server's end), one when the node is launched.
     */
    static String descriptorsRefusal(int n, int perSocket, long max, long open) {
        long needed = open + (long) perSocket * n + SPARE_DESCRIPTORS;
        if (needed <= max) {
            return null;
        }
        String where = perSocket == 2 ? "client and server are both here; fanout-node=launched runs the server in"
                + " a JVM of its own" : "the client's end";
        return String.format(Locale.ROOT, "%,d spectator sockets need about %,d file descriptors in this JVM (%d per"
                + " socket: %s; plus %,d open and %,d spare) but the limit is %,d: raise it (ulimit -n %d, or the"
                + " hard limit in /etc/security/limits.conf) or ask for at most %,d.",
                n, needed, perSocket, where, open, SPARE_DESCRIPTORS, max, needed,
                Math.max(0, (max - open - SPARE_DESCRIPTORS) / perSocket));
    }

    private static Results.Fanout fanoutOnce(Node server, HttpClient http, HttpClient spectatorHttp,
                                             Connection stats, String token,
                                             int n, int bots, int seconds, long thinkMillis, boolean nioClient,
                                             long seed) throws Exception {
        HttpPlayer.Shared shared = new HttpPlayer.Shared(http, server.httpPort());
        shared.acting = false;
        shared.thinkMillis = thinkMillis;
        Seated seated = seat(server.httpPort(), shared, 1, bots, "fan" + n, seed);
        String tableId = seated.tableIds.get(0);
        // the bots play from now on (their turn clocks would sit them out while the spectators connect)
        shared.acting = true;
        seated.players.forEach(HttpPlayer::kick);
        List<Spectator> spectators = new ArrayList<>();
        List<LiveFrames.Tally> spectatorTallies = new ArrayList<>();
        AtomicLong closed = new AtomicLong();
        NioSpectators nio = nioClient ? new NioSpectators(shared.deliveries, closed) : null;
        try {
            long heapBefore = server.heapAfterGc();
            Semaphore connecting = new Semaphore(CONNECTING);
            long t0 = System.nanoTime();
            List<CompletableFuture<?>> opened = new ArrayList<>();
            String wsBase = shared.api.replace("http://", "ws://");
            for (int i = 0; i < n; i++) {
                connecting.acquire();
                if (nio != null) {
                    CompletableFuture<LiveFrames.Tally> open = nio.open("127.0.0.1", server.httpPort(), "/api/tables/"
                            + tableId + "/live?token=" + token, tableId);
                    opened.add(open.whenComplete((t, e) -> connecting.release()));
                } else {
                    Spectator s = new Spectator(tableId, shared.deliveries, closed);
                    spectators.add(s);
                    spectatorTallies.add(s.tally);
                    opened.add(s.connect(spectatorHttp, wsBase, token).whenComplete((ws, e) -> connecting.release()));
                }
                if (i % 500 == 499) {
                    System.err.printf("\r  fanout %d: %d sockets opening ", n, i + 1);
                }
            }
            long failed = 0;
            for (CompletableFuture<?> f : opened) {
                try {
                    Object got = f.get(120, TimeUnit.SECONDS);
                    if (got instanceof LiveFrames.Tally t) {
                        spectatorTallies.add(t);
                    }
                } catch (Exception e) {
                    if (failed++ == 0) {
                        System.err.println("fanout: a spectator did not connect: " + e);
                    }
                }
            }
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            long notOpened = failed;
            Thread.sleep(1000); // every snapshot frame out
            long heapWith = server.heapAfterGc();
            double perSocketKb = (heapWith - heapBefore) / 1024.0 / Math.max(1, n - failed);
            System.out.printf(Locale.ROOT, "fanout %d: %d sockets open in %.1f s (%d failed), heap %.1f KB per socket%n",
                    n, n - failed, connectSeconds, failed, perSocketKb);

            // what the table played while the sockets opened is still on its way to the last ones: the window
            // starts when every socket has caught up, so it times delivery, not that backlog
            List<LiveFrames.Tally> opening = List.copyOf(spectatorTallies);
            double caughtUp = catchUp(stats, tableId, opening);
            System.out.printf(Locale.ROOT, "fanout %d: every socket caught up with the table in %.1f s%n", n, caughtUp);
            long[] start = counters(stats);
            long framesBefore = opening.stream().mapToLong(LiveFrames.Tally::events).sum();
            long cpuBefore = server.cpuNanos();
            long began = System.nanoTime();
            shared.recording = true;
            progress("fanout " + n, began, seconds, shared);
            shared.recording = false;
            shared.acting = false;
            double elapsed = (System.nanoTime() - began) / 1e9;
            long cpuUsed = server.cpuNanos() - cpuBefore;
            long framesInWindow = opening.stream().mapToLong(LiveFrames.Tally::events).sum() - framesBefore;
            if (cpuBefore >= 0) {
                // the node's CPU for everything it did in the window (the bots' actions too), per frame a socket got
                System.out.printf(Locale.ROOT, "fanout %d: node CPU %.1f s in %.1f s (%.0f %% of a core), %.1f µs per"
                                + " frame delivered (%d frames)%n", n, cpuUsed / 1e9, elapsed,
                        100.0 * cpuUsed / 1e9 / elapsed, cpuUsed / 1e3 / Math.max(1, framesInWindow), framesInWindow);
            }
            Thread.sleep(1100);
            long[] end = counters(stats);
            shared.deliveries.stopRecording();
            long transactions = end[0] - start[0] - 1;
            // quiet: no more actions; wait for every socket to have the table's last event
            List<LiveFrames.Tally> tallies = new ArrayList<>();
            tallies.addAll(spectatorTallies);
            Thread.sleep(1500); // a hand that ended as the bots stopped deals the next one, then waits on its clock
            long head = settle(stats, tableId, tallies);
            Results.Frames frames = LiveFrames.sum(tallies, t -> head);
            long accepted = shared.accepted.get();
            Results.Fanout f = new Results.Fanout(n, connectSeconds, elapsed, accepted, accepted / elapsed,
                    shared.deliveries.afterAnswer(), shared.deliveries.beforeAnswer(), shared.action(), transactions,
                    transactions / elapsed, frames, perSocketKb, notOpened, closed.get(), shared.refusedCounts(),
                    Harness.load());
            System.out.printf(Locale.ROOT, "fanout %d: %d actions (%.1f/s, refused %s), action %s; delivery after the"
                            + " answer %s (%d before it), %.1f database transactions/s, frames %s, %d sockets closed"
                            + " early%n", n, accepted, f.actionsPerSecond(), f.refused(), Report.latency(f.action()),
                    Report.latency(f.delivery()), f.framesBeforeAnswer(), f.transactionsPerSecond(), frames,
                    closed.get());
            return f;
        } finally {
            spectators.forEach(Spectator::close);
            if (nio != null) {
                nio.close();
            }
            seated.close();
        }
    }

    /**
     * Seconds until every open socket has the events the table had when this began (at most five minutes),
     * twice: what was played while the first backlog drained is smaller, and drained too.
     */
    private static double catchUp(Connection stats, String tableId, List<LiveFrames.Tally> sockets) throws Exception {
        long began = System.nanoTime();
        long deadline = began + TimeUnit.MINUTES.toNanos(5);
        for (int round = 0; round < 2; round++) {
            long head = head(stats, tableId);
            while (!sockets.stream().allMatch(s -> !s.opened() || s.lastSeq() >= head)) {
                if (System.nanoTime() > deadline) {
                    System.err.println("not every socket of " + tableId + " caught up with seq " + head
                            + " within 5 minutes");
                    return (System.nanoTime() - began) / 1e9;
                }
                Thread.sleep(100);
            }
        }
        return (System.nanoTime() - began) / 1e9;
    }

    /** The table's last seq once every socket has it (or after 30 s): the head frames are counted to. */
    private static long settle(Connection stats, String tableId, List<LiveFrames.Tally> sockets) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long head = head(stats, tableId);
        while (System.nanoTime() < deadline) {
            long h = head;
            if (sockets.stream().allMatch(s -> !s.opened() || s.lastSeq() >= h)) {
                long again = head(stats, tableId);
                if (again == head) {
                    return head;
                }
                head = again;
            }
            Thread.sleep(200);
        }
        System.err.println("not every socket of " + tableId + " reached seq " + head + " within 30 s");
        return head;
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---------------------------------------------------------------- the database's side

    /** The database's transactions (committed and rolled back) and rows read, so far. */
    static long[] counters(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT xact_commit + xact_rollback,"
                + " tup_returned + tup_fetched FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static long head(Connection c, String tableId) throws Exception {
        try (PreparedStatement st = c.prepareStatement("SELECT coalesce(max(sequence_number), 0) FROM event_journal"
                + " WHERE persistence_id = ?")) {
            st.setString(1, TableEntity.persistenceIdOf(tableId).id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Logs every commit of a projection offset (the projection, its slice, the offset, and the database's
     * clock at the write) in a table of the benchmark's own, by a trigger: no polling, and no transaction of
     * its own (the row goes in the projection's transaction).
     */
    private static void installOffsetLog(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_offset_log (projection_name text, projection_key text, current_offset"
                    + " bigint, logged_ms double precision)");
            st.execute("CREATE FUNCTION bench_log_offset() RETURNS trigger AS $$ BEGIN"
                    + " IF NEW.current_offset ~ '^[0-9]+$' THEN INSERT INTO bench_offset_log VALUES"
                    + " (NEW.projection_name, NEW.projection_key, NEW.current_offset::bigint,"
                    + " extract(epoch FROM clock_timestamp()) * 1000); END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
            st.execute("CREATE TRIGGER bench_log_offset AFTER INSERT OR UPDATE ON pekko_projection_offset_store"
                    + " FOR EACH ROW EXECUTE FUNCTION bench_log_offset()");
        }
    }

    /**
     * Event to read model: for each table event written in the window, and each projection reading its
     * tag, the first logged offset commit at or past it, less the event's write_timestamp.
     */
    private static void readModelLag(Connection c, long fromMillis, long toMillis, Map<String, Histogram> byProjection,
                                     Histogram perEvent) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON bench_offset_log (projection_name, projection_key, current_offset)");
            st.execute("ANALYZE bench_offset_log");
        }
        String sql = "WITH ev AS (SELECT t.event_id, t.tag, j.write_timestamp FROM event_tag t JOIN event_journal j"
                + " ON j.ordering = t.event_id WHERE t.tag LIKE 'table-%' AND j.write_timestamp BETWEEN ? AND ?),"
                + " pr AS (SELECT DISTINCT projection_name, projection_key FROM bench_offset_log)"
                + " SELECT ev.event_id, pr.projection_name, (SELECT min(l.logged_ms) FROM bench_offset_log l"
                + " WHERE l.projection_name = pr.projection_name AND l.projection_key = ev.tag"
                + " AND l.current_offset >= ev.event_id) - ev.write_timestamp"
                + " FROM ev JOIN pr ON pr.projection_key = ev.tag ORDER BY ev.event_id";
        long notYet = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, fromMillis);
            ps.setLong(2, toMillis);
            try (ResultSet rs = ps.executeQuery()) {
                long event = -1;
                double worst = -1;
                while (rs.next()) {
                    if (rs.getLong(1) != event) {
                        if (worst >= 0) {
                            perEvent.recordValue((long) (worst * 1000));
                        }
                        event = rs.getLong(1);
                        worst = 0;
                    }
                    double lag = rs.getDouble(3);
                    if (rs.wasNull()) {
                        notYet++;
                        continue;
                    }
                    lag = Math.max(0, lag);
                    worst = Math.max(worst, lag);
                    byProjection.computeIfAbsent(rs.getString(2), k -> LoadRunner.histogram())
                            .recordValue((long) (lag * 1000));
                }
                if (worst >= 0) {
                    perEvent.recordValue((long) (worst * 1000));
                }
            }
        }
        if (notYet > 0) {
            System.out.println("play: " + notYet + " (event, projection) pairs had not reached the read model 3 s"
                    + " after the run; left out of the read-model lag");
        }
    }

    /** Every event frame the players received while recording, after its journal write_timestamp. */
    private static Results.Latency afterWrite(Connection c, List<HttpPlayer> players) throws Exception {
        Map<String, long[]> byTable = new HashMap<>();
        for (HttpPlayer p : players) {
            byTable.merge(p.tableId, p.arrivals(), (a, b) -> {
                long[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                return both;
            });
        }
        Histogram h = LoadRunner.histogram();
        for (Map.Entry<String, long[]> e : byTable.entrySet()) {
            long[] pairs = e.getValue();
            if (pairs.length == 0) {
                continue;
            }
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < pairs.length; i += 2) {
                min = Math.min(min, pairs[i]);
                max = Math.max(max, pairs[i]);
            }
            Map<Long, Long> written = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence_number, write_timestamp FROM event_journal"
                    + " WHERE persistence_id = ? AND sequence_number BETWEEN ? AND ?")) {
                ps.setString(1, TableEntity.persistenceIdOf(e.getKey()).id());
                ps.setLong(2, min);
                ps.setLong(3, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        written.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            for (int i = 0; i < pairs.length; i += 2) {
                Long at = written.get(pairs[i]);
                if (at != null && at > 0) {
                    h.recordValue(Math.max(0, pairs[i + 1] - at * 1000));
                }
            }
        }
        return Results.Latency.of(h);
    }
}
