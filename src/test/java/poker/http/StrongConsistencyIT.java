package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.TestDatabase;
import poker.support.TestServer;

/** ?consistency=strong: the next read shows the command, every time. Latencies are printed, not asserted. */
class StrongConsistencyIT {

    /** Joins and leaves per half: enough for a median and to catch a stale read, in seconds rather than a minute. */
    private static final int ROUNDS = 25;

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

    static boolean seated(String tableId, String participantId) {
        for (JsonNode p : api.get("/tables/" + tableId + "/participants", null).body()) {
            if (p.path("participantId").asText().equals(participantId)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aStrongJoinOrLeaveIsVisibleToTheVeryNextReads() {
        String token = api.signUp("strong_sam");
        String tableId = api.post("/tables?consistency=strong", "{\"name\":\"S\",\"smallBlind\":1,\"bigBlind\":2,"
                + "\"maxSeats\":6,\"minBuyIn\":40,\"maxBuyIn\":400}", token).text("tableId");
        assertThat(api.get("/tables/" + tableId, null).status()).isEqualTo(200);
        long balance = api.get("/wallet", token).body().path("balance").asLong();
        long[] strongJoins = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long buyIn = 40 + i;
            long start = System.nanoTime();
            Response joined = api.post("/tables/" + tableId + "/participants?consistency=strong",
                    "{\"buyIn\":" + buyIn + "}", token);
            strongJoins[i] = System.nanoTime() - start;
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
            String participantId = joined.text("participantId");
            assertThat(seated(tableId, participantId)).as("join %d visible", i).isTrue();
            assertThat(api.get("/wallet", token).body().path("balance").asLong()).isEqualTo(balance - buyIn);
            assertThat(api.get("/tables/" + tableId + "/stats", null).body().path("participantCount").asInt())
                    .isEqualTo(1);

            Response left = api.delete("/tables/" + tableId + "/participants/me?consistency=strong", token);
            assertThat(left.status()).as(left.raw()).isEqualTo(200);
            assertThat(seated(tableId, participantId)).as("leave %d visible", i).isFalse();
            assertThat(api.get("/wallet", token).body().path("balance").asLong()).isEqualTo(balance);
        }

        long[] eventualJoins = new long[ROUNDS];
        int notYetVisible = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            Response joined = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":40}", token);
            eventualJoins[i] = System.nanoTime() - start;
            assertThat(joined.status()).as(joined.raw()).isEqualTo(201);
            if (!seated(tableId, joined.text("participantId"))) {
                notYetVisible++;
            }
            assertThat(api.delete("/tables/" + tableId + "/participants/me?consistency=strong", token).status())
                    .isEqualTo(200);
        }
        System.out.printf("join latency: median %.1f ms with consistency=strong, %.1f ms without;"
                        + " without it the next read missed the join %d times in %d%n",
                median(strongJoins), median(eventualJoins), notYetVisible, ROUNDS);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
