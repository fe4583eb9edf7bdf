package poker.domain.eval;

import java.util.List;
import poker.domain.cards.Card;
import poker.domain.cards.Rank;

/**
 * The value of a best five-card hand. A higher {@link #value()} is a stronger hand; equal values tie.
 * {@link #bestFive()} is ordered by significance (the pair before its kickers, the wheel as 5-4-3-2-A).
 */
public record HandValue(int value, HandCategory category, List<Card> bestFive) implements Comparable<HandValue> {

    public HandValue {
        bestFive = List.copyOf(bestFive);
    }

    @Override
    public int compareTo(HandValue other) {
        return Integer.compare(value, other.value);
    }

    /** In the words of a hand history: "a pair of Aces", "a full house, Kings full of Nines". */
    public String description() {
        Rank r0 = bestFive.get(0).rank();
        return switch (category) {
            case HIGH_CARD -> "high card " + r0.singular();
            case ONE_PAIR -> "a pair of " + r0.plural();
            case TWO_PAIR -> "two pair, " + r0.plural() + " and " + bestFive.get(2).rank().plural();
            case THREE_OF_A_KIND -> "three of a kind, " + r0.plural();
            case STRAIGHT -> "a straight, " + bestFive.get(4).rank().singular() + " to " + r0.singular();
            case FLUSH -> "a flush, " + r0.singular() + " high";
            case FULL_HOUSE -> "a full house, " + r0.plural() + " full of " + bestFive.get(3).rank().plural();
            case FOUR_OF_A_KIND -> "four of a kind, " + r0.plural();
            case STRAIGHT_FLUSH -> r0 == Rank.ACE
                    ? "a Royal Flush"
                    : "a straight flush, " + bestFive.get(4).rank().singular() + " to " + r0.singular();
        };
    }
}
