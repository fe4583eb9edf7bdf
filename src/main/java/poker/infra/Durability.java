package poker.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database keeps what it acknowledges. An action is acknowledged (2xx) only after its commit
 * returned; that commit survives a crash only if the server flushes its WAL before answering
 * (synchronous_commit not off), flushes really reach the disk (fsync), and a torn page can be repaired
 * (full_page_writes).
 */
public final class Durability {

    private static final Logger log = LoggerFactory.getLogger(Durability.class);

    private Durability() {
    }

    /** The settings of this session that weaken durability, as "name=value"; empty when durable. */
    public static List<String> weakSettings(Connection connection) throws SQLException {
        List<String> weak = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, setting FROM pg_settings"
                     + " WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name")) {
            while (rs.next()) {
                if (rs.getString(2).equals("off")) {
                    weak.add(rs.getString(1) + "=off");
                }
            }
        }
        return weak;
    }

    /** For a database we do not run ourselves: say so loudly at start when it may lose acknowledged actions. */
    public static void warnIfWeak(DataSource dataSource, String where) {
        try (Connection c = dataSource.getConnection()) {
            List<String> weak = weakSettings(c);
            if (!weak.isEmpty()) {
                log.warn("PostgreSQL at {} runs with {}: a crash of the database server can lose actions the API"
                        + " has acknowledged. Turn them on (README, \"What acknowledged means\").", where,
                        String.join(", ", weak));
            }
        } catch (SQLException e) {
            log.warn("Could not read the durability settings of PostgreSQL at {}: {}", where, e.toString());
        }
    }
}
