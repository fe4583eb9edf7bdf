package poker.domain.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import poker.domain.wallet.WalletCommand.DebitTournamentEntry;
import poker.domain.wallet.WalletCommand.RefundTournamentEntry;
import poker.domain.wallet.WalletDeciderTest.Outcome;
import poker.domain.wallet.WalletEvent.TournamentEntryDebited;
import poker.domain.wallet.WalletEvent.TournamentEntryRefunded;

/** Tournament entries in the wallet: buy-in + fee debited once, refunded once, by transaction id. */
class WalletTournamentEntryTest {

    static final String USER = WalletDeciderTest.USER;

    @Test
    void anEntryDebitsBuyInAndFee() {
        Outcome paid = WalletDeciderTest.run(WalletDeciderTest.opened(1_000),
                new DebitTournamentEntry("entry-e1", "t1", "e1", 100, 10));
        assertThat(paid.decision().eventsOrThrow())
                .containsExactly(new TournamentEntryDebited(USER, "entry-e1", "t1", "e1", 100, 10, 890));
        assertThat(paid.state().balance()).isEqualTo(890);
        assertThat(paid.decision().eventsOrThrow().get(0).delta()).isEqualTo(-110);
    }

    @Test
    void anEntryBeyondTheBalanceIsRefused() {
        Outcome poor = WalletDeciderTest.run(WalletDeciderTest.opened(105),
                new DebitTournamentEntry("entry-e1", "t1", "e1", 100, 10));
        assertThat(poor.decision().rejectionOrThrow().code()).isEqualTo("insufficient_funds");
        assertThat(poor.state().balance()).isEqualTo(105);
    }

    @Test
    void aRepeatedDebitIsTheSameDebitAndAnotherAmountUnderItsIdIsRefused() {
        WalletState state = WalletDeciderTest.run(WalletDeciderTest.opened(1_000),
                new DebitTournamentEntry("entry-e1", "t1", "e1", 100, 10)).state();
        Outcome again = WalletDeciderTest.run(state, new DebitTournamentEntry("entry-e1", "t1", "e1", 100, 10));
        assertThat(again.repeated()).isTrue();
        assertThat(again.state().balance()).isEqualTo(890);

        Outcome other = WalletDeciderTest.run(state, new DebitTournamentEntry("entry-e1", "t1", "e1", 200, 10));
        assertThat(other.decision().rejectionOrThrow().code()).isEqualTo("transaction_reused");
    }

    @Test
    void aRefundGivesBackTheAmountOnceAndNamesTheReason() {
        WalletState state = WalletDeciderTest.run(WalletDeciderTest.opened(1_000),
                new DebitTournamentEntry("entry-e1", "t1", "e1", 100, 10)).state();
        RefundTournamentEntry refund = new RefundTournamentEntry("refund-e1", "entry-e1", "t1", "e1", 110,
                "registration_closed");
        Outcome refunded = WalletDeciderTest.run(state, refund);
        assertThat(refunded.decision().eventsOrThrow()).containsExactly(new TournamentEntryRefunded(USER, "refund-e1",
                "entry-e1", "t1", "e1", 110, "registration_closed", 1_000));

        Outcome again = WalletDeciderTest.run(refunded.state(), refund);
        assertThat(again.repeated()).isTrue();
        assertThat(again.state().balance()).isEqualTo(1_000);
        assertThat(WalletDeciderTest.run(refunded.state(), new RefundTournamentEntry("refund-e1", "entry-e1", "t1",
                "e1", 999, "x")).decision().rejectionOrThrow().code()).isEqualTo("transaction_reused");
    }
}
