package poker.infra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer guarantee across nodes, enforced by the database (migration V19).
 *
 * <p>Cluster sharding runs each table on one node at a time, but a node the cluster has downed may not
 * know it yet: frozen (SIGSTOP, a long GC pause, a stalled VM) it wakes up with its entities and overdue
 * timers and writes, while its tables already run elsewhere. The journal's primary key rejects a sequence
 * number written twice, but not a stale node that writes first. So: each start of a node gets an id, sent
 * as the setting {@code poker.node} on every journal connection (a column default records it in each row);
 * when a node sees another member downed, it records that member's id in {@code cluster_fenced_nodes},
 * and a trigger refuses every later journal insert from it. The survivors fence the node when it is
 * downed, before its shards are handed to other nodes (that waits for its removal, a gossip round later).
 */
public final class NodeFence {

    private static final Logger log = LoggerFactory.getLogger(NodeFence.class);
    private static final String SLICK_DB = "pekko-persistence-jdbc.shared-databases.slick.db";

    private final String nodeId;

    private NodeFence(String nodeId) {
        this.nodeId = nodeId;
    }

    /** A new id for this start of the node. */
    public static NodeFence create() {
        return new NodeFence(UUID.randomUUID().toString().replace("-", ""));
    }

    public String nodeId() {
        return nodeId;
    }

    /**
     * The name every database connection of this start of the node carries ({@code application_name}, seen
     * in {@code pg_stat_activity}): the fence ends the sessions of a downed node by it.
     */
    public String applicationName() {
        return applicationName(nodeId);
    }

    static String applicationName(String nodeId) {
        return "poker-" + nodeId;
    }

    /**
     * The journal's connections identify this node: PostgreSQL's startup option {@code -c poker.node=<id>}
     * (recorded in each row, checked by the fence's trigger) and the application name.
     */
    public Config journalConnections(Config config) {
        return ConfigFactory.parseMap(Map.of(
                        SLICK_DB + ".properties.options", "-c poker.node=" + nodeId,
                        SLICK_DB + ".properties.ApplicationName", applicationName()))
                .withFallback(config);
    }

    /** Records who this node is, and starts fencing the members the cluster downs. */
    public void start(ActorSystem<?> system, DataSource dataSource) throws Exception {
        UniqueAddress self = Cluster.get(system).selfMember().uniqueAddress();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "INSERT INTO cluster_nodes (node, address, uid) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            st.setString(1, nodeId);
            st.setString(2, self.address().toString());
            st.setLong(3, self.longUid());
            st.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        log.debug("This node is {} ({}, uid {})", nodeId, self.address(), self.longUid());
        Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("poker.blocking-dispatcher"));
        system.systemActorOf(watcher(dataSource, blocking), "node-fence", org.apache.pekko.actor.typed.Props.empty());
    }

    private Behavior<ClusterEvent.MemberEvent> watcher(DataSource dataSource, Executor blocking) {
        return Behaviors.setup(context -> {
            Cluster.get(context.getSystem()).subscriptions()
                    .tell(Subscribe.create(context.getSelf(), ClusterEvent.MemberEvent.class));
            return Behaviors.receiveMessage(event -> {
                Member member = event.member();
                boolean downed = event instanceof ClusterEvent.MemberDowned
                        || (event instanceof ClusterEvent.MemberRemoved removed
                        && removed.previousStatus() == MemberStatus.down());
                if (downed) {
                    blocking.execute(() -> fence(dataSource, member.uniqueAddress(), 1));
                }
                return Behaviors.same();
            });
        });
    }

    private void fence(DataSource dataSource, UniqueAddress member, int attempt) {
        try (Connection c = dataSource.getConnection()) {
            int rows = fence(c, nodeId, member.address().toString(), member.longUid());
            if (rows > 0) {
                log.warn("Fenced downed node {} (uid {}): the journal refuses its writes from now on",
                        member.address(), member.longUid());
            }
            int ended = endSessions(c, member.address().toString(), member.longUid());
            if (ended > 0) {
                log.warn("Ended {} database sessions of downed node {} (uid {}): their open transactions roll back",
                        ended, member.address(), member.longUid());
            }
        } catch (Exception e) {
            if (attempt >= 30) {
                log.error("Could not fence downed node {} after {} attempts", member.address(), attempt, e);
                return;
            }
            log.warn("Fencing downed node {} failed (attempt {}), retrying: {}", member.address(), attempt,
                    e.toString());
            try {
                Thread.sleep(Duration.ofSeconds(1).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            fence(dataSource, member, attempt + 1);
        }
    }

    /**
     * Records the node that ran at {@code address} with {@code uid} as fenced (by {@code fencedBy}); from
     * the commit on, the journal's trigger refuses its inserts. Returns 1 if it was fenced now, 0 if it was
     * already (another survivor was first) or is unknown.
     */
    static int fence(Connection c, String fencedBy, String address, long uid) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO cluster_fenced_nodes (node, fenced_by) SELECT node, ? FROM cluster_nodes"
                        + " WHERE address = ? AND uid = ? ON CONFLICT DO NOTHING")) {
            st.setString(1, fencedBy);
            st.setString(2, address);
            st.setLong(3, uid);
            int rows = st.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return rows;
        }
    }

    /**
     * Ends the database sessions of the node that ran at {@code address} with {@code uid}, after it was
     * fenced. A node frozen in the middle of a journal transaction holds it open, and with it the unique
     * key of the sequence number it was inserting: the node that took its tables over would wait on that
     * key forever (the fence refuses new inserts, not one already made). Ending the session rolls that
     * transaction back. Returns the number of sessions ended.
     */
    static int endSessions(Connection c, String address, long uid) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(a.pid)) FROM pg_stat_activity a"
                        + " JOIN cluster_nodes n ON a.application_name = 'poker-' || n.node"
                        + " WHERE n.address = ? AND n.uid = ? AND a.pid <> pg_backend_pid()")) {
            st.setString(1, address);
            st.setLong(2, uid);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                int ended = rs.getInt(1);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return ended;
            }
        }
    }
}
