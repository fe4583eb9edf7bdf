package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * Limits on what one account, one address or one user may do: sign-in attempts, registrations,
 * password hashing, table creation; and the paged lobby. The server trusts X-Forwarded-For here, so
 * each scenario plays from addresses of its own.
 */
class AbuseLimitsIT {

    static PokerServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String error() {
            return body.path("error").asText();
        }

        long retryAfter() {
            return Long.parseLong(raw.headers().firstValue("Retry-After").orElseThrow());
        }

        Optional<String> link() {
            return raw.headers().firstValue("Link");
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.ofEntries(
                Map.entry("poker.http.trust-forwarded-for", true),
                Map.entry("poker.limits.login-failures-per-account", 3),
                Map.entry("poker.limits.login-attempts-per-address", 5),
                Map.entry("poker.limits.registrations-per-address", 3),
                Map.entry("poker.limits.tables-per-user", 3),
                Map.entry("poker.limits.empty-tables-per-user", 2),
                // one hashing thread and one waiting place, hashes slow enough to pile up
                Map.entry("poker.passwords.hashing-threads", 1),
                Map.entry("poker.passwords.hashing-queue", 1),
                Map.entry("poker.passwords.bcrypt-cost", 11)));
        base = "http://127.0.0.1:" + server.httpPort() + "/api";
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static CompletableFuture<Answer> sendAsync(String method, String path, String json, String token, String from) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("X-Forwarded-For", "198.51.100.250, " + from);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            try {
                return new Answer(r.statusCode(), r.body().isEmpty() ? ApiClient.MAPPER.nullNode()
                        : ApiClient.MAPPER.readTree(r.body()), r);
            } catch (Exception e) {
                throw new IllegalStateException(r.body(), e);
            }
        });
    }

    static Answer send(String method, String path, String json, String token, String from) {
        return sendAsync(method, path, json, token, from).join();
    }

    static Answer register(String username, String from) {
        return send("POST", "/users", "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}", null, from);
    }

    static Answer login(String username, String password, String from) {
        return send("POST", "/sessions", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
                null, from);
    }

    static void assertLimited(Answer a, int status, String code, long maxWaitSeconds) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
        assertThat(a.error()).isEqualTo(code);
        assertThat(a.body().path("message").asText()).isNotBlank();
        if (status == 429) {
            assertThat(a.retryAfter()).isBetween(1L, maxWaitSeconds);
        }
    }

    @Test
    void threeWrongPasswordsForAnAccountLockItForTheRestOfTheMinuteFromAnyAddress() {
        assertThat(register("acct_ann", "10.1.0.1").status()).isEqualTo(201);
        assertThat(register("acct_bob", "10.1.0.1").status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertThat(login("acct_ann", "wrong password", "10.1.1." + i).error()).isEqualTo("invalid_credentials");
        }
        // refused before any hashing, even with the right password, from yet another address
        assertLimited(login("acct_ann", "correct horse", "10.1.2.1"), 429, "too_many_attempts", 60);
        // other accounts are not affected
        assertThat(login("acct_bob", "correct horse", "10.1.2.1").status()).isEqualTo(201);
    }

    @Test
    void concurrentWrongPasswordsCannotGetMorePasswordChecksThanTheAccountsLimit() {
        assertThat(register("race_fay", "10.7.0.1").status()).isEqualTo(201);
        int checked = 0;
        // bursts from fresh addresses: only the account's limit (3) can stop them
        for (int burst = 0; burst < 3; burst++) {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(sendAsync("POST", "/sessions", "{\"username\":\"race_fay\",\"password\":\"wrong one\"}",
                        null, "10.7." + (burst + 1) + "." + i));
            }
            for (Answer a : answers.stream().map(CompletableFuture::join).toList()) {
                if (a.status() == 401) {
                    checked++;
                } else {
                    assertThat(a.error()).as(a.body().toString()).isIn("too_many_attempts", "server_busy");
                }
            }
        }
        assertThat(checked).as("wrong passwords checked for one account in its window").isLessThanOrEqualTo(3);
    }

    @Test
    void fiveAttemptsFromAnAddressThenThatAddressWaits() {
        assertThat(register("addr_cat", "10.2.0.9").status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertThat(login("nobody_" + i, "wrong password", "10.2.0.1").status()).isEqualTo(401);
        }
        assertLimited(login("addr_cat", "correct horse", "10.2.0.1"), 429, "too_many_attempts", 60);
        assertThat(login("addr_cat", "correct horse", "10.2.0.2").status()).isEqualTo(201);
    }

    @Test
    void threeRegistrationsFromAnAddressThenThatAddressWaits() {
        for (int i = 0; i < 3; i++) {
            assertThat(register("reg_" + i, "10.3.0.1").status()).isEqualTo(201);
        }
        assertLimited(register("reg_3", "10.3.0.1"), 429, "too_many_attempts", 3600);
        assertThat(register("reg_3", "10.3.0.2").status()).isEqualTo(201);
    }

    @Test
    void forwardedIpv6AddressesCountByTheirSlash64LikePeers() {
        for (int i = 1; i <= 3; i++) {
            assertThat(register("six_" + i, "2001:db8:1:2::" + i).status()).isEqualTo(201);
        }
        // another address of the same /64 is the same subscriber
        assertLimited(register("six_4", "2001:db8:1:2:ffff::9"), 429, "too_many_attempts", 3600);
        assertThat(register("six_4", "2001:db8:1:3::1").status()).isEqualTo(201);
    }

    @Test
    void whenHashingIsSaturatedLoginsAreRefusedWith503InsteadOfQueueing() {
        // eight accounts: the per-account limit (3) counts attempts in flight, and is not what this is about
        for (int i = 0; i < 8; i++) {
            assertThat(register("busy_dan" + i, "10.4.0." + i).status()).isEqualTo(201);
        }
        List<CompletableFuture<Answer>> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(sendAsync("POST", "/sessions", "{\"username\":\"busy_dan" + i + "\",\"password\":\"correct horse\"}",
                    null, "10.4.1." + i));
        }
        List<Answer> answers = burst.stream().map(CompletableFuture::join).toList();
        List<Answer> busy = answers.stream().filter(a -> a.status() == 503).toList();
        assertThat(busy).as("refused: %s", answers.stream().map(Answer::status).toList()).isNotEmpty();
        busy.forEach(a -> assertLimited(a, 503, "server_busy", 60));
        assertThat(busy.get(0).retryAfter()).isEqualTo(1);
        assertThat(answers).as("the others are served").anyMatch(a -> a.status() == 201);
        assertThat(answers).allMatch(a -> a.status() == 201 || a.status() == 503);
    }

    static String table(String token, String from) {
        Answer a = send("POST", "/tables?consistency=strong", "{\"name\":\"Q\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000}", token, from);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return a.body().path("tableId").asText();
    }

    static Answer tryTable(String token) {
        return send("POST", "/tables?consistency=strong", "{\"name\":\"Q\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000}", token, "10.5.0.1");
    }

    static void join(String tableId, String token) throws Exception {
        assertThat(send("POST", "/tables/" + tableId + "/participants?consistency=strong", "{\"buyIn\":500}", token,
                "10.5.0.1").status()).isEqualTo(201);
        Eventually.await(Duration.ofSeconds(10), () -> send("GET", "/tables/" + tableId, null, null, "10.5.0.1")
                .body().path("seatsTaken").asInt(), n -> n == 1);
    }

    @Test
    void aPlayerHasAtMostTwoEmptyTablesAndCreatesAtMostThreeAnHour() throws Exception {
        assertThat(register("quota_eve", "10.5.0.1").status()).isEqualTo(201);
        String eve = login("quota_eve", "correct horse", "10.5.0.1").body().path("token").asText();
        String first = table(eve, "10.5.0.1");
        String second = table(eve, "10.5.0.1");
        assertLimited(tryTable(eve), 409, "table_quota_exceeded", 0);

        join(first, eve);
        table(eve, "10.5.0.1");
        join(second, eve);
        // one empty table, but three created this hour
        assertLimited(tryTable(eve), 429, "table_quota_exceeded", 3600);

        String admin = login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD, "10.5.0.2").body().path("token").asText();
        for (int i = 0; i < 4; i++) {
            table(admin, "10.5.0.2");
        }
    }

    static final Pattern NEXT = Pattern.compile("<(/api/tables\\?[^>]+)>; rel=\"next\"");

    @Test
    void theLobbyComesInPagesInCreationOrderWithALinkToTheNext() throws Exception {
        String admin = login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD, "10.6.0.1").body().path("token").asText();
        for (int i = 0; i < 7; i++) {
            table(admin, "10.6.0.1");
        }
        Answer whole = Eventually.await(Duration.ofSeconds(10), () -> send("GET", "/tables", null, null, "10.6.0.1"),
                a -> a.body().size() >= 7);
        assertThat(whole.link()).as("everything fits in the default page").isEmpty();
        List<String> all = new ArrayList<>();
        whole.body().forEach(t -> all.add(t.path("tableId").asText()));

        List<String> paged = new ArrayList<>();
        String next = "/api/tables?limit=3";
        int pages = 0;
        while (next != null) {
            Answer page = send("GET", next.substring("/api".length()), null, null, "10.6.0.1");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().isArray()).isTrue();
            assertThat(page.body().size()).isBetween(1, 3);
            page.body().forEach(t -> paged.add(t.path("tableId").asText()));
            pages++;
            next = null;
            if (page.link().isPresent()) {
                Matcher m = NEXT.matcher(page.link().get());
                assertThat(m.matches()).as(page.link().get()).isTrue();
                next = m.group(1);
            }
        }
        assertThat(paged).as("every table once, in creation order").isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 2) / 3);

        for (String bad : List.of("limit=0", "limit=201", "limit=ten")) {
            Answer a = send("GET", "/tables?" + bad, null, null, "10.6.0.1");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body().path("field").asText()).isEqualTo("limit");
        }
        for (String bad : List.of("after=nope", "after=00000000-0000-4000-8000-000000000000")) {
            Answer a = send("GET", "/tables?" + bad, null, null, "10.6.0.1");
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body().path("field").asText()).isEqualTo("after");
        }
    }
}
