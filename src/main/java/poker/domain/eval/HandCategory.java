package poker.domain.eval;

/**
 * The nine hand categories, weakest first, so {@link #ordinal()} orders them.
 * {@link HandValue#value()} carries the ordinal in its high bits.
 */
public enum HandCategory {
    HIGH_CARD("High Card"),
    ONE_PAIR("One Pair"),
    TWO_PAIR("Two Pair"),
    THREE_OF_A_KIND("Three of a Kind"),
    STRAIGHT("Straight"),
    FLUSH("Flush"),
    FULL_HOUSE("Full House"),
    FOUR_OF_A_KIND("Four of a Kind"),
    STRAIGHT_FLUSH("Straight Flush");

    private static final HandCategory[] VALUES = values();

    private final String displayName;

    HandCategory(String displayName) {
        this.displayName = displayName;
    }

    /** How people say it: {@code "Full House"}, {@code "Three of a Kind"}. */
    public String displayName() {
        return displayName;
    }

    /** The category of a hand value from {@link HandEvaluator#rank(int...)}. */
    public static HandCategory of(int handValue) {
        int ordinal = handValue >>> HandValue.CATEGORY_SHIFT;
        if (handValue < 0 || ordinal >= VALUES.length) {
            throw new IllegalArgumentException("not a hand value: " + handValue);
        }
        return VALUES[ordinal];
    }
}
