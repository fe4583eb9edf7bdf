package poker.domain.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every one of the 133,784,560 seven-card hands, plus random cross-checks of six and seven. */
class SevenCardExhaustiveTest {

    @Test
    void allSevenCardHandsFallIntoTheKnownCategories() {
        long[] byCategory = new long[9];
        boolean[] seen = new boolean[1 << 16];
        long hands = 0;
        for (int c0 = 0; c0 < 52; c0++) {
            for (int c1 = c0 + 1; c1 < 52; c1++) {
                for (int c2 = c1 + 1; c2 < 52; c2++) {
                    for (int c3 = c2 + 1; c3 < 52; c3++) {
                        for (int c4 = c3 + 1; c4 < 52; c4++) {
                            for (int c5 = c4 + 1; c5 < 52; c5++) {
                                for (int c6 = c5 + 1; c6 < 52; c6++) {
                                    int value = HandEvaluator.rank7(c0, c1, c2, c3, c4, c5, c6);
                                    byCategory[value >>> HandValue.CATEGORY_SHIFT]++;
                                    seen[value] = true;
                                    hands++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(hands).isEqualTo(133_784_560L);
        assertThat(byCategory).containsExactly(
                23_294_460, // high card
                58_627_800, // one pair
                31_433_400, // two pair
                6_461_620, // three of a kind
                6_180_020, // straight
                4_047_644, // flush
                3_473_184, // full house
                224_848, // four of a kind
                41_584); // straight flush
        int distinct = 0;
        for (boolean s : seen) {
            distinct += s ? 1 : 0;
        }
        // seven cards can never make e.g. 7-5-4-3-2 high: only 4,824 of the 7,462 classes occur
        assertThat(distinct).isEqualTo(4824);
    }

    @Test
    void sevenCardsAreTheBestOfTheirTwentyOneFiveCardSubsets() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 300_000; n++) {
            int[] c = distinctCards(random, 7);
            int value = HandEvaluator.rank7(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
            if (HandEvaluator.rank(c) != value || value != bestOfFives(c)) {
                fail("seven cards %s: rank7 %d, rank %d, best of 21 %d",
                        Arrays.toString(c), value, HandEvaluator.rank(c), bestOfFives(c));
            }
        }
    }

    @Test
    void sixCardsAreTheBestOfTheirSixFiveCardSubsets() {
        SplittableRandom random = new SplittableRandom(6);
        for (int n = 0; n < 300_000; n++) {
            int[] c = distinctCards(random, 6);
            if (HandEvaluator.rank(c) != bestOfFives(c)) {
                fail("six cards %s: rank %d, best of 6 %d", Arrays.toString(c), HandEvaluator.rank(c), bestOfFives(c));
            }
        }
    }

    @Test
    void sevenCardCategoriesAgreeWithTheReferenceScorer() {
        SplittableRandom random = new SplittableRandom(77);
        for (int n = 0; n < 50_000; n++) {
            int[] c = distinctCards(random, 7);
            int category = HandEvaluator.rank(c) >>> HandValue.CATEGORY_SHIFT;
            if (category != ReferenceEvaluator.category(ReferenceEvaluator.best(c))) {
                fail("seven cards %s: category %d, reference %d", Arrays.toString(c), category,
                        ReferenceEvaluator.category(ReferenceEvaluator.best(c)));
            }
        }
    }

    private static int bestOfFives(int[] c) {
        int best = -1;
        int n = c.length;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int d = b + 1; d < n; d++) {
                    for (int e = d + 1; e < n; e++) {
                        for (int f = e + 1; f < n; f++) {
                            best = Math.max(best, HandEvaluator.rank5(c[a], c[b], c[d], c[e], c[f]));
                        }
                    }
                }
            }
        }
        return best;
    }

    /** n distinct card indexes: the first n of a partial Fisher–Yates shuffle. */
    static int[] distinctCards(SplittableRandom random, int n) {
        int[] deck = new int[52];
        for (int i = 0; i < 52; i++) {
            deck[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(52 - i);
            int swap = deck[i];
            deck[i] = deck[j];
            deck[j] = swap;
        }
        return Arrays.copyOf(deck, n);
    }
}
