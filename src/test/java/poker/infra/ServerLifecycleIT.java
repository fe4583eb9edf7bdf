package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poker.support.ServerProcess;

/**
 * How the server process ends, against real processes (a separate JVM on an embedded PostgreSQL): what
 * it leaves running and the exit code a supervisor sees, when its start fails after its database
 * started, and when the cluster shuts it down. (A stop by SIGTERM: {@link CrashRestartIT}.)
 */
class ServerLifecycleIT {

    @TempDir
    Path home;

    @Test
    void aStartThatFailsAfterItsDatabaseStartedStopsThatDatabaseAndExits1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerProcess server = ServerProcess.launch(ServerProcess.settings(home)
                     .with("POKER_REMOTE_PORT", Integer.toString(taken.getLocalPort())))) {
            assertThat(server.awaitExit(Duration.ofSeconds(120))).as(server.describe()).contains(1);
            assertThat(server.dataDir().resolve("PG_VERSION")).as("its database had started").exists();
            assertThat(server.stdout()).anyMatch(line -> line.contains("The server did not start"));
            assertThat(Postmaster.processesIn(server.dataDir())).as("PostgreSQL left running").isEmpty();
        }
    }

    /** SIGTERM while the node starts, its database already up: the start ends, then everything stops. */
    @Test
    void aStopDuringTheStartLeavesNoPostgresRunningAndTheNextStartWorks() throws Exception {
        ServerProcess.Settings settings = ServerProcess.settings(home);
        try (ServerProcess server = ServerProcess.launch(settings)) {
            // the server's PostgreSQL accepts connections (initdb's own short-lived postgres does not count)
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!postgresReady(server.dataDir()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Postmaster.processesIn(server.dataDir())).as("its database started\n" + server.describe())
                    .isNotEmpty();
            assertThat(server.ready()).as("asked to stop before it was ready").isFalse();
            int code = server.stop();
            assertThat(code).as(server.describe()).isIn(1, 143);
            assertThat(server.stderr()).noneMatch(line -> line.contains("Shutdown in progress"));
            assertThat(Postmaster.processesIn(server.dataDir())).as("PostgreSQL left running").isEmpty();
        }
        try (ServerProcess again = ServerProcess.start(settings)) {
            assertThat(again.ready()).isTrue();
        }
    }

    /** postmaster.pid's eighth line is the server's status: "ready" once it accepts connections. */
    private static boolean postgresReady(Path dataDir) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.size() >= 8 && lines.get(7).trim().equals("ready")
                    && !Postmaster.processesIn(dataDir).isEmpty();
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    @Test
    void aNodeTheClusterShutsDownExits1AndStopsItsPostgres() throws Exception {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        try (ServerProcess server = ServerProcess.launch(ServerProcess.settings(home)
                .withJvmOption("-Dpekko.cluster.seed-nodes.0=pekko://poker@127.0.0.1:" + nobody)
                .withJvmOption("-Dpekko.cluster.shutdown-after-unsuccessful-join-seed-nodes=10s")
                // a region that never found its coordinator waits this long to hand off nothing (10 s by default)
                .withJvmOption("-Dpekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout=1s"))) {
            assertThat(server.awaitExit(Duration.ofSeconds(120))).as(server.describe()).contains(1);
            assertThat(server.stdout()).anyMatch(line -> line.contains("Joining of seed-nodes"))
                    .anyMatch(line -> line.contains("The node was shut down"));
            assertThat(Postmaster.processesIn(server.dataDir())).as("PostgreSQL left running").isEmpty();
        }
    }
}
