package poker.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
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
}
