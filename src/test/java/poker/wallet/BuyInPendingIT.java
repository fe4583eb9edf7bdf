package poker.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * A join whose buy-in saga outlives the wait (poker.wallet.buy-in-timeout, here 500 ms, while the test holds
 * the journal locked) answers
 * 503 buy_in_pending, not store_unavailable nor a 500, and the saga still goes on: the player is seated
 * and debited once.
 */
class BuyInPendingIT {

    static PokerServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), Map.of("poker.wallet.buy-in-timeout", "500ms"));
        api = new ApiClient(server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aJoinPastTheWaitIsAnsweredPendingAndTheSagaStillSeatsThePlayer() throws Exception {
        String host = api.signUp("pending_host");
        String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Pending\",\"smallBlind\":5,"
                + "\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000}", host).text("tableId");
        String pia = api.signUp("pending_pia");
        // the grant reaches the balance read model first
        long before = Eventually.await(Duration.ofSeconds(15),
                () -> api.get("/wallet", pia).body().path("balance").asLong(), balance -> balance > 0);

        // the journal takes no write while the test holds this lock: the saga cannot finish within the wait
        ApiClient.Response joined;
        try (Connection lock = server.dataSource().getConnection(); Statement st = lock.createStatement()) {
            lock.setAutoCommit(false);
            st.execute("LOCK TABLE event_journal IN EXCLUSIVE MODE");
            joined = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":300}", pia);
            lock.commit();
        }
        assertThat(joined.status()).as(joined.raw()).isEqualTo(503);
        assertThat(joined.text("error")).isEqualTo("buy_in_pending");

        JsonNode seated = Eventually.await(Duration.ofSeconds(15),
                () -> api.get("/tables/" + tableId + "/participants", null).body(), p -> p.size() == 1);
        assertThat(seated.get(0).path("chips").asLong()).isEqualTo(300);
        Eventually.await(Duration.ofSeconds(15), () -> api.get("/wallet", pia).body().path("balance").asLong(),
                balance -> balance == before - 300);
    }
}
