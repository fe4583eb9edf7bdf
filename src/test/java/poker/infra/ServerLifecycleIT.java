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
 * it leaves running and the exit code a supervisor sees.
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
}
