package poker.play;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poker.support.ApiClient;
import poker.support.ClusterProcess;
import poker.support.LiveClient;

/**
 * Push across nodes: a table's sockets on both nodes of a two-node cluster (so one of them is on the node
 * that does not host the table) get every event in order, each once; a logout on one node closes the
 * session's socket on the other. Latencies are printed, never asserted.
 */
class LivePushClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void socketsOnEveryNodeGetEachEventOnceAndALogoutClosesThemEverywhere(@TempDir Path home) throws Exception {
        try (ClusterProcess cluster = ClusterProcess.start(home, 2, Map.of(
                "POKER_HAND_PAUSE", "50ms",
                "POKER_REGISTRATIONS_PER_ADDRESS", "1000",
                "POKER_LOGIN_ATTEMPTS_PER_ADDRESS", "1000"))) {
            cluster.awaitOneCluster(Duration.ofSeconds(60));
            ApiClient one = new ApiClient(cluster.httpPort(0));
            String ann = one.signUp("cl_ann");
            String bob = one.signUp("cl_bob");
            String eve = one.signUp("cl_eve");
            String annId = one.get("/users/me", ann).text("id");
            String tableId = LivePushIT.table(one, ann);

            AtomicLong lastOnOne = new AtomicLong();
            AtomicLong lastOnTwo = new AtomicLong();
            LiveClient onOne;
            LiveClient onTwo;
            try {
                onOne = LiveClient.open(cluster.httpPort(0), tableId, bob, null,
                        frame -> lastOnOne.set(System.nanoTime())).get(10, TimeUnit.SECONDS);
                onTwo = LiveClient.open(cluster.httpPort(1), tableId, eve, null,
                        frame -> lastOnTwo.set(System.nanoTime())).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // what each node says of the table, and their logs, for whoever looks next (the 404s seen in CI on
                // 2026-12-06 were the test's: a 202's table id read from the wrong place, LivePushIT.table)
                throw new AssertionError("a socket on table " + tableId + " was refused: " + e.getCause()
                        + "\nGET on node 1: " + new ApiClient(cluster.httpPort(0)).get("/tables/" + tableId, ann).raw()
                        + "\nGET on node 2: " + new ApiClient(cluster.httpPort(1)).get("/tables/" + tableId, ann).raw()
                        + "\nnode 1: " + cluster.node(0).describe() + "\nnode 2: " + cluster.node(1).describe(), e);
            }
            assertThat(onOne.next(WAIT).path("type").asText()).isEqualTo("snapshot");
            assertThat(onTwo.next(WAIT).path("type").asText()).isEqualTo("snapshot");
            one.post("/tables/" + tableId + "/participants", "{\"buyIn\":1000}", ann);
            one.post("/tables/" + tableId + "/participants", "{\"buyIn\":1000}", bob);

            List<Long> msOne = new ArrayList<>();
            List<Long> msTwo = new ArrayList<>();
            int actions = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (actions < 40 && System.nanoTime() < deadline) {
                JsonNode last = LivePushIT.lastTable(onOne);
                if (last == null || !last.path("toAct").isObject()) {
                    Thread.sleep(20);
                    continue;
                }
                long beforeOne = lastOnOne.get();
                long beforeTwo = lastOnTwo.get();
                long sent = System.nanoTime();
                if (LivePushIT.act(one, tableId, last, annId, ann, bob) != 200) {
                    continue;
                }
                actions++;
                long until = System.nanoTime() + WAIT.toNanos();
                while ((lastOnOne.get() == beforeOne || lastOnTwo.get() == beforeTwo) && System.nanoTime() < until) {
                    Thread.sleep(1);
                }
                msOne.add((lastOnOne.get() - sent) / 1_000_000);
                msTwo.add((lastOnTwo.get() - sent) / 1_000_000);
            }
            assertThat(actions).isGreaterThan(20);
            Thread.sleep(1000);

            List<Long> seqOne = LivePushIT.eventSeqs(onOne.raw);
            List<Long> seqTwo = LivePushIT.eventSeqs(onTwo.raw);
            long startOne = ApiClient.MAPPER.readTree(onOne.raw.get(0)).path("seq").asLong();
            long startTwo = ApiClient.MAPPER.readTree(onTwo.raw.get(0)).path("seq").asLong();
            for (int i = 0; i < seqOne.size(); i++) {
                assertThat(seqOne.get(i)).as("node 1 frame %d", i).isEqualTo(startOne + 1 + i);
            }
            for (int i = 0; i < seqTwo.size(); i++) {
                assertThat(seqTwo.get(i)).as("node 2 frame %d", i).isEqualTo(startTwo + 1 + i);
            }
            assertThat(seqTwo.get(seqTwo.size() - 1)).isEqualTo(seqOne.get(seqOne.size() - 1));
            System.out.printf("LivePushClusterIT: %d actions, %d events; action sent -> first frame on node 1 p50 %d ms,"
                            + " p99 %d ms; on node 2 p50 %d ms, p99 %d ms%n", actions, seqOne.size(),
                    LivePushIT.pct(msOne, 50), LivePushIT.pct(msOne, 99), LivePushIT.pct(msTwo, 50),
                    LivePushIT.pct(msTwo, 99));

            long out = System.nanoTime();
            assertThat(one.delete("/sessions/current", eve).status()).isEqualTo(204);
            onTwo.closed.get(10, TimeUnit.SECONDS);
            System.out.printf("LivePushClusterIT: logout on node 1 -> socket on node 2 closed in %d ms%n",
                    (System.nanoTime() - out) / 1_000_000);
            assertThat(onOne.closed).isNotDone();
            onOne.close();
        }
    }
}
