package poker.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletCommand.CashOut;
import poker.domain.wallet.WalletCommand.CreditPrize;
import poker.domain.wallet.WalletCommand.DebitBuyIn;
import poker.domain.wallet.WalletCommand.Deposit;
import poker.domain.wallet.WalletCommand.OpenWallet;
import poker.domain.wallet.WalletCommand.RefundBuyIn;
import poker.domain.wallet.WalletDecider;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletState;
import poker.support.EntityTestKit;

class WalletEntityTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final String USER = "user-1";

    private EventSourcedBehaviorTestKit<WalletEntity.Command, WalletEvent, WalletState> kit;

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    @BeforeEach
    void setUp() {
        kit = EventSourcedBehaviorTestKit.create(TESTKIT.system(), WalletEntity.create(USER, "wallet-0"));
        kit.clear();
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<WalletEntity.Command, WalletEvent, WalletState, WalletEntity.Reply>
            run(WalletCommand command) {
        return kit.runCommand(replyTo -> new WalletEntity.Execute(command, replyTo));
    }

    private static String rejection(WalletEntity.Reply reply) {
        assertThat(reply).isInstanceOf(WalletEntity.Rejected.class);
        return ((WalletEntity.Rejected) reply).rejection().code();
    }

    @Test
    void opensWithTheGrant() {
        var opened = run(new OpenWallet("grant-1", 10_000));
        assertThat(opened.event()).isEqualTo(new WalletEvent.WalletOpened(USER, "grant-1", 10_000, 10_000));
        assertThat(opened.state().balance()).isEqualTo(10_000);
        assertThat(rejection(run(new OpenWallet("grant-2", 10_000)).reply())).isEqualTo("wallet_exists");
    }

    @Test
    void moneyCommandsBeforeOpeningAreRejected() {
        var debit = run(new DebitBuyIn("b1", "t1", 100));
        assertThat(debit.hasNoEvents()).isTrue();
        assertThat(rejection(debit.reply())).isEqualTo("wallet_not_found");
    }

    @Test
    void depositsDebitsRefundsCashOutsAndPrizesMoveTheBalance() {
        run(new OpenWallet("grant", 1_000));
        assertThat(run(new Deposit("d1", 500, "bank-42")).state().balance()).isEqualTo(1_500);
        assertThat(run(new DebitBuyIn("b1", "t1", 1_200)).state().balance()).isEqualTo(300);
        var refund = run(new RefundBuyIn("r1", "b1", "t1", 1_200, "table_full"));
        assertThat(refund.event()).isEqualTo(new WalletEvent.BuyInRefunded(USER, "r1", "b1", "t1", 1_200, "table_full", 1_500));
        assertThat(run(new CashOut("c1", "t1", 250)).state().balance()).isEqualTo(1_750);
        assertThat(run(new CreditPrize("p1", "tour-1", 50)).state().balance()).isEqualTo(1_800);
    }

    @Test
    void anOverdraftIsRejectedAndStoresNothing() {
        run(new OpenWallet("grant", 1_000));
        var debit = run(new DebitBuyIn("b1", "t1", 1_001));
        assertThat(debit.hasNoEvents()).isTrue();
        assertThat(rejection(debit.reply())).isEqualTo("insufficient_funds");
        assertThat(debit.state().balance()).isEqualTo(1_000);
        assertThat(run(new DebitBuyIn("b2", "t1", 1_000)).state().balance()).isZero();
        assertThat(rejection(run(new DebitBuyIn("b3", "t1", 1)).reply())).isEqualTo("insufficient_funds");
    }

    @Test
    void aRepeatedTransactionIdAnswersWithTheFirstOutcomeAndStoresNothing() {
        WalletCommand[] commands = {
                new OpenWallet("grant", 1_000),
                new Deposit("d1", 500, "bank-42"),
                new DebitBuyIn("b1", "t1", 700),
                new RefundBuyIn("r1", "b1", "t1", 700, "seat_taken"),
                new CashOut("c1", "t1", 70),
                new CreditPrize("p1", "tour", 30)};
        for (WalletCommand command : commands) {
            var first = run(command);
            assertThat(first.events()).hasSize(1);
            long balance = first.state().balance();

            var again = run(command);
            assertThat(again.hasNoEvents()).as("repeat of %s", command).isTrue();
            assertThat(again.state().balance()).isEqualTo(balance);
            WalletEntity.Accepted reply = (WalletEntity.Accepted) again.reply();
            assertThat(reply.repeated()).isTrue();
            assertThat(reply.event()).isEqualTo(first.event());
        }
        assertThat(kit.getState().balance()).isEqualTo(1_000 + 500 - 700 + 700 + 70 + 30);
    }

    @Test
    void theBalanceAndSeenTransactionsSurviveARestart() {
        run(new OpenWallet("grant", 1_000));
        for (int i = 0; i < 120; i++) {
            run(new Deposit("d" + i, 1, "ref"));
        }
        WalletState before = kit.getState();
        assertThat(kit.restart().state()).isEqualTo(before);
        assertThat(run(new Deposit("d7", 1, "ref")).hasNoEvents()).isTrue();
        assertThat(kit.getState().balance()).isEqualTo(1_120);
    }

    @Test
    void aDepositReferenceReusedForAnotherAmountIsRefusedAndStoresNothing() {
        run(new OpenWallet("grant", 1_000));
        var first = run(new Deposit("deposit-bank-7", 500, "bank-7"));
        var same = run(new Deposit("deposit-bank-7", 500, "bank-7"));
        assertThat(same.hasNoEvents()).isTrue();
        assertThat(((WalletEntity.Accepted) same.reply()).event()).isEqualTo(first.event());

        var other = run(new Deposit("deposit-bank-7", 900, "bank-7"));
        assertThat(other.hasNoEvents()).isTrue();
        assertThat(rejection(other.reply())).isEqualTo("reference_reused");
        assertThat(other.state().balance()).isEqualTo(1_500);
    }

    @Test
    void theWindowOfTransactionsStaysBoundedThroughSnapshotsAndARestart() {
        run(new OpenWallet("grant", 1_000));
        for (int i = 0; i < 600; i++) {
            run(i % 2 == 0 ? new DebitBuyIn("b" + i, "t1", 1) : new CashOut("cashout-b" + (i - 1), "t1", 1));
        }
        WalletState before = kit.getState();
        assertThat(before.transactions()).hasSize(WalletState.TRANSACTION_WINDOW);
        assertThat(before.transactions().keySet()).first().isEqualTo("b344");

        WalletState after = kit.restart().state();
        assertThat(after).isEqualTo(before);
        assertThat(List.copyOf(after.transactions().keySet())).as("oldest first, also after a snapshot")
                .isEqualTo(List.copyOf(before.transactions().keySet()));
        var retry = run(new DebitBuyIn("b344", "t1", 1));
        assertThat(retry.hasNoEvents()).isTrue();
        assertThat(((WalletEntity.Accepted) retry.reply()).repeated()).isTrue();
        assertThat(retry.state().balance()).isEqualTo(1_000);
    }

    /**
     * A snapshot stored before the window: every transaction ever, as a map in a hash order. It loads
     * whole (a retry of any of them is recognised) and is cut to the window at the next transaction.
     */
    @Test
    void readsAStoredSnapshotWithEveryTransactionAndBoundsItAtTheNextOne() throws Exception {
        Serialization serialization = SerializationExtension.get(TESTKIT.system().classicSystem());
        StringBuilder transactions = new StringBuilder("\"grant-u\":{\"type\":\"WalletOpened\",\"userId\":\"u\","
                + "\"transactionId\":\"grant-u\",\"grant\":10000,\"balance\":10000}");
        for (int i = 0; i < 300; i++) {
            int n = (i * 7919) % 300;
            transactions.append(",\"deposit-r").append(n).append("\":{\"type\":\"FundsDeposited\",\"userId\":\"u\","
                    + "\"transactionId\":\"deposit-r").append(n).append("\",\"amount\":10,\"reference\":\"r")
                    .append(n).append("\",\"balance\":").append(10_010 + 10L * n).append('}');
        }
        String stored = "{\"userId\":\"u\",\"opened\":true,\"balance\":13000,\"transactions\":{" + transactions
                + "}}";
        var serializer = serialization.serializerFor(WalletState.class);
        assertThat(serializer.identifier()).isEqualTo(9004);
        WalletState old = (WalletState) serialization.deserialize(stored.getBytes(StandardCharsets.UTF_8),
                serializer.identifier(), "").get();

        assertThat(old.balance()).isEqualTo(13_000);
        assertThat(old.transactions()).hasSize(301);
        assertThat(WalletDecider.repeatOf(old, new Deposit("deposit-r42", 10, "r42"))).isPresent();
        assertThat(WalletDecider.decide(old, new Deposit("deposit-r42", 11, "r42")).rejectionOrThrow().code())
                .isEqualTo("reference_reused");

        WalletState next = old.apply(new WalletEvent.ChipsCashedOut("u", "cashout-p", "t", 5, 13_005));
        assertThat(next.transactions()).hasSize(WalletState.TRANSACTION_WINDOW);
        assertThat(next.transactions().keySet()).last().isEqualTo("cashout-p");
        WalletState reread = (WalletState) serialization.deserialize(serialization.serialize(next).get(),
                serializer.identifier(), "").get();
        assertThat(reread).isEqualTo(next);
        assertThat(List.copyOf(reread.transactions().keySet())).isEqualTo(List.copyOf(next.transactions().keySet()));
    }
}
