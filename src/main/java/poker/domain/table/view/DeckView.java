package poker.domain.table.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.domain.holdem.HandState;
import poker.domain.holdem.SeatState;
import poker.domain.table.TableState;

/**
 * The deck commitment of the hand in play as one viewer may check it: the {@code deck} of the live
 * socket's snapshot frame, so a client that connects mid-hand can verify what it sees as well as
 * one that saw {@code HandStarted} and each opening as it came. Only the openings of the cards this
 * viewer may see now: their own hole cards, the board, and hands shown at the showdown.
 *
 * @param handNumber the hand in play
 * @param commitment hex SHA-256 over the leaves
 * @param leaves     the 52 leaves, position 0 (the first card dealt) first
 * @param openings   the viewer's openings, by position
 * @param verified   the leaves hash to the commitment and every opening matches its leaf (the server's
 *                   check; a client can redo it from the other fields)
 */
@JsonPropertyOrder({"handNumber", "commitment", "leaves", "openings", "verified"})
public record DeckView(long handNumber, String commitment, List<String> leaves, List<Opening> openings,
                       boolean verified) {

    public DeckView {
        leaves = List.copyOf(leaves);
        openings = List.copyOf(openings);
    }

    /** The view of {@code viewer} (null for a spectator); null between hands and for a first-scheme hand. */
    public static DeckView of(TableState state, String viewer) {
        Objects.requireNonNull(state, "state");
        HandState hand = state.hand();
        if (hand == null || state.salts() == null) {
            return null;
        }
        // leaves recomputed from the secret half: the same as HandStarted published, by construction
        List<String> leaves = DeckCommitment.of(hand.deck(), state.salts()).leaves();
        List<Opening> openings = visibleCards(hand, viewer).stream()
                .map(card -> DeckCommitment.open(hand.deck(), state.salts(), card))
                .sorted(Comparator.comparingInt(Opening::position))
                .toList();
        return new DeckView(hand.handNumber(), hand.commitment(), leaves, openings,
                new DeckCommitment(hand.commitment(), leaves).verifies(openings));
    }

    /** What {@code viewer} may see of a hand now: own hole cards, the board, shown hands. */
    static List<Card> visibleCards(HandState hand, String viewer) {
        List<Card> cards = new ArrayList<>(hand.board());
        for (SeatState seat : hand.seats()) {
            if (seat.shown() || viewer != null && viewer.equals(seat.playerId())) {
                cards.addAll(seat.holeCards());
            }
        }
        return cards;
    }
}
