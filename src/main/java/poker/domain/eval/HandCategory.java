package poker.domain.eval;

/** Hand categories, weakest first: {@link #ordinal()} orders them. */
public enum HandCategory {
    HIGH_CARD, ONE_PAIR, TWO_PAIR, THREE_OF_A_KIND, STRAIGHT, FLUSH, FULL_HOUSE, FOUR_OF_A_KIND, STRAIGHT_FLUSH
}
