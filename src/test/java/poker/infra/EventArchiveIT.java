package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.Strategy;
import poker.readside.HandHistoryProjectionHandler;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.Sql;
import poker.support.TestServer;

/**
 * The event archive end to end: bots play hands at two tables; one is left and closed by an admin, and all
 * of its events move to the archive; the other plays on while what its latest snapshot covers moves. Every
 * read of the past (replay, hands, histories, a live socket from the start) answers as before, after a
 * restart too (the closed table recovers from its final snapshot alone); a rebuild of the hand histories
 * and the lobby, which reads the archive first, equals the originals row for row.
 */
class EventArchiveIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Map<String, Object> SETTINGS = Map.of(
            "poker.table.hand-pause", "100ms",
            "jdbc-read-journal.refresh-interval", "50ms",
            "poker.rebuild.tick", "200ms",
            "poker.archive.auto", "off");

    static TestDatabase.Db db;
    static PokerServer server;
    static ApiClient api;
    static String admin;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = TestServer.start(db, SETTINGS);
        api = new ApiClient(server.httpPort());
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void archivedEventsAreStillTheTablesHistoryAndLeaveTheHotJournal() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.httpPort() + "/api");
        String host = api.signUp("archive_host");
        String closing = createTable(host, "Closing");
        String live = createTable(host, "Live");
        BotFleet closingBots = fleet(url, "arc_", 3);
        BotFleet liveBots = fleet(url, "arl_", 5);
        closingBots.joinTable(closing, 500);
        liveBots.joinTable(live, 500);
        closingBots.play(new Bot.CashTable(closing, 500));
        liveBots.play(new Bot.CashTable(live, 500));
        assertThat(closingBots.awaitHands(closing, 6, Duration.ofMinutes(2))).as(closingBots.summary().toString()).isTrue();
        assertThat(liveBots.awaitHands(live, 6, Duration.ofMinutes(2))).as(liveBots.summary().toString()).isTrue();

        // everyone leaves the first table; an admin closes it (refused while anyone sits there)
        closingBots.stop();
        Response early = api.post("/tables/" + closing + "/close", "{}", admin);
        assertThat(early.status()).as(early.raw()).isEqualTo(409);
        assertThat(early.text("error")).as("players sit there (and may be in a hand)")
                .isIn("table_not_empty", "hand_in_play");
        assertThat(api.post("/tables/" + closing + "/close", "{}", host).status()).isEqualTo(403);
        Eventually.await(Duration.ofSeconds(90), () -> {
            closingBots.leave(closing);
            return count("SELECT count(*) FROM participants WHERE table_id = '" + closing + "'");
        }, n -> n == 0);
        closingBots.close();
        Eventually.await(WAIT, () -> api.post("/tables/" + closing + "/close", "{\"reason\":\"archive test\"}", admin),
                r -> r.status() == 200);
        String pid = "Table|" + closing;
        long highest = count("SELECT max(sequence_number) FROM event_journal WHERE persistence_id = '" + pid + "'");
        assertThat(count("SELECT max(sequence_number) FROM snapshot WHERE persistence_id = '" + pid + "'"))
                .as("the close took a final snapshot").isEqualTo(highest);
        awaitCaughtUp();

        // what the past looks like before archiving
        String handsBefore = api.get("/tables/" + closing + "/hands", admin).raw();
        String hand1 = api.get("/tables/" + closing + "/hands/1", admin).raw();
        String text2 = api.get("/tables/" + closing + "/hands/2/history.txt", admin).raw();
        long[] points = {1, highest / 3, 2 * highest / 3, highest};
        List<String> replays = new ArrayList<>();
        for (long at : points) {
            Response r = api.get("/tables/" + closing + "/replay?at=" + at, admin);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            replays.add(r.raw());
        }
        List<String> framesBefore = liveFrames(closing, highest);
        List<String> histories = rows("SELECT * FROM hand_histories ORDER BY hand_id");
        List<String> lobby = rows("SELECT * FROM lobby_tables ORDER BY table_id");
        assertThat(api.get("/tables/" + closing, null).text("status")).isEqualTo("closed");

        // archive it: all of it moves, the journal keeps its last row; bad requests change nothing
        assertThat(api.post("/admin/archive", "{\"persistenceId\":\"" + pid + "\"}", host).status()).isEqualTo(403);
        assertError(api.post("/admin/archive", "{}", admin), 400, "invalid_field");
        assertError(api.post("/admin/archive", "{\"persistenceId\":\"Table|nonesuch\"}", admin), 404, "entity_not_found");
        Response archived = api.post("/admin/archive", "{\"persistenceId\":\"" + pid + "\"}", admin);
        assertThat(archived.status()).as(archived.raw()).isEqualTo(200);
        assertThat(archived.body().path("fromSeq").asLong()).isEqualTo(1);
        assertThat(archived.body().path("toSeq").asLong()).isEqualTo(highest);
        assertThat(archived.body().path("events").asLong()).isEqualTo(highest);
        assertThat(count("SELECT count(*) FROM event_journal WHERE persistence_id = '" + pid + "'")).isEqualTo(1);
        assertError(api.post("/admin/archive", "{\"persistenceId\":\"" + pid + "\"}", admin), 409, "nothing_to_archive");
        System.out.printf("closed table: %d events archived, %d bytes of payload stored in %d (%.1fx)%n", highest,
                archived.body().path("rawBytes").asLong(), archived.body().path("storedBytes").asLong(),
                archived.body().path("rawBytes").asDouble() / archived.body().path("storedBytes").asDouble());

        // the live table: what its latest snapshot covers moves while it plays on
        String livePid = "Table|" + live;
        Response liveArchived = Eventually.await(WAIT, () -> api.post("/admin/archive",
                "{\"persistenceId\":\"" + livePid + "\"}", admin), r -> r.status() == 200);
        long liveTo = liveArchived.body().path("toSeq").asLong();
        // up to a snapshot (the table may have taken a newer one since)
        assertThat(liveTo).isPositive().isLessThanOrEqualTo(count("SELECT max(sequence_number) FROM snapshot"
                + " WHERE persistence_id = '" + livePid + "'"));
        assertThat(count("SELECT count(*) FROM event_journal WHERE persistence_id = '" + livePid
                + "' AND sequence_number <= " + liveTo))
                .as("archived events left in the hot journal (its highest row stays, if it was archived)")
                .isLessThanOrEqualTo(1);
        long liveHands = count("SELECT count(*) FROM hand_histories WHERE table_id = '" + live + "'");
        assertThat(liveBots.awaitHands(live, (int) liveHands + 3, Duration.ofMinutes(2))).isTrue();
        liveBots.stop();
        Eventually.await(Duration.ofSeconds(90), () -> {
            liveBots.leave(live);
            return count("SELECT count(*) FROM participants WHERE table_id = '" + live + "'");
        }, n -> n == 0);
        liveBots.close();
        awaitCaughtUp();
        // every hand has its history, also one that began before the archived point and ended after it
        long liveLast = count("SELECT max(hand_number) FROM hand_histories WHERE table_id = '" + live + "'");
        assertThat(count("SELECT count(*) FROM hand_histories WHERE table_id = '" + live + "'")).isEqualTo(liveLast);
        assertThat(api.get("/tables/" + live + "/replay?at=" + (liveTo - 1), admin).status()).isEqualTo(200);
        List<String> liveFrames = liveFrames(live, count("SELECT max(sequence_number) FROM event_journal"
                + " WHERE persistence_id = '" + livePid + "'"));
        assertThat(liveFrames).isNotEmpty();
        histories = rows("SELECT * FROM hand_histories ORDER BY hand_id");
        lobby = rows("SELECT * FROM lobby_tables ORDER BY table_id");

        // a restart: the closed table recovers from its final snapshot; the past reads the same
        server.stop();
        server = TestServer.start(db, SETTINGS);
        api = new ApiClient(server.httpPort());
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        String late = api.signUp("archive_late");
        assertError(api.post("/tables/" + closing + "/participants", "{\"buyIn\":300}", late), 409, "table_closed");
        assertThat(api.get("/tables/" + closing + "/hands", admin).raw()).isEqualTo(handsBefore);
        assertThat(api.get("/tables/" + closing + "/hands/1", admin).raw()).isEqualTo(hand1);
        assertThat(api.get("/tables/" + closing + "/hands/2/history.txt", admin).raw()).isEqualTo(text2);
        for (int i = 0; i < points.length; i++) {
            assertThat(api.get("/tables/" + closing + "/replay?at=" + points[i], admin).raw())
                    .as("replay at %d", points[i]).isEqualTo(replays.get(i));
        }
        assertThat(liveFrames(closing, highest)).as("a live socket from the start").isEqualTo(framesBefore);

        // rebuilds read the archive first: the same rows
        for (String projection : List.of(HandHistoryProjectionHandler.NAME, "lobby")) {
            Response started = api.post("/admin/projections/" + projection + "/rebuild", "{}", admin);
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            JsonNode done = Eventually.await(WAIT, () -> api.get("/admin/projections/" + projection + "/rebuild",
                    admin).body(), b -> !b.path("state").asText().equals("running")
                    && !b.path("state").asText().equals("switching"));
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
            System.out.printf("rebuilt %s with the archive: %d events at %.0f events/s%n", projection,
                    done.path("eventsDone").asLong(), done.path("eventsPerSecond").asDouble());
        }
        assertThat(rows("SELECT * FROM hand_histories ORDER BY hand_id")).containsExactlyElementsOf(histories);
        assertThat(rows("SELECT * FROM lobby_tables ORDER BY table_id")).containsExactlyElementsOf(lobby);

        // old snapshots are pruned by the retention (two kept, plus the closed table's final one)
        long snapshots = count("SELECT max(n) FROM (SELECT count(*) AS n FROM snapshot GROUP BY persistence_id) s");
        System.out.println("snapshots kept per entity at most: " + snapshots);
        assertThat(snapshots).isLessThanOrEqualTo(3);

        JsonNode summary = api.get("/admin/archive", admin).body();
        System.out.println("archive summary: " + summary);
        assertThat(summary.path("archivedEvents").asLong()).isEqualTo(highest + liveTo);
        assertThat(summary.path("entities").asLong()).isEqualTo(2);

        // the schedule's round: a closed table moves whatever its size, a live one only past min-events
        String empty = createTable(late, "Closed at once");
        assertThat(api.post("/tables/" + empty + "/close?consistency=strong", "{}", admin).status()).isEqualTo(200);
        awaitCaughtUp();
        EventArchive archive = EventArchive.get(server.system());
        // (2 events: created, closed; the live table too if its last snapshot happens to be its last event)
        assertThat(archive.runRound(List.of("Table", "Tournament"), 1_000_000, 10)).isGreaterThanOrEqualTo(2);
        assertThat(archive.archivedTo("Table|" + empty)).isEqualTo(2);
        assertThat(archive.runRound(List.of("Table", "Tournament"), 1_000_000, 10)).as("nothing left").isZero();

        // a cancelled tournament: its final snapshot lets all of it move; its live socket still starts at 0
        String tournament = api.post("/tournaments", "{\"name\":\"Archived cup\",\"buyIn\":100,\"fee\":10,"
                + "\"startingStack\":1500,\"seatsPerTable\":9,\"minPlayers\":2,\"maxPlayers\":9,\"startAt\":\""
                + java.time.Instant.now().plusSeconds(3600) + "\"}", admin).text("tournamentId");
        assertThat(api.post("/tournaments/" + tournament + "/registrations?consistency=strong", null, late).status())
                .isEqualTo(201);
        assertThat(api.post("/tournaments/" + tournament + "/cancel?consistency=strong", null, admin).status())
                .isEqualTo(200);
        String tournamentPid = "Tournament|" + tournament;
        long tournamentEvents = count("SELECT max(sequence_number) FROM event_journal WHERE persistence_id = '"
                + tournamentPid + "'");
        String before = api.get("/tournaments/" + tournament, late).raw();
        awaitCaughtUp();
        Response tournamentArchived = Eventually.await(WAIT, () -> api.post("/admin/archive",
                "{\"persistenceId\":\"" + tournamentPid + "\"}", admin), r -> r.status() == 200);
        assertThat(tournamentArchived.body().path("toSeq").asLong()).isEqualTo(tournamentEvents);
        assertThat(api.get("/tournaments/" + tournament, late).raw()).isEqualTo(before);
        LiveClient socket = LiveClient.openPath(server.httpPort(), "/api/tournaments/" + tournament + "/live", late,
                0L, frame -> {
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            JsonNode first = socket.next(Duration.ofSeconds(20));
            assertThat(first.path("type").asText()).as(first.toString()).isEqualTo("snapshot");
            long seen = first.path("seq").asLong();
            while (seen < tournamentEvents) {
                JsonNode frame = socket.next(Duration.ofSeconds(20));
                assertThat(frame).as("event %d of %d", seen + 1, tournamentEvents).isNotNull();
                if (frame.path("type").asText().equals("event")) {
                    assertThat(frame.path("seq").asLong()).isEqualTo(seen + 1);
                    seen++;
                }
            }
        } finally {
            socket.close();
        }
    }

    /** The snapshot and every event frame a live socket opened with fromSeq=0 receives, up to {@code highest}. */
    static List<String> liveFrames(String tableId, long highest) throws Exception {
        String viewer = api.signUp("viewer_" + System.nanoTime() % 1_000_000);
        List<String> events = new ArrayList<>();
        LiveClient client = LiveClient.open(server.httpPort(), tableId, viewer, 0L, frame -> {
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            long expected = -1;
            while (expected <= highest) {
                JsonNode frame = client.next(Duration.ofSeconds(20));
                assertThat(frame).as("frame %d of %d", expected, highest).isNotNull();
                if (frame.path("type").asText().equals("snapshot")) {
                    // fromSeq=0 starts after the first event (the table's creation)
                    assertThat(frame.path("seq").asLong()).isEqualTo(1);
                    events.add(frame.path("table").toString());
                    expected = 2;
                    continue;
                }
                if (!frame.path("type").asText().equals("event")) {
                    continue;
                }
                assertThat(frame.path("seq").asLong()).isEqualTo(expected);
                events.add(frame.path("event").toString());
                expected++;
            }
        } finally {
            client.close();
        }
        return events;
    }

    static String createTable(String token, String name) {
        return api.post("/tables?consistency=strong", "{\"name\":\"" + name + "\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":5}", token).text("tableId");
    }

    static BotFleet fleet(URI url, String prefix, long seed) {
        BotFleet fleet = new BotFleet(BotFleet.Settings.of(url, 2).withPrefix(prefix).withSeed(seed)
                .withStrategy(new Strategy(8, 15, 3)));
        fleet.signUp();
        return fleet;
    }

    static void awaitCaughtUp() throws Exception {
        Eventually.await(WAIT, () -> {
            if (count("SELECT count(*) FROM hands_in_play") != 0) {
                return -1L;
            }
            return StreamSupport.stream(api.get("/admin/projections", admin).body().spliterator(), false)
                    .mapToLong(p -> p.path("lag").path("events").asLong()).sum();
        }, lag -> lag == 0);
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.text("error")).as(r.raw()).isEqualTo(code);
    }

    static long count(String sql) throws Exception {
        return Sql.count(server.dataSource(), sql);
    }

    static List<String> rows(String sql) throws Exception {
        return Sql.rows(server.dataSource(), sql);
    }
}
