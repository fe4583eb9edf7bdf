package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.FOLD;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.HandWon;

class ThreeWayAllInTwoSidePotsTest {

    /** Button 1 (300 chips) shoves, small blind 2 (700) shoves, big blind 3 (1500) calls. */
    private Hand threeWayAllIn(String one, String two, String three) {
        Hand hand = Hand.table().button(1)
                .seat(1, 300, one).seat(2, 700, two).seat(3, 1500, three)
                .board("2c7d9hJc3s")
                .start()
                .act(1, ALL_IN).act(2, ALL_IN);
        assertThat(hand.legal()).extracting(LegalAction::action)
                .as("nobody is left to answer a raise").containsExactly(FOLD, CALL);
        assertThat(hand.reject(3, ALL_IN, 0).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        return hand.act(3, CALL);
    }

    @Test
    void eachPotGoesToTheBestHandEligibleForIt() {
        Hand hand = threeWayAllIn("AsAd", "KsKd", "QsQd");

        assertThat(hand.state().pots()).containsExactly(
                new Pot(900, List.of(1, 2, 3)),
                new Pot(800, List.of(2, 3)));
        assertThat(hand.wins()).containsExactly(
                new HandWon(1, 2, 800, hand.describe(2)),
                new HandWon(0, 1, 900, hand.describe(1)));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 900L, 2, 800L, 3, 800L));
    }

    @Test
    void theBiggestStackWithTheBestHandTakesBothPots() {
        Hand hand = threeWayAllIn("QsQd", "KsKd", "AsAd");

        assertThat(hand.wins()).containsExactly(
                new HandWon(1, 3, 800, hand.describe(3)),
                new HandWon(0, 3, 900, hand.describe(3)));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 0L, 2, 0L, 3, 2500L));
    }
}
