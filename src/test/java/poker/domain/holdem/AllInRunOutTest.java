package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.CALL;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.eval.HandCategory;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.FlopDealt;
import poker.domain.holdem.HandEvent.HandEnded;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.HoleCardsDealt;
import poker.domain.holdem.HandEvent.RiverDealt;
import poker.domain.holdem.HandEvent.SeatStack;
import poker.domain.holdem.HandEvent.TurnDealt;

class AllInRunOutTest {

    @Test
    void bothHandsAreTurnedUpThenTheBoardIsDealtWithBurnCards() {
        Hand hand = Hand.table().button(1)
                .seat(1, 1000, "AsAd").seat(2, 1000, "KsKd")
                .board("Kh7d2c9s3h")
                .start()
                .act(1, ALL_IN).act(2, CALL);

        assertThat(hand.lastEvents()).containsExactly(
                new BetPlaced(2, CALL, 900, 1000, 0, null),
                new CardsShown(1, Card.parseAll("AsAd")), // the last aggressor first
                new CardsShown(2, Card.parseAll("KsKd")),
                new FlopDealt(Card.parseAll("Kh7d2c")),
                new TurnDealt(Card.parse("9s")),
                new RiverDealt(Card.parse("3h")),
                new HandWon(0, 2, 2000, hand.describe(2)),
                new HandEnded(7, List.of(new SeatStack(1, 0), new SeatStack(2, 2000))));
        assertThat(hand.category(2)).isEqualTo(HandCategory.THREE_OF_A_KIND);
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 0L, 2, 2000L));
        assertThat(hand.state().handOver()).isTrue();
    }

    @Test
    void cardsComeOffTheDeckInDealingOrderWithBurns() {
        Hand hand = Hand.table().button(1)
                .seat(1, 1000, "AsAd").seat(2, 1000, "KsKd")
                .board("Kh7d2c9s3h")
                .start();
        List<Card> deck = hand.state().deck();

        assertThat(hand.eventsOf(HoleCardsDealt.class)).containsExactly(
                new HoleCardsDealt(2, List.of(deck.get(0), deck.get(2))),
                new HoleCardsDealt(1, List.of(deck.get(1), deck.get(3))));
        hand.act(1, ALL_IN).act(2, CALL);
        assertThat(hand.state().board()).containsExactly(deck.get(5), deck.get(6), deck.get(7), deck.get(9),
                deck.get(11));
    }

    @Test
    void aBlindThatPutsBothPlayersAllInRunsOutAtOnce() {
        Hand hand = Hand.table().button(1)
                .seat(1, 40, "AsAd").seat(2, 100, "KsKd")
                .board("Kh7d2c9s3h")
                .start();

        assertThat(hand.state().handOver()).isTrue();
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 0L, 2, 140L));
    }
}
