package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.table.TableCommand;
import poker.domain.table.TableSettings;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;

/** The projections against a real PostgreSQL: every event lands exactly once, also across restarts. */
class TableProjectionsIT {

    static final TableSettings SETTINGS = new TableSettings("Proj", 5, 10, 9, 100, 1000, 20);

    record Counts(int participants, long chips, int statsParticipants, int lobbySeats, int lobbyTables) {
    }

    static TableEntity.Reply execute(PokerServer server, String tableId, TableCommand command) {
        return ClusterSharding.get(server.system()).entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Reply>ask(r -> new TableEntity.Execute(command, r), Duration.ofSeconds(10))
                .toCompletableFuture().join();
    }

    static long scalar(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Counts counts(DataSource ds) throws Exception {
        return new Counts(
                (int) scalar(ds, "SELECT count(*) FROM participants"),
                scalar(ds, "SELECT coalesce(sum(chips), 0) FROM participants"),
                (int) scalar(ds, "SELECT coalesce(sum(participant_count), 0) FROM table_stats"),
                (int) scalar(ds, "SELECT coalesce(sum(seats_taken), 0) FROM lobby_tables"),
                (int) scalar(ds, "SELECT count(*) FROM lobby_tables"));
    }

    @Test
    void projectionsFillTheirTablesExactlyOnceAcrossRestarts() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        List<String> tables = new ArrayList<>();
        long chips = 0;
        int seated = 0;

        Counts beforeStop;
        PokerServer first = TestServer.start(db);
        try {
            for (int t = 0; t < 6; t++) {
                String tableId = UUID.randomUUID().toString();
                tables.add(tableId);
                execute(first, tableId, new TableCommand.CreateTable(tableId, SETTINGS, UUID.randomUUID().toString(),
                        Instant.now()));
                for (int p = 0; p < 5; p++) {
                    execute(first, tableId, new TableCommand.JoinParticipant(UUID.randomUUID().toString(),
                            "00000000-0000-4000-8000-00000000000" + p, 100 + p, null));
                }
                execute(first, tableId, new TableCommand.LeaveTable("00000000-0000-4000-8000-000000000002"));
                seated += 4;
                chips += 100 + 101 + 103 + 104;
            }
            Counts expected = new Counts(seated, chips, seated, seated, 6);
            assertThat(Eventually.await(Duration.ofSeconds(15), () -> counts(first.dataSource()), expected::equals))
                    .isEqualTo(expected);

            int measured = printEventToReadModelDelay(first);
            beforeStop = new Counts(seated + measured, chips + 100L * measured, seated + measured,
                    seated + measured, 6 + measured);
            assertThat(Eventually.await(Duration.ofSeconds(15), () -> counts(first.dataSource()),
                    beforeStop::equals)).isEqualTo(beforeStop);
        } finally {
            first.stop();
        }

        // A new node on the same database resumes from the stored offsets: nothing is applied twice.
        PokerServer second = TestServer.start(db);
        try {
            Eventually.await(Duration.ofSeconds(15), () -> scalar(second.dataSource(),
                    "SELECT count(*) FROM pekko_projection_offset_store"), n -> n > 0);
            Thread.sleep(2000);
            assertThat(counts(second.dataSource())).isEqualTo(beforeStop);

            // and new events after the restart are applied once each
            execute(second, tables.get(0), new TableCommand.JoinParticipant(UUID.randomUUID().toString(),
                    "00000000-0000-4000-8000-000000000009", 500, null));
            Counts expected = new Counts(beforeStop.participants() + 1, beforeStop.chips() + 500,
                    beforeStop.statsParticipants() + 1, beforeStop.lobbySeats() + 1, beforeStop.lobbyTables());
            assertThat(Eventually.await(Duration.ofSeconds(15), () -> counts(second.dataSource()), expected::equals))
                    .isEqualTo(expected);
            Thread.sleep(500);
            assertThat(counts(second.dataSource())).isEqualTo(expected);

            // each of the three table read models stored its offsets
            assertThat(scalar(second.dataSource(), "SELECT count(DISTINCT projection_name)"
                    + " FROM pekko_projection_offset_store"
                    + " WHERE projection_name IN ('participants', 'table_stats', 'lobby')")).isEqualTo(3);
        } finally {
            second.stop();
        }
    }

    /** Event-to-read-model delay: printed as a figure, never asserted as a time. */
    private static int printEventToReadModelDelay(PokerServer server) throws Exception {
        long[] delays = new long[20];
        for (int i = 0; i < delays.length; i++) {
            String tableId = UUID.randomUUID().toString();
            execute(server, tableId, new TableCommand.CreateTable(tableId, SETTINGS, UUID.randomUUID().toString(),
                    Instant.now()));
            long start = System.nanoTime();
            TableEntity.Reply reply = execute(server, tableId, new TableCommand.JoinParticipant(
                    UUID.randomUUID().toString(), "00000000-0000-4000-8000-0000000000aa", 100, null));
            assertThat(reply).isInstanceOf(TableEntity.Accepted.class);
            Eventually.await(Duration.ofSeconds(10), () -> scalar(server.dataSource(),
                    "SELECT count(*) FROM participants WHERE table_id = '" + tableId + "'"), n -> n == 1);
            delays[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(delays);
        System.out.printf("event-to-read-model delay over %d joins: median %d ms, max %d ms%n",
                delays.length, delays[delays.length / 2], delays[delays.length - 1]);
        return delays.length;
    }
}
