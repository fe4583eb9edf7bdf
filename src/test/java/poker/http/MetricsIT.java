package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.PrometheusText;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * {@code GET /metrics} on a running node: the Prometheus text format, no auth, every metric family
 * the README's Metrics section lists; then a sign-up, a table, two buy-ins (and one refused and refunded), a
 * live socket and a hand, and the counters that should have moved did.
 */
class MetricsIT {

    static PokerServer server;
    static ApiClient api;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.table.hand-pause", "300ms",
                "jdbc-read-journal.refresh-interval", "50ms"));
        api = new ApiClient(server.httpPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static PrometheusText scrape() throws Exception {
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        return PrometheusText.parse(r.body());
    }

    @Test
    void theEndpointSpeaksThePrometheusTextFormatWithoutAuth() throws Exception {
        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type.toLowerCase())
                .startsWith("text/plain").contains("version=0.0.4").contains("charset=utf-8"));
        assertThat(r.body()).contains("# HELP ").contains("# TYPE ");
        PrometheusText text = PrometheusText.parse(r.body());
        assertThat(text.names()).contains(
                // JVM and the pool
                "jvm_memory_used_bytes", "jvm_threads_live_threads", "system_cpu_count", "process_cpu_usage",
                "hikaricp_connections_active", "hikaricp_connections_max",
                // the node: sockets, entities in memory (the admin's wallet was opened at start), read side
                "poker_live_sockets", "poker_entities_active", "poker_events_persisted_total",
                "poker_persist_latency_seconds_bucket", "poker_commands_total",
                "poker_projection_lag_events", "poker_projection_lag_seconds");
        assertThat(text.samples("poker_live_sockets")).extracting(s -> s.labels().get("kind"))
                .containsExactlyInAnyOrder("table", "tournament");
        assertThat(text.samples("poker_projection_lag_events")).extracting(s -> s.labels().get("projection"))
                .contains("lobby", "participants", "wallet_balances");
        assertThat(text.samples("poker_projection_lag_events")).allSatisfy(s -> assertThat(s.value()).isNotNaN());

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("read-only").isEqualTo(405);
    }

    @Test
    void playingMovesTheCounters() throws Exception {
        PrometheusText before = scrape();

        String alice = api.signUp("metrics_alice");
        String bob = api.signUp("metrics_bob");
        String aliceId = api.get("/users/me", alice).text("id");
        String tableId = api.post("/tables", "{\"name\":\"Metrics\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":2,"
                + "\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":30}", alice).text("tableId");
        LiveClient socket = LiveClient.open(server.httpPort(), tableId, alice, null, null).get(10, TimeUnit.SECONDS);
        String join = "/tables/" + tableId + "/participants";
        assertThat(api.post(join, "{\"buyIn\":500}", alice).status()).isEqualTo(201);
        assertThat(api.post(join, "{\"buyIn\":500}", bob).status()).isEqualTo(201);
        // debited, refused by the table, refunded: a compensated saga and a rejected table command
        assertThat(api.post(join, "{\"buyIn\":500}", bob).body().path("error").asText()).isEqualTo("already_seated");

        PrometheusText dealt = Eventually.await(Duration.ofSeconds(10), MetricsIT::scrape,
                t -> t.sum("poker_hands_started_total") > before.sum("poker_hands_started_total")
                        && t.sum("poker_live_sockets", "kind", "table") == 1);
        assertThat(dealt.sum("poker_entities_active", "entity", "table")).isGreaterThanOrEqualTo(1);

        // heads-up: whoever is not on turn is refused, whoever is folds, and the hand ends
        List<Response> folds = List.of(
                api.post("/tables/" + tableId + "/actions", "{\"handNumber\":1,\"action\":\"fold\"}", alice),
                api.post("/tables/" + tableId + "/actions", "{\"handNumber\":1,\"action\":\"fold\"}", bob));
        assertThat(folds).extracting(Response::status).containsExactlyInAnyOrder(200, 409);

        PrometheusText after = Eventually.await(Duration.ofSeconds(10), MetricsIT::scrape,
                t -> t.sum("poker_hands_finished_total") > before.sum("poker_hands_finished_total"));
        socket.close();

        // wallets: two grants, two buy-in debits, one refund
        assertThat(delta(before, after, "poker_commands_total", "entity", "wallet", "outcome", "accepted"))
                .isGreaterThanOrEqualTo(5);
        // table: created, two joins, one fold; refused: the second join and the fold out of turn
        assertThat(delta(before, after, "poker_commands_total", "entity", "table", "outcome", "accepted"))
                .isGreaterThanOrEqualTo(4);
        assertThat(delta(before, after, "poker_commands_total", "entity", "table", "command", "JoinParticipant",
                "outcome", "rejected", "reason", "already_seated")).isEqualTo(1);
        assertThat(delta(before, after, "poker_commands_total", "entity", "table", "outcome", "rejected"))
                .isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "poker_saga_outcomes_total", "saga", "buy_in", "outcome", "seated"))
                .isEqualTo(2);
        assertThat(delta(before, after, "poker_saga_outcomes_total", "saga", "buy_in", "outcome", "compensated"))
                .isEqualTo(1);
        assertThat(delta(before, after, "poker_hands_started_total")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "poker_hands_finished_total")).isGreaterThanOrEqualTo(1);
        double tableEvents = delta(before, after, "poker_events_persisted_total", "entity", "table");
        double tableWrites = delta(before, after, "poker_persist_latency_seconds_count", "entity", "table");
        assertThat(tableEvents).isGreaterThan(tableWrites).isGreaterThanOrEqualTo(10);
        assertThat(tableWrites).isGreaterThanOrEqualTo(5);
        System.out.printf("MetricsIT: table writes %.0f, events %.0f, mean persist latency %.1f ms%n", tableWrites,
                tableEvents, 1000 * delta(before, after, "poker_persist_latency_seconds_sum", "entity", "table")
                        / tableWrites);

        Eventually.await(Duration.ofSeconds(10), MetricsIT::scrape,
                t -> t.sum("poker_live_sockets", "kind", "table") == 0);

        // nothing that names a player, a table or a session
        String raw = get("/metrics").body();
        assertThat(raw).doesNotContain(tableId).doesNotContain(aliceId).doesNotContain(alice)
                .doesNotContain("metrics_alice").doesNotContain("metrics_bob");
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
