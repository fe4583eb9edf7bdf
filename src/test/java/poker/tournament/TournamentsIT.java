package poker.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentSettings;
import poker.domain.tournament.TournamentState;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * The tournaments facade on a whole node (sharding, the real journal, the wallet and its read side):
 * registration through the entry saga, refusals, unregistration with its refund, the start, and the
 * chip audit counting what tournaments hold. The HTTP routes come separately.
 */
class TournamentsIT {

    static PokerServer server;
    static ApiClient api;
    static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh());
        api = new ApiClient(server.httpPort());
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Tournaments.Result await(java.util.concurrent.CompletionStage<Tournaments.Result> stage) throws Exception {
        return stage.toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    static String code(Tournaments.Result result) {
        assertThat(result).as("%s", result).isInstanceOf(Tournaments.Refused.class);
        return ((Tournaments.Refused) result).rejection().code();
    }

    static List<TournamentEvent> events(Tournaments.Result result) {
        assertThat(result).as("%s", result).isInstanceOf(Tournaments.Done.class);
        return ((Tournaments.Done) result).events();
    }

    static TournamentSettings settings(long buyIn) {
        return new TournamentSettings("IT", buyIn, 10, 1500, 9, 2, 9, Instant.now().plus(Duration.ofHours(1)), false,
                null, 0, 0, 20);
    }

    @Test
    void registerUnregisterStartAndTheAuditBalances() throws Exception {
        Tournaments tournaments = server.tournaments();
        String adminId = api.get("/users/me", admin).text("id");
        List<String> tokens = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (String name : List.of("tia", "tom", "tess")) {
            String token = api.signUp(name);
            tokens.add(token);
            users.add(api.get("/users/me", token).text("id"));
        }
        for (String token : tokens) {
            Eventually.await(Duration.ofSeconds(10), () -> api.get("/wallet", token), r -> r.status() == 200);
        }

        assertThat(code(await(tournaments.register("t-none", users.get(0))))).isEqualTo("tournament_not_found");
        var created = events(await(tournaments.execute("t-it",
                new TournamentCommand.CreateTournament("t-it", settings(100), adminId, Instant.now()))));
        assertThat(created).hasSize(1);

        for (String user : users) {
            var registered = (TournamentEvent.PlayerRegistered) events(await(tournaments.register("t-it", user))).get(0);
            assertThat(registered.playerId()).isEqualTo(user);
        }
        assertThat(code(await(tournaments.register("t-it", users.get(0))))).isEqualTo("already_registered");

        var unregistered = (TournamentEvent.PlayerUnregistered) events(await(
                tournaments.unregister("t-it", users.get(2)))).get(0);
        assertThat(unregistered.refund()).isEqualTo(110);
        assertThat(code(await(tournaments.unregister("t-it", users.get(2))))).isEqualTo("not_registered");

        await(tournaments.execute("t-poor",
                new TournamentCommand.CreateTournament("t-poor", settings(1_000_000), adminId, Instant.now())));
        assertThat(code(await(tournaments.register("t-poor", users.get(0))))).isEqualTo("insufficient_funds");

        Tournaments.Done started = (Tournaments.Done) await(tournaments.execute("t-it",
                new TournamentCommand.Start(true, Instant.now())));
        assertThat(started.persistenceId()).isEqualTo("Tournament|t-it");
        var begun = (TournamentEvent.TournamentStarted) started.events().get(0);
        assertThat(begun.entrants()).isEqualTo(2);
        assertThat(begun.prizePool()).isEqualTo(200);
        assertThat(code(await(tournaments.unregister("t-it", users.get(0))))).isEqualTo("tournament_running");

        TournamentState state = ((TournamentsImpl) tournaments).state("t-it").toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(state.running()).isTrue();
        assertThat(state.remaining()).isEqualTo(2);

        long grant = server.system().settings().config().getLong("poker.wallet.grant");
        JsonNode tia = Eventually.await(Duration.ofSeconds(10), () -> api.get("/wallet", tokens.get(0)).body(),
                w -> w.path("balance").asLong() == grant - 110);
        assertThat(tia.path("balance").asLong()).isEqualTo(grant - 110);
        JsonNode tessLedger = Eventually.await(Duration.ofSeconds(10),
                () -> api.get("/wallet/transactions", tokens.get(2)).body(), l -> l.toString().contains("tournament_refund"));
        assertThat(tessLedger.toString()).contains("tournament_entry").contains("tournament_refund");

        // the read side has caught up with the entries: buy-ins in the prize pool, fees to the house
        JsonNode audit = Eventually.await(Duration.ofSeconds(15), () -> api.get("/admin/audit", admin).body(),
                a -> a.path("tournamentEntryDebits").asLong() == 330 && a.path("tournamentEntryRefunds").asLong() == 110
                        && a.path("tournamentEntriesInFlight").asLong() == 0);
        assertThat(audit.path("balanced").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.path("chipsInPrizePools").asLong()).as(audit.toString()).isEqualTo(200);
    }
}
