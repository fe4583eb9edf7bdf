package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import poker.support.TestDatabase;

/**
 * V11 gives the hands already in hand_histories their platform-wide {@code hand_id}: the journal ordering
 * of their {@code HandStarted}, found in the stored JSON (also past an event whose text holds a
 * {@code \u0000} escape, which a jsonb cast would refuse). Two tables' hand 1 get different ids.
 */
class HandIdBackfillIT {

    @Test
    void handsStoredBeforeV11GetTheOrderingOfTheirHandStarted() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            migrate(ds, "10");
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            long firstStarted;
            long secondStarted;
            try (Connection c = ds.getConnection()) {
                append(c, first, 1, "{\"type\":\"TableCreated\",\"tableId\":\"" + first + "\",\"settings\":{\"name\":\"a\\u0000b\"}}");
                firstStarted = append(c, first, 2, handStarted(first, 1));
                append(c, second, 1, "{\"type\":\"TableCreated\",\"tableId\":\"" + second + "\",\"settings\":{\"name\":\"b\"}}");
                append(c, second, 2, handStarted(second, 1));
                append(c, second, 3, "{\"type\":\"HandClosed\",\"tableId\":\"" + second + "\",\"handNumber\":1}");
                secondStarted = append(c, second, 4, handStarted(second, 12));
                history(c, first, 1);
                history(c, second, 1);
                history(c, second, 12);
            }

            migrate(ds, null);

            try (Connection c = ds.getConnection()) {
                assertThat(handId(c, first, 1)).isEqualTo(firstStarted);
                assertThat(handId(c, second, 12)).isEqualTo(secondStarted);
                assertThat(handId(c, second, 1)).isNotEqualTo(handId(c, first, 1)).isPositive();
            }
        }
    }

    private static void migrate(HikariDataSource ds, String target) {
        var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    private static String handStarted(UUID table, long hand) {
        return "{\"type\":\"HandProgressed\",\"tableId\":\"" + table + "\",\"event\":{\"type\":\"HandStarted\","
                + "\"handNumber\":" + hand + ",\"button\":1,\"smallBlindSeat\":1,\"bigBlindSeat\":2,\"smallBlind\":5,"
                + "\"bigBlind\":10,\"ante\":0,\"seats\":[],\"deck\":[],\"commitment\":\"c\",\"leaves\":null}}";
    }

    private static long append(Connection c, UUID table, long seq, String json) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_journal (persistence_id, sequence_number,"
                + " writer, write_timestamp, adapter_manifest, event_ser_id, event_ser_manifest, event_payload)"
                + " VALUES (?, ?, 'w', 0, '', 9001, '', ?) RETURNING ordering")) {
            ps.setString(1, "Table|" + table);
            ps.setLong(2, seq);
            ps.setBytes(3, json.getBytes(StandardCharsets.UTF_8));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void history(Connection c, UUID table, long hand) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hand_histories (table_id, hand_number, started_at,"
                + " ended_at, pot, winners, players, events, deck, salt, commitment)"
                + " VALUES (?, ?, now(), now(), 0, '{}', '{}', '[]', '', 's', 'c')")) {
            ps.setObject(1, table);
            ps.setLong(2, hand);
            ps.executeUpdate();
        }
    }

    private static Long handId(Connection c, UUID table, long hand) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hand_id FROM hand_histories WHERE table_id = ? AND hand_number = ?")) {
            ps.setObject(1, table);
            ps.setLong(2, hand);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, Long.class);
            }
        }
    }
}
