package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.Blind;
import poker.domain.holdem.HandEvent.BlindPosted;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.HandMucked;
import poker.domain.holdem.HandEvent.HoleCardsDealt;

class HeadsUpButtonPostsSmallBlindTest {

    private Hand headsUp() {
        return Hand.table().button(2)
                .seat(1, 1000, "AsAd").seat(2, 1000, "KsKd")
                .board("2c7d9hJc3s")
                .start();
    }

    @Test
    void theButtonPostsTheSmallBlindAndActsFirstPreflop() {
        Hand hand = headsUp();

        assertThat(hand.eventsOf(BlindPosted.class)).containsExactly(
                new BlindPosted(2, Blind.SMALL, 50),
                new BlindPosted(1, Blind.BIG, 100));
        assertThat(hand.eventsOf(HoleCardsDealt.class)).extracting(HoleCardsDealt::seat)
                .as("the deal starts left of the button").containsExactly(1, 2);
        assertThat(hand.toAct()).isEqualTo(2);
    }

    @Test
    void theButtonActsLastAfterTheFlop() {
        Hand hand = headsUp().act(2, CALL).act(1, CHECK);

        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.toAct()).isEqualTo(1);
        hand.act(1, CHECK);
        assertThat(hand.toAct()).isEqualTo(2);
        hand.act(2, CHECK);
        assertThat(hand.state().street()).isEqualTo(Street.TURN);
        assertThat(hand.toAct()).isEqualTo(1);

        hand.act(1, CHECK).act(2, CHECK).act(1, CHECK).act(2, CHECK);

        // checked through: the first to act (the big blind) shows first; the beaten button mucks
        assertThat(hand.eventsOf(CardsShown.class)).extracting(CardsShown::seat).containsExactly(1);
        assertThat(hand.eventsOf(HandMucked.class)).containsExactly(new HandMucked(2));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1100L, 2, 900L));
    }
}
