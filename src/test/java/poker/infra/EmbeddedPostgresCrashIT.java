package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.ServerProcess;
import poker.support.TestServer;

/**
 * Acknowledged means durable (issue 8, section 1): PostgreSQL is killed (SIGKILL, postmaster and
 * children) the moment deposits are acknowledged, while others are in flight, several times over. The
 * server restarts it on the same folder; every acknowledged deposit must then be in the journal and on
 * the read side. With synchronous_commit=off a commit is acknowledged before its WAL leaves PostgreSQL's
 * memory (the WAL writer flushes every 200 ms), so a kill right after the acknowledgement loses it.
 */
class EmbeddedPostgresCrashIT {

    private static final int KILLS = 4;
    private static final int CALLERS = 4;
    private static final int ACKS_BEFORE_KILL = 3;

    @TempDir
    Path home;

    @Test
    void everyAcknowledgedDepositSurvivesAKillOfPostgresRightAfterItsAcknowledgement() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerProcess.settings(home))) {
            ApiClient api = server.api();
            String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
            String bob = api.signUp("bob");
            String bobId = api.get("/users/me", bob).text("id");
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                for (int kill = 1; kill <= KILLS; kill++) {
                    AtomicBoolean killed = new AtomicBoolean();
                    AtomicLong killedAt = new AtomicLong();
                    AtomicInteger acks = new AtomicInteger();
                    List<Future<?>> running = new ArrayList<>();
                    // a server that never acknowledges fails the test instead of keeping the callers forever
                    long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    for (int c = 0; c < CALLERS; c++) {
                        running.add(callers.submit(() -> {
                            while (!killed.get() && System.nanoTime() < giveUpAt) {
                                String reference = "r-" + next.incrementAndGet();
                                Response r = deposit(api, admin, bobId, reference);
                                if (r.status() == 201) {
                                    acknowledged.add(reference);
                                    if (acks.incrementAndGet() == ACKS_BEFORE_KILL && killed.compareAndSet(false, true)) {
                                        server.killPostgres();
                                        killedAt.set(System.nanoTime());
                                    }
                                }
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : running) {
                        f.get();
                    }
                    assertThat(killed).as("%d deposits acknowledged, then PostgreSQL killed", ACKS_BEFORE_KILL).isTrue();
                    // the node comes back by itself: PostgreSQL restarted, pools and entities reconnected
                    String probe = "probe-" + kill;
                    Eventually.await(Duration.ofSeconds(60), () -> deposit(api, admin, bobId, probe),
                            r -> r.status() == 201);
                    acknowledged.add(probe);
                    System.out.printf("kill %d of PostgreSQL: deposits accepted again after %d ms%n", kill,
                            Duration.ofNanos(System.nanoTime() - killedAt.get()).toMillis());
                }
            } finally {
                callers.shutdownNow();
            }

            Set<String> journal = depositReferencesInJournal(server.dataDir(), bobId);
            assertThat(journal).as("acknowledged deposits missing from the journal")
                    .containsAll(acknowledged);
            assertThat(recoveriesInPostgresLog(server.dataDir())).as("PostgreSQL's own log, in the data folder")
                    .isGreaterThanOrEqualTo(KILLS);
            JsonNode ledger = Eventually.await(Duration.ofSeconds(30),
                    () -> api.get("/wallet/transactions?limit=1000", bob).body(),
                    l -> new HashSet<>(l.findValuesAsText("reference")).containsAll(acknowledged));
            System.out.printf("%d acknowledged deposits across %d kills of PostgreSQL: all in the journal (%d"
                    + " deposits there) and on the read side (%d ledger entries)%n", acknowledged.size(), KILLS,
                    journal.size(), ledger.size());
            assertThat(server.ready()).isTrue();
        }
    }

    private static Response deposit(ApiClient api, String admin, String userId, String reference) {
        return api.post("/admin/wallets/" + userId + "/deposits",
                "{\"amount\":1,\"reference\":\"" + reference + "\"}", admin);
    }

    /** How many crash recoveries PostgreSQL logged in the folder's log/ (EmbeddedDatabase keeps its log there). */
    private static long recoveriesInPostgresLog(Path dataDir) throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("log"))) {
            long count = 0;
            for (Path file : files.toList()) {
                count += Files.readAllLines(file).stream()
                        .filter(line -> line.contains("automatic recovery in progress")).count();
            }
            return count;
        }
    }

    /** Straight from the journal table: the references of the wallet's stored Deposited events. */
    private static Set<String> depositReferencesInJournal(Path dataDir, String userId) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(Postmaster.pidFile(dataDir)).get(3).strip());
        Set<String> references = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "");
             PreparedStatement ps = c.prepareStatement("SELECT convert_from(event_payload, 'UTF8')"
                     + " FROM event_journal WHERE persistence_id = ?")) {
            ps.setString(1, "Wallet|" + userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode event = ApiClient.MAPPER.readTree(rs.getString(1));
                    if (event.hasNonNull("reference")) {
                        references.add(event.get("reference").asText());
                    }
                }
            }
        }
        return references;
    }
}
