package poker.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A cluster of server JVMs ({@link ServerProcess}) on one machine, sharing one real PostgreSQL (a fresh
 * database of {@link TestDatabase}) through POKER_DB_URL, joined through POKER_SEED_NODES. Each node has
 * its own ports and folder; a node can be killed, frozen, stopped and started again on the same ports.
 */
public final class ClusterProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final TestDatabase.Db db;
    private final List<ServerProcess.Settings> settings;
    private final ServerProcess[] nodes;

    private ClusterProcess(TestDatabase.Db db, List<ServerProcess.Settings> settings) {
        this.db = db;
        this.settings = settings;
        this.nodes = new ServerProcess[settings.size()];
    }

    /** Starts the first node, then the others at once, and waits until each is ready. */
    public static ClusterProcess start(Path home, int size, Map<String, String> env) {
        TestDatabase.Db db = TestDatabase.fresh();
        List<ServerProcess.Settings> all = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ServerProcess.Settings s = ServerProcess.settings(home.resolve("node" + (i + 1)))
                    .with("POKER_DB_URL", db.url())
                    .with("POKER_DB_USER", db.user())
                    .with("POKER_DB_PASSWORD", db.password())
                    .with("POKER_REMOTE_HOST", "127.0.0.1");
            for (Map.Entry<String, String> e : env.entrySet()) {
                s = s.with(e.getKey(), e.getValue());
            }
            all.add(s);
        }
        String seeds = all.stream().map(s -> "pekko://poker@127.0.0.1:" + s.env().get("POKER_REMOTE_PORT"))
                .collect(Collectors.joining(","));
        List<ServerProcess.Settings> joined = all.stream().map(s -> s.with("POKER_SEED_NODES", seeds)).toList();
        ClusterProcess cluster = new ClusterProcess(db, joined);
        try {
            // the first seed node forms the cluster (and creates the admin account) alone; then the others join
            cluster.nodes[0] = ServerProcess.start(joined.get(0));
            for (int i = 1; i < size; i++) {
                cluster.nodes[i] = ServerProcess.launch(joined.get(i));
            }
            for (ServerProcess node : cluster.nodes) {
                node.awaitReady(ServerProcess.READY_TIMEOUT);
            }
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public int size() {
        return nodes.length;
    }

    public ServerProcess node(int i) {
        return nodes[i];
    }

    public int httpPort(int i) {
        return settings.get(i).httpPort();
    }

    public String address(int i) {
        return "pekko://poker@127.0.0.1:" + settings.get(i).env().get("POKER_REMOTE_PORT");
    }

    /** Starts node i again (after a kill, a stop or its exit) on the same ports, and waits until it is ready. */
    public ServerProcess restart(int i) {
        if (nodes[i].isAlive()) {
            throw new IllegalStateException("node " + (i + 1) + " still runs");
        }
        // The others first: a node joins the first seed that answers, and only the first seed of the list may
        // form a cluster by itself. Listed first, a node started again while the others run (but answer
        // slowly) would form a second cluster of its own after seed-node-timeout: two owners per table.
        String others = IntStream.range(0, nodes.length).filter(j -> j != i).mapToObj(this::address)
                .collect(Collectors.joining(","));
        nodes[i] = ServerProcess.start(settings.get(i).with("POKER_SEED_NODES", others + "," + address(i)));
        return nodes[i];
    }

    /** The one database of the cluster. */
    public TestDatabase.Db db() {
        return db;
    }

    /** A node that runs now (not killed, stopped or frozen by the test): for set-up calls and checks. */
    public int anyLive() {
        return IntStream.range(0, nodes.length).filter(i -> nodes[i].isAlive() && !nodes[i].paused()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node runs"));
    }

    public Connection connect() throws Exception {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /** The journal's id of node i's current start ({@code cluster_nodes}, migration V19). */
    public String nodeId(int i) throws Exception {
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement(
                     "SELECT node FROM cluster_nodes WHERE address = ? ORDER BY started_at DESC LIMIT 1")) {
            st.setString(1, address(i));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The members node i sees as Up (Pekko Management's /cluster/members), or an empty list if it does not answer. */
    public String members(int i) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + settings.get(i).managementPort() + "/cluster/members")).timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** Waits until every live node sees every live node as an Up member: one cluster, not islands. */
    public void awaitOneCluster(Duration timeout) throws Exception {
        List<Integer> live = IntStream.range(0, nodes.length).filter(i -> nodes[i].isAlive()).boxed().toList();
        for (int i : live) {
            Eventually.await(timeout, () -> members(i), body -> live.stream().allMatch(j ->
                    body.contains("\"node\":\"" + address(j) + "\"") || body.contains("\"node\" : \"" + address(j) + "\""))
                    && body.split("\"Up\"", -1).length - 1 == live.size());
        }
    }

    @Override
    public void close() {
        for (ServerProcess node : nodes) {
            if (node != null) {
                if (node.isAlive()) {
                    node.resume(); // a frozen JVM ignores nothing but SIGKILL; resume it for a clean kill
                }
                node.close();
            }
        }
    }
}
