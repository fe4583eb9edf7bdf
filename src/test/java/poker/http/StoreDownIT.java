package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * When the database stops answering: /ready says not ready, clients get 503 store_unavailable at once
 * (the join would otherwise wait for the 60 s ask timeout, past the client's 15 s), never a 500 or a hang; when it is back the node
 * recovers by itself: pool (login), journal (a command), projections (the read side shows it).
 */
class StoreDownIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void whileTheStoreIsUnreachableTheNodeIsNotReadyAndAnswers503AtOnceAndItRecoversByItself() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        int managementPort = freePort();
        // an ask timeout far beyond the client's 15 s: a command that waited on the store would never answer
        PokerServer server = TestServer.start(db, Map.of("poker.management.enabled", true,
                "pekko.management.http.port", managementPort, "poker.ask-timeout", "60s"));
        ApiClient api = new ApiClient(server.httpPort());
        String database = db.url().substring(db.url().lastIndexOf('/') + 1);
        String admin = db.url().substring(0, db.url().lastIndexOf('/') + 1) + "postgres";
        try {
            String token = api.signUp("sam");
            String tableId = api.post("/tables", "{\"name\":\"T\",\"smallBlind\":1,\"bigBlind\":2,\"maxSeats\":6,"
                    + "\"minBuyIn\":40,\"maxBuyIn\":200}", token).text("tableId");
            Eventually.await(Duration.ofSeconds(30), () -> ready(managementPort), r -> r == 200);

            setReachable(admin, db, database, false);
            try {
                // pekko-management answers 500 when a readiness check fails
                Eventually.await(Duration.ofSeconds(10), () -> ready(managementPort), r -> r == 500);
                String join = "/tables/" + tableId + "/participants";
                for (Supplier<Response> call : List.<Supplier<Response>>of(
                        () -> api.post(join, "{\"buyIn\":100}", token),
                        () -> api.get("/tables", null),
                        () -> api.post("/sessions", "{\"username\":\"sam\",\"password\":\"correct horse\"}", null),
                        () -> api.get("/users/me", token))) {
                    long start = System.nanoTime();
                    Response r = call.get();
                    assertThat(r.status()).as(r.raw()).isEqualTo(503);
                    assertThat(r.text("error")).isEqualTo("store_unavailable");
                    System.out.printf("store down: 503 in %d ms%n",
                            Duration.ofNanos(System.nanoTime() - start).toMillis());
                }
            } finally {
                setReachable(admin, db, database, true);
            }

            Eventually.await(Duration.ofSeconds(15), () -> ready(managementPort), r -> r == 200);
            String again = api.login("sam", "correct horse");
            Response joined = Eventually.await(Duration.ofSeconds(30),
                    () -> api.post("/tables/" + tableId + "/participants", "{\"buyIn\":100}", again),
                    r -> r.status() != 503);
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
            Eventually.await(Duration.ofSeconds(30), () -> api.get("/tables/" + tableId + "/participants", null)
                    .body().size(), n -> n == 1);
        } finally {
            server.stop();
        }
    }

    private static int ready(int managementPort) throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException notListening) {
            return -1;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void setReachable(String adminUrl, TestDatabase.Db db, String database, boolean reachable)
            throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl, db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + reachable);
            if (!reachable) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }
}
