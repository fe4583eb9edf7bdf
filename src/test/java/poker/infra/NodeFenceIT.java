package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import poker.support.TestDatabase;

/**
 * Migration V19's fence, on a real PostgreSQL: a journal connection carries its node's id (the startup option
 * the journal's connections get from NodeFence), each row records it, and once the node is in
 * cluster_fenced_nodes the database refuses its inserts, while other nodes write on.
 */
class NodeFenceIT {

    @Test
    void aFencedNodeCanNoLongerWriteToTheJournal() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        try (var pool = Database.pool(new DatabaseSettings(db.url(), db.user(), db.password(), 2, Path.of("unused"), 0))) {
            Database.migrate(pool);
        }
        try (Connection stale = connect(db, "node-a"); Connection fresh = connect(db, "node-b")) {
            insert(stale, "Table|t1", 1);
            insert(fresh, "Table|t2", 1);
            try (PreparedStatement st = fresh.prepareStatement(
                    "SELECT node, inserted_at IS NOT NULL FROM event_journal WHERE persistence_id = 'Table|t1'");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("node-a");
                assertThat(rs.getBoolean(2)).isTrue();
            }
            fresh.createStatement().execute("INSERT INTO cluster_fenced_nodes (node, fenced_by) VALUES ('node-a', 'node-b')");

            assertThatThrownBy(() -> insert(stale, "Table|t1", 2)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("journal write refused");
            insert(fresh, "Table|t1", 2);
            try (PreparedStatement st = fresh.prepareStatement(
                    "SELECT string_agg(node, ',' ORDER BY sequence_number) FROM event_journal WHERE persistence_id = 'Table|t1'");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("node-a,node-b");
            }
        }
    }

    /**
     * A node frozen in the middle of a journal transaction holds the unique key of the row it inserted: the
     * node that took its table over would wait on it forever. Fencing ends its sessions, so the transaction
     * rolls back and the new owner's insert of the same sequence number goes through.
     */
    @Test
    void fencingEndsTheSessionsOfTheDownedNodeSoItsOpenTransactionReleasesItsRows() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        try (var pool = Database.pool(new DatabaseSettings(db.url(), db.user(), db.password(), 2, Path.of("unused"), 0))) {
            Database.migrate(pool);
        }
        try (Connection frozen = connect(db, "node-a"); Connection survivor = connect(db, "node-b");
             Connection bystander = connect(db, "node-c")) {
            survivor.createStatement().execute("INSERT INTO cluster_nodes (node, address, uid) VALUES"
                    + " ('node-a', 'pekko://poker@10.0.0.1:2551', 11), ('node-b', 'pekko://poker@10.0.0.2:2551', 22),"
                    + " ('node-c', 'pekko://poker@10.0.0.3:2551', 33)");
            frozen.setAutoCommit(false);
            insert(frozen, "Table|t9", 7); // and then the JVM stops: no commit, no rollback
            bystander.setAutoCommit(false);
            insert(bystander, "Table|t8", 1);

            // without the fence's session end, this insert would wait for the frozen transaction
            survivor.createStatement().execute("SET statement_timeout = '10s'");
            assertThat(NodeFence.fence(survivor, "node-b", "pekko://poker@10.0.0.1:2551", 11)).isEqualTo(1);
            assertThat(NodeFence.fence(survivor, "node-b", "pekko://poker@10.0.0.1:2551", 11)).isZero();
            assertThat(NodeFence.endSessions(survivor, "pekko://poker@10.0.0.1:2551", 11)).isEqualTo(1);
            insert(survivor, "Table|t9", 7);

            assertThatThrownBy(frozen::commit).isInstanceOf(SQLException.class);
            // the other nodes' sessions and transactions go on
            bystander.commit();
            try (ResultSet rs = survivor.createStatement().executeQuery("SELECT persistence_id || '#' || node"
                    + " FROM event_journal ORDER BY persistence_id")) {
                java.util.List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                assertThat(rows).containsExactly("Table|t8#node-c", "Table|t9#node-b");
            }
            // an unknown node (never started) has no sessions to end
            assertThat(NodeFence.endSessions(survivor, "pekko://poker@10.0.0.9:2551", 99)).isZero();
        }
    }

    private static Connection connect(TestDatabase.Db db, String node) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        props.setProperty("options", "-c poker.node=" + node);
        props.setProperty("ApplicationName", NodeFence.applicationName(node));
        return DriverManager.getConnection(db.url(), props);
    }

    private static void insert(Connection c, String pid, long seq) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO event_journal (persistence_id, sequence_number,"
                + " writer, event_ser_id, event_ser_manifest, event_payload) VALUES (?, ?, 'w', 1, 'm', '\\x00')")) {
            st.setString(1, pid);
            st.setLong(2, seq);
            st.executeUpdate();
        }
    }
}
