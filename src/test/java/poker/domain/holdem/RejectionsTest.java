package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import org.junit.jupiter.api.Test;
import poker.domain.Rejection;

class RejectionsTest {

    /** Button 1, small blind 2, big blind 3: seat 1 is to act, facing 100. */
    private Hand hand() {
        return Hand.table().button(1)
                .seat(1, 1000, null).seat(2, 1000, null).seat(3, 1000, null)
                .start();
    }

    @Test
    void actingOutOfTurnIsNotYourTurn() {
        Hand hand = hand();

        assertThat(hand.reject(2, FOLD, 0).code()).isEqualTo(HoldemEngine.NOT_YOUR_TURN);
        assertThat(hand.reject(9, CALL, 0).code()).isEqualTo(HoldemEngine.NOT_YOUR_TURN);
        assertThat(hand.reject(2, FOLD, 0).message()).contains("seat 1");
    }

    @Test
    void checkingFacingABetIsIllegal() {
        Rejection r = hand().reject(1, CHECK, 0);

        assertThat(r.code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        assertThat(r.message()).contains("100 to call");
    }

    @Test
    void betWhenThereIsABetAndRaiseWhenThereIsNoneAreIllegal() {
        Hand hand = hand();
        assertThat(hand.reject(1, BET, 300).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);

        hand.act(1, CALL).act(2, CALL).act(3, CHECK);
        assertThat(hand.reject(2, RAISE, 300).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        assertThat(hand.reject(2, CALL, 0).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
    }

    @Test
    void amountsOutsideTheRangeAreRejected() {
        Hand hand = hand();

        assertThat(hand.reject(1, RAISE, 150).code()).isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);
        assertThat(hand.reject(1, RAISE, 1001).code()).isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);
        assertThat(hand.reject(1, RAISE, -5).code()).isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);
        Rejection r = hand.reject(1, RAISE, 150);
        assertThat(r.message()).contains("200..1000");
    }

    @Test
    void anythingAfterTheHandIsOver() {
        Hand hand = hand().act(1, FOLD).act(2, FOLD);

        assertThat(hand.reject(3, CHECK, 0).code()).isEqualTo(HoldemEngine.HAND_OVER);
        assertThat(HoldemEngine.legalActions(hand.state())).isEmpty();
    }

    @Test
    void aRejectionChangesNothing() {
        Hand hand = hand();
        HandState before = hand.state();

        hand.reject(1, CHECK, 0);

        assertThat(hand.state()).isEqualTo(before);
        assertThat(hand.toAct()).isEqualTo(1);
    }
}
