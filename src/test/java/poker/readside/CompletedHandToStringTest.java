package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent;

/** A completed hand read from hand_histories holds the deck, its salts and every hole card: none is printed. */
class CompletedHandToStringTest {

    @Test
    void printsNeitherDeckNorSaltsNorHoleCards() {
        String deck = "AsKdQh";
        HandQueries.CompletedHand hand = new HandQueries.CompletedHand(3, 77L, Instant.EPOCH, Instant.EPOCH, 40,
                List.of(), Map.of(1, "a"), List.of(new HandEvent.HoleCardsDealt(1, Card.parseAll("7c 2d"))),
                deck, "first-scheme-salt", "c0ffee", List.of("salt-0", "salt-1"), false);

        assertThat(hand.toString()).doesNotContain(deck, "first-scheme-salt", "salt-0", "7c", "2d")
                .contains("handId=77", "c0ffee");
    }
}
