package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.RawHttp;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * The HTTP edge as a hostile or broken client meets it, over raw sockets: requests the engine
 * refuses before routing answer in the JSON error format, slow heads and bodies are cut, and bodies
 * must be JSON of a bounded size.
 */
class HttpEdgeIT {

    /** Generous: the server's bounds below are 1 s; this only says "closed, not held for a minute". */
    static final Duration CLOSED_WITHIN = Duration.ofSeconds(10);

    static PokerServer server;
    static String token;
    static String tableId;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.http.request-head-timeout", "1s",
                "poker.http.body-timeout", "1s",
                // the peer's address counts, whatever X-Forwarded-For says (trust-forwarded-for is off)
                "poker.limits.registrations-per-address", 3));
        ApiClient api = new ApiClient(server.httpPort());
        token = api.signUp("edge_ann");
        tableId = api.post("/tables", "{\"name\":\"Edge\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":6,"
                + "\"minBuyIn\":200,\"maxBuyIn\":1000}", token).text("tableId");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static RawHttp.Response raw(String request) throws IOException {
        try (RawHttp http = new RawHttp(server.httpPort())) {
            return http.send(request).read();
        }
    }

    static void assertJsonError(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).isEqualTo("application/json");
        assertThat(r.json().path("error").asText()).as(r.body()).isEqualTo(code);
        assertThat(r.json().path("message").asText()).as(r.body()).isNotBlank();
    }

    @Test
    void requestsRefusedBeforeRoutingAnswerInTheJsonErrorFormat() throws Exception {
        assertJsonError(raw("GET /api/tables?" + "x".repeat(3000) + " HTTP/1.1\r\nHost: a\r\n\r\n"),
                414, "uri_too_long");
        assertJsonError(raw("GET /api/tables HTTP/1.1\r\nHost: a\r\nX-Big: " + "y".repeat(9000) + "\r\n\r\n"),
                431, "headers_too_large");
        StringBuilder many = new StringBuilder("GET /api/tables HTTP/1.1\r\nHost: a\r\n");
        for (int i = 0; i < 70; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        // pekko-http answers 400, not 431, to more than max-header-count headers
        assertJsonError(raw(many.append("\r\n").toString()), 400, "bad_request");
        assertJsonError(raw("BREW /api/tables HTTP/1.1\r\nHost: a\r\n\r\n"), 501, "method_not_implemented");
        assertJsonError(raw("GET /api/tables HTTP/1.7\r\nHost: a\r\n\r\n"), 505, "http_version_not_supported");
        assertJsonError(raw("GET /api/tables/%zz HTTP/1.1\r\nHost: a\r\n\r\n"), 400, "bad_request");
        assertJsonError(raw("GET api/tables HTTP/1.1\r\nHost: a\r\n\r\n"), 400, "bad_request");
        assertJsonError(raw("GET /api/tables HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n"), 400, "bad_request");
        assertJsonError(raw("GET /api/tables HTTP/1.1\r\nHost: a\r\nno colon here\r\n\r\n"), 400, "bad_request");
        assertJsonError(raw("\u0001\u0002 / HTTP/1.1\r\n\r\n"), 501, "method_not_implemented");
    }

    @Test
    void aClientThatTricklesItsHeadersIsCut() throws Exception {
        try (RawHttp http = new RawHttp(server.httpPort())) {
            http.send("GET /api/tables HTTP/1.1\r\nHost: a\r\n");
            long started = System.nanoTime();
            boolean closed = false;
            // one header line every 200 ms: each byte would restart pekko's idle-timeout
            for (int i = 0; !closed && System.nanoTime() - started < CLOSED_WITHIN.toNanos(); i++) {
                try {
                    http.send("X-Slow-" + i + ": a\r\n");
                    closed = http.closedWithin(Duration.ofMillis(200));
                } catch (IOException brokenPipe) {
                    closed = true;
                }
            }
            assertThat(closed).as("closed within %s", CLOSED_WITHIN).isTrue();
        }
    }

    @Test
    void anIdleConnectionIsCutToo() throws Exception {
        try (RawHttp http = new RawHttp(server.httpPort())) {
            assertThat(http.closedWithin(CLOSED_WITHIN)).isTrue();
        }
    }

    @Test
    void aBodyThatDoesNotArriveInTimeAnswers408AndCloses() throws Exception {
        try (RawHttp http = new RawHttp(server.httpPort())) {
            RawHttp.Response r = http.send("POST /api/sessions HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{\"username\":").read();
            assertJsonError(r, 408, "request_timeout");
            assertThat(http.closedWithin(CLOSED_WITHIN)).isTrue();
        }
    }

    @Test
    void aBodyLargerThanTheLimitAnswers413() throws Exception {
        String big = "{\"username\":\"" + "a".repeat(100_000) + "\",\"password\":\"x\"}";
        ApiClient.Response r = new ApiClient(server.httpPort()).post("/sessions", big, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(413);
        assertThat(r.text("error")).isEqualTo("payload_too_large");
        try (RawHttp http = new RawHttp(server.httpPort())) {
            // declared too large, sent slowly: refused without waiting for it
            assertJsonError(http.send("POST /api/tables HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: 10000000\r\n\r\n{").read(),
                    413, "payload_too_large");
        }
    }

    @Test
    void everyJsonBodyMustBeSentAsJson() throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        String[][] routes = {
                {"/api/users", "{\"username\":\"form_user\",\"password\":\"longenough\"}"},
                {"/api/sessions", "{\"username\":\"edge_ann\",\"password\":\"correct horse\"}"},
                {"/api/tables", "{\"name\":\"F\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,"
                        + "\"maxBuyIn\":1000}"},
                {"/api/tables/" + tableId + "/participants", "{\"buyIn\":500}"},
                {"/api/tables/" + tableId + "/actions", "{\"handNumber\":1,\"action\":\"fold\"}"},
                {"/api/admin/wallets/" + api.get("/users/me", token).text("id") + "/deposits",
                        "{\"amount\":5,\"reference\":\"r\"}"}};
        String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        for (String[] route : routes) {
            for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain"}) {
                String caller = route[0].contains("/admin/") ? admin : token;
                RawHttp.Response r = raw("POST " + route[0] + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                        + "Authorization: Bearer " + caller + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                        + route[1].length() + "\r\n\r\n" + route[1]);
                assertJsonError(r, 415, "unsupported_media_type");
            }
        }
        // JSON with a charset is JSON
        RawHttp.Response ok = raw("POST /api/sessions HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + routes[1][1].length()
                + "\r\n\r\n" + routes[1][1]);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        // nothing was created by the refused requests
        assertThat(api.post("/sessions", "{\"username\":\"form_user\",\"password\":\"longenough\"}", null).status())
                .isEqualTo(401);
        assertThat(api.get("/tables/" + tableId + "/participants", null).body().size()).isZero();
    }

    @Test
    void perAddressLimitsCountTheConnectionsPeerNotXForwardedFor() throws Exception {
        int registered = 0;
        RawHttp.Response limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            String body = "{\"username\":\"spoof_" + i + "\",\"password\":\"longenough\"}";
            RawHttp.Response r = raw("POST /api/users HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                    + "X-Forwarded-For: 203.0.113." + i + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
            if (r.status() == 429) {
                limited = r;
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                registered++;
            }
        }
        assertThat(limited).as("a made-up X-Forwarded-For does not escape the per-address limit").isNotNull();
        assertJsonError(limited, 429, "too_many_attempts");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        // 3 per address: the set-up registered one
        assertThat(registered).isLessThanOrEqualTo(2);
        // another peer address is counted apart
        String body = "{\"username\":\"other_peer\",\"password\":\"longenough\"}";
        try (RawHttp other = new RawHttp(server.httpPort(), "127.0.0.2")) {
            RawHttp.Response r = other.send("POST /api/users HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).read();
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }
}
