package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import poker.support.TestDatabase;

/**
 * The journal's statements keep their cost when the journal grows: on a journal of 300,000 events (500
 * tables, four tag slices) none of the statements the write side, the read journal and our read side send
 * for each action, socket or poll reads {@code event_journal} or {@code event_tag} by a sequential scan.
 * The read journal's statements are written as pekko-persistence-jdbc 1.1 builds them (its
 * ReadJournalQueries and JournalQueries, on the journal schema of migration V1, and event_tag's
 * (tag, event_id) index of V8). The plans are printed; the test fails on a Seq Scan of either table.
 * {@code -Dplans.events=1000000} checks them on a journal of a million events (a minute more; not in the build).
 */
class JournalQueryPlansIT {

    static final int EVENTS = Integer.getInteger("plans.events", 300_000);
    static final int TABLES = 500;

    @Test
    void noStatementOfThePlatformScansTheWholeJournal() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        Database.migrate(ds);
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement()) {
            long started = System.nanoTime();
            st.execute("INSERT INTO event_journal (ordering, persistence_id, sequence_number, writer, write_timestamp,"
                    + " event_ser_id, event_ser_manifest, event_payload) SELECT g, 'Table|t' || (g % " + TABLES + "),"
                    + " g / " + TABLES + " + 1, 'w', 0, 1, 'm', '\\x7b7d'::bytea FROM generate_series(1, " + EVENTS + ") g");
            st.execute("SELECT setval(pg_get_serial_sequence('event_journal', 'ordering'), " + EVENTS + ")");
            st.execute("INSERT INTO event_tag (event_id, tag) SELECT g, 'table-' || ((g % " + TABLES + ") % 4)"
                    + " FROM generate_series(1, " + EVENTS + ") g");
            st.execute("ANALYZE event_journal");
            st.execute("ANALYZE event_tag");
            System.out.printf("JournalQueryPlansIT: %d events written in %.1f s%n", EVENTS,
                    (System.nanoTime() - started) / 1e9);

            long head = EVENTS;
            Map<String, String> statements = new LinkedHashMap<>();
            String byTag = "SELECT x2.* FROM (SELECT * FROM event_journal x3 WHERE x3.deleted = false"
                    + " AND x3.ordering > %d AND x3.ordering <= %d ORDER BY x3.ordering) x2"
                    + " INNER JOIN event_tag x4 ON x2.ordering = x4.event_id WHERE x4.tag = 'table-1' LIMIT 500";
            statements.put("eventsByTag at the head (a live projection)", String.format(byTag, head - 100, head));
            statements.put("eventsByTag from the start (a rebuild, a new projection)", String.format(byTag, 0, head));
            statements.put("the read journal's ordering sequence", "SELECT ordering FROM event_journal"
                    + " WHERE ordering > " + (head - 1000) + " ORDER BY ordering LIMIT 10000");
            statements.put("the read journal's highest ordering", "SELECT max(ordering) FROM event_journal");
            statements.put("an entity's events (recovery, catch-up, replay)", "SELECT * FROM event_journal"
                    + " WHERE deleted = false AND persistence_id = 'Table|t5' AND sequence_number >= 1"
                    + " AND sequence_number <= 9999 ORDER BY sequence_number LIMIT 9999");
            statements.put("an entity's highest sequence number", "SELECT max(sequence_number) FROM event_journal"
                    + " WHERE persistence_id = 'Table|t5' AND sequence_number >= 0");
            statements.put("a projection's lag (admin list, metrics)", "SELECT count(*) FROM event_tag"
                    + " WHERE tag = 'table-1' AND event_id > " + (head - 1000));
            statements.put("a projection's oldest unread event (lag in seconds)", "SELECT j.write_timestamp"
                    + " FROM event_tag t JOIN event_journal j ON j.ordering = t.event_id WHERE t.tag = 'table-1'"
                    + " AND t.event_id > " + (head - 1000) + " ORDER BY t.event_id LIMIT 1");

            List<String> scans = new ArrayList<>();
            for (Map.Entry<String, String> statement : statements.entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery("EXPLAIN " + statement.getValue())) {
                    while (rs.next()) {
                        plan.append("    ").append(rs.getString(1)).append('\n');
                    }
                }
                System.out.println("JournalQueryPlansIT: " + statement.getKey() + "\n" + plan);
                if (plan.toString().matches("(?s).*Seq Scan on event_(journal|tag).*")) {
                    scans.add(statement.getKey());
                }
            }
            assertThat(scans).as("statements that scan the whole journal or its tags").isEmpty();
        }
    }
}
