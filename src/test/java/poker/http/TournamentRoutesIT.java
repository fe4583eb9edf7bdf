package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.infra.Database;
import poker.readside.ReadSideProgress;
import poker.readside.TournamentQueries;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.TestDatabase;
import poker.user.Passwords;
import poker.user.UserRepository;

/**
 * /api/tournaments over real HTTP, with the facade faked in memory (its events go through the real
 * projection handler into a real PostgreSQL, so reads follow at once): every status code of API.md's
 * tournament part, the fields a 400 names, and the shapes of the answers.
 */
class TournamentRoutesIT {

    static ActorSystem<Void> system;
    static HikariDataSource ds;
    static ExecutorService blocking;
    static FakeTournaments fake;
    static ApiClient api;
    static int port;
    static String admin;
    static String alice;
    static String bob;
    static String carol;
    static String aliceId;
    static String carolId;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        ds = new HikariDataSource(config);
        Database.migrate(ds);
        system = ActorSystem.create(Behaviors.empty(), "tournament-routes", ConfigFactory.parseMap(Map.of(
                "pekko.actor.provider", "local", "pekko.loglevel", "WARNING")).withFallback(ConfigFactory.load()));
        Clock clock = Clock.systemUTC();
        UserRepository users = new UserRepository(ds, new Passwords(4), Duration.ofHours(1), clock);
        admin = users.openSession(users.create("boss", "x", "Boss", "admin").id()).token();
        aliceId = users.create("alice", "x", "Alice", "player").id();
        alice = users.openSession(aliceId).token();
        bob = users.openSession(users.create("bob", "x", "Bob", "player").id()).token();
        carolId = users.create("carol", "x", "Carol", "player").id();
        carol = users.openSession(carolId).token();
        blocking = Executors.newFixedThreadPool(4);
        fake = new FakeTournaments(ds);
        Consistency consistency = new Consistency(ReadSideProgress.start(system), Duration.ofMillis(200));
        TournamentRoutes routes = new TournamentRoutes(system, users, new TournamentQueries(ds), fake, consistency,
                blocking, clock, EdgeLimits.from(system.settings().config(), clock));
        ServerBinding binding = new HttpServer(() -> true, routes.routes()).bind(system, "127.0.0.1", 0)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = HttpServer.port(binding);
        api = new ApiClient(port);
    }

    @AfterAll
    static void stop() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        blocking.shutdown();
        ds.close();
    }

    static String future(long seconds) {
        return Instant.now().plusSeconds(seconds).toString();
    }

    static String body(String name, int min, int max, String extra) {
        return "{\"name\":\"" + name + "\",\"buyIn\":100,\"fee\":10,\"startingStack\":1500,\"seatsPerTable\":9,"
                + "\"minPlayers\":" + min + ",\"maxPlayers\":" + max + extra + "}";
    }

    static String scheduled(String name, int min, int max) {
        return body(name, min, max, ",\"startAt\":\"" + future(3600) + "\"");
    }

    static String create(String token, String json) {
        Response r = api.post("/tournaments", json, token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("tournamentId");
    }

    static void error(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.text("error")).as(r.raw()).isEqualTo(code);
        assertThat(r.text("message")).isNotBlank();
    }

    @Test
    void creationChecksEveryFieldAndWhoMayCreate() {
        error(api.post("/tournaments", scheduled("No token", 2, 9), null), 401, "unauthorized");

        String id = create(admin, scheduled("Main Event", 2, 9));
        Response detail = api.get("/tournaments/" + id, null);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text("name")).isEqualTo("Main Event");
        assertThat(detail.body().path("levels")).hasSize(TournamentRoutes.DEFAULT_LEVELS.size());
        assertThat(detail.body().path("levels").get(0).path("bigBlind").asLong()).isEqualTo(20);
        assertThat(detail.body().path("startWhenFull").asBoolean()).isFalse();
        assertThat(detail.body().path("actionSeconds").asInt()).isEqualTo(20);

        // players create sit-and-gos only
        error(api.post("/tournaments", scheduled("Mine", 2, 9), alice), 403, "forbidden");
        String sng = create(alice, body("Alice's SNG", 2, 6, ",\"startWhenFull\":true,\"levels\":"
                + "[{\"smallBlind\":25,\"bigBlind\":50,\"ante\":0,\"minutes\":5},{\"smallBlind\":50,\"bigBlind\":100,\"minutes\":5}],"
                + "\"lateRegistrationLevels\":1,\"maxReentries\":2,\"actionSeconds\":15"));
        JsonNode mine = api.get("/tournaments/" + sng, null).body();
        assertThat(mine.path("createdBy").asText()).isEqualTo(aliceId);
        assertThat(mine.path("levels").get(1).path("ante").asLong()).isZero();
        assertThat(mine.path("lateRegistrationLevels").asInt()).isEqualTo(1);
        assertThat(mine.path("maxReentries").asInt()).isEqualTo(2);

        String okLevels = ",\"startAt\":\"" + future(600) + "\"";
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {"{\"buyIn\":100,\"fee\":10,\"startingStack\":1500,\"seatsPerTable\":9,\"minPlayers\":2,"
                + "\"maxPlayers\":9,\"startAt\":\"" + future(600) + "\"}", "name"});
        bad.add(new String[] {body("   ", 2, 9, okLevels), "name"});
        bad.add(new String[] {body("x".repeat(65), 2, 9, okLevels), "name"});
        bad.add(new String[] {body("a\\u0000b", 2, 9, okLevels), "name"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"buyIn\":100", "\"buyIn\":-1"), "buyIn"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"buyIn\":100", "\"buyIn\":1.5"), "buyIn"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"buyIn\":100", "\"buyIn\":\"100\""), "buyIn"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"buyIn\":100", "\"buyIn\":1000000000000000"), "buyIn"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"fee\":10,", ""), "fee"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"startingStack\":1500", "\"startingStack\":0"),
                "startingStack"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"startingStack\":1500", "\"startingStack\":10"),
                "startingStack"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"seatsPerTable\":9", "\"seatsPerTable\":11"),
                "seatsPerTable"});
        bad.add(new String[] {scheduled("T", 2, 9).replace("\"seatsPerTable\":9", "\"seatsPerTable\":1"),
                "seatsPerTable"});
        bad.add(new String[] {scheduled("T", 1, 9), "minPlayers"});
        bad.add(new String[] {scheduled("T", 2, 10_001), "maxPlayers"});
        bad.add(new String[] {scheduled("T", 6, 5), "maxPlayers"});
        bad.add(new String[] {body("T", 2, 9, ""), "startAt"});
        bad.add(new String[] {body("T", 2, 9, ",\"startAt\":\"tomorrow\""), "startAt"});
        bad.add(new String[] {body("T", 2, 9, ",\"startAt\":\"" + Instant.now().minusSeconds(60) + "\""), "startAt"});
        bad.add(new String[] {body("T", 2, 9, ",\"startAt\":\"" + future(400L * 86400) + "\""), "startAt"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"startWhenFull\":\"yes\""), "startWhenFull"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":\"fast\""), "levels"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":[]"), "levels"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":["
                + String.join(",", java.util.Collections.nCopies(51,
                "{\"smallBlind\":1,\"bigBlind\":2,\"minutes\":1}")) + "]"), "levels"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":[5]"), "levels[0]"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":[{\"smallBlind\":10,\"bigBlind\":20,\"minutes\":5},"
                + "{\"smallBlind\":40,\"bigBlind\":20,\"minutes\":5}]"), "levels[1].bigBlind"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":[{\"smallBlind\":10,\"bigBlind\":20,\"minutes\":0}]"),
                "levels[0].minutes"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":[{\"smallBlind\":10,\"bigBlind\":20,\"ante\":30,"
                + "\"minutes\":5}]"), "levels[0].ante"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"levels\":[{\"smallBlind\":10,\"bigBlind\":20,\"minutes\":5}],"
                + "\"lateRegistrationLevels\":2"), "lateRegistrationLevels"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"maxReentries\":11"), "maxReentries"});
        bad.add(new String[] {body("T", 2, 9, okLevels + ",\"actionSeconds\":1"), "actionSeconds"});
        for (String[] c : bad) {
            Response r = api.post("/tournaments", c[0], admin);
            assertThat(r.status()).as(c[0] + " -> " + r.raw()).isEqualTo(400);
            assertThat(r.text("field")).as(c[0] + " -> " + r.raw()).isEqualTo(c[1]);
        }
        error(api.post("/tournaments", "{\"name\":", admin), 400, "malformed_json");
        error(api.post("/tournaments?consistency=sometimes", scheduled("T", 2, 9), admin), 400, "invalid_field");

        // a player has at most a few sit-and-gos waiting for players
        for (int i = 1; i < TournamentRoutes.PLAYER_REGISTERING_TOURNAMENTS; i++) {
            create(alice, body("SNG " + i, 2, 6, ",\"startWhenFull\":true"));
        }
        error(api.post("/tournaments", body("One too many", 2, 6, ",\"startWhenFull\":true"), alice), 409,
                "tournament_quota_exceeded");
        // ... and with ?consistency=strong the answer waits for the read side (which the fake does not report: 202)
        Response strong = api.post("/tournaments?consistency=strong", scheduled("Strong", 2, 9), admin);
        assertThat(strong.status()).as(strong.raw()).isEqualTo(202);
        assertThat(strong.body().path("result").path("tournamentId").asText()).isNotBlank();
    }

    @Test
    void lobbyPagesAndDetailShapes() throws Exception {
        String first = create(admin, scheduled("Lobby A", 2, 9));
        create(admin, scheduled("Lobby B", 2, 9));
        Response lobby = api.get("/tournaments?status=registering", null);
        assertThat(lobby.status()).isEqualTo(200);
        assertThat(lobby.body().isArray()).isTrue();
        JsonNode a = null;
        for (JsonNode t : lobby.body()) {
            if (t.path("tournamentId").asText().equals(first)) {
                a = t;
            }
        }
        assertThat(a).as(lobby.raw()).isNotNull();
        for (String field : List.of("tournamentId", "name", "status", "buyIn", "fee", "entrants", "maxPlayers",
                "prizePool", "startAt", "level")) {
            assertThat(a.has(field)).as(field + " in " + a).isTrue();
        }
        assertThat(a.path("status").asText()).isEqualTo("registering");
        assertThat(a.path("buyIn").asLong()).isEqualTo(100);

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/tournaments?limit=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(ApiClient.MAPPER.readTree(page.body())).hasSize(1);
        String next = page.headers().firstValue("Link").orElseThrow();
        assertThat(next).startsWith("</api/tournaments?limit=1&after=").endsWith(">; rel=\"next\"");
        Response second = api.get(next.substring("</api".length(), next.indexOf('>')), null);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get(0).path("tournamentId").asText())
                .isNotEqualTo(ApiClient.MAPPER.readTree(page.body()).get(0).path("tournamentId").asText());

        Response badLimit = api.get("/tournaments?limit=0", null);
        error(badLimit, 400, "invalid_field");
        assertThat(badLimit.text("field")).isEqualTo("limit");
        assertThat(api.get("/tournaments?status=paused", null).text("field")).isEqualTo("status");
        assertThat(api.get("/tournaments?after=00000000-0000-4000-8000-000000000000", null).text("field"))
                .isEqualTo("after");
        assertThat(api.get("/tournaments?after=bad%20id", null).text("field")).isEqualTo("after");

        JsonNode detail = api.get("/tournaments/" + first, null).body();
        for (String field : List.of("tournamentId", "name", "status", "buyIn", "fee", "startingStack", "seatsPerTable",
                "minPlayers", "maxPlayers", "startAt", "startWhenFull", "levels", "lateRegistrationLevels",
                "maxReentries", "actionSeconds", "level", "entrants", "remaining", "averageStack", "tables", "payouts",
                "handForHand", "prizePool")) {
            assertThat(detail.has(field)).as(field + " in " + detail).isTrue();
        }
        error(api.get("/tournaments/00000000-0000-4000-8000-000000000000", null), 404, "tournament_not_found");
        error(api.get("/tournaments/not.an.id", null), 404, "tournament_not_found");
        error(api.get("/tournaments/00000000-0000-4000-8000-000000000000/standings", null), 404,
                "tournament_not_found");
        error(api.get("/tournaments/" + first + "/live", null), 400, "websocket_expected");
        error(api.send("PUT", "/tournaments/" + first, "{}", admin), 405, "method_not_allowed");
    }

    @Test
    void registrationStartCancelAndTheirRefusals() {
        String t = create(admin, scheduled("Heads-up", 2, 2));
        String path = "/tournaments/" + t;
        error(api.post(path + "/registrations", "{}", null), 401, "unauthorized");
        error(api.post(path + "/registrations", "{}", "not-a-token"), 401, "invalid_token");

        Response registered = api.post(path + "/registrations", "{}", alice);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String entryId = registered.text("entryId");
        assertThat(entryId).isNotBlank();
        // no body at all is fine too
        error(api.post(path + "/registrations", null, alice), 409, "already_registered");
        assertThat(api.post(path + "/registrations", null, bob).status()).isEqualTo(201);
        error(api.post(path + "/registrations", "{}", carol), 409, "tournament_full");
        error(api.post("/tournaments/00000000-0000-4000-8000-000000000000/registrations", "{}", carol), 404,
                "tournament_not_found");

        Response me = api.get(path + "/me", alice);
        assertThat(me.status()).as(me.raw()).isEqualTo(200);
        assertThat(me.text("entryId")).isEqualTo(entryId);
        assertThat(me.text("status")).isEqualTo("registered");
        assertThat(me.body().has("tableId")).isTrue();
        assertThat(me.body().path("tableId").isNull()).isTrue();
        assertThat(me.body().has("place")).isFalse();
        error(api.get(path + "/me", carol), 404, "entry_not_found");
        error(api.get(path + "/me", null), 401, "unauthorized");
        error(api.get("/tournaments/00000000-0000-4000-8000-000000000000/me", carol), 404, "tournament_not_found");

        Response standings = api.get(path + "/standings", null);
        assertThat(standings.status()).isEqualTo(200);
        assertThat(standings.body()).hasSize(2);
        JsonNode line = standings.body().get(0);
        for (String field : List.of("entryId", "playerId", "displayName", "chips", "tableId", "seatNumber", "status",
                "place", "prize")) {
            assertThat(line.has(field)).as(field + " in " + line).isTrue();
        }
        assertThat(List.of(standings.body().get(0).path("displayName").asText(),
                standings.body().get(1).path("displayName").asText())).containsExactlyInAnyOrder("Alice", "Bob");
        assertThat(line.path("chips").asLong()).isEqualTo(1500);

        Response refunded = api.delete(path + "/registrations/me", bob);
        assertThat(refunded.status()).as(refunded.raw()).isEqualTo(200);
        assertThat(refunded.body().path("refunded").asLong()).isEqualTo(110);
        error(api.get(path + "/me", bob), 404, "entry_not_found");
        assertThat(api.get(path, null).body().path("entrants").asInt()).isEqualTo(1);

        error(api.post(path + "/start", null, null), 401, "unauthorized");
        error(api.post(path + "/start", null, bob), 403, "forbidden");
        error(api.post(path + "/start", null, admin), 409, "not_enough_players");
        assertThat(api.post(path + "/registrations", "{}", bob).status()).isEqualTo(201);
        Response started = api.post(path + "/start", null, admin);
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        assertThat(started.body().path("seq").asLong()).isPositive();
        assertThat(api.get(path, null).body().path("status").asText()).isEqualTo("running");
        error(api.delete(path + "/registrations/me", alice), 409, "tournament_running");
        error(api.post(path + "/registrations", "{}", carol), 409, "registration_closed");

        // the facade's other refusals, as API.md names them
        fake.refuseNext("insufficient_funds");
        error(api.post(path + "/registrations", "{}", carol), 409, "insufficient_funds");
        fake.refuseNext("reentry_not_allowed");
        error(api.post(path + "/registrations", "{}", carol), 409, "reentry_not_allowed");
        fake.refuseNext("forbidden");
        error(api.post(path + "/start", null, admin), 403, "forbidden");
        fake.refuseNext("tournament_not_found");
        error(api.delete(path + "/registrations/me", carol), 404, "tournament_not_found");
        fake.failNext(new AskTimeoutException("tournament did not answer"));
        error(api.post(path + "/registrations", "{}", carol), 503, "store_unavailable");
        fake.failNext(new ApiError(org.apache.pekko.http.javadsl.model.StatusCodes.SERVICE_UNAVAILABLE,
                "tournaments_unavailable", "Not wired.", null));
        error(api.post(path + "/cancel", null, admin), 503, "tournaments_unavailable");

        error(api.post(path + "/cancel", null, null), 401, "unauthorized");
        error(api.post(path + "/cancel", null, alice), 403, "forbidden");
        error(api.post(path + "/cancel", "{\"reason\":5}", admin), 400, "invalid_field");
        Response cancelled = api.post(path + "/cancel", "{\"reason\":\"power cut\"}", admin);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        JsonNode after = api.get(path, null).body();
        assertThat(after.path("status").asText()).isEqualTo("cancelled");
        assertThat(after.path("cancelReason").asText()).isEqualTo("power cut");
        error(api.post(path + "/cancel", null, admin), 409, "tournament_over");

        // the creator of a sit-and-go may start it; a player who did not create it may not
        String sng = create(carol, body("Carol's SNG", 2, 6, ",\"startWhenFull\":true"));
        api.post("/tournaments/" + sng + "/registrations", "{}", alice);
        api.post("/tournaments/" + sng + "/registrations", "{}", carol);
        error(api.post("/tournaments/" + sng + "/start", null, alice), 403, "forbidden");
        assertThat(api.post("/tournaments/" + sng + "/start", null, carol).status()).isEqualTo(200);
        assertThat(api.get("/tournaments/" + sng + "/me", carol).text("status")).isEqualTo("registered");
    }
}
