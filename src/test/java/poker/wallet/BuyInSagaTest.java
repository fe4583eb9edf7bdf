package poker.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletDecider;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletState;
import poker.support.EntityTestKit;
import poker.table.TableEntity;

/** The buy-in saga against a wallet that follows the real rules and a table we control. */
class BuyInSagaTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    /** A wallet that runs the real decider in memory and records what it was asked. */
    static final class FakeWallet {
        WalletState state;
        final List<WalletCommand> received = new CopyOnWriteArrayList<>();
        volatile boolean hangRefunds;

        FakeWallet(long balance) {
            state = WalletState.empty("u1").apply(new WalletEvent.WalletOpened("u1", "grant", balance, balance));
        }

        synchronized CompletionStage<WalletEntity.Reply> handle(WalletCommand command) {
            received.add(command);
            if (hangRefunds && command instanceof WalletCommand.RefundBuyIn) {
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
            return CompletableFuture.completedFuture(new WalletEntity.Rejected(((Decision.Rejected<WalletEvent>) d).rejection()));
        }

        long count(Class<?> type) {
            return received.stream().filter(type::isInstance).count();
        }
    }

    static BuyInSaga.Steps steps(FakeWallet wallet, Function<TableCommand, CompletionStage<TableEntity.Reply>> table,
                                 List<TableCommand> tableCalls) {
        return new BuyInSaga.Steps() {
            @Override
            public CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command) {
                return wallet.handle(command);
            }

            @Override
            public CompletionStage<TableEntity.Reply> table(String tableId, TableCommand command) {
                tableCalls.add(command);
                return table.apply(command);
            }
        };
    }

    static CompletionStage<TableEntity.Reply> seat(TableCommand command) {
        TableCommand.JoinParticipant join = (TableCommand.JoinParticipant) command;
        return CompletableFuture.completedFuture(new TableEntity.Accepted(List.of(new TableEvent.ParticipantJoined(
                join.participantId(), join.playerId(), "t1", join.buyIn(), 3, false)), 7));
    }

    static CompletionStage<TableEntity.Reply> refuse(String code) {
        return CompletableFuture.completedFuture(new TableEntity.Rejected(Rejection.of(code, "refused: " + code)));
    }

    static ActorRef<BuyInSaga.Command> spawn(String id, BuyInSaga.Steps steps) {
        return TESTKIT.spawn(BuyInSaga.create(id, steps, self -> { }));
    }

    @Test
    void debitThenSeat() {
        FakeWallet wallet = new FakeWallet(1_000);
        List<TableCommand> tableCalls = new CopyOnWriteArrayList<>();
        TestProbe<BuyInSaga.Outcome> probe = TESTKIT.createTestProbe();
        spawn("b-ok", steps(wallet, BuyInSagaTest::seat, tableCalls))
                .tell(new BuyInSaga.Start("u1", "t1", 400, null, probe.getRef()));

        assertThat(probe.receiveMessage()).isEqualTo(new BuyInSaga.Seated("b-ok", 3, 400, 0, 7));
        assertThat(wallet.state.balance()).isEqualTo(600);
        assertThat(((TableCommand.JoinParticipant) tableCalls.get(0)).participantId()).isEqualTo("b-ok");
    }

    @Test
    void aTableFullAfterTheDebitIsRefundedWithTheReason() {
        FakeWallet wallet = new FakeWallet(1_000);
        List<TableCommand> tableCalls = new CopyOnWriteArrayList<>();
        TestProbe<BuyInSaga.Outcome> probe = TESTKIT.createTestProbe();
        spawn("b-full", steps(wallet, c -> refuse("table_full"), tableCalls))
                .tell(new BuyInSaga.Start("u1", "t1", 400, null, probe.getRef()));

        BuyInSaga.Refused refused = (BuyInSaga.Refused) probe.receiveMessage();
        assertThat(refused.rejection().code()).isEqualTo("table_full");
        assertThat(wallet.state.balance()).isEqualTo(1_000);
        assertThat(wallet.count(WalletCommand.DebitBuyIn.class)).isEqualTo(1);
        WalletEvent.BuyInRefunded refund = (WalletEvent.BuyInRefunded) wallet.state.transactions().get("refund-b-full");
        assertThat(refund.reason()).isEqualTo("table_full");
        assertThat(refund.amount()).isEqualTo(400);
    }

    @Test
    void insufficientFundsDeclinesWithoutAskingTheTable() {
        FakeWallet wallet = new FakeWallet(100);
        List<TableCommand> tableCalls = new CopyOnWriteArrayList<>();
        TestProbe<BuyInSaga.Outcome> probe = TESTKIT.createTestProbe();
        spawn("b-poor", steps(wallet, BuyInSagaTest::seat, tableCalls))
                .tell(new BuyInSaga.Start("u1", "t1", 400, null, probe.getRef()));

        assertThat(((BuyInSaga.Refused) probe.receiveMessage()).rejection().code()).isEqualTo("insufficient_funds");
        assertThat(tableCalls).isEmpty();
        assertThat(wallet.state.balance()).isEqualTo(100);
    }

    /** Killed after the debit, before the table answered; the new incarnation seats: no refund. */
    @Test
    void restartedBetweenDebitAndSeatEndsSeatedExactlyOnce() {
        FakeWallet wallet = new FakeWallet(1_000);
        List<TableCommand> tableCalls = new CopyOnWriteArrayList<>();
        TestProbe<BuyInSaga.Outcome> first = TESTKIT.createTestProbe();
        ActorRef<BuyInSaga.Command> saga = spawn("b-crash-seat",
                steps(wallet, c -> new CompletableFuture<>(), tableCalls));
        saga.tell(new BuyInSaga.Start("u1", "t1", 400, null, first.getRef()));
        first.awaitAssert(() -> assertThat(tableCalls).hasSize(1));
        TESTKIT.stop(saga);
        first.expectNoMessage(Duration.ofMillis(100));

        TestProbe<BuyInSaga.Outcome> second = TESTKIT.createTestProbe();
        spawn("b-crash-seat", steps(wallet, BuyInSagaTest::seat, tableCalls))
                .tell(new BuyInSaga.AwaitOutcome(second.getRef()));
        assertThat(second.receiveMessage()).isEqualTo(new BuyInSaga.Seated("b-crash-seat", 3, 400, 0, 7));
        assertThat(wallet.count(WalletCommand.DebitBuyIn.class)).isEqualTo(1);
        assertThat(wallet.count(WalletCommand.RefundBuyIn.class)).isZero();
        assertThat(wallet.state.balance()).isEqualTo(600);
        assertThat(tableCalls).hasSize(2).allMatch(c -> ((TableCommand.JoinParticipant) c).participantId()
                .equals("b-crash-seat"));
    }

    /** Killed after the debit; after the restart the table refuses: exactly one refund. */
    @Test
    void restartedBetweenDebitAndSeatThenRefusedIsRefundedExactlyOnce() {
        FakeWallet wallet = new FakeWallet(1_000);
        List<TableCommand> tableCalls = new CopyOnWriteArrayList<>();
        TestProbe<BuyInSaga.Outcome> probe = TESTKIT.createTestProbe();
        ActorRef<BuyInSaga.Command> saga = spawn("b-crash-refuse",
                steps(wallet, c -> new CompletableFuture<>(), tableCalls));
        saga.tell(new BuyInSaga.Start("u1", "t1", 400, null, probe.getRef()));
        probe.awaitAssert(() -> assertThat(tableCalls).hasSize(1));
        TESTKIT.stop(saga);

        spawn("b-crash-refuse", steps(wallet, c -> refuse("seat_taken"), tableCalls))
                .tell(new BuyInSaga.AwaitOutcome(probe.getRef()));
        assertThat(((BuyInSaga.Refused) probe.receiveMessage()).rejection().code()).isEqualTo("seat_taken");
        assertThat(wallet.count(WalletCommand.RefundBuyIn.class)).isEqualTo(1);
        assertThat(wallet.state.balance()).isEqualTo(1_000);
    }

    /** Killed while the refund was under way: the new incarnation finishes it, once. */
    @Test
    void restartedDuringTheRefundRefundsOnce() {
        FakeWallet wallet = new FakeWallet(1_000);
        wallet.hangRefunds = true;
        List<TableCommand> tableCalls = new CopyOnWriteArrayList<>();
        TestProbe<BuyInSaga.Outcome> probe = TESTKIT.createTestProbe();
        ActorRef<BuyInSaga.Command> saga = spawn("b-crash-refund", steps(wallet, c -> refuse("table_full"),
                tableCalls));
        saga.tell(new BuyInSaga.Start("u1", "t1", 400, null, probe.getRef()));
        probe.awaitAssert(() -> assertThat(wallet.count(WalletCommand.RefundBuyIn.class)).isEqualTo(1));
        TESTKIT.stop(saga);

        wallet.hangRefunds = false;
        spawn("b-crash-refund", steps(wallet, c -> refuse("table_full"), tableCalls))
                .tell(new BuyInSaga.AwaitOutcome(probe.getRef()));
        assertThat(((BuyInSaga.Refused) probe.receiveMessage()).rejection().code()).isEqualTo("table_full");
        assertThat(wallet.state.balance()).isEqualTo(1_000);
        assertThat(wallet.state.transactions().values().stream()
                .filter(e -> e instanceof WalletEvent.BuyInRefunded).count()).isEqualTo(1);
        assertThat(tableCalls).hasSize(1);
    }

    @Test
    void aFinishedSagaAnswersLaterCallersWithTheSameOutcome() {
        FakeWallet wallet = new FakeWallet(1_000);
        TestProbe<BuyInSaga.Outcome> probe = TESTKIT.createTestProbe();
        ActorRef<BuyInSaga.Command> saga = spawn("b-again", steps(wallet, BuyInSagaTest::seat,
                new CopyOnWriteArrayList<>()));
        saga.tell(new BuyInSaga.Start("u1", "t1", 400, null, probe.getRef()));
        BuyInSaga.Outcome outcome = probe.receiveMessage();
        saga.tell(new BuyInSaga.Start("u1", "t1", 400, null, probe.getRef()));
        assertThat(probe.receiveMessage()).isEqualTo(outcome);
        assertThat(wallet.state.balance()).isEqualTo(600);
    }
}
