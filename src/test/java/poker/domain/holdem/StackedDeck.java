package poker.domain.holdem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poker.domain.cards.Card;

/**
 * Builds a 52-card deck order that deals chosen hole cards and a chosen board, the way the engine
 * deals: one card at a time round the table starting left of the button, then burn + flop, burn +
 * turn, burn + river. Unchosen positions get the unused cards in index order.
 */
public final class StackedDeck {

    private StackedDeck() {
    }

    /**
     * @param dealOrder seats in dealing order (first = first dealt-in seat left of the button)
     * @param hole      the two hole cards of some seats, e.g. {@code 3 -> "AsKd"}
     * @param board     up to five board cards, e.g. {@code "2c7d9hJsQc"}
     */
    public static List<Card> deck(List<Integer> dealOrder, Map<Integer, String> hole, String board) {
        int n = dealOrder.size();
        Card[] deck = new Card[52];
        Set<Card> used = new LinkedHashSet<>();
        for (int k = 0; k < n; k++) {
            String cards = hole.get(dealOrder.get(k));
            if (cards != null) {
                List<Card> two = Card.parseAll(cards);
                deck[k] = two.get(0);
                deck[n + k] = two.get(1);
                used.addAll(two);
            }
        }
        List<Card> boardCards = Card.parseAll(board);
        int[] boardPositions = {2 * n + 1, 2 * n + 2, 2 * n + 3, 2 * n + 5, 2 * n + 7};
        for (int i = 0; i < boardCards.size(); i++) {
            deck[boardPositions[i]] = boardCards.get(i);
            used.add(boardCards.get(i));
        }
        if (used.size() != 2 * hole.size() + boardCards.size()) {
            throw new IllegalArgumentException("a card is chosen twice");
        }
        List<Card> rest = new ArrayList<>(Card.all());
        rest.removeAll(used);
        int r = 0;
        for (int i = 0; i < 52; i++) {
            if (deck[i] == null) {
                deck[i] = rest.get(r++);
            }
        }
        return List.of(deck);
    }
}
