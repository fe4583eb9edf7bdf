package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimumRaiseIsLargestIncrementTest {

    /** Blinds 100/200; button 4, so seat 1 (A) acts first on the flop, then B (2), C (3), D (4). */
    private Hand onTheFlop() {
        return Hand.table().button(4).blinds(100, 200)
                .seat(1, 10_000, null).seat(2, 10_000, null).seat(3, 10_000, null).seat(4, 10_000, null)
                .start()
                .act(3, CALL).act(4, CALL).act(1, CALL).act(2, CHECK);
    }

    @Test
    void preflopTheMinimumRaiseIsToTwoBigBlinds() {
        Hand hand = Hand.table().button(4).blinds(100, 200)
                .seat(1, 10_000, null).seat(2, 10_000, null).seat(3, 10_000, null).seat(4, 10_000, null)
                .start();

        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 400, 10_000));
        assertThat(hand.reject(3, RAISE, 399).code()).isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);
    }

    @Test
    void aBetsThreeHundredBRaisesToOneThousandCMustReRaiseToSeventeenHundred() {
        Hand hand = onTheFlop();
        assertThat(hand.toAct()).isEqualTo(1);

        hand.act(1, BET, 300);
        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 600, 9_800));
        hand.act(2, RAISE, 1000);

        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 1700, 9_800));
        assertThat(hand.reject(3, RAISE, 1699).code()).isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);
        hand.act(3, RAISE, 1700);

        // the increment is still 700: D's minimum is to 2400
        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 2400, 9_800));
        hand.act(4, FOLD).act(1, FOLD).act(2, FOLD);

        // C gets back the 700 nobody called and wins 800 (preflop) + 300 (A) + 1000 (B) + 1000 (own)
        assertThat(hand.eventsOf(HandEvent.UncalledBetReturned.class))
                .containsExactly(new HandEvent.UncalledBetReturned(3, 700));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 9_500L, 2, 8_800L, 3, 11_900L, 4, 9_800L));
    }

    @Test
    void aLargerRaiseRaisesTheMinimum() {
        Hand hand = onTheFlop().act(1, BET, 200).act(2, RAISE, 2000);

        assertThat(hand.legal(RAISE).min()).isEqualTo(3800);
        hand.act(3, CALL);
        assertThat(hand.legal(RAISE).min()).isEqualTo(3800);
    }
}
