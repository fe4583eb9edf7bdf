package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.eval.HandCategory;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.HandWon;

class SplitPotOddChipTest {

    @Test
    void theOddChipGoesToTheFirstWinnerLeftOfTheButton() {
        // button 3, small blind 1 folds its 25, big blind 2 calls a raise: pot 325, the board plays
        Hand hand = Hand.table().button(3).blinds(25, 50)
                .seat(1, 1000, null).seat(2, 1000, "2s3d").seat(3, 1000, "4c5d")
                .board("AhKhQhJhTh")
                .start()
                .act(3, RAISE, 150).act(1, FOLD).act(2, CALL)
                .act(2, CHECK).act(3, CHECK).act(2, CHECK).act(3, CHECK).act(2, CHECK).act(3, CHECK);

        assertThat(hand.eventsOf(CardsShown.class)).extracting(CardsShown::seat).containsExactly(2, 3);
        assertThat(hand.wins()).containsExactly(
                new HandWon(0, 2, 163, hand.describe(2)),
                new HandWon(0, 3, 162, hand.describe(3)));
        assertThat(hand.category(2)).isEqualTo(HandCategory.STRAIGHT_FLUSH);
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 975L, 2, 1013L, 3, 1012L));
    }

    @Test
    void twoOddChipsGoOneEachToTheFirstTwoWinners() {
        // blinds 20/50, button 4: three limpers split 170 three ways, 56 each and 2 odd chips
        Hand hand = Hand.table().button(4).blinds(20, 50)
                .seat(1, 1000, null).seat(2, 1000, "2s3d").seat(3, 1000, "4c5d").seat(4, 1000, "6c7d")
                .board("AhKhQhJhTh")
                .start()
                .act(3, CALL).act(4, CALL).act(1, FOLD).act(2, CHECK);
        for (int street = 0; street < 3; street++) {
            hand.act(2, CHECK).act(3, CHECK).act(4, CHECK);
        }

        assertThat(hand.wins()).extracting(HandWon::seat, HandWon::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, 57L),
                        org.assertj.core.groups.Tuple.tuple(3, 57L),
                        org.assertj.core.groups.Tuple.tuple(4, 56L));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 980L, 2, 1007L, 3, 1007L, 4, 1006L));
    }
}
