package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

/** The example of {@link HandState#pots()}: a folded player's chips stay in the pots they reached. */
class FoldedChipsStayInTheSidePotsTest {

    @Test
    void eachPotKeepsTheFoldedChipsOfItsLevel() {
        // button 4 (B), small blind 1 (C), big blind 2 (D), under the gun 3 (A)
        Hand hand = Hand.table().button(4)
                .seat(1, 10_000, "QsQd").seat(2, 10_000, "5c4d").seat(3, 100, "AsAd").seat(4, 300, "KsKd")
                .board("2c7d9hJc3s")
                .start()
                .act(3, ALL_IN).act(4, ALL_IN).act(1, RAISE, 500).act(2, CALL)
                .act(1, BET, 200).act(2, FOLD);

        assertThat(hand.eventsOf(UncalledBetReturned.class)).containsExactly(new UncalledBetReturned(1, 200));
        assertThat(hand.state().pots()).containsExactly(
                new Pot(400, List.of(1, 3, 4)),
                new Pot(600, List.of(1, 4)),
                new Pot(400, List.of(1)));
        assertThat(hand.eventsOf(CardsShown.class)).extracting(CardsShown::seat)
                .as("the flop bettor first, then clockwise").containsExactly(1, 3, 4);
        assertThat(hand.wins()).containsExactly(
                new HandWon(2, 1, 400, hand.describe(1)),
                new HandWon(1, 4, 600, hand.describe(4)),
                new HandWon(0, 3, 400, hand.describe(3)));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 9_900L, 2, 9_500L, 3, 400L, 4, 600L));
    }
}
