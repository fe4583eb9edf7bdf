package poker.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * PLAYERS players join TABLES six-max tables at the same instant (each through the buy-in saga: a wallet
 * debit, then the seat), over HTTP, each on a connection of its own. Prints the answers by status and
 * reason, and the join latencies: every player should get a 201, none a 503. Not part of mvn verify:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.JoinBurstBenchmark \
 *   [-Dexec.args="PLAYERS TABLES"]     (defaults 300 50)
 * </pre>
 */
public final class JoinBurstBenchmark {

    private JoinBurstBenchmark() {
    }

    /** Signs up, waiting as told while the server's password hashing is busy (503 server_busy, Retry-After). */
    private static String signUp(ApiClient api, String name) throws InterruptedException {
        String body = "{\"username\":\"" + name + "\",\"password\":\"correct horse\"}";
        for (String path : new String[] {"/users", "/sessions"}) {
            while (true) {
                ApiClient.Response r = api.post(path, body, null);
                if (r.status() == 201) {
                    if (path.equals("/sessions")) {
                        return r.text("token");
                    }
                    break;
                }
                if (r.status() != 503) {
                    throw new IllegalStateException(path + " " + name + ": " + r.raw());
                }
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    public static void main(String[] args) throws Exception {
        int players = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        PokerServer server = TestServer.start(TestDatabase.fresh(), Map.of("pekko.loglevel", "ERROR"));
        ExecutorService pool = Executors.newFixedThreadPool(players);
        try {
            ApiClient api = new ApiClient(server.httpPort());
            String host = api.signUp("burst_host");
            List<String> tableIds = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                tableIds.add(api.post("/tables?consistency=strong", "{\"name\":\"Burst " + t + "\",\"smallBlind\":5,"
                        + "\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000}", host).text("tableId"));
            }
            List<Future<String>> tokens = new ArrayList<>();
            for (int p = 0; p < players; p++) {
                String name = "burst_" + p;
                tokens.add(pool.submit(() -> signUp(api, name)));
            }
            List<String> tokenList = new ArrayList<>();
            for (Future<String> f : tokens) {
                tokenList.add(f.get());
            }
            System.out.printf("%d tables, %d players signed up; all join at once ...%n", tables, players);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> joins = new ArrayList<>();
            List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int p = 0; p < players; p++) {
                String token = tokenList.get(p);
                String tableId = tableIds.get(p % tables);
                joins.add(pool.submit(() -> {
                    ApiClient own = new ApiClient(server.httpPort());
                    go.await();
                    long start = System.nanoTime();
                    ApiClient.Response r = own.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", token);
                    long took = System.nanoTime() - start;
                    answers.add(r.status() + (r.status() >= 400 ? " " + r.body().path("error").asText() : ""));
                    return new long[] {r.status(), took};
                }));
            }
            long began = System.nanoTime();
            go.countDown();
            long[] latencies = new long[players];
            for (int p = 0; p < players; p++) {
                latencies[p] = joins.get(p).get()[1];
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            Arrays.sort(latencies);
            Map<String, Integer> byAnswer = new TreeMap<>();
            answers.forEach(a -> byAnswer.merge(a, 1, Integer::sum));
            System.out.printf("answers: %s, all within %.1f s%n", byAnswer, seconds);
            System.out.printf("join latency: p50 %d ms, p99 %d ms, max %d ms; %d CPUs, load average %.1f%n",
                    latencies[players / 2] / 1_000_000, latencies[(int) (players * 0.99)] / 1_000_000,
                    latencies[players - 1] / 1_000_000, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            pool.shutdownNow();
            server.stop();
            System.exit(0);
        }
    }
}
