package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/** The HTTP contract of API.md against a running node on a real PostgreSQL. */
class HttpApiIT {

    static PokerServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh());
        api = new ApiClient(server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String tableBody(int maxSeats) {
        return "{\"name\":\"Table " + maxSeats + "\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":" + maxSeats
                + ",\"minBuyIn\":200,\"maxBuyIn\":1000}";
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.text("error")).as(r.raw()).isEqualTo(code);
        assertThat(r.text("message")).as(r.raw()).isNotBlank();
    }

    static void assertFieldError(Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.text("field")).as(r.raw()).isEqualTo(field);
        assertThat(r.text("message")).as(r.raw()).isNotBlank();
    }

    @Test
    void theIndexListsTheAdminViewsAndEveryResourceItListsIsAnswered() {
        Response index = api.get("", null);
        assertThat(index.status()).as(index.raw()).isEqualTo(200);
        List<String> resources = new ArrayList<>();
        index.body().path("resources").forEach(r -> resources.add(r.asText()));
        assertThat(resources).contains("GET /api/admin/projections", "GET /api/admin/projections/skips",
                "POST /api/admin/projections/{name}/{slice}/skip");

        for (String resource : resources) {
            String[] parts = resource.replace(" (WebSocket)", "").split(" ");
            String path = parts[1].substring("/api".length())
                    .replace("{id}", "00000000-0000-4000-8000-000000000000")
                    .replace("{userId}", "00000000-0000-4000-8000-000000000000")
                    .replaceAll("\\{(n|seq)}", "1").replace("{name}", "lobby").replace("{slice}", "table-0");
            for (String method : parts[0].split("\\|")) {
                // without a token or body: 401, 400, 404 of a resource, never the router's 404 or 405
                Response r = api.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}",
                        null);
                assertThat(r.text("error")).as(method + " " + path + ": " + r.raw())
                        .isNotIn("not_found", "method_not_allowed");
            }
        }
    }

    @Test
    void registerLoginCreateJoinUntilFullAndReadParticipantsBack() throws Exception {
        Response registered = api.post("/users",
                "{\"username\":\"ann\",\"password\":\"longenough\",\"displayName\":\"Ann\"}", null);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("username")).isEqualTo("ann");
        assertThat(registered.text("displayName")).isEqualTo("Ann");
        assertThat(registered.text("role")).isEqualTo("player");

        Response login = api.post("/sessions", "{\"username\":\"ann\",\"password\":\"longenough\"}", null);
        assertThat(login.status()).isEqualTo(201);
        assertThat(login.text("userId")).isEqualTo(registered.text("id"));
        assertThat(login.text("expiresAt")).isNotBlank();
        String ann = login.text("token");

        Response me = api.get("/users/me", ann);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(registered.text("id"));

        Response table = api.post("/tables", tableBody(3), ann);
        assertThat(table.status()).as(table.raw()).isEqualTo(201);
        String tableId = table.text("tableId");

        List<String> tokens = new ArrayList<>(List.of(ann));
        for (String name : List.of("ben", "cat", "dan")) {
            tokens.add(api.signUp(name));
        }
        List<String> participantIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response joined = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":" + (300 + i) + "}",
                    tokens.get(i));
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
            assertThat(joined.body().path("seatNumber").asInt()).isEqualTo(i + 1);
            assertThat(joined.body().path("chips").asLong()).isEqualTo(300 + i);
            participantIds.add(joined.text("participantId"));
        }
        assertError(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", tokens.get(3)),
                409, "table_full");

        JsonNode participants = Eventually.await(Duration.ofSeconds(10),
                () -> api.get("/tables/" + tableId + "/participants", null).body(), b -> b.size() == 3);
        for (int i = 0; i < 3; i++) {
            assertThat(participants.get(i).path("participantId").asText()).isEqualTo(participantIds.get(i));
            assertThat(participants.get(i).path("seatNumber").asInt()).isEqualTo(i + 1);
            assertThat(participants.get(i).path("chips").asLong()).isEqualTo(300 + i);
            assertThat(participants.get(i).path("status").asText()).as("no hand yet: waiting to be dealt in")
                    .isEqualTo("waiting");
        }
        assertThat(participants.get(0).path("playerId").asText()).isEqualTo(registered.text("id"));

        JsonNode lobbyEntry = Eventually.await(Duration.ofSeconds(10), () -> lobbyEntry(tableId),
                e -> e.path("seatsTaken").asInt() == 3);
        assertThat(lobbyEntry.path("name").asText()).isEqualTo("Table 3");
        assertThat(lobbyEntry.path("maxSeats").asInt()).isEqualTo(3);
        assertThat(lobbyEntry.path("smallBlind").asLong()).isEqualTo(5);
        assertThat(lobbyEntry.path("bigBlind").asLong()).isEqualTo(10);
        assertThat(lobbyEntry.path("status").asText()).isEqualTo("waiting");

        JsonNode stats = Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables/" + tableId + "/stats", null)
                .body(), b -> b.path("participantCount").asInt() == 3);
        assertThat(stats.path("handCount").asInt()).isZero();

        Response info = api.get("/tables/" + tableId, null);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.body().path("participants").size()).isEqualTo(3);

        Response left = api.delete("/tables/" + tableId + "/participants/me", tokens.get(1));
        assertThat(left.status()).as(left.raw()).isEqualTo(200);
        assertThat(left.body().path("chipsReturned").asLong()).isEqualTo(301);
        assertError(api.delete("/tables/" + tableId + "/participants/me", tokens.get(1)), 409, "not_seated");
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables/" + tableId + "/participants", null).body(),
                b -> b.size() == 2);

        Response seatTwo = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500,\"seatNumber\":2}",
                tokens.get(3));
        assertThat(seatTwo.status()).as(seatTwo.raw()).isEqualTo(201);
        assertThat(seatTwo.body().path("seatNumber").asInt()).isEqualTo(2);
    }

    static JsonNode lobbyEntry(String tableId) {
        for (JsonNode entry : api.get("/tables", null).body()) {
            if (entry.path("tableId").asText().equals(tableId)) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void aNewPlayerWaitsForTheBigBlindOrPostsAndSitInTakesTheSameChoice() throws Exception {
        String ivy = api.signUp("rule_ivy");
        String jon = api.signUp("rule_jon");
        String tableId = api.post("/tables", tableBody(6), ivy).text("tableId");
        String join = "/tables/" + tableId + "/participants";

        assertFieldError(api.post(join, "{\"buyIn\":500,\"waitForBigBlind\":\"no\"}", ivy), "waitForBigBlind");
        assertThat(api.post(join, "{\"buyIn\":500}", ivy).status()).isEqualTo(201);
        assertThat(api.post(join, "{\"buyIn\":500,\"waitForBigBlind\":false}", jon).status()).isEqualTo(201);
        assertThat(statuses(tableId, s -> s.equals(List.of("waiting", "active")))).containsExactly("waiting", "active");

        String sitIn = "/tables/" + tableId + "/sit-in";
        assertThat(api.post("/tables/" + tableId + "/sit-out", null, ivy).status()).isEqualTo(200);
        assertFieldError(api.post(sitIn, "{\"waitForBigBlind\":1}", ivy), "waitForBigBlind");
        assertError(api.post(sitIn, "[true]", ivy), 400, "malformed_json");
        assertThat(api.post(sitIn, null, ivy).status()).as("no body: waits for the big blind").isEqualTo(200);
        assertThat(statuses(tableId, s -> s.get(0).equals("waiting"))).containsExactly("waiting", "active");
        assertThat(api.post(sitIn, "{\"waitForBigBlind\":false}", ivy).status()).as("posts instead").isEqualTo(200);
        assertThat(statuses(tableId, s -> s.get(0).equals("active"))).containsExactly("active", "active");
        assertThat(api.post(sitIn, "{}", jon).status()).isEqualTo(200);
    }

    private static List<String> statuses(String tableId, java.util.function.Predicate<List<String>> until)
            throws Exception {
        return Eventually.await(Duration.ofSeconds(10), () -> {
            List<String> out = new ArrayList<>();
            api.get("/tables/" + tableId + "/participants", null).body().forEach(p -> out.add(p.path("status").asText()));
            return out;
        }, until);
    }

    @Test
    void joinRulesAnswerWithTheirNamedReasons() {
        String eve = api.signUp("eve");
        String fay = api.signUp("fay");
        String tableId = api.post("/tables", tableBody(6), eve).text("tableId");
        String join = "/tables/" + tableId + "/participants";

        assertThat(api.post(join, "{\"buyIn\":500,\"seatNumber\":4}", eve).status()).isEqualTo(201);
        assertError(api.post(join, "{\"buyIn\":500}", eve), 409, "already_seated");
        assertError(api.post(join, "{\"buyIn\":500,\"seatNumber\":4}", fay), 409, "seat_taken");
        assertError(api.post(join, "{\"buyIn\":199}", fay), 409, "buy_in_out_of_range");
        assertError(api.post(join, "{\"buyIn\":1001}", fay), 409, "buy_in_out_of_range");
        assertFieldError(api.post(join, "{\"buyIn\":500,\"seatNumber\":7}", fay), "seatNumber");
        assertFieldError(api.post(join, "{\"buyIn\":500,\"seatNumber\":0}", fay), "seatNumber");
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() throws Exception {
        String gus = api.signUp("gus");
        String tableId = api.post("/tables", tableBody(6), gus).text("tableId");
        String join = "/tables/" + tableId + "/participants";

        // malformed JSON, not an object, missing fields, wrong types
        assertError(api.post("/tables", "{\"name\":", gus), 400, "malformed_json");
        assertError(api.post("/tables", "[1,2]", gus), 400, "malformed_json");
        assertError(api.post(join, "", gus), 400, "malformed_json");
        assertFieldError(api.post("/tables", "{}", gus), "name");
        assertFieldError(api.post("/tables", "{\"name\":\"x\",\"smallBlind\":\"5\",\"bigBlind\":10}", gus),
                "smallBlind");
        assertFieldError(api.post(join, "{}", gus), "buyIn");
        assertFieldError(api.post(join, "{\"buyIn\":\"500\"}", gus), "buyIn");
        assertFieldError(api.post(join, "{\"buyIn\":true}", gus), "buyIn");
        // negative, zero and fractional amounts
        assertFieldError(api.post(join, "{\"buyIn\":-500}", gus), "buyIn");
        assertFieldError(api.post(join, "{\"buyIn\":0}", gus), "buyIn");
        assertFieldError(api.post(join, "{\"buyIn\":500.5}", gus), "buyIn");
        assertFieldError(api.post(join, "{\"buyIn\":1e3}", gus), "buyIn");
        assertFieldError(api.post(join, "{\"buyIn\":99999999999999999999999}", gus), "buyIn");
        // table terms
        assertFieldError(api.post("/tables", tableBody(11), gus), "maxSeats");
        assertFieldError(api.post("/tables", tableBody(1), gus), "maxSeats");
        assertFieldError(api.post("/tables", "{\"name\":\"x\",\"smallBlind\":10,\"bigBlind\":5,\"maxSeats\":6,"
                + "\"minBuyIn\":200,\"maxBuyIn\":1000}", gus), "bigBlind");
        assertFieldError(api.post("/tables", "{\"name\":\"x\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":6,"
                + "\"minBuyIn\":200,\"maxBuyIn\":100}", gus), "maxBuyIn");
        assertFieldError(api.post("/tables", "{\"name\":\"   \",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":6,"
                + "\"minBuyIn\":200,\"maxBuyIn\":1000}", gus), "name");
        // users
        assertFieldError(api.post("/users", "{\"username\":\"Bad Name\",\"password\":\"longenough\"}", null),
                "username");
        assertFieldError(api.post("/users", "{\"username\":\"ab\",\"password\":\"longenough\"}", null), "username");
        assertFieldError(api.post("/users", "{\"username\":\"hal\",\"password\":\"short\"}", null), "password");
        assertFieldError(api.post("/users", "{\"username\":\"hal\",\"password\":12345678}", null), "password");
        assertError(api.post("/users", "{\"username\":\"gus\",\"password\":\"longenough\"}", null),
                409, "username_taken");
        assertError(api.post("/sessions", "{\"username\":\"gus\",\"password\":\"wrong password\"}", null),
                401, "invalid_credentials");
        assertError(api.post("/sessions", "{\"username\":\"nobody\",\"password\":\"wrong password\"}", null),
                401, "invalid_credentials");
        // unknown ids
        String unknown = "00000000-0000-4000-8000-000000000000";
        assertError(api.get("/tables/" + unknown, null), 404, "table_not_found");
        assertError(api.get("/tables/" + unknown + "/participants", null), 404, "table_not_found");
        assertError(api.get("/tables/" + unknown + "/stats", null), 404, "table_not_found");
        assertError(api.post("/tables/" + unknown + "/participants", "{\"buyIn\":500}", gus), 404, "table_not_found");
        assertError(api.get("/tables/not-a-uuid", null), 404, "not_found");
        assertError(api.get("/nothing/here", null), 404, "not_found");
        // missing, bad and revoked tokens
        assertError(api.post("/tables", tableBody(6), null), 401, "unauthorized");
        assertError(api.post(join, "{\"buyIn\":500}", null), 401, "unauthorized");
        assertError(api.get("/users/me", "not-a-token"), 401, "invalid_token");
        String ivy = api.signUp("ivy");
        assertThat(api.delete("/sessions/current", ivy).status()).isEqualTo(204);
        assertError(api.get("/users/me", ivy), 401, "invalid_token");
        assertError(api.post(join, "{\"buyIn\":500}", ivy), 401, "invalid_token");
        // wrong method
        assertError(api.send("PUT", "/tables", tableBody(6), gus), 405, "method_not_allowed");

        // none of it changed the table
        Thread.sleep(500);
        assertThat(api.get(join, null).body().size()).isZero();
        assertThat(api.get("/tables/" + tableId + "/stats", null).body().path("participantCount").asInt()).isZero();
    }
}
