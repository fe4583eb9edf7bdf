package poker.domain.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import poker.domain.cards.Card;
import poker.domain.cards.Rank;

/**
 * Evaluates poker hands of five to seven cards by table lookup: no sorting or counting per call.
 *
 * <h2>How</h2>
 *
 * Every card contributes a 64-bit <em>key</em> (summed) and a 64-bit <em>bit</em> (or-ed):
 *
 * <pre>
 * key:  63          48 47          32 31                           0
 *      +--------------+--------------+------------------------------+
 *      |      0       | suit counts  |     rank key (25 bits used)  |
 *      +--------------+--------------+------------------------------+
 *                      4 nibbles, bits 47..32: spades|hearts|diamonds|clubs
 *
 * bit:  63 61 60    48 47 45 44    32 31 29 28    16 15 13 12     0
 *      +-----+--------+-----+--------+-----+--------+-----+--------+
 *      |  0  | spades |  0  | hearts |  0  |diamonds|  0  | clubs  |   13 rank bits per suit,
 *      +-----+--------+-----+--------+-----+--------+-----+--------+   deuce lowest, ace highest
 * </pre>
 *
 * <ul>
 *   <li><b>Flush test.</b> The suit nibbles start at {@code 0x3333}, so a nibble reaches 8 (its
 *       top bit) exactly when that suit holds five or more cards: {@code key & 0x8888<<32}.
 *       With at most seven cards only one suit can.
 *   <li><b>Flush hands</b> are looked up by that suit's 13 rank bits in {@code FLUSH} (8,192
 *       entries). Five suited cards out of seven leave too few for quads or a full house, so
 *       the answer is a flush or a straight flush, and that table holds both.
 *   <li><b>Other hands</b> depend only on the multiset of ranks. The rank key of a card is a
 *       multiplier per rank chosen so that every multiset of up to seven ranks (at most four of
 *       each) has a distinct sum (the multipliers are OMPEval's, github.com/zekyll/OMPEval,
 *       ISC licence; the table build re-checks that the sums are unique). The sums are sparse in
 *       {@code [0, 2^25)}, so a row-displacement perfect hash packs the 73,775 sums of five to
 *       seven ranks into a small table:
 * <pre>
 *   rank key:  | row = key &gt;&gt;&gt; 12 | col = key &amp; 0xFFF |
 *   index    = key + ROW_OFFSET[row]        (i.e. displacement(row) + col)
 * </pre>
 *       Rows are placed greedily, fullest first, at the lowest displacement where none of
 *       their columns collide; the result has about 83,000 entries.
 * </ul>
 *
 * Memory: {@code LOOKUP} ~166 KB, {@code ROW_OFFSET} 32 KB, {@code FLUSH} 16 KB, so a random
 * hand's lookups stay in L2 cache. Building them takes a few hundred milliseconds.
 *
 * Both tables hold {@link HandValue#value()} directly. All tables are built at class
 * initialisation from a plain five-card scorer: the value of six or seven cards is the maximum
 * over the hands with one card fewer, which is exactly "best five of seven".
 *
 * <p>Thread-safe: all state is immutable after class initialisation.
 */
public final class HandEvaluator {

    /** Rank multipliers from OMPEval: unique sums for all rank multisets of 0..7 cards. */
    private static final int[] RANK_KEYS = {
        0x2000, 0x8001, 0x11000, 0x3a000, 0x91000, 0x176005, 0x366000,
        0x41a013, 0x47802e, 0x479068, 0x48c0e4, 0x48f211, 0x494493};

    private static final int SUIT_SHIFT = 32;
    private static final long SUIT_BIAS = 0x3333L << SUIT_SHIFT;
    private static final long FLUSH_CHECK = 0x8888L << SUIT_SHIFT;
    private static final int FLUSH_BIT_OF_CLUBS = SUIT_SHIFT + 3;
    private static final int RANK_BITS = 0x1FFF;
    private static final int ROW_SHIFT = 12;

    /** Indexed by card index; 52..63 stay zero so a bad index shows up as a missing bit. */
    private static final long[] CARD_KEY = new long[64];
    private static final long[] CARD_BIT = new long[64];

    private static final char[] FLUSH;
    private static final char[] LOOKUP;
    private static final int[] ROW_OFFSET;

    static {
        for (int c = 0; c < 52; c++) {
            int rank = c >>> 2;
            int suit = c & 3;
            CARD_KEY[c] = RANK_KEYS[rank] + (1L << (SUIT_SHIFT + 4 * suit));
            CARD_BIT[c] = 1L << (16 * suit + rank);
        }
        EvaluatorTables tables = EvaluatorTables.build(RANK_KEYS, ROW_SHIFT);
        FLUSH = tables.flush();
        LOOKUP = tables.lookup();
        ROW_OFFSET = tables.rowOffset();
    }

    private HandEvaluator() {
    }

    /**
     * Evaluates five, six or seven distinct cards.
     *
     * @throws IllegalArgumentException for fewer than five, more than seven, null or repeated cards
     */
    public static HandValue evaluate(List<Card> cards) {
        if (cards == null || cards.size() < 5 || cards.size() > 7) {
            throw new IllegalArgumentException("evaluate 5 to 7 cards, got " + cards);
        }
        int n = cards.size();
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            Card card = cards.get(i);
            if (card == null) {
                throw new IllegalArgumentException("null card in " + cards);
            }
            indexes[i] = card.index();
        }
        int value = rank(indexes);
        List<Card> bestFive = n == 5 ? cards : bestFive(cards, indexes, value);
        return new HandValue(value, HandCategory.of(value), readingOrder(bestFive, HandCategory.of(value)));
    }

    /**
     * The value of five to seven cards given by {@link Card#index()}; the same int as
     * {@code evaluate(..).value()}.
     *
     * @throws IllegalArgumentException for the wrong count, an index outside 0..51 or a repeat
     */
    public static int rank(int... cardIndexes) {
        int n = cardIndexes.length;
        if (n < 5 || n > 7) {
            throw new IllegalArgumentException("rank 5 to 7 cards, got " + n);
        }
        long key = SUIT_BIAS;
        long bits = 0;
        int any = 0;
        for (int c : cardIndexes) {
            any |= c;
            key += CARD_KEY[c & 63];
            bits |= CARD_BIT[c & 63];
        }
        if ((any & ~63) != 0 || Long.bitCount(bits) != n) {
            throw invalid(cardIndexes);
        }
        return lookup(key, bits);
    }

    /** {@link #rank(int...)} for exactly seven cards, without the array. */
    public static int rank7(int c0, int c1, int c2, int c3, int c4, int c5, int c6) {
        if (((c0 | c1 | c2 | c3 | c4 | c5 | c6) & ~63) != 0) {
            throw invalid(new int[] {c0, c1, c2, c3, c4, c5, c6});
        }
        long bits = CARD_BIT[c0] | CARD_BIT[c1] | CARD_BIT[c2] | CARD_BIT[c3]
                | CARD_BIT[c4] | CARD_BIT[c5] | CARD_BIT[c6];
        if (Long.bitCount(bits) != 7) {
            throw invalid(new int[] {c0, c1, c2, c3, c4, c5, c6});
        }
        long key = SUIT_BIAS + CARD_KEY[c0] + CARD_KEY[c1] + CARD_KEY[c2] + CARD_KEY[c3]
                + CARD_KEY[c4] + CARD_KEY[c5] + CARD_KEY[c6];
        return lookup(key, bits);
    }

    /** {@link #rank(int...)} for exactly five cards, without the array. */
    public static int rank5(int c0, int c1, int c2, int c3, int c4) {
        if (((c0 | c1 | c2 | c3 | c4) & ~63) != 0) {
            throw invalid(new int[] {c0, c1, c2, c3, c4});
        }
        long bits = CARD_BIT[c0] | CARD_BIT[c1] | CARD_BIT[c2] | CARD_BIT[c3] | CARD_BIT[c4];
        if (Long.bitCount(bits) != 5) {
            throw invalid(new int[] {c0, c1, c2, c3, c4});
        }
        long key = SUIT_BIAS + CARD_KEY[c0] + CARD_KEY[c1] + CARD_KEY[c2] + CARD_KEY[c3] + CARD_KEY[c4];
        return lookup(key, bits);
    }

    private static int lookup(long key, long bits) {
        long flush = key & FLUSH_CHECK;
        if (flush != 0) {
            // the flush suit's nibble top bit sits at 35 + 4*suit; its rank bits start at 16*suit
            int shift = (Long.numberOfTrailingZeros(flush) - FLUSH_BIT_OF_CLUBS) << 2;
            return FLUSH[(int) (bits >>> shift) & RANK_BITS];
        }
        int ranks = (int) key;
        return LOOKUP[ranks + ROW_OFFSET[ranks >>> ROW_SHIFT]];
    }

    private static IllegalArgumentException invalid(int[] cardIndexes) {
        return new IllegalArgumentException(
                "cards must be distinct indexes 0..51: " + java.util.Arrays.toString(cardIndexes));
    }

    /** The first five-card subset (in the order given) that makes the hand's value. */
    private static List<Card> bestFive(List<Card> cards, int[] idx, int value) {
        int n = idx.length;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    for (int d = c + 1; d < n; d++) {
                        for (int e = d + 1; e < n; e++) {
                            if (rank5(idx[a], idx[b], idx[c], idx[d], idx[e]) == value) {
                                return List.of(cards.get(a), cards.get(b), cards.get(c), cards.get(d), cards.get(e));
                            }
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no five of " + cards + " make value " + value);
    }

    /** Groups first (larger groups first), then rank high to low; the wheel's ace reads last. */
    private static List<Card> readingOrder(List<Card> five, HandCategory category) {
        int[] count = new int[13];
        for (Card card : five) {
            count[card.rank().ordinal()]++;
        }
        boolean wheel = (category == HandCategory.STRAIGHT || category == HandCategory.STRAIGHT_FLUSH)
                && count[Rank.ACE.ordinal()] == 1 && count[Rank.FIVE.ordinal()] == 1;
        List<Card> ordered = new ArrayList<>(five);
        Comparator<Card> byGroup = Comparator.comparingInt((Card card) -> count[card.rank().ordinal()]);
        Comparator<Card> byRank = Comparator.comparingInt(
                (Card card) -> wheel && card.rank() == Rank.ACE ? -1 : card.rank().ordinal());
        ordered.sort(byGroup.thenComparing(byRank).thenComparing(Card::suit).reversed());
        return List.copyOf(ordered);
    }
}
