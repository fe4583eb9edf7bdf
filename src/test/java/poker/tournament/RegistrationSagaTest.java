package poker.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import poker.domain.Decision;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.TestRules;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentDecider;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentSettings;
import poker.domain.tournament.TournamentState;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletDecider;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletState;
import poker.support.EntityTestKit;
import poker.wallet.WalletEntity;

/** The entry saga against a wallet and a tournament that follow the real rules, in memory, and can hang. */
class RegistrationSagaTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    static final class FakeWallet {
        WalletState state;
        final List<WalletCommand> received = new CopyOnWriteArrayList<>();
        volatile boolean hangRefunds;

        FakeWallet(long balance) {
            state = WalletState.empty("u1").apply(new WalletEvent.WalletOpened("u1", "grant", balance, balance));
        }

        synchronized CompletionStage<WalletEntity.Reply> handle(WalletCommand command) {
            received.add(command);
            if (hangRefunds && command instanceof WalletCommand.RefundTournamentEntry) {
                return new CompletableFuture<>();
            }
            var repeat = WalletDecider.repeatOf(state, command);
            if (repeat.isPresent()) {
                return CompletableFuture.completedFuture(new WalletEntity.Accepted(repeat.get().original(), 0, true));
            }
            Decision<WalletEvent> d = WalletDecider.decide(state, command);
            if (d instanceof Decision.Accepted<WalletEvent> a) {
                state = state.apply(a.events().get(0));
                return CompletableFuture.completedFuture(new WalletEntity.Accepted(a.events().get(0), 0, false));
            }
            return CompletableFuture.completedFuture(new WalletEntity.Rejected(d.rejectionOrThrow()));
        }

        long count(Class<?> type) {
            return received.stream().filter(type::isInstance).count();
        }

        long refunds() {
            return state.transactions().values().stream()
                    .filter(e -> e instanceof WalletEvent.TournamentEntryRefunded).count();
        }
    }

    /** A tournament running the real decider; it can hang its next answer before or after deciding. */
    static final class FakeTournament {
        TournamentState state = TournamentState.empty("t1");
        long seq;
        final List<TournamentCommand> received = new CopyOnWriteArrayList<>();
        volatile boolean hangBefore;
        volatile boolean hangAfter;

        FakeTournament(int maxPlayers) {
            execute(new TournamentCommand.CreateTournament("t1", new TournamentSettings("Sunday", 100, 10, 1000, 9, 2,
                    maxPlayers, T0.plusSeconds(3600), false, List.of(new BlindLevel(10, 20, 0, 10)), 0, 0, 20),
                    "admin", T0));
        }

        synchronized CompletionStage<TournamentEntity.Reply> handle(TournamentCommand command) {
            received.add(command);
            if (hangBefore) {
                hangBefore = false;
                return new CompletableFuture<>();
            }
            TournamentEntity.Reply reply = execute(command);
            if (hangAfter) {
                hangAfter = false;
                return new CompletableFuture<>();
            }
            return CompletableFuture.completedFuture(reply);
        }

        TournamentEntity.Reply execute(TournamentCommand command) {
            var repeat = TournamentDecider.repeatOf(state, command);
            if (repeat.isPresent()) {
                return new TournamentEntity.Accepted(repeat.get(), seq);
            }
            Decision<TournamentEvent> d = TournamentDecider.decide(state, command, TestRules.INSTANCE);
            if (d instanceof Decision.Accepted<TournamentEvent> a) {
                for (TournamentEvent e : a.events()) {
                    state = state.apply(e);
                    seq++;
                }
                return new TournamentEntity.Accepted(a.events(), seq);
            }
            return new TournamentEntity.Rejected(d.rejectionOrThrow());
        }
    }

    static RegistrationSaga.Steps steps(FakeWallet wallet, FakeTournament tournament) {
        return new RegistrationSaga.Steps() {
            @Override
            public CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command) {
                return wallet.handle(command);
            }

            @Override
            public CompletionStage<TournamentEntity.Reply> tournament(String tournamentId, TournamentCommand command) {
                return tournament.handle(command);
            }
        };
    }

    static ActorRef<RegistrationSaga.Command> spawn(String id, FakeWallet wallet, FakeTournament tournament) {
        return TESTKIT.spawn(RegistrationSaga.create(id, steps(wallet, tournament), CLOCK, self -> { }));
    }

    static RegistrationSaga.Outcome register(String entryId, FakeWallet wallet, FakeTournament tournament) {
        TestProbe<RegistrationSaga.Outcome> probe = TESTKIT.createTestProbe();
        spawn(entryId, wallet, tournament).tell(new RegistrationSaga.Register("t1", "u1", 100, 10, probe.getRef()));
        return probe.receiveMessage();
    }

    @Test
    void debitsThenRegisters() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(9);

        var outcome = (RegistrationSaga.Succeeded) register("e-ok", wallet, tournament);
        var registered = (TournamentEvent.PlayerRegistered) outcome.events().get(0);
        assertThat(registered.entryId()).isEqualTo("e-ok");
        assertThat(registered.transactionId()).isEqualTo("entry-e-ok");
        assertThat(outcome.tournamentSequenceNr()).isEqualTo(2);
        assertThat(wallet.state.balance()).isEqualTo(890);
        assertThat(tournament.state.entries()).containsOnlyKeys("e-ok");
    }

    @Test
    void aRefusedEntryIsRefundedWithTheReason() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(9);
        tournament.execute(new TournamentCommand.Register("other", "u1", "entry-other", T0));

        var refused = (RegistrationSaga.Refused) register("e-twice", wallet, tournament);
        assertThat(refused.rejection().code()).isEqualTo("already_registered");
        assertThat(wallet.state.balance()).isEqualTo(1_000);
        var refund = (WalletEvent.TournamentEntryRefunded) wallet.state.transactions().get("refund-e-twice");
        assertThat(refund.reason()).isEqualTo("already_registered");
        assertThat(refund.amount()).isEqualTo(110);
        assertThat(refund.entryTransactionId()).isEqualTo("entry-e-twice");
    }

    @Test
    void insufficientFundsDeclinesWithoutAskingTheTournament() {
        FakeWallet wallet = new FakeWallet(100);
        FakeTournament tournament = new FakeTournament(9);

        var refused = (RegistrationSaga.Refused) register("e-poor", wallet, tournament);
        assertThat(refused.rejection().code()).isEqualTo("insufficient_funds");
        assertThat(tournament.received).isEmpty();
        assertThat(wallet.state.balance()).isEqualTo(100);
    }

    /** Killed after the debit, before the tournament answered; the new incarnation registers: no refund. */
    @Test
    void restartedBetweenDebitAndRegisterEndsRegisteredExactlyOnce() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(9);
        tournament.hangAfter = true;
        TestProbe<RegistrationSaga.Outcome> first = TESTKIT.createTestProbe();
        ActorRef<RegistrationSaga.Command> saga = spawn("e-crash", wallet, tournament);
        saga.tell(new RegistrationSaga.Register("t1", "u1", 100, 10, first.getRef()));
        first.awaitAssert(() -> assertThat(tournament.received).hasSize(1));
        TESTKIT.stop(saga);
        first.expectNoMessage(Duration.ofMillis(100));

        TestProbe<RegistrationSaga.Outcome> second = TESTKIT.createTestProbe();
        spawn("e-crash", wallet, tournament).tell(new RegistrationSaga.AwaitOutcome(second.getRef()));
        var outcome = (RegistrationSaga.Succeeded) second.receiveMessage();
        assertThat(((TournamentEvent.PlayerRegistered) outcome.events().get(0)).entryId()).isEqualTo("e-crash");
        assertThat(tournament.received).hasSize(2);
        assertThat(tournament.state.entries()).containsOnlyKeys("e-crash");
        assertThat(wallet.count(WalletCommand.DebitTournamentEntry.class)).isEqualTo(1);
        assertThat(wallet.refunds()).isZero();
        assertThat(wallet.state.balance()).isEqualTo(890);
    }

    /** Killed after the debit; meanwhile the tournament filled up: exactly one refund. */
    @Test
    void restartedBetweenDebitAndRegisterThenRefusedIsRefundedOnce() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(2);
        tournament.hangBefore = true;
        TestProbe<RegistrationSaga.Outcome> probe = TESTKIT.createTestProbe();
        ActorRef<RegistrationSaga.Command> saga = spawn("e-late", wallet, tournament);
        saga.tell(new RegistrationSaga.Register("t1", "u1", 100, 10, probe.getRef()));
        probe.awaitAssert(() -> assertThat(tournament.received).hasSize(1));
        TESTKIT.stop(saga);
        tournament.execute(new TournamentCommand.Register("x1", "u8", "entry-x1", T0));
        tournament.execute(new TournamentCommand.Register("x2", "u9", "entry-x2", T0));

        spawn("e-late", wallet, tournament).tell(new RegistrationSaga.AwaitOutcome(probe.getRef()));
        assertThat(((RegistrationSaga.Refused) probe.receiveMessage()).rejection().code())
                .isEqualTo("tournament_full");
        assertThat(wallet.refunds()).isEqualTo(1);
        assertThat(wallet.state.balance()).isEqualTo(1_000);
    }

    @Test
    void unregisterRefundsBuyInAndFee() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(9);
        register("e-go", wallet, tournament);

        TestProbe<RegistrationSaga.Outcome> probe = TESTKIT.createTestProbe();
        spawn(RegistrationSaga.unregisterSagaId("e-go"), wallet, tournament)
                .tell(new RegistrationSaga.Unregister("t1", "u1", "e-go", probe.getRef()));
        var outcome = (RegistrationSaga.Succeeded) probe.receiveMessage();
        assertThat(outcome.events()).containsExactly(new TournamentEvent.PlayerUnregistered("t1", "e-go", "u1", 110,
                T0));
        assertThat(wallet.state.balance()).isEqualTo(1_000);
        assertThat(wallet.state.transactions()).containsKey("unregister-e-go");
        assertThat(tournament.state.remaining()).isZero();
    }

    /** Killed after the tournament let the entry go but before the answer came: the refund still happens, once. */
    @Test
    void restartedAfterTheUnregisterWasStoredStillRefundsOnce() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(9);
        register("e-back", wallet, tournament);
        tournament.hangAfter = true;

        TestProbe<RegistrationSaga.Outcome> probe = TESTKIT.createTestProbe();
        String id = RegistrationSaga.unregisterSagaId("e-back");
        ActorRef<RegistrationSaga.Command> saga = spawn(id, wallet, tournament);
        saga.tell(new RegistrationSaga.Unregister("t1", "u1", "e-back", probe.getRef()));
        probe.awaitAssert(() -> assertThat(tournament.state.remaining()).isZero());
        TESTKIT.stop(saga);
        assertThat(wallet.refunds()).isZero();

        spawn(id, wallet, tournament).tell(new RegistrationSaga.AwaitOutcome(probe.getRef()));
        assertThat(probe.receiveMessage()).isInstanceOf(RegistrationSaga.Succeeded.class);
        assertThat(wallet.refunds()).isEqualTo(1);
        assertThat(wallet.state.balance()).isEqualTo(1_000);
    }

    /** Killed while the refund was under way: the new incarnation finishes it, once. */
    @Test
    void restartedDuringTheUnregisterRefundRefundsOnce() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(9);
        register("e-slow", wallet, tournament);
        wallet.hangRefunds = true;

        TestProbe<RegistrationSaga.Outcome> probe = TESTKIT.createTestProbe();
        String id = RegistrationSaga.unregisterSagaId("e-slow");
        ActorRef<RegistrationSaga.Command> saga = spawn(id, wallet, tournament);
        saga.tell(new RegistrationSaga.Unregister("t1", "u1", "e-slow", probe.getRef()));
        probe.awaitAssert(() -> assertThat(wallet.count(WalletCommand.RefundTournamentEntry.class)).isEqualTo(1));
        TESTKIT.stop(saga);

        wallet.hangRefunds = false;
        spawn(id, wallet, tournament).tell(new RegistrationSaga.AwaitOutcome(probe.getRef()));
        assertThat(probe.receiveMessage()).isInstanceOf(RegistrationSaga.Succeeded.class);
        assertThat(wallet.refunds()).isEqualTo(1);
        assertThat(wallet.state.balance()).isEqualTo(1_000);
        assertThat(tournament.received.stream().filter(c -> c instanceof TournamentCommand.Unregister)).hasSize(1);
    }

    @Test
    void anUnregisterAfterTheStartIsRefusedAndNothingMoves() {
        FakeWallet wallet = new FakeWallet(1_000);
        FakeTournament tournament = new FakeTournament(9);
        register("e-stay", wallet, tournament);
        tournament.execute(new TournamentCommand.Register("x1", "u8", "entry-x1", T0));
        tournament.execute(new TournamentCommand.Start(true, T0));

        TestProbe<RegistrationSaga.Outcome> probe = TESTKIT.createTestProbe();
        spawn(RegistrationSaga.unregisterSagaId("e-stay"), wallet, tournament)
                .tell(new RegistrationSaga.Unregister("t1", "u1", "e-stay", probe.getRef()));
        assertThat(((RegistrationSaga.Refused) probe.receiveMessage()).rejection().code())
                .isEqualTo("tournament_running");
        assertThat(wallet.refunds()).isZero();
        assertThat(wallet.state.balance()).isEqualTo(890);
    }
}
