package poker.domain.eval;

import java.util.Arrays;

/**
 * Slow, obvious poker scoring written independently of the evaluator's tables, only to check
 * them. A score is a long: category (0..8) then up to five tiebreak ranks (2..14), four bits
 * each, so scores compare as numbers.
 */
final class ReferenceEvaluator {

    private ReferenceEvaluator() {
    }

    /** Score of exactly five card indexes. */
    static long score5(int... cards) {
        int[] ranks = new int[5];
        boolean flush = true;
        for (int i = 0; i < 5; i++) {
            ranks[i] = (cards[i] >> 2) + 2;
            flush &= (cards[i] & 3) == (cards[0] & 3);
        }
        Arrays.sort(ranks);
        int[] desc = {ranks[4], ranks[3], ranks[2], ranks[1], ranks[0]};
        boolean distinct = desc[0] != desc[1] && desc[1] != desc[2] && desc[2] != desc[3] && desc[3] != desc[4];
        int straightHigh = 0;
        if (distinct && desc[0] - desc[4] == 4) {
            straightHigh = desc[0];
        } else if (Arrays.equals(desc, new int[] {14, 5, 4, 3, 2})) {
            straightHigh = 5;
        }
        if (straightHigh > 0) {
            return pack(flush ? 8 : 4, straightHigh);
        }
        if (flush) {
            return pack(5, desc);
        }
        // order ranks by (multiplicity, rank), both descending, then keep one per group
        int[] count = new int[15];
        for (int r : desc) {
            count[r]++;
        }
        Integer[] byGroup = {desc[0], desc[1], desc[2], desc[3], desc[4]};
        Arrays.sort(byGroup, (a, b) -> count[a] != count[b] ? count[b] - count[a] : b - a);
        int[] groups = Arrays.stream(byGroup).mapToInt(Integer::intValue).distinct().toArray();
        int top = count[groups[0]];
        int second = groups.length > 1 ? count[groups[1]] : 0;
        int category;
        if (top == 4) {
            category = 7;
        } else if (top == 3 && second == 2) {
            category = 6;
        } else if (top == 3) {
            category = 3;
        } else if (top == 2 && second == 2) {
            category = 2;
        } else if (top == 2) {
            category = 1;
        } else {
            category = 0;
        }
        return pack(category, groups);
    }

    /** Best score over all five-card subsets of five to seven card indexes. */
    static long best(int... cards) {
        long best = -1;
        int n = cards.length;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    for (int d = c + 1; d < n; d++) {
                        for (int e = d + 1; e < n; e++) {
                            best = Math.max(best, score5(cards[a], cards[b], cards[c], cards[d], cards[e]));
                        }
                    }
                }
            }
        }
        return best;
    }

    static int category(long score) {
        return (int) (score >>> 20);
    }

    private static long pack(int category, int... ranks) {
        long score = category;
        for (int i = 0; i < 5; i++) {
            score = (score << 4) | (i < ranks.length ? ranks[i] : 0);
        }
        return score;
    }
}
