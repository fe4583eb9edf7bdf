package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.pekko.persistence.jdbc.db.SlickExtension;
import org.apache.pekko.persistence.jdbc.db.SlickExtensionImpl;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * A failed write never carries the row it tried to write in its message: PostgreSQL's error detail
 * ("Failing row contains (...)") would put a deck or hole cards into a log line. Both pools: ours
 * (users, read side) and the journal's.
 */
class ErrorDetailIT {

    private static final String SECRET = "AsKdQhJc7s-not-for-logs";

    @Test
    void failedWritesDoNotRepeatTheirRowInTheMessage() throws Exception {
        PokerServer server = TestServer.start(TestDatabase.fresh());
        try {
            try (Connection c = server.dataSource().getConnection()) {
                assertThat(failedInsert(c, "read_side_probe")).doesNotContain(SECRET);
            }
            SlickExtensionImpl slick = (SlickExtensionImpl) SlickExtension.get(server.system());
            try (Connection c = slick.database(server.system().settings().config().getConfig("jdbc-journal"))
                    .database().source().createConnection()) {
                assertThat(failedInsert(c, "journal_probe")).doesNotContain(SECRET);
            }
        } finally {
            server.stop();
        }
    }

    /** The message of a NOT NULL violation on a row that holds the secret. */
    private static String failedInsert(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE " + table + " (cards TEXT NOT NULL, salt TEXT NOT NULL)");
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> st.execute("INSERT INTO " + table + " VALUES ('" + SECRET + "', NULL)"));
            if (e == null) {
                throw new AssertionError("the insert must fail");
            }
            return e.getMessage() + " " + e;
        }
    }
}
