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

    private static Connection connect(TestDatabase.Db db, String node) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        props.setProperty("options", "-c poker.node=" + node);
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
