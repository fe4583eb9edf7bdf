package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.table.TableCommand;
import poker.domain.table.TableSettings;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;

/**
 * A tournament table through the API: players cannot join it (refused before any wallet step) or leave
 * it, the lobby marks it with its tournament, and the player the director moves gets a {@code moved}
 * frame on the table socket while the others see the usual leave. The table is created and seated by
 * sending the director's commands to the entity, as the director does.
 */
class TournamentTableRoutesIT {

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

    private static TableEntity.Reply director(String tableId, TableCommand command) throws Exception {
        return ClusterSharding.get(server.system()).entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Reply>ask(r -> new TableEntity.Execute(command, r), Duration.ofSeconds(10))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String userId(String token) {
        return api.get("/users/me", token).text("id");
    }

    @Test
    void aTournamentTableIsClosedToTheTableRoutesMarkedInTheLobbyAndMovesAPlayerBySocket() throws Exception {
        String ann = api.signUp("tt_ann");
        String bob = api.signUp("tt_bob");
        String cat = api.signUp("tt_cat");
        String tableId = UUID.randomUUID().toString();
        String annEntry = UUID.randomUUID().toString();
        String bobEntry = UUID.randomUUID().toString();
        assertThat(director(tableId, new TableCommand.CreateTable(tableId,
                new TableSettings("Tourney table 1", 10, 20, 9, 0, 0, 30, "tourney-it"), userId(ann), Instant.now())))
                .isInstanceOf(TableEntity.Accepted.class);
        assertThat(director(tableId, new TableCommand.SeatEntry(annEntry, userId(ann), 1500, 1)))
                .isInstanceOf(TableEntity.Accepted.class);
        assertThat(director(tableId, new TableCommand.SeatEntry(bobEntry, userId(bob), 1500, 5)))
                .isInstanceOf(TableEntity.Accepted.class);

        // joining: 409 before the wallet is touched (no debit, no refund)
        // the grant first (the wallet read model follows the sign-up), then the balance to compare with
        long balance = poker.support.Eventually.await(java.time.Duration.ofSeconds(10),
                () -> api.get("/wallet", cat).body().path("balance").asLong(), b -> b > 0);
        // the ledger is another read model: wait for the grant there too
        int ledger = Eventually.await(Duration.ofSeconds(10),
                () -> api.get("/wallet/transactions", cat).body().size(), n -> n > 0);
        HttpApiIT.assertError(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", cat),
                409, "tournament_table");
        assertThat(api.get("/wallet", cat).body().path("balance").asLong()).isEqualTo(balance);
        assertThat(api.get("/wallet/transactions", cat).body().size()).isEqualTo(ledger);
        HttpApiIT.assertError(api.delete("/tables/" + tableId + "/participants/me", ann), 409, "tournament_table");

        // the lobby marks it; a cash table has tournamentId null
        String cash = api.post("/tables", HttpApiIT.tableBody(6), cat).text("tableId");
        // both tables listed, and the tournament table's two seatings projected
        JsonNode lobby = Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables", null).body(),
                b -> b.size() >= 2 && java.util.stream.StreamSupport.stream(b.spliterator(), false)
                        .anyMatch(t -> t.path("tableId").asText().equals(tableId) && t.path("seatsTaken").asInt() == 2));
        for (JsonNode entry : lobby) {
            if (entry.path("tableId").asText().equals(tableId)) {
                assertThat(entry.path("tournamentId").asText()).isEqualTo("tourney-it");
                assertThat(entry.path("seatsTaken").asInt()).isEqualTo(2);
            } else if (entry.path("tableId").asText().equals(cash)) {
                assertThat(entry.has("tournamentId")).isTrue();
                assertThat(entry.path("tournamentId").isNull()).isTrue();
            }
        }

        // the moved player's socket says where to go; the others see the leave
        try (LiveClient annLive = LiveClient.open(server.httpPort(), tableId, ann, null, null).get(10, TimeUnit.SECONDS);
             LiveClient bobLive = LiveClient.open(server.httpPort(), tableId, bob, null, null).get(10, TimeUnit.SECONDS)) {
            JsonNode snapshot = annLive.next(Duration.ofSeconds(10));
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("table").path("tournamentId").asText()).isEqualTo("tourney-it");
            bobLive.next(Duration.ofSeconds(10));

            String next = UUID.randomUUID().toString();
            TableEntity.Accepted removed = (TableEntity.Accepted) director(tableId,
                    new TableCommand.RemoveEntry(annEntry, next, "balance"));
            long seq = removed.sequenceNr();
            JsonNode leave = annLive.next(Duration.ofSeconds(10));
            assertThat(leave.path("type").asText()).isEqualTo("event");
            assertThat(leave.path("event").path("type").asText()).isEqualTo("ParticipantLeft");
            assertThat(leave.path("event").path("movedTo").asText()).isEqualTo(next);
            JsonNode moved = annLive.next(Duration.ofSeconds(10));
            assertThat(moved.path("type").asText()).isEqualTo("moved");
            assertThat(moved.path("tableId").asText()).isEqualTo(next);
            assertThat(moved.path("toTable").asText()).isEqualTo(next);
            assertThat(moved.path("seq").asLong()).isEqualTo(seq);

            // bob: the leave, then straight on to the next event (his own sit-out), no moved frame
            assertThat(api.post("/tables/" + tableId + "/sit-out", "{}", bob).status()).isEqualTo(200);
            JsonNode bobLeave = bobLive.next(Duration.ofSeconds(10));
            assertThat(bobLeave.path("event").path("type").asText()).isEqualTo("ParticipantLeft");
            JsonNode bobNext = bobLive.next(Duration.ofSeconds(10));
            assertThat(bobNext.path("type").asText()).isEqualTo("event");
            assertThat(bobNext.path("event").path("type").asText()).isEqualTo("ParticipantSatOut");
        }
    }
}
