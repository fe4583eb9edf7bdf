package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.HandMucked;
import poker.domain.holdem.HandEvent.HandWon;

/** Button 1, small blind 2, big blind 3; everyone limps. Board 2c 7d 9h Jc 3s. */
class ShowdownOrderTest {

    private Hand limped(String one, String two, String three) {
        return limped(1000, one, two, three);
    }

    private Hand limped(long firstStack, String one, String two, String three) {
        return Hand.table().button(1)
                .seat(1, firstStack, one).seat(2, 1000, two).seat(3, 1000, three)
                .board("2c7d9hJc3s")
                .start()
                .act(1, CALL).act(2, CALL).act(3, CHECK);
    }

    @Test
    void theLastAggressorShowsFirstAndABeatenHandIsMucked() {
        Hand hand = limped("QsQd", "AsAd", "KsKd");
        for (int street = 0; street < 2; street++) {
            hand.act(2, CHECK).act(3, CHECK).act(1, CHECK);
        }
        hand.act(2, CHECK).act(3, BET, 200).act(1, CALL).act(2, CALL);

        assertThat(hand.lastEvents()).containsSubsequence(
                new CardsShown(3, Card.parseAll("KsKd")),
                new HandMucked(1),
                new CardsShown(2, Card.parseAll("AsAd")),
                new HandWon(0, 2, 900, hand.describe(2)));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 700L, 2, 1600L, 3, 700L));
    }

    @Test
    void checkedThroughTheFirstPlayerLeftOfTheButtonShowsFirst() {
        Hand hand = limped("5s5d", "QsQd", "KsKd");
        for (int street = 0; street < 3; street++) {
            hand.act(2, CHECK).act(3, CHECK).act(1, CHECK);
        }

        assertThat(hand.eventsOf(CardsShown.class)).extracting(CardsShown::seat).containsExactly(2, 3);
        assertThat(hand.eventsOf(HandMucked.class)).containsExactly(new HandMucked(1));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 900L, 2, 900L, 3, 1200L));
    }

    @Test
    void withAPlayerAllInEveryHandIsTurnedUp() {
        Hand hand = Hand.table().button(1)
                .seat(1, 300, "5s5d").seat(2, 1000, "QsQd").seat(3, 1000, "KsKd")
                .board("2c7d9hJc3s")
                .start()
                .act(1, ALL_IN).act(2, CALL).act(3, CALL);
        for (int street = 0; street < 3; street++) {
            hand.act(2, CHECK).act(3, CHECK);
        }

        // the river was checked through: the order starts left of the button, and nobody mucks
        assertThat(hand.eventsOf(CardsShown.class)).extracting(CardsShown::seat).containsExactly(2, 3, 1);
        assertThat(hand.eventsOf(HandMucked.class)).isEmpty();
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 0L, 2, 700L, 3, 1600L));
    }
}
