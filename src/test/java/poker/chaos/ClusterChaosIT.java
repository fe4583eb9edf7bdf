package poker.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import poker.bots.Strategy;
import poker.support.ApiClient;
import poker.support.ClusterProcess;
import poker.support.Eventually;
import poker.support.ServerProcess;
import poker.support.TestServer;
import poker.support.TournamentRun;

/**
 * Three server JVMs on one PostgreSQL, bots playing at cash tables spread over them, and the faults a
 * cluster meets, one after the other on the same cluster (one start for the three, to keep the test short):
 * <ol>
 * <li>{@code kill -9} of a node mid-hand while a tournament plays: the node where the tournament's director
 * runs is killed; the split brain resolver downs it, its tables restart on the survivors (remember-entities)
 * and play on, a table nobody acts at moves on by its turn clock, the bots' sockets reconnect elsewhere with
 * {@code fromSeq} and miss nothing, and the director resumes on another node: the tournament finishes
 * and passes every check of {@link TournamentRun};</li>
 * <li>{@code SIGSTOP} of a node past stable-after, then {@code SIGCONT}: it is downed and fenced, its tables
 * move, and once awake it writes nothing more to the journal (the database refuses a fenced node) and exits;</li>
 * <li>a rolling restart: each node in turn stopped (SIGTERM; the one that exited after its freeze is only
 * started) and started again while play goes on.</li>
 * </ol>
 * After each: every acknowledged action is in the journal, every entity's sequence numbers run 1..n
 * without a gap, no fenced node wrote after its fence, the chip audit balances, every completed hand's
 * deck commitment verifies. Figures are printed, not asserted.
 */
class ClusterChaosIT {

    private static final int ACTIVE_TABLES = 3;
    private static final int SLEEPER_TABLES = 2;
    private static final Duration MOVE_TIMEOUT = Duration.ofSeconds(90);

    /** Under target/, kept after the test: each node's output is there when something fails. */
    private final Path home = Path.of("target", "chaos", Long.toString(System.currentTimeMillis()));

    private final List<Bot> bots = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> verifiedHands = new HashSet<>();
    private final List<String> sleeperTables = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();

    @Test
    void killFreezeAndRollingRestartLoseNoAcknowledgedAction() throws Exception {
        long started = System.nanoTime();
        try (ClusterProcess cluster = ClusterProcess.start(home, 3, Map.of(
                "POKER_SBR_STABLE_AFTER", "3s",
                "POKER_HAND_PAUSE", "500ms",
                "POKER_TABLE_IDLE_PASSIVATION", "10m",
                // the accounts of the test come from one address
                "POKER_REGISTRATIONS_PER_ADDRESS", "1000",
                "POKER_LOGIN_ATTEMPTS_PER_ADDRESS", "1000"))) {
            cluster.awaitOneCluster(MOVE_TIMEOUT);
            System.out.printf("Chaos: three nodes ready in %d ms%n", millisSince(started));
            seatPlayers(cluster);
            awaitHandsEverywhere(cluster);

            long a = System.nanoTime();
            Future<TournamentRun.Outcome> tournament = killDuringATournament(cluster);
            check(cluster, "kill -9");
            // the killed node starts again while the tournament plays on, which it must then finish
            cluster.restart(victim);
            cluster.awaitOneCluster(MOVE_TIMEOUT);
            TournamentRun.Outcome outcome = tournament.get(10, TimeUnit.MINUTES);
            System.out.printf("Chaos kill -9: the tournament finished (%d hands, %.1f s in all, %d bot socket"
                    + " reconnects)%n", outcome.checks().tableHands(), outcome.seconds(), outcome.bots().reconnects());
            System.out.printf("Chaos: kill -9 scenario took %d ms (the node started again and the tournament to its"
                    + " end included)%n", millisSince(a));

            long b = System.nanoTime();
            freezeNodePastStableAfter(cluster);
            check(cluster, "SIGSTOP");
            System.out.printf("Chaos: SIGSTOP scenario took %d ms%n", millisSince(b));

            long c = System.nanoTime();
            rollingRestart(cluster);
            Thread.sleep(1000);
            stopBots();
            check(cluster, "rolling restart");
            System.out.printf("Chaos: rolling restart took %d ms; the whole test %d ms%n", millisSince(c),
                    millisSince(started));
            int reconnects = bots.stream().mapToInt(bot -> bot.reconnects).sum();
            int acks = bots.stream().mapToInt(bot -> bot.acks.size()).sum();
            System.out.printf("Chaos: %d acknowledged actions, %d socket reconnects, %d hands verified, %d sleeping"
                    + " tables moved on by their turn clock on another node%n", acks, reconnects,
                    verifiedHands.size(), sleepersMoved);
            assertThat(reconnects).as("the bots' sockets moved to other nodes").isPositive();
            assertThat(sleepersMoved).as("a sleeping table's turn clock re-armed on another node").isPositive();
        } finally {
            stopBots();
            runner.shutdownNow();
        }
    }

    private int sleepersMoved;

    private int victim;

    // ---------------------------------------------------------------------------------------------- setup

    private void seatPlayers(ClusterProcess cluster) throws Exception {
        ApiClient api = new ApiClient(cluster.httpPort(0));
        List<Integer> ports = IntStream.range(0, cluster.size()).mapToObj(cluster::httpPort).toList();
        int player = 0;
        for (int t = 0; t < ACTIVE_TABLES + SLEEPER_TABLES; t++) {
            boolean sleeper = t >= ACTIVE_TABLES;
            String owner = api.signUp("owner" + t);
            ApiClient.Response created = api.post("/tables", "{\"name\":\"Chaos " + t + "\",\"smallBlind\":5,"
                    + "\"bigBlind\":10,\"maxSeats\":2,\"minBuyIn\":100,\"maxBuyIn\":2000,\"actionSeconds\":5}", owner);
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String tableId = created.text("tableId");
            tables.add(tableId);
            if (sleeper) {
                sleeperTables.add(tableId);
            }
            for (int seat = 0; seat < 2; seat++) {
                String name = (sleeper ? "sleeper" : "bot") + (player++);
                String token = api.signUp(name);
                ApiClient.Response joined = api.post("/tables/" + tableId + "/participants",
                        "{\"buyIn\":1000,\"waitForBigBlind\":false}", token);
                assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
                bots.add(new Bot(name, tableId, token, sleeper, ports, player % ports.size()));
            }
        }
        for (Bot bot : bots) {
            Thread thread = new Thread(bot, "bot-" + bot.name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void awaitHandsEverywhere(ClusterProcess cluster) throws Exception {
        Eventually.await(Duration.ofSeconds(60), () -> tablesWith(cluster, "TurnClockStarted"),
                found -> found.containsAll(tables));
    }

    private void stopBots() throws InterruptedException {
        bots.forEach(bot -> bot.running = false);
        for (Thread thread : threads) {
            thread.join(5000);
        }
        threads.clear();
    }

    // ------------------------------------------------------------------------------------------- faults

    /**
     * A sit-and-go of six bots at two tables of three plays on the same cluster; once a third of its field
     * is out, the node where its director runs is killed mid-hand (the cash tables on that node with it).
     * The director starts again on another node from its journal and the tournament plays to its end,
     * checked as {@link TournamentRun} checks every tournament (rules over the journal, prizes, wallets).
     */
    private Future<TournamentRun.Outcome> killDuringATournament(ClusterProcess cluster) throws Exception {
        List<Integer> ports = IntStream.range(0, cluster.size()).mapToObj(cluster::httpPort).toList();
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        Future<TournamentRun.Outcome> tournament = runner.submit(() -> TournamentRun.play(ports,
                () -> cluster.httpPort(cluster.anyLive()), TournamentRun.journal(cluster.db()), 6, 3, "tchaos",
                new Strategy(15, 20, 10), // bolder than the tournament tests' bots: a shorter tournament
                fleet -> {
                    midway.countDown();
                    try {
                        killed.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        try {
            while (!midway.await(500, TimeUnit.MILLISECONDS)) {
                if (tournament.isDone()) {
                    tournament.get(); // failed before a third was out: its error
                    throw new AssertionError("the tournament ended before a third of its field was out");
                }
            }
            String director = directorId(cluster);
            String[] host = lastWriter(cluster, director);
            victim = indexOf(cluster, host[0]);
            long directorSeq = Long.parseLong(host[1]);
            System.out.printf("Chaos kill -9: the tournament's director runs on node %d%n", victim + 1);
            long killedAt = killNodeMidHand(cluster);
            String victimId = host[0];
            long directorBack = Eventually.await(MOVE_TIMEOUT, () -> writtenAfter(cluster, director, directorSeq,
                    victimId) ? millisSince(killedAt) : -1L, ms -> ms >= 0);
            System.out.printf("Chaos kill -9: the director wrote again on another node after %d ms%n", directorBack);
        } finally {
            killed.countDown();
        }
        return tournament;
    }

    /** Where the tournament of the kill scenario plays (its bots run in threads of their own). */
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    /** Kills node {@link #victim} and waits until its tables answered elsewhere and it is downed. */
    private long killNodeMidHand(ClusterProcess cluster) throws Exception {
        Map<String, Integer> hosts = tableHosts(cluster);
        List<String> moved = tablesOn(hosts, victim);
        String victimId = cluster.nodeId(victim);
        Map<String, Long> before = maxSeqs(cluster);
        System.out.printf("Chaos kill -9: node %d hosts %d of %d cash tables (%s sleeping)%n", victim + 1,
                moved.size(), tables.size(), moved.stream().filter(sleeperTables::contains).count());
        long killedAt = System.nanoTime();
        cluster.node(victim).kill();
        Map<String, Long> answered = awaitMoved(cluster, moved, before, victimId, killedAt);
        System.out.printf("Chaos kill -9: moved tables answered again after %s ms (per table)%n", answered.values());
        awaitSleepersMovedOn(cluster, moved, before, victimId);
        awaitDowned(cluster, victim);
        return killedAt;
    }

    /** A table nobody acts at moved on by itself: its turn clock was re-armed on the new node. */
    private void awaitSleepersMovedOn(ClusterProcess cluster, List<String> moved, Map<String, Long> before,
                                      String oldNode) throws Exception {
        for (String sleeping : moved.stream().filter(sleeperTables::contains).toList()) {
            Eventually.await(MOVE_TIMEOUT, () -> timeoutsAfter(cluster, sleeping, before.get(sleeping), oldNode),
                    n -> n > 0);
            sleepersMoved++;
        }
    }

    private static String directorId(ClusterProcess cluster) throws Exception {
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT DISTINCT persistence_id FROM event_journal"
                     + " WHERE persistence_id LIKE 'TournamentDirector|%'");
             ResultSet rs = st.executeQuery()) {
            assertThat(rs.next()).as("the tournament's director has written").isTrue();
            return rs.getString(1);
        }
    }

    /** The node id and sequence number of an entity's latest event. */
    private static String[] lastWriter(ClusterProcess cluster, String persistenceId) throws Exception {
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT node, sequence_number FROM event_journal"
                     + " WHERE persistence_id = ? ORDER BY sequence_number DESC LIMIT 1")) {
            st.setString(1, persistenceId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), Long.toString(rs.getLong(2))};
            }
        }
    }

    private static int indexOf(ClusterProcess cluster, String nodeId) throws Exception {
        for (int i = 0; i < cluster.size(); i++) {
            if (nodeId.equals(cluster.nodeId(i))) {
                return i;
            }
        }
        throw new AssertionError("no node of the cluster is " + nodeId);
    }

    private void freezeNodePastStableAfter(ClusterProcess cluster) throws Exception {
        Map<String, Integer> hosts = tableHosts(cluster);
        victim = pickVictim(cluster, hosts);
        List<String> moved = tablesOn(hosts, victim);
        String victimId = cluster.nodeId(victim);
        Map<String, Long> before = maxSeqs(cluster);
        ServerProcess frozen = cluster.node(victim);
        System.out.printf("Chaos SIGSTOP: node %d hosts %d of %d tables%n", victim + 1, moved.size(), tables.size());
        long pausedAt = System.nanoTime();
        frozen.pause();
        long downedAfter = awaitDowned(cluster, victim);
        Map<String, Long> answered = awaitMoved(cluster, moved, before, victimId, pausedAt);
        System.out.printf("Chaos SIGSTOP: downed after %d ms; moved tables answered again after %s ms%n",
                downedAfter, answered.values());
        awaitSleepersMovedOn(cluster, moved, before, victimId);
        Thread.sleep(1000);
        frozen.resume();
        long resumedAt = System.nanoTime();
        Optional<Integer> exit = frozen.awaitExit(Duration.ofSeconds(60));
        assertThat(exit).as("the woken node learns it was downed and exits\n" + frozen.describe()).isPresent();
        long refused = frozen.stdout().stream().filter(line -> line.contains("journal write refused")).count();
        System.out.printf("Chaos SIGSTOP: woken node exited with %d after %d ms; %d of its journal writes refused%n",
                exit.get(), millisSince(resumedAt), refused);
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM cluster_fenced_nodes WHERE node = ?")) {
            st.setString(1, victimId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("the frozen node was fenced").isEqualTo(1);
            }
        }
    }

    private void rollingRestart(ClusterProcess cluster) throws Exception {
        for (int i = 0; i < cluster.size(); i++) {
            long at = System.nanoTime();
            Map<String, Long> before = maxSeqs(cluster);
            // the node frozen before has exited (downed while asleep): it is only started again
            boolean running = cluster.node(i).isAlive();
            int code = running ? cluster.node(i).stop() : -1;
            long stoppedAfter = millisSince(at);
            cluster.restart(i);
            cluster.awaitOneCluster(MOVE_TIMEOUT);
            System.out.printf("Chaos rolling restart: node %d %s in %d ms, ready again after %d ms%n", i + 1,
                    running ? "stopped (exit " + code + ")" : "had exited after its freeze", stoppedAfter,
                    millisSince(at));
            // play went on meanwhile, at every table (on failure: which did not, and where each stood before)
            try {
                Eventually.await(MOVE_TIMEOUT, () -> maxSeqs(cluster), now -> tables.stream()
                        .allMatch(t -> now.getOrDefault(t, 0L) > before.getOrDefault(t, 0L)));
            } catch (AssertionError notMoved) {
                Map<String, Long> now = maxSeqs(cluster);
                throw new AssertionError("after node " + (i + 1) + "'s restart, tables that did not move on: "
                        + tables.stream().filter(t -> now.getOrDefault(t, 0L) <= before.getOrDefault(t, 0L)).toList()
                        + " (sleeping tables " + sleeperTables + "); before " + before + ", now " + now, notMoved);
            }
        }
    }

    /** The node hosting a sleeping table, and of those the one hosting most tables. */
    private int pickVictim(ClusterProcess cluster, Map<String, Integer> hosts) {
        int best = -1;
        int bestCount = -1;
        for (int i = 0; i < cluster.size(); i++) {
            int node = i;
            boolean sleeps = sleeperTables.stream().anyMatch(t -> hosts.get(t) != null && hosts.get(t) == node);
            int count = tablesOn(hosts, node).size() + (sleeps ? 1000 : 0);
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return best;
    }

    private static List<String> tablesOn(Map<String, Integer> hosts, int node) {
        return hosts.entrySet().stream().filter(e -> e.getValue() == node).map(Map.Entry::getKey).sorted().toList();
    }

    /** Waits until each table has an event after {@code before} written by another node; ms per table. */
    private Map<String, Long> awaitMoved(ClusterProcess cluster, List<String> moved, Map<String, Long> before,
                                         String oldNode, long since) throws Exception {
        Map<String, Long> answered = new LinkedHashMap<>();
        long deadline = System.nanoTime() + MOVE_TIMEOUT.toNanos();
        while (answered.size() < moved.size()) {
            for (String table : moved) {
                if (!answered.containsKey(table) && writtenElsewhere(cluster, table, before.get(table), oldNode)) {
                    answered.put(table, millisSince(since));
                }
            }
            if (System.nanoTime() > deadline) {
                List<String> silent = moved.stream().filter(t -> !answered.containsKey(t)).toList();
                StringBuilder detail = new StringBuilder();
                for (String t : silent) {
                    detail.append("\n").append(t).append(sleeperTables.contains(t) ? " (sleeping)" : "")
                            .append(": last events ").append(lastEvents(cluster, t));
                }
                throw new AssertionError("tables not answering again after the fault (node output in " + home
                        + "):" + detail);
            }
            Thread.sleep(100);
        }
        return answered;
    }

    /** Waits until the other nodes no longer list node i as a member; ms since now. */
    private long awaitDowned(ClusterProcess cluster, int node) throws Exception {
        long at = System.nanoTime();
        String address = cluster.address(node);
        int survivor = (node + 1) % cluster.size();
        Eventually.await(MOVE_TIMEOUT, () -> cluster.members(survivor),
                members -> !members.isEmpty() && !members.contains(address + "\""));
        return millisSince(at);
    }

    // ------------------------------------------------------------------------------------------- checks

    private void check(ClusterProcess cluster, String fault) throws Exception {
        int live = IntStream.range(0, cluster.size()).filter(i -> cluster.node(i).isAlive()).findFirst()
                .orElseThrow();
        // every 2xx a bot received is in the journal
        List<Bot.Ack> acks = bots.stream().flatMap(bot -> bot.acks.stream()).toList();
        Map<String, Long> max = maxSeqs(cluster);
        long lost = acks.stream().filter(ack -> max.getOrDefault(ack.tableId(), 0L) < ack.seq()).count();
        System.out.printf("Chaos %s: %d acknowledged actions so far, %d lost%n", fault, acks.size(), lost);
        assertThat(lost).as("acknowledged actions missing from the journal").isZero();

        try (Connection c = cluster.connect()) {
            // 1..n per entity: no gap, no duplicate (the primary key forbids those)
            List<String> broken = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT persistence_id, count(*), min(sequence_number),"
                    + " max(sequence_number) FROM event_journal WHERE persistence_id NOT LIKE '/sharding/%'"
                    + " GROUP BY persistence_id HAVING count(*) <> max(sequence_number) OR min(sequence_number) <> 1");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    broken.add(rs.getString(1) + " count " + rs.getLong(2) + " min " + rs.getLong(3) + " max "
                            + rs.getLong(4));
                }
            }
            assertThat(broken).as("entities with gaps in their sequence numbers").isEmpty();
            // the single-writer guarantee: nothing written by a node after it was fenced
            try (PreparedStatement st = c.prepareStatement("SELECT j.persistence_id, j.sequence_number, j.node"
                    + " FROM event_journal j JOIN cluster_fenced_nodes f ON f.node = j.node"
                    + " WHERE j.inserted_at >= f.fenced_at");
                 ResultSet rs = st.executeQuery()) {
                List<String> late = new ArrayList<>();
                while (rs.next()) {
                    late.add(rs.getString(1) + "#" + rs.getLong(2) + " by " + rs.getString(3));
                }
                assertThat(late).as("events written by a downed node after its fence").isEmpty();
            }
        }

        List<String> problems = bots.stream().flatMap(bot -> bot.problems.stream()).toList();
        assertThat(problems).as("live socket frames lost or repeated").isEmpty();

        ApiClient api = new ApiClient(cluster.httpPort(live));
        String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        JsonNode audit = Eventually.await(Duration.ofSeconds(60), () -> api.get("/admin/audit", admin).body(),
                body -> body.path("balanced").asBoolean());
        assertThat(audit.path("balanced").asBoolean()).isTrue();

        int hands = 0;
        for (String table : tables) {
            for (JsonNode hand : api.get("/tables/" + table + "/hands", null).body()) {
                String key = table + "/" + hand.path("handNumber").asLong();
                if (verifiedHands.add(key)) {
                    JsonNode history = api.get("/tables/" + table + "/hands/" + hand.path("handNumber").asLong(),
                            admin).body();
                    assertThat(history.path("deckCommitment").path("verified").asBoolean()).as(key + ": " + history)
                            .isTrue();
                    hands++;
                }
            }
        }
        System.out.printf("Chaos %s: audit balanced, %d more hand histories verified%n", fault, hands);
    }

    // ---------------------------------------------------------------------------------------- journal

    /** Which node wrote each cash table's latest event (index into the cluster). */
    private Map<String, Integer> tableHosts(ClusterProcess cluster) throws Exception {
        Map<String, Integer> byNodeId = new HashMap<>();
        for (int i = 0; i < cluster.size(); i++) {
            byNodeId.put(cluster.nodeId(i), i);
        }
        Map<String, Integer> hosts = new HashMap<>();
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT DISTINCT ON (persistence_id) persistence_id, node"
                     + " FROM event_journal WHERE persistence_id LIKE 'Table|%'"
                     + " ORDER BY persistence_id, sequence_number DESC");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Integer node = byNodeId.get(rs.getString(2));
                // the cash tables; a tournament's tables close when it breaks them
                if (node != null && tables.contains(rs.getString(1).substring("Table|".length()))) {
                    hosts.put(rs.getString(1).substring("Table|".length()), node);
                }
            }
        }
        return hosts;
    }

    private Map<String, Long> maxSeqs(ClusterProcess cluster) throws Exception {
        Map<String, Long> max = new HashMap<>();
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT persistence_id, max(sequence_number) FROM event_journal"
                     + " WHERE persistence_id LIKE 'Table|%' GROUP BY persistence_id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                max.put(rs.getString(1).substring("Table|".length()), rs.getLong(2));
            }
        }
        return max;
    }

    private Set<String> tablesWith(ClusterProcess cluster, String type) throws Exception {
        Set<String> found = new HashSet<>();
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT DISTINCT persistence_id FROM event_journal"
                     + " WHERE persistence_id LIKE 'Table|%' AND convert_from(event_payload, 'UTF8')::json->>'type' = ?")) {
            st.setString(1, type);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1).substring("Table|".length()));
                }
            }
        }
        return found;
    }

    private boolean writtenElsewhere(ClusterProcess cluster, String table, long after, String oldNode) throws Exception {
        return writtenAfter(cluster, "Table|" + table, after, oldNode);
    }

    /** Whether an entity has an event after sequence number {@code after} written by another node. */
    private static boolean writtenAfter(ClusterProcess cluster, String persistenceId, long after, String oldNode)
            throws Exception {
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM event_journal WHERE persistence_id = ?"
                     + " AND sequence_number > ? AND node IS DISTINCT FROM ?")) {
            st.setString(1, persistenceId);
            st.setLong(2, after);
            st.setString(3, oldNode);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private List<String> lastEvents(ClusterProcess cluster, String table) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT sequence_number, node, inserted_at,"
                     + " convert_from(event_payload, 'UTF8') FROM event_journal WHERE persistence_id = ?"
                     + " ORDER BY sequence_number DESC LIMIT 4")) {
            st.setString(1, "Table|" + table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String payload = rs.getString(4);
                    events.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getTimestamp(3) + " "
                            + payload.substring(0, Math.min(160, payload.length())));
                }
            }
        }
        return events;
    }

    private int timeoutsAfter(ClusterProcess cluster, String table, long after, String oldNode) throws Exception {
        try (Connection c = cluster.connect();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM event_journal WHERE persistence_id = ?"
                     + " AND sequence_number > ? AND node IS DISTINCT FROM ?"
                     + " AND convert_from(event_payload, 'UTF8')::json->'event'->>'reason' = 'timeout'")) {
            st.setString(1, "Table|" + table);
            st.setLong(2, after);
            st.setString(3, oldNode);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
