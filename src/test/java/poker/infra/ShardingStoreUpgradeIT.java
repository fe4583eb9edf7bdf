package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.ServerProcess;

/**
 * Remembered tables survive the change of sharding's state-store-mode from the deprecated "persistence"
 * (how the journal was written before) to "ddata" with the eventsourced remember-entities store. A table
 * with a hand in play is remembered by a node in the old mode; the node is killed; the new version starts
 * on the same journal and must restart the table by itself: its turn clock fires with no command sent.
 * Without the coordinator migration event adapter (cluster.conf) the old coordinator's events are not
 * understood and the table stays asleep until someone sends it a command.
 */
class ShardingStoreUpgradeIT {

    @TempDir
    Path home;

    @Test
    void aTableRememberedInPersistenceModeRestartsByItselfInDdataModeWithTheEventsourcedStore() throws Exception {
        ServerProcess.Settings base = ServerProcess.settings(home).with("POKER_HAND_PAUSE", "500ms");
        ServerProcess.Settings old = base.withJvmOption("-Dpekko.cluster.sharding.state-store-mode=persistence");
        String tableId;
        String pid;
        try (ServerProcess first = ServerProcess.start(old)) {
            ApiClient api = first.api();
            String alice = api.signUp("alice");
            String bob = api.signUp("bob");
            Response table = api.post("/tables", "{\"name\":\"Upgrade\",\"smallBlind\":5,\"bigBlind\":10,"
                    + "\"maxSeats\":6,\"minBuyIn\":100,\"maxBuyIn\":1000,\"actionSeconds\":5}", alice);
            assertThat(table.status()).as(table.raw()).isEqualTo(201);
            tableId = table.text("tableId");
            pid = "Table|" + tableId;
            assertThat(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", alice).status())
                    .isEqualTo(201);
            assertThat(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", bob).status())
                    .isEqualTo(201);
            String dataDir = first.dataDir().toString();
            Eventually.await(Duration.ofSeconds(20), () -> events(dataDir, pid), e -> e.contains("TurnClockStarted"));
            // the old mode wrote the coordinator's own events
            assertThat(manifests(dataDir, "/sharding/TableCoordinator")).isNotEmpty();
            first.kill();
        }
        // the kill left the embedded PostgreSQL running; the new start recovers it on the same folder
        try (ServerProcess second = ServerProcess.start(base)) {
            String dataDir = second.dataDir().toString();
            long before = events(dataDir, pid).size();
            long started = System.nanoTime();
            // no command goes to the table: only a remembered restart re-arms its clock
            List<String> after = Eventually.await(Duration.ofSeconds(30), () -> events(dataDir, pid),
                    e -> e.size() > before);
            System.out.printf("Upgrade from state-store-mode=persistence: the remembered table acted by itself"
                            + " %d ms after the new node was ready; events since: %s%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), after.subList((int) before, after.size()));
            assertThat(second.stdout()).noneMatch(line -> line.contains("Unexpected message type"));
            assertThat(second.stdout()).noneMatch(line -> line.contains("deprecated"));
        }
    }

    private static List<String> events(String dataDir, String pid) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = connect(dataDir);
             PreparedStatement st = c.prepareStatement("SELECT convert_from(event_payload, 'UTF8')::json->>'type'"
                     + " FROM event_journal WHERE persistence_id = ? ORDER BY sequence_number")) {
            st.setString(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private static List<String> manifests(String dataDir, String pid) throws Exception {
        List<String> manifests = new ArrayList<>();
        try (Connection c = connect(dataDir);
             PreparedStatement st = c.prepareStatement("SELECT event_ser_manifest FROM event_journal"
                     + " WHERE persistence_id = ? ORDER BY sequence_number")) {
            st.setString(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    manifests.add(rs.getString(1));
                }
            }
        }
        return manifests;
    }

    private static Connection connect(String dataDir) throws Exception {
        int port = Integer.parseInt(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(3).strip());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }
}
