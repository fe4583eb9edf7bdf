package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.holdem.Hand;

/** A completed hand for each reader: shown cards public, own cards private, a muck stays a muck. */
class CompletedHandViewTest {

    static final byte[] SALT = new byte[32];
    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    /** Bob shows queens and wins; Carol mucks Ac7h; Alice folds 9c8d on the flop. */
    private static final Hand HAND = Hand.table().button(1).blinds(5, 10)
            .seat(1, "alice", 500, "9c8d")
            .seat(2, "bob", 500, "QsQd")
            .seat(3, "carol", 500, "Ac7h")
            .board("2c7dThJs5h")
            .start()
            .act(1, CALL).act(2, CALL).act(3, CHECK)
            .act(2, CHECK).act(3, BET, 20).act(1, FOLD).act(2, CALL)
            .act(2, CHECK).act(3, CHECK)
            .act(2, BET, 40).act(3, CALL);

    private static CompletedHandView view(String viewer) {
        List<Card> deck = HAND.state().deck();
        return CompletedHandView.of("t1", START, START.plusSeconds(30), HAND.events(), deck,
                HexFormat.of().formatHex(SALT), Deck.commitment(deck, SALT), viewer);
    }

    @SuppressWarnings("unchecked")
    private static List<String> dealtTo(CompletedHandView view, int seat) {
        for (Map<String, Object> action : view.actions()) {
            if (action.get("type").equals("HoleCardsDealt") && action.get("seat").equals(seat)) {
                assertThat(action).containsKey("cards");
                return (List<String>) action.get("cards");
            }
        }
        throw new AssertionError("seat " + seat + " was not dealt in");
    }

    @Test
    void theMuckingPlayerSeesTheirOwnCardsAndNobodyElseDoes() {
        CompletedHandView carol = view("carol");
        assertThat(carol.yourCards()).containsExactly("Ac", "7h");
        assertThat(dealtTo(carol, 3)).containsExactly("Ac", "7h");
        assertThat(dealtTo(carol, 1)).isNull();

        for (String reader : new String[] {"alice", "bob", null}) {
            CompletedHandView other = view(reader);
            assertThat(dealtTo(other, 3)).as("reader %s", reader).isNull();
            assertThat(other.shown()).extracting(CompletedHandView.Shown::cards)
                    .noneMatch(cards -> cards.contains("Ac") || cards.contains("7h"));
        }
        assertThat(view(null).yourCards()).isNull();
        assertThat(view("bob").shown()).containsExactly(new CompletedHandView.Shown(2, List.of("Qs", "Qd")));
    }

    @Test
    void boardPotsWinnersAndTheVerifiedDeck() {
        CompletedHandView view = view(null);
        assertThat(view.board()).containsExactly("2c", "7d", "Th", "Js", "5h");
        assertThat(view.pot()).isEqualTo(150);
        assertThat(view.winners()).containsExactly(new CompletedHandView.Winner("bob", 150));
        assertThat(view.pots()).hasSize(1);
        assertThat(view.pots().get(0).winners()).extracting(CompletedHandView.Share::seatNumber).containsExactly(2);
        assertThat(view.seats()).extracting(CompletedHandView.Seat::playerId).containsExactly("alice", "bob", "carol");
        assertThat(view.deckReveal().verified()).isTrue();
        assertThat(view.deckReveal().deck()).hasSize(52);
        assertThat(view.actions()).allSatisfy(a -> assertThat(a).doesNotContainKey("deck"));

        List<Card> deck = HAND.state().deck();
        CompletedHandView forged = CompletedHandView.of("t1", START, START, HAND.events(), deck, "01".repeat(32),
                Deck.commitment(deck, SALT), null);
        assertThat(forged.deckReveal().verified()).as("a changed salt does not verify").isFalse();
        assertThat(view.actions().get(0)).containsEntry("type", "HandStarted").containsKey("commitment");
    }
}
