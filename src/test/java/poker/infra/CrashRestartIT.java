package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.ServerProcess;
import poker.support.TestServer;

/**
 * A crash never blocks the next start (issue 8, section 2), against real processes: the server is a
 * separate JVM on an embedded PostgreSQL, killed with SIGKILL, which leaves that PostgreSQL running as
 * an orphan on the folder.
 */
class CrashRestartIT {

    @TempDir
    Path home;

    @Test
    void aServerKilledWithSigkillStartsAgainAtTheFirstAttemptWithEverythingItAcknowledged() throws Exception {
        try (ServerProcess first = ServerProcess.start(ServerProcess.settings(home))) {
            ApiClient api = first.api();
            String alice = api.signUp("alice");
            String bob = api.signUp("bob");
            String bobId = api.get("/users/me", bob).text("id");
            Response table = api.post("/tables", "{\"name\":\"Crash\",\"smallBlind\":5,\"bigBlind\":10,"
                    + "\"maxSeats\":6,\"minBuyIn\":100,\"maxBuyIn\":1000}", alice);
            assertThat(table.status()).as(table.raw()).isEqualTo(201);
            String tableId = table.text("tableId");
            assertThat(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", alice).status())
                    .isEqualTo(201);
            assertThat(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":300,\"seatNumber\":4}", bob)
                    .status()).isEqualTo(201);
            String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
            List<String> deposits = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                Response deposit = api.post("/admin/wallets/" + bobId + "/deposits",
                        "{\"amount\":" + (100 * i) + ",\"reference\":\"crash-" + i + "\"}", admin);
                assertThat(deposit.status()).as(deposit.raw()).isEqualTo(201);
                deposits.add("crash-" + i);
            }

            first.kill();
            long orphan = first.postmaster().map(ProcessHandle::pid).orElseThrow(() ->
                    new AssertionError("the killed server's PostgreSQL should be left running"));

            long started = System.nanoTime();
            try (ServerProcess second = first.restart()) {
                System.out.printf("Restart after kill -9 of the server: ready in %d ms (orphan PostgreSQL stopped"
                        + " and started again included)%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
                assertThat(ProcessHandle.of(orphan)).as("the orphan was stopped").isEmpty();
                assertThat(second.postmaster().map(ProcessHandle::pid)).isPresent().get().isNotEqualTo(orphan);
                ApiClient again = second.api();
                // users and sessions (CRUD)
                String aliceAgain = again.login("alice", "correct horse");
                String bobAgain = again.login("bob", "correct horse");
                // the table entity recovered its seats from the journal
                Response repeatJoin = again.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", aliceAgain);
                assertThat(repeatJoin.status()).as(repeatJoin.raw()).isEqualTo(409);
                assertThat(repeatJoin.text("error")).isEqualTo("already_seated");
                // the read side: both seated, bob's wallet with every deposit
                JsonNode seated = Eventually.await(Duration.ofSeconds(20),
                        () -> again.get("/tables/" + tableId + "/participants", null).body(), p -> p.size() == 2);
                assertThat(seated.findValuesAsText("seatNumber")).contains("4");
                long expected = 10_000 - 300 + 100 + 200 + 300 + 400 + 500;
                Eventually.await(Duration.ofSeconds(20), () -> again.get("/wallet", bobAgain).body().path("balance")
                        .asLong(), balance -> balance == expected);
                JsonNode ledger = again.get("/wallet/transactions", bobAgain).body();
                assertThat(ledger.findValuesAsText("reference")).containsAll(deposits);
                // and it takes new commands
                Response deposit = again.post("/admin/wallets/" + bobId + "/deposits",
                        "{\"amount\":1,\"reference\":\"after-restart\"}", again.login(TestServer.ADMIN,
                                TestServer.ADMIN_PASSWORD));
                assertThat(deposit.status()).as(deposit.raw()).isEqualTo(201);
            }
        }
    }

    @Test
    void aSecondServerOnAFolderInUseRefusesInOneLineAndTheFirstKeepsItsDatabaseUntilItStops() throws Exception {
        try (ServerProcess first = ServerProcess.start(ServerProcess.settings(home))) {
            Path pidFile = Postmaster.pidFile(first.dataDir());
            String pidFileBefore = Files.readString(pidFile);
            long postmaster = first.postmaster().orElseThrow().pid();

            ServerProcess second = ServerProcess.launch(first.settings().withFreshPorts());
            try {
                assertThat(second.awaitExit(Duration.ofSeconds(60))).as(second.describe()).contains(2);
                List<String> stderr = second.stderr().stream().filter(line -> !line.isBlank()).toList();
                assertThat(stderr).as(second.describe()).hasSize(1);
                assertThat(stderr.get(0)).contains("is in use by another running poker server",
                        first.dataDir().toString(), "pid " + first.pid());
                assertThat(second.stdout()).as("no stack trace").noneMatch(line -> line.startsWith("\tat "));
            } finally {
                if (second.isAlive()) {
                    second.kill(); // not close(): the folder's PostgreSQL is the first server's
                }
            }

            assertThat(pidFile).as("PostgreSQL's own guard is left alone").exists();
            assertThat(Files.readString(pidFile)).isEqualTo(pidFileBefore);
            assertThat(first.postmaster().map(ProcessHandle::pid)).contains(postmaster);
            ApiClient api = first.api();
            String carol = api.signUp("carol");
            assertThat(api.get("/users/me", carol).status()).isEqualTo(200);

            // until it stops: SIGTERM shuts its PostgreSQL down cleanly, which removes the pid file
            assertThat(first.stop()).as(first.describe()).isEqualTo(128 + 15);
            assertThat(Postmaster.processesIn(first.dataDir())).as("PostgreSQL left running").isEmpty();
            assertThat(pidFile).doesNotExist();
        }
    }
}
