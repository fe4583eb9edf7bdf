package poker.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import poker.domain.Decision;
import poker.domain.wallet.WalletCommand.CashOut;
import poker.domain.wallet.WalletCommand.DebitBuyIn;
import poker.domain.wallet.WalletCommand.Deposit;
import poker.domain.wallet.WalletEvent.FundsDeposited;
import poker.domain.wallet.WalletEvent.WalletOpened;

/** The wallet's rules without infrastructure: repeats, reused ids, and the bounded window of ids. */
class WalletDeciderTest {

    static final String USER = "u-1";

    /** What the entity does: a repeat answers with its original, else the decision's event is applied. */
    record Outcome(WalletState state, Decision<WalletEvent> decision, boolean repeated) {
    }

    static Outcome run(WalletState state, WalletCommand command) {
        var repeat = WalletDecider.repeatOf(state, command);
        if (repeat.isPresent()) {
            return new Outcome(state, Decision.accept(repeat.get().original()), true);
        }
        Decision<WalletEvent> decision = WalletDecider.decide(state, command);
        WalletState next = decision instanceof Decision.Accepted<WalletEvent> a ? state.apply(a.events().get(0)) : state;
        return new Outcome(next, decision, false);
    }

    static WalletState opened(long grant) {
        return WalletState.empty(USER).apply(new WalletOpened(USER, "grant-" + USER, grant, grant));
    }

    @Test
    void aDepositRepeatedWithItsReferenceAndAmountIsTheSameDeposit() {
        WalletState state = run(opened(1_000), new Deposit("deposit-bank-1", 500, "bank-1")).state();

        Outcome again = run(state, new Deposit("deposit-bank-1", 500, "bank-1"));
        assertThat(again.repeated()).isTrue();
        assertThat(again.decision().eventsOrThrow())
                .containsExactly(new FundsDeposited(USER, "deposit-bank-1", 500, "bank-1", 1_500));
        assertThat(again.state()).isEqualTo(state);
    }

    @Test
    void aDepositReusingItsReferenceForAnotherAmountIsRefused() {
        WalletState state = run(opened(1_000), new Deposit("deposit-bank-1", 500, "bank-1")).state();

        Outcome other = run(state, new Deposit("deposit-bank-1", 5_000, "bank-1"));
        assertThat(other.repeated()).isFalse();
        assertThat(other.decision().rejectionOrThrow().code()).isEqualTo("reference_reused");
        assertThat(other.state().balance()).isEqualTo(1_500);
        assertThat(other.state()).isEqualTo(state);
    }

    @Test
    void anIdReusedForAnotherKindOfTransactionIsRefused() {
        WalletState state = run(opened(1_000), new DebitBuyIn("b-1", "t-1", 300)).state();

        assertThat(run(state, new DebitBuyIn("b-1", "t-1", 400)).decision().rejectionOrThrow().code())
                .isEqualTo("transaction_reused");
        assertThat(run(state, new CashOut("b-1", "t-1", 300)).decision().rejectionOrThrow().code())
                .isEqualTo("transaction_reused");
    }

    @Test
    void aRetryAnywhereInsideTheWindowIsRecognised() {
        WalletState state = run(opened(100_000), new DebitBuyIn("b-first", "t-1", 300)).state();
        for (int i = 1; i < WalletState.TRANSACTION_WINDOW; i++) {
            state = run(state, new Deposit("deposit-" + i, 1, "r-" + i)).state();
        }
        long balance = state.balance();

        Outcome retry = run(state, new DebitBuyIn("b-first", "t-1", 300));
        assertThat(retry.repeated()).as("the oldest transaction still in the window").isTrue();
        assertThat(retry.state().balance()).isEqualTo(balance);
        assertThat(retry.state().transactions()).hasSize(WalletState.TRANSACTION_WINDOW);
    }

    @Property(tries = 50)
    void theWindowHoldsExactlyTheLatestTransactionsInOrder(@ForAll @IntRange(min = 1, max = 700) int count) {
        WalletState state = opened(0);
        List<String> ids = new ArrayList<>(List.of("grant-" + USER));
        for (int i = 0; i < count; i++) {
            String id = (i % 2 == 0 ? "deposit-" : "cashout-") + i;
            state = run(state, i % 2 == 0 ? new Deposit(id, 2, "r-" + i) : new CashOut(id, "t", 1)).state();
            ids.add(id);
        }
        List<String> latest = ids.subList(Math.max(0, ids.size() - WalletState.TRANSACTION_WINDOW), ids.size());
        assertThat(state.transactions().keySet()).containsExactlyElementsOf(latest);
        assertThat(state.balance()).isEqualTo(count / 2 + (count + 1) / 2 * 2L);
    }
}
