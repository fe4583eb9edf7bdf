package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import poker.support.TestDatabase;

/** The schema this project owns: applied once, and a second start on the same database changes nothing. */
class DatabaseMigrationsIT {

    @Test
    void migratingACurrentDatabaseIsANoOp() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        try (HikariDataSource ds = Database.pool(new DatabaseSettings(db.url(), db.user(), db.password(), 2,
                Path.of("unused"), 0))) {
            Database.migrate(ds);
            int applied = count(ds, "SELECT count(*) FROM flyway_schema_history WHERE success");
            Database.migrate(ds);
            assertThat(count(ds, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(applied);
            for (String table : List.of("event_journal", "event_tag", "snapshot", "pekko_projection_offset_store",
                    "pekko_projection_management", "users", "sessions", "participants", "table_stats",
                    "lobby_tables")) {
                assertThat(count(ds, "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                        + table + "'")).as(table).isEqualTo(1);
            }
        }
    }

    private static int count(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
