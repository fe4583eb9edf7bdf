package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.table.TableCommand;
import poker.domain.table.TableSettings;
import poker.domain.wallet.WalletCommand;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;
import poker.wallet.WalletEntity;

/**
 * Events an old writer stored before the API checked its input, asked of the entities directly:
 * one the lobby cannot take (a name longer than its column) stops only the lobby's instance on that
 * slice, retried and shown in the admin view until an admin skips it (audited); one with a NUL in
 * its text does not stop anything.
 */
class PoisonEventIT {

    static final int SLICES = 4;
    static final Duration WAIT = Duration.ofSeconds(20);

    static PokerServer server;
    static ApiClient api;
    static String admin;
    static String player;

    @BeforeAll
    static void start() {
        // the backoff of persistence.conf (1 s doubling to 30 s), shortened so a skip is taken within a second
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "pekko.projection.restart-backoff.min-backoff", "200ms",
                "pekko.projection.restart-backoff.max-backoff", "500ms"));
        api = new ApiClient(server.httpPort());
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        player = api.signUp("old_writer");
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String tableIdIn(String slice) {
        while (true) {
            String id = UUID.randomUUID().toString();
            if (TableEntity.tagFor(id, SLICES).equals(slice)) {
                return id;
            }
        }
    }

    /** What an old writer did: the command straight to the entity, no HTTP validation on the way. */
    static void createTableBehindTheApi(String tableId, String name) {
        TableEntity.Reply reply = ClusterSharding.get(server.system()).entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Reply>ask(r -> new TableEntity.Execute(new TableCommand.CreateTable(tableId,
                        new TableSettings(name, 5, 10, 6, 200, 1000, 20), UUID.randomUUID().toString(), Instant.now()),
                        r), Duration.ofSeconds(10))
                .toCompletableFuture().join();
        assertThat(reply).isInstanceOf(TableEntity.Accepted.class);
    }

    /** A table created through the API in the given slice (ids are the server's: create until one lands). */
    static String createTableThroughTheApi(String slice, String name) {
        while (true) {
            Response r = api.post("/tables", "{\"name\":\"" + name + "\",\"smallBlind\":5,\"bigBlind\":10,"
                    + "\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000}", player);
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            String id = r.text("tableId");
            if (TableEntity.tagFor(id, SLICES).equals(slice)) {
                return id;
            }
        }
    }

    static JsonNode instance(String name, String slice) {
        Response r = api.get("/admin/projections", admin);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return StreamSupport.stream(r.body().spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name) && p.path("slice").asText().equals(slice))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + "/" + slice + " in " + r.raw()));
    }

    static boolean inLobby(String tableId) {
        return StreamSupport.stream(api.get("/tables", null).body().spliterator(), false)
                .anyMatch(t -> t.path("tableId").asText().equals(tableId));
    }

    static Response skip(String name, String slice, String body, String token) {
        return api.post("/admin/projections/" + name + "/" + slice + "/skip", body, token);
    }

    @Test
    void aNameTooLongForTheLobbyStopsOnlyItsSliceRetriedAndShownUntilAnAdminSkipsIt() throws Exception {
        String slice = "table-1";
        String poisonId = tableIdIn(slice);
        String pid = TableEntity.persistenceIdOf(poisonId).id();
        createTableBehindTheApi(poisonId, "x".repeat(100));

        // the admin view names the event the lobby's table-1 instance fails on, and the attempts grow
        JsonNode stuck = Eventually.await(WAIT, () -> instance("lobby", slice),
                p -> p.path("lastError").path("attempts").asInt() >= 2);
        JsonNode error = stuck.path("lastError");
        assertThat(error.path("persistenceId").asText()).isEqualTo(pid);
        assertThat(error.path("sequenceNr").asLong()).isEqualTo(1);
        assertThat(error.path("message").asText()).contains("value too long");
        assertThat(error.path("failedAt").asText()).isNotBlank();
        assertThat(stuck.path("lag").path("events").asLong()).isGreaterThanOrEqualTo(1);
        int attempts = error.path("attempts").asInt();
        Eventually.await(WAIT, () -> instance("lobby", slice).path("lastError").path("attempts").asInt(),
                n -> n > attempts);
        // the other read models of that slice took the same event
        Eventually.await(WAIT, () -> instance("table_stats", slice), p -> p.path("lag").path("events").asLong() == 0);
        assertThat(instance("table_stats", slice).path("lastError").isNull()).isTrue();
        assertThat(instance("participants", slice).path("lastError").isNull()).isTrue();

        // other slices keep serving; the stuck one does not show new tables
        String elsewhere = createTableThroughTheApi("table-2", "Elsewhere");
        String behind = createTableThroughTheApi(slice, "Behind the poison");
        Eventually.await(WAIT, () -> inLobby(elsewhere), shown -> shown);
        assertThat(inLobby(behind)).isFalse();
        assertThat(instance("lobby", slice).path("lag").path("events").asLong()).isGreaterThanOrEqualTo(2);

        // only an admin sees or skips, with a reason, and only the event that fails
        assertThat(api.get("/admin/projections", player).status()).isEqualTo(403);
        assertThat(api.get("/admin/projections", null).status()).isEqualTo(401);
        String poison = "{\"persistenceId\":\"" + pid + "\",\"sequenceNr\":1,\"reason\":\"name longer than the"
                + " lobby column, written before names were checked (issue 8)\"}";
        assertThat(skip("lobby", slice, poison, player).status()).isEqualTo(403);
        assertError(skip("lobby", slice, "{\"persistenceId\":\"" + pid + "\",\"sequenceNr\":1}", admin), 400,
                "invalid_field");
        assertError(skip("lobby", slice, "{\"persistenceId\":\"" + pid + "\",\"sequenceNr\":1,\"reason\":\" \"}",
                admin), 400, "invalid_field");
        assertError(skip("lobby", slice, poison.replace("\"sequenceNr\":1", "\"sequenceNr\":2"), admin), 409,
                "not_failing_event");
        assertError(skip("lobby", "table-2", poison, admin), 409, "not_failing_event");
        assertError(skip("nonesuch", slice, poison, admin), 404, "projection_not_found");
        assertThat(inLobby(behind)).isFalse();

        Response skipped = skip("lobby", slice, poison, admin);
        assertThat(skipped.status()).as(skipped.raw()).isEqualTo(201);
        assertThat(skipped.text("persistenceId")).isEqualTo(pid);
        assertThat(skipped.text("skippedByUsername")).isEqualTo(TestServer.ADMIN);
        assertThat(skipped.text("reason")).startsWith("name longer than the lobby column");
        assertThat(skipped.text("failureMessage")).contains("value too long");

        // at its next retry the instance steps over the event and catches up
        Eventually.await(WAIT, () -> inLobby(behind), shown -> shown);
        JsonNode healthy = Eventually.await(WAIT, () -> instance("lobby", slice),
                p -> p.path("lag").path("events").asLong() == 0);
        assertThat(healthy.path("lastError").isNull()).as(healthy.toString()).isTrue();
        assertThat(healthy.path("offset").asLong()).isPositive();
        assertThat(inLobby(poisonId)).isFalse();
        String later = createTableThroughTheApi(slice, "Later");
        Eventually.await(WAIT, () -> inLobby(later), shown -> shown);

        // the audit keeps who skipped what, why, and when it took effect
        JsonNode audit = api.get("/admin/projections/skips", admin).body().get(0);
        assertThat(audit.path("name").asText()).isEqualTo("lobby");
        assertThat(audit.path("slice").asText()).isEqualTo(slice);
        assertThat(audit.path("persistenceId").asText()).isEqualTo(pid);
        assertThat(audit.path("sequenceNr").asLong()).isEqualTo(1);
        assertThat(audit.path("skippedBy").asText()).isEqualTo(api.get("/users/me", admin).text("id"));
        assertThat(audit.path("appliedAt").asText()).isNotBlank();
        assertError(skip("lobby", slice, poison, admin), 409, "not_failing_event");
    }

    @Test
    void aNulAlreadyInTheJournalDoesNotStopTheLobbyOrTheLedger() throws Exception {
        String tableId = tableIdIn("table-3");
        createTableBehindTheApi(tableId, "a\u0000b");
        String userId = api.get("/users/me", player).text("id");
        WalletEntity.Reply deposit = ClusterSharding.get(server.system())
                .entityRefFor(WalletEntity.ENTITY_KEY, userId)
                .<WalletEntity.Reply>ask(r -> new WalletEntity.Execute(
                        new WalletCommand.Deposit("deposit-wire\u000042", 100, "wire\u000042"), r),
                        Duration.ofSeconds(10))
                .toCompletableFuture().join();
        assertThat(deposit).isInstanceOf(WalletEntity.Accepted.class);

        JsonNode lobby = Eventually.await(WAIT, () -> api.get("/tables", null).body(),
                tables -> StreamSupport.stream(tables.spliterator(), false)
                        .anyMatch(t -> t.path("tableId").asText().equals(tableId)));
        assertThat(StreamSupport.stream(lobby.spliterator(), false)
                .filter(t -> t.path("tableId").asText().equals(tableId))
                .findFirst().orElseThrow().path("name").asText()).isEqualTo("a\uFFFDb");
        JsonNode ledger = Eventually.await(WAIT, () -> api.get("/wallet/transactions", player).body(),
                lines -> StreamSupport.stream(lines.spliterator(), false)
                        .anyMatch(l -> l.path("reference").asText().equals("wire\uFFFD42")));
        assertThat(ledger.size()).isGreaterThanOrEqualTo(2);
        String after = createTableThroughTheApi("table-3", "After the NUL");
        Eventually.await(WAIT, () -> inLobby(after), shown -> shown);
        for (String name : new String[] {"lobby", "wallet_ledger"}) {
            for (int slice = 0; slice < SLICES; slice++) {
                String tag = (name.equals("lobby") ? "table-" : "wallet-") + slice;
                assertThat(instance(name, tag).path("lastError").isNull()).as(name + " " + tag).isTrue();
            }
        }
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.text("error")).as(r.raw()).isEqualTo(code);
    }
}
