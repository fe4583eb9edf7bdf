package poker.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.internal.EventSourcedRememberEntitiesShardStore;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.table.TableState;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * Which tables stay in memory and in sharding's remember-entities store, on a running node: a table
 * id that was never created leaves nothing behind, a quiet table passivates and comes back intact,
 * a table with a hand in play stays (its timers must survive a restart).
 */
class TablePassivationIT {

    static final Duration SETTLES = Duration.ofSeconds(15);

    static TestDatabase.Db db;
    static PokerServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = TestServer.start(db, Map.of(
                "poker.table.idle-passivation", "1s",
                "poker.table.hand-pause", "200ms"));
        api = new ApiClient(server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Table entities running on this node now, from the shard region. */
    static Set<String> running() throws Exception {
        ShardRegion.CurrentShardRegionState state = AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery,
                        ShardRegion.CurrentShardRegionState>ask(
                        ClusterSharding.get(server.system()).shardState(),
                        replyTo -> new GetShardRegionState(TableEntity.ENTITY_KEY, replyTo),
                        Duration.ofSeconds(5), server.system().scheduler())
                .toCompletableFuture().get();
        return state.getShards().stream().flatMap(s -> s.getEntityIds().stream()).collect(Collectors.toSet());
    }

    /** Table entities that a restart would start again: the remember-entities store, folded from the journal. */
    static Set<String> remembered() throws Exception {
        Serialization serialization = SerializationExtension.get(server.system().classicSystem());
        Set<String> ids = new HashSet<>();
        try (Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT event_ser_id, event_ser_manifest, event_payload"
                     + " FROM event_journal WHERE persistence_id LIKE '/sharding/TableShard/%' ORDER BY ordering");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object change = serialization.deserialize(rs.getBytes(3), rs.getInt(1), rs.getString(2)).get();
                if (change instanceof EventSourcedRememberEntitiesShardStore.EntitiesStarted started) {
                    ids.addAll(scala.jdk.javaapi.CollectionConverters.asJava(started.entities()));
                } else if (change instanceof EventSourcedRememberEntitiesShardStore.EntitiesStopped stopped) {
                    ids.removeAll(scala.jdk.javaapi.CollectionConverters.asJava(stopped.entities()));
                }
            }
        }
        return ids;
    }

    static TableState state(String tableId) {
        return ClusterSharding.get(server.system()).entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableState>ask(TableEntity.GetState::new, Duration.ofSeconds(5))
                .toCompletableFuture().join();
    }

    static String table(String token, int actionSeconds) {
        Response r = api.post("/tables", "{\"name\":\"P\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":6,"
                + "\"minBuyIn\":100,\"maxBuyIn\":5000,\"actionSeconds\":" + actionSeconds + "}", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("tableId");
    }

    static void join(String tableId, String token, long buyIn) {
        Response r = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":" + buyIn + "}", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    static boolean gone(Set<String> ids) throws Exception {
        Set<String> left = new HashSet<>(running());
        left.addAll(remembered());
        left.retainAll(ids);
        return left.isEmpty();
    }

    @Test
    void commandsToTablesThatDoNotExistLeaveNoEntityBehind() throws Exception {
        String token = api.signUp("prober");
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String id = UUID.randomUUID().toString();
            unknown.add(id);
            switch (i % 3) {
                case 0 -> {
                    Response r = api.post("/tables/" + id + "/actions", "{\"handNumber\":1,\"action\":\"fold\"}",
                            token);
                    assertThat(r.status()).as(r.raw()).isEqualTo(404);
                    assertThat(r.text("error")).isEqualTo("table_not_found");
                }
                case 1 -> assertThat(api.post("/tables/" + id + "/sit-out", null, token).status()).isEqualTo(404);
                // what the live socket asks first
                default -> assertThat(ClusterSharding.get(server.system()).entityRefFor(TableEntity.ENTITY_KEY, id)
                        .<TableEntity.Snapshot>ask(TableEntity.GetSnapshot::new, Duration.ofSeconds(5))
                        .toCompletableFuture().join().state().created()).isFalse();
            }
        }
        Eventually.await(SETTLES, () -> gone(unknown), done -> done);
        assertThat(running()).doesNotContainAnyElementsOf(unknown);
        assertThat(remembered()).doesNotContainAnyElementsOf(unknown);
    }

    @Test
    void aQuietTablePassivatesAndAnswersAgainWithItsStateIntact() throws Exception {
        String token = api.signUp("quiet_host");
        String tableId = table(token, 20);
        join(tableId, token, 700);
        assertThat(running()).contains(tableId);
        assertThat(remembered()).contains(tableId);

        Eventually.await(SETTLES, () -> gone(Set.of(tableId)), done -> done);

        Response sitOut = api.post("/tables/" + tableId + "/sit-out", null, token);
        assertThat(sitOut.status()).as(sitOut.raw()).isEqualTo(200);
        TableState back = state(tableId);
        assertThat(back.settings().name()).isEqualTo("P");
        assertThat(back.participants()).singleElement().satisfies(p -> {
            assertThat(p.chips()).isEqualTo(700);
            assertThat(p.sittingOut()).isTrue();
        });
        assertThat(running()).contains(tableId);
        Eventually.await(SETTLES, () -> gone(Set.of(tableId)), done -> done);
    }

    @Test
    void aTableWithAHandInPlayStaysRunningAndRemembered() throws Exception {
        String host = api.signUp("busy_host");
        String guest = api.signUp("busy_guest");
        String busy = table(host, 300);
        join(busy, host, 1000);
        join(busy, guest, 1000);
        Eventually.await(SETTLES, () -> state(busy), s -> s.handLive() && s.clock() != null);

        // a quiet table touched now is the clock: once it has passivated, the idle time has passed
        String quiet = table(host, 20);
        Eventually.await(SETTLES, () -> gone(Set.of(quiet)), done -> done);

        assertThat(running()).contains(busy);
        assertThat(remembered()).contains(busy);
        TableState s = state(busy);
        assertThat(s.handLive()).isTrue();
        assertThat(s.clock()).isNotNull();
        assertThat(s.participants()).hasSize(2);
    }
}
