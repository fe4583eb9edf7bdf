package poker.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.Strategy;
import poker.support.ApiClient;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * How much a hand weighs in the store: six bots play HANDS hands at a six-max cash table on an embedded
 * PostgreSQL (cautious bots, no all-ins, so that few bust before the end), then the table's journal rows, tags and snapshots are measured. Prints events per hand,
 * payload bytes per hand, bytes on disk per hand (the journal, tag and snapshot tables with their
 * indexes, grown while the hands were played, over the hands), and what a year of busy tables would weigh.
 * Not part of mvn verify:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.StorageBenchmark \
 *   [-Dexec.args="HANDS"]     (default 150)
 * </pre>
 */
public final class StorageBenchmark {

    /** A busy six-max table online deals about this many hands an hour (fast tables more). */
    private static final int HANDS_PER_HOUR = 70;

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hands = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        TestDatabase.Db db = TestDatabase.fresh();
        PokerServer server = TestServer.start(db, Map.of(
                "poker.table.hand-pause", "50ms",
                "poker.archive.auto", "off",
                "pekko.loglevel", "ERROR"));
        try {
            ApiClient api = new ApiClient(server.httpPort());
            String host = api.signUp("storage_host");
            String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Storage\",\"smallBlind\":5,"
                    + "\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":30}", host)
                    .text("tableId");
            long[] before = sizes(db);
            BotFleet.Settings settings = BotFleet.Settings.of(URI.create("http://127.0.0.1:" + server.httpPort()
                    + "/api"), 6).withPrefix("storage").withSeed(7).withStrategy(new Strategy(30, 5, 0));
            long started = System.nanoTime();
            try (BotFleet fleet = new BotFleet(settings)) {
                fleet.signUp();
                fleet.joinTable(tableId, 1000);
                fleet.play(new Bot.CashTable(tableId, 1000));
                if (!fleet.awaitHands(tableId, hands, Duration.ofMinutes(30))) {
                    throw new IllegalStateException("not " + hands + " hands in 30 minutes: " + fleet.summary());
                }
                fleet.stop();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(2000); // the last writes and the read side settle
            long[] after = sizes(db);
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                long played = scalar(c, "WITH t AS MATERIALIZED (SELECT event_payload FROM event_journal"
                        + " WHERE persistence_id = ?) SELECT count(*) FROM t"
                        + " WHERE convert_from(event_payload, 'UTF8')::json->>'type' = 'HandClosed'", tableId);
                long events = scalar(c, "SELECT count(*) FROM event_journal WHERE persistence_id = ?", tableId);
                long payload = scalar(c, "SELECT sum(octet_length(event_payload)) FROM event_journal"
                        + " WHERE persistence_id = ?", tableId);
                long rows = scalar(c, "SELECT sum(pg_column_size(j.*)) FROM event_journal j WHERE persistence_id = ?",
                        tableId);
                long snapshots = scalar(c, "SELECT count(*) FROM snapshot WHERE persistence_id = ?", tableId);
                long snapshotBytes = scalar(c, "SELECT coalesce(sum(octet_length(snapshot_payload)), 0) FROM snapshot"
                        + " WHERE persistence_id = ?", tableId);
                long disk = (after[0] - before[0]) + (after[1] - before[1]) + (after[2] - before[2]);
                double perHand = (double) disk / played;
                System.out.printf("%d hands in %.1f s at one six-max table, load average %.1f%n", played, seconds,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf("journal: %d events (%.1f per hand), payload %.0f bytes per hand, rows %.0f bytes"
                                + " per hand (%.0f bytes per event)%n", events, (double) events / played,
                        (double) payload / played, (double) rows / played, (double) payload / events);
                System.out.printf("snapshots kept for the table: %d, %d bytes of payload in all (%.0f bytes each)%n",
                        snapshots, snapshotBytes, snapshots == 0 ? 0.0 : (double) snapshotBytes / snapshots);
                System.out.printf("on disk (event_journal + event_tag + snapshot, indexes included, grown while"
                                + " playing, every table and wallet of the run): %d bytes, %.0f bytes per hand%n",
                        disk, perHand);
                double handsPerYear = 1000.0 * HANDS_PER_HOUR * 24 * 365;
                System.out.printf("a year of 1,000 busy tables (%d hands an hour each, day and night): %.0f million"
                        + " hands, %.2f TB on disk in the hot journal without archiving%n", HANDS_PER_HOUR,
                        handsPerYear / 1e6, handsPerYear * perHand / 1e12);

                // archiving: what the table's latest snapshot covers moves to event_archive, compressed
                String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
                long archiveBefore = archiveSize(c);
                ApiClient.Response archived = null;
                for (int attempt = 0; attempt < 60; attempt++) {
                    archived = api.post("/admin/archive", "{\"persistenceId\":\"Table|" + tableId + "\"}", admin);
                    if (archived.status() == 200) {
                        break;
                    }
                    Thread.sleep(500); // projections still reading: projections_behind
                }
                if (archived == null || archived.status() != 200) {
                    throw new IllegalStateException("archiving refused: " + (archived == null ? "" : archived.raw()));
                }
                long moved = archived.body().path("events").asLong();
                long raw = archived.body().path("rawBytes").asLong();
                long stored = archived.body().path("storedBytes").asLong();
                long archiveGrown = archiveSize(c) - archiveBefore;
                double handsMoved = moved / ((double) events / played);
                long left = scalar(c, "SELECT count(*) FROM event_journal WHERE persistence_id = ?", tableId);
                System.out.printf("archived: %d events (%.0f hands), payload %d bytes stored in %d (%.1fx), the"
                                + " archive table grew %d bytes: %.0f bytes per hand; %d events left in the hot"
                                + " journal%n", moved, handsMoved, raw, stored, (double) raw / stored, archiveGrown,
                        archiveGrown / handsMoved, left);
                // with archiving on its schedule (poker.archive: min-events 2000, snapshots every 100 events)
                // a busy table keeps at most about min-events + 100 events in the hot journal
                double hotPerTable = (2000 + 100) * ((double) disk / events);
                System.out.printf("the same year with archiving: hot journal about %.0f MB for 1,000 busy tables"
                                + " (%.0f KB each), archive %.2f TB%n", 1000 * hotPerTable / 1e6, hotPerTable / 1e3,
                        handsPerYear * archiveGrown / handsMoved / 1e12);
            }
        } finally {
            server.stop();
            System.exit(0);
        }
    }

    /** Bytes of the journal, tag and snapshot tables with their indexes and TOAST. */
    private static long[] sizes(TestDatabase.Db db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement st = c.prepareStatement("SELECT pg_total_relation_size('event_journal'),"
                     + " pg_total_relation_size('event_tag'), pg_total_relation_size('snapshot')");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private static long archiveSize(Connection c) throws Exception {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_total_relation_size('event_archive')");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long scalar(Connection c, String sql, String tableId) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, "Table|" + tableId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
