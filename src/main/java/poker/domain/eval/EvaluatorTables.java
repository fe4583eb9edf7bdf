package poker.domain.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link HandEvaluator}'s lookup tables once, at class initialisation.
 *
 * <ol>
 *   <li>Score every five-card rank pattern (6,175 without a flush, 1,287 flush patterns) with a
 *       plain scorer, then number the 7,462 distinct scores densely within each category.
 *   <li>Six and seven cards: the maximum over the hands with one card fewer.
 *   <li>Pack the non-flush rank keys into a row-displacement perfect hash.
 * </ol>
 */
record EvaluatorTables(char[] flush, char[] lookup, int[] rowOffset) {

    static final int DISTINCT_FIVE_CARD_VALUES = 7462;

    private static final int WHEEL = 0b1_0000_0000_1111; // A,5,4,3,2
    private static final int TIEBREAK_BITS = 20;

    static EvaluatorTables build(int[] rankKeys, int rowShift) {
        Map<Long, Integer> valueOfScore = denseValues();

        char[] flush = new char[1 << 13];
        for (int mask = 0; mask < flush.length; mask++) {
            int cards = Integer.bitCount(mask);
            if (cards == 5) {
                flush[mask] = (char) (int) valueOfScore.get(score(countsOf(mask), true));
            } else if (cards == 6 || cards == 7) {
                int best = 0;
                for (int bits = mask; bits != 0; bits &= bits - 1) {
                    best = Math.max(best, flush[mask & ~Integer.lowestOneBit(bits)]);
                }
                flush[mask] = (char) best;
            }
        }

        Map<Integer, Integer> valueOfKey = new HashMap<>();
        for (int size = 5; size <= 7; size++) {
            for (int[] counts : rankMultisets(size)) {
                int key = 0;
                for (int r = 0; r < 13; r++) {
                    key += counts[r] * rankKeys[r];
                }
                int value;
                if (size == 5) {
                    value = valueOfScore.get(score(counts, false));
                } else {
                    value = 0;
                    for (int r = 0; r < 13; r++) {
                        if (counts[r] > 0) {
                            value = Math.max(value, valueOfKey.get(key - rankKeys[r]));
                        }
                    }
                }
                if (valueOfKey.put(key, value) != null) {
                    throw new IllegalStateException("rank keys collide at " + Arrays.toString(counts));
                }
            }
        }
        return pack(valueOfKey, flush, rowShift);
    }

    /** Maps every five-card score to its {@link HandValue#value()}. */
    private static Map<Long, Integer> denseValues() {
        List<Long> scores = new ArrayList<>();
        for (int[] counts : rankMultisets(5)) {
            scores.add(score(counts, false));
        }
        for (int mask = 0; mask < 1 << 13; mask++) {
            if (Integer.bitCount(mask) == 5) {
                scores.add(score(countsOf(mask), true));
            }
        }
        long[] sorted = scores.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (sorted.length != DISTINCT_FIVE_CARD_VALUES) {
            throw new IllegalStateException("expected 7462 five-card classes, got " + sorted.length);
        }
        Map<Long, Integer> values = new HashMap<>();
        int categoryStart = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i > 0 && category(sorted[i]) != category(sorted[i - 1])) {
                categoryStart = i;
            }
            values.put(sorted[i], (category(sorted[i]) << HandValue.CATEGORY_SHIFT) | (i - categoryStart));
        }
        return values;
    }

    private static int category(long score) {
        return (int) (score >>> TIEBREAK_BITS);
    }

    /**
     * A plain five-card score: category above five 4-bit tiebreak ranks (groups by size, then
     * rank, high first); a straight's tiebreak is its top card, five for the wheel.
     */
    static long score(int[] counts, boolean flush) {
        int[] groups = new int[5];
        int[] sizes = new int[5];
        int n = 0;
        int rankMask = 0;
        for (int size = 4; size >= 1; size--) {
            for (int r = 12; r >= 0; r--) {
                if (counts[r] == size) {
                    groups[n] = r;
                    sizes[n++] = size;
                    rankMask |= 1 << r;
                }
            }
        }
        int straightHigh = -1;
        if (n == 5) {
            if (groups[0] - groups[4] == 4) {
                straightHigh = groups[0];
            } else if (rankMask == WHEEL) {
                straightHigh = 3;
            }
        }
        HandCategory category;
        if (straightHigh >= 0) {
            category = flush ? HandCategory.STRAIGHT_FLUSH : HandCategory.STRAIGHT;
        } else if (flush) {
            category = HandCategory.FLUSH;
        } else if (sizes[0] == 4) {
            category = HandCategory.FOUR_OF_A_KIND;
        } else if (sizes[0] == 3) {
            category = sizes[1] == 2 ? HandCategory.FULL_HOUSE : HandCategory.THREE_OF_A_KIND;
        } else if (sizes[0] == 2) {
            category = sizes[1] == 2 ? HandCategory.TWO_PAIR : HandCategory.ONE_PAIR;
        } else {
            category = HandCategory.HIGH_CARD;
        }
        long tiebreak = 0;
        if (straightHigh >= 0) {
            tiebreak = straightHigh;
        } else {
            for (int i = 0; i < n; i++) {
                tiebreak |= (long) groups[i] << (4 * (4 - i));
            }
        }
        return ((long) category.ordinal() << TIEBREAK_BITS) | tiebreak;
    }

    private static int[] countsOf(int rankMask) {
        int[] counts = new int[13];
        for (int r = 0; r < 13; r++) {
            counts[r] = (rankMask >>> r) & 1;
        }
        return counts;
    }

    /** All rank multisets of the given size with at most four of each rank, as count vectors. */
    static List<int[]> rankMultisets(int size) {
        List<int[]> out = new ArrayList<>();
        collect(new int[13], 0, size, out);
        return out;
    }

    private static void collect(int[] counts, int rank, int left, List<int[]> out) {
        if (rank == 13) {
            if (left == 0) {
                out.add(counts.clone());
            }
            return;
        }
        for (int c = 0; c <= Math.min(4, left); c++) {
            counts[rank] = c;
            collect(counts, rank + 1, left - c, out);
        }
        counts[rank] = 0;
    }

    /** Row-displacement perfect hash: rows placed fullest first at the lowest free displacement. */
    private static EvaluatorTables pack(Map<Integer, Integer> valueOfKey, char[] flush, int rowShift) {
        int maxKey = valueOfKey.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int rows = (maxKey >>> rowShift) + 1;
        int colMask = (1 << rowShift) - 1;
        List<List<Integer>> colsOfRow = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            colsOfRow.add(new ArrayList<>());
        }
        for (int key : valueOfKey.keySet()) {
            colsOfRow.get(key >>> rowShift).add(key & colMask);
        }
        Integer[] order = new Integer[rows];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> colsOfRow.get(b).size() - colsOfRow.get(a).size());

        long[] used = new long[(valueOfKey.size() * 2 + (4 << rowShift)) >>> 6];
        int[] rowOffset = new int[rows];
        int length = 0;
        int firstFree = 0;
        for (int row : order) {
            List<Integer> list = colsOfRow.get(row);
            if (list.isEmpty()) {
                break;
            }
            int[] cols = list.stream().mapToInt(Integer::intValue).sorted().toArray();
            int displacement = lowestFit(used, cols, Math.max(0, firstFree - cols[0]));
            for (int col : cols) {
                int slot = displacement + col;
                used[slot >>> 6] |= 1L << slot;
            }
            length = Math.max(length, displacement + cols[cols.length - 1] + 1);
            while ((used[firstFree >>> 6] & (1L << firstFree)) != 0) {
                firstFree++;
            }
            rowOffset[row] = displacement - (row << rowShift);
        }
        char[] lookup = new char[length];
        valueOfKey.forEach((key, value) ->
                lookup[key + rowOffset[key >>> rowShift]] = (char) (int) value);
        return new EvaluatorTables(flush, lookup, rowOffset);
    }

    /**
     * The lowest displacement {@code >= from} at which no column of the row hits a used slot.
     * Tests 64 displacements at once: bit {@code j} of {@code blocked} is set when displacement
     * {@code d + j} collides.
     */
    private static int lowestFit(long[] used, int[] cols, int from) {
        for (int d = from; ; d += 64) {
            long blocked = 0;
            for (int i = 0; i < cols.length && blocked != -1L; i++) {
                blocked |= window(used, d + cols[i]);
            }
            if (blocked != -1L) {
                return d + Long.numberOfTrailingZeros(~blocked);
            }
        }
    }

    /** Bits {@code pos .. pos+63} of the bitmap, bit {@code pos} lowest. */
    private static long window(long[] used, int pos) {
        int word = pos >>> 6;
        if (word + 1 >= used.length) {
            throw new IllegalStateException("perfect hash table overflow");
        }
        int shift = pos & 63;
        long low = used[word] >>> shift;
        return shift == 0 ? low : low | used[word + 1] << (64 - shift);
    }
}
