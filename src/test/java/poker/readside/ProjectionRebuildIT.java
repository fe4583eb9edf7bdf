package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.Strategy;
import poker.ops.ProjectionsCli;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.Sql;
import poker.support.TestServer;

/**
 * Bots play dozens of hands at two tables; then the participants and hand-history read models are
 * rebuilt from the journal (the first through the API while tables are read and a player joins, the
 * second with the command line) and compared with the originals row for row.
 */
class ProjectionRebuildIT {

    static final int HANDS_PER_TABLE = 20;
    static final Duration WAIT = Duration.ofSeconds(60);

    static PokerServer server;
    static ApiClient api;
    static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.table.hand-pause", "100ms",
                "jdbc-read-journal.refresh-interval", "50ms",
                "poker.rebuild.tick", "200ms"));
        api = new ApiClient(server.httpPort());
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void participantsAndHandHistoriesRebuiltFromTheJournalMatchTheOriginalsRowForRow() throws Exception {
        // a journal of many hands: two tables of three bots; then two of each table leave (mid-hand),
        // so joins, stacks, leaves and sit-ins are all in it, and the hands in play end
        URI url = URI.create("http://127.0.0.1:" + server.httpPort() + "/api");
        String host = api.signUp("rebuild_host");
        List<String> tables = new ArrayList<>();
        List<BotFleet> fleets = new ArrayList<>();
        long playStarted = System.nanoTime();
        for (int t = 0; t < 2; t++) {
            String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Rebuild " + t + "\",\"smallBlind\":5,"
                    + "\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":5}", host)
                    .text("tableId");
            BotFleet fleet = new BotFleet(BotFleet.Settings.of(url, 3).withPrefix("rb" + t + "_").withSeed(7 + t)
                    .withStrategy(new Strategy(8, 15, 3)));
            fleet.signUp();
            fleet.joinTable(tableId, 500);
            fleet.play(new Bot.CashTable(tableId, 500));
            tables.add(tableId);
            fleets.add(fleet);
        }
        for (int t = 0; t < 2; t++) {
            assertThat(fleets.get(t).awaitHands(tables.get(t), HANDS_PER_TABLE, Duration.ofMinutes(3)))
                    .as("hands at table %d: %s", t, fleets.get(t).summary()).isTrue();
        }
        for (int t = 0; t < 2; t++) {
            fleets.get(t).stop();
        }
        // two of each table leave (a leave during a hand takes effect when it ends; the bots no longer act,
        // so it ends by their folds or timeouts); the third stays seated alone: no new hand starts
        for (int t = 0; t < 2; t++) {
            String tableId = tables.get(t);
            List<Bot> leavers = fleets.get(t).bots().subList(0, 2);
            Eventually.await(Duration.ofSeconds(90), () -> {
                for (Bot bot : leavers) {
                    Response left = api.delete("/tables/" + tableId + "/participants/me", bot.token());
                    assertThat(left.status()).as(left.raw()).isIn(200, 409);
                }
                return count("SELECT count(*) FROM participants WHERE table_id = '" + tableId + "'");
            }, n -> n == 1);
            fleets.get(t).close();
        }
        System.out.printf("played in %.1f s%n", (System.nanoTime() - playStarted) / 1e9);
        awaitQuiet();

        List<String> participants = rows("SELECT * FROM participants ORDER BY id");
        List<String> histories = rows("SELECT * FROM hand_histories ORDER BY hand_id");
        long tableEvents = count("SELECT count(*) FROM event_tag WHERE tag LIKE 'table-%'");
        System.out.printf("journal: %d table events, %d hand histories, %d participants%n", tableEvents,
                histories.size(), participants.size());
        assertThat(histories.size()).isGreaterThanOrEqualTo(2 * HANDS_PER_TABLE);
        assertThat(participants).hasSizeGreaterThanOrEqualTo(2);

        // admins only; unknown and side-effecting projections refused by name; nothing to show yet
        String player = api.signUp("rebuild_player");
        assertThat(api.post("/admin/projections/participants/rebuild", "{}", player).status()).isEqualTo(403);
        assertThat(api.post("/admin/projections/participants/rebuild", "{}", null).status()).isEqualTo(401);
        assertError(api.post("/admin/projections/nonesuch/rebuild", "{}", admin), 404, "projection_not_found");
        assertError(api.get("/admin/projections/nonesuch/rebuild", admin), 404, "projection_not_found");
        assertError(api.post("/admin/projections/cash_outs/rebuild", "{}", admin), 409, "not_rebuildable");
        assertError(api.get("/admin/projections/participants/rebuild", admin), 404, "rebuild_not_found");

        // participants, through the API: reads keep answering and a player joins while it runs
        Response started = api.post("/admin/projections/participants/rebuild", "{}", admin);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.text("state")).isEqualTo("running");
        assertThat(started.text("id")).startsWith("participants-");
        assertError(api.post("/admin/projections/participants/rebuild", "{}", admin), 409, "rebuild_running");
        String newTable = api.post("/tables", "{\"name\":\"During\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":6,"
                + "\"minBuyIn\":200,\"maxBuyIn\":1000}", host).text("tableId");
        Response joined = api.post("/tables/" + newTable + "/participants", "{\"buyIn\":300}", player);
        assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
        JsonNode done = follow("participants", () -> {
            Response table = api.get("/tables/" + tables.get(0), null);
            assertThat(table.status()).as(table.raw()).isEqualTo(200);
            assertThat(table.body().path("participants").size()).as(table.raw()).isPositive();
            Response hands = api.get("/tables/" + tables.get(0) + "/hands", null);
            assertThat(hands.status()).isEqualTo(200);
            assertThat(hands.body().size()).isPositive();
            // while it runs, the admin list shows the rebuild's instances next to the live ones
            String listed = api.get("/admin/projections", admin).raw();
            if (listed.contains("\"rebuild-participants\"")) {
                System.out.println("listed while rebuilding: rebuild-participants");
            }
        });
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("eventsDone").asLong()).isGreaterThanOrEqualTo(tableEvents - 50);
        assertThat(done.path("finishedAt").asText()).isNotBlank();
        String replaced = done.path("replacedSchema").asText();
        assertThat(replaced).startsWith("replaced_participants_");
        awaitCaughtUp(TableProjections.PARTICIPANTS);
        // the join is there once (by the rebuild or by the live projection after the switch), the rest as before
        assertThat(count("SELECT count(*) FROM participants WHERE table_id = '" + newTable + "'")).isEqualTo(1);
        assertThat(rows("SELECT * FROM participants WHERE table_id <> '" + newTable + "' ORDER BY id"))
                .containsExactlyElementsOf(participants);
        assertThat(rows("SELECT * FROM " + replaced + ".participants WHERE table_id <> '" + newTable + "' ORDER BY id"))
                .containsExactlyElementsOf(participants);
        // the copy's indexes carry the old names; no shadow or rebuild offsets are left
        assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'participants'"))
                .contains("participants_pkey", "participants_table_idx");
        assertThat(count("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'rebuild\\_%'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM pekko_projection_offset_store WHERE projection_name LIKE 'rebuild-%'"))
                .isZero();
        // the live projection goes on from the handed-over offsets: a later leave is applied
        assertThat(api.delete("/tables/" + newTable + "/participants/me", player).status()).isEqualTo(200);
        Eventually.await(WAIT, () -> count("SELECT count(*) FROM participants WHERE table_id = '" + newTable + "'"),
                n -> n == 0);

        // hand histories, with the command line; the tables' journal stands still meanwhile, so the
        // rebuilt tables must equal the snapshot exactly
        awaitQuiet();
        histories = rows("SELECT * FROM hand_histories ORDER BY hand_id");
        long tableJournal = count("SELECT coalesce(max(event_id), 0) FROM event_tag WHERE tag LIKE 'table-%'");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] common = {"--api", url.toString(), "--user", TestServer.ADMIN, "--password", TestServer.ADMIN_PASSWORD,
                "--interval", "100"};
        int code = ProjectionsCli.run(concat(common, "rebuild", HandHistoryProjectionHandler.NAME), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed.replace("\r", "\n"));
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("\rhand_histories: running").contains("hand_histories: done")
                .contains("Switched: hand_histories");
        awaitCaughtUp(HandHistoryProjectionHandler.NAME);
        assertThat(count("SELECT coalesce(max(event_id), 0) FROM event_tag WHERE tag LIKE 'table-%'"))
                .as("no table event during the hand-history rebuild").isEqualTo(tableJournal);
        assertThat(rows("SELECT * FROM hand_histories ORDER BY hand_id")).containsExactlyElementsOf(histories);
        assertThat(count("SELECT count(*) FROM hands_in_play")).isZero();
        assertThat(api.get("/tables/" + tables.get(1) + "/hands/1", null).status()).isEqualTo(200);
        JsonNode handsDone = api.get("/admin/projections/hand_histories/rebuild", admin).body();
        System.out.printf("rebuild speed: participants %.0f events/s, hand_histories %.0f events/s%n",
                done.path("eventsPerSecond").asDouble(), handsDone.path("eventsPerSecond").asDouble());

        out.reset();
        assertThat(ProjectionsCli.run(concat(common, "list"), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("hand_histories").contains("participants");
    }

    /** Polls the rebuild until it ends, printing each new progress line and running {@code reads} meanwhile. */
    static JsonNode follow(String name, Runnable reads) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Set<String> states = new LinkedHashSet<>();
        String last = "";
        int readsDone = 0;
        while (System.nanoTime() < deadline) {
            Response r = api.get("/admin/projections/" + name + "/rebuild", admin);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            states.add(r.text("state"));
            String line = ProjectionsCli.progressLine(r.body());
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            if (r.text("state").equals("done") || r.text("state").equals("failed")) {
                System.out.println("states seen: " + states + ", reads while rebuilding: " + readsDone);
                return r.body();
            }
            reads.run();
            readsDone++;
            Thread.sleep(50);
        }
        throw new AssertionError("rebuild of " + name + " did not end in " + WAIT + "; states " + states);
    }

    /** No hand in play, the tables' journal still for a second, both read models caught up with it. */
    static void awaitQuiet() throws Exception {
        String last = "SELECT coalesce(max(event_id), 0) FROM event_tag WHERE tag LIKE 'table-%'";
        Eventually.await(Duration.ofSeconds(90), () -> {
            long before = count(last);
            Thread.sleep(1000);
            return count("SELECT count(*) FROM hands_in_play") == 0 && count(last) == before;
        }, quiet -> quiet);
        awaitCaughtUp(TableProjections.PARTICIPANTS);
        awaitCaughtUp(HandHistoryProjectionHandler.NAME);
    }

    static void awaitCaughtUp(String projection) throws Exception {
        Eventually.await(WAIT, () -> StreamSupport.stream(api.get("/admin/projections", admin).body().spliterator(), false)
                .filter(p -> p.path("name").asText().equals(projection))
                .mapToLong(p -> p.path("lag").path("events").asLong()).sum(), lag -> lag == 0);
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.text("error")).as(r.raw()).isEqualTo(code);
    }

    static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    static long count(String sql) throws Exception {
        return Sql.count(server.dataSource(), sql);
    }

    static List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every row as {@code column=value|...}, in the query's order. */
    static List<String> rows(String sql) throws Exception {
        return Sql.rows(server.dataSource(), sql);
    }
}
