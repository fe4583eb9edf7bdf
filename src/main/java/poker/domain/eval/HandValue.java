package poker.domain.eval;

import java.util.List;
import poker.domain.cards.Card;
import poker.domain.cards.Rank;

/**
 * The strength of a hand: the best five cards out of five to seven.
 *
 * <p>{@code value} is a total order on hand strength: higher is stronger and equal values are
 * an exact tie (the pot is split), whatever the suits. Layout:
 *
 * <pre>
 *   31        16 15   12 11             0
 *  +------------+-------+----------------+
 *  |     0      |  cat  | rank in cat    |   cat = HandCategory.ordinal() (0..8)
 *  +------------+-------+----------------+   rank in cat = 0 (weakest) .. count-1
 * </pre>
 *
 * Across all categories there are 7,462 distinct values. {@link #compareTo} compares
 * {@code value} only, so two tied hands with different suits compare as 0 while {@code equals}
 * (record equality, which includes {@code bestFive}) tells them apart.
 *
 * @param value    the strength, as returned by {@link HandEvaluator#rank(int...)}
 * @param category the hand category, always {@code HandCategory.of(value)}
 * @param bestFive the five cards that make the hand, in reading order: groups first (the
 *                 trips before the pair of a full house, pairs before kickers), then by rank
 *                 high to low; a wheel reads 5-4-3-2-A
 */
public record HandValue(int value, HandCategory category, List<Card> bestFive)
        implements Comparable<HandValue> {

    /** Bit position of the category in {@link #value()}. */
    public static final int CATEGORY_SHIFT = 12;

    public HandValue {
        if (category == null || HandCategory.of(value) != category) {
            throw new IllegalArgumentException("category " + category + " does not match value " + value);
        }
        if (bestFive == null || bestFive.size() != 5) {
            throw new IllegalArgumentException("a hand value names exactly five cards: " + bestFive);
        }
        bestFive = List.copyOf(bestFive);
    }

    @Override
    public int compareTo(HandValue other) {
        return Integer.compare(value, other.value);
    }

    public boolean beats(HandValue other) {
        return value > other.value;
    }

    public boolean ties(HandValue other) {
        return value == other.value;
    }

    /**
     * Reads the hand the way a dealer announces it: {@code "Full House, Kings full of Sevens"},
     * {@code "Straight, Five high"} (the wheel), {@code "Two Pair, Aces and Tens"},
     * {@code "High Card, Ace"}.
     */
    public String description() {
        Rank first = bestFive.get(0).rank();
        String detail = switch (category) {
            case HIGH_CARD -> first.singular();
            case ONE_PAIR, THREE_OF_A_KIND, FOUR_OF_A_KIND -> first.plural();
            case TWO_PAIR -> first.plural() + " and " + bestFive.get(2).rank().plural();
            case FULL_HOUSE -> first.plural() + " full of " + bestFive.get(3).rank().plural();
            case STRAIGHT, FLUSH, STRAIGHT_FLUSH -> first.singular() + " high";
        };
        return category.displayName() + ", " + detail;
    }

    @Override
    public String toString() {
        return description() + " " + bestFive + " (" + value + ")";
    }
}
