package poker.domain.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;

/** Every one of the 2,598,960 five-card hands. */
class FiveCardExhaustiveTest {

    private static final int HANDS = 2_598_960;

    @Test
    void allFiveCardHandsFallIntoTheKnownCategoriesAnd7462Classes() {
        long[] byCategory = new long[9];
        boolean[] seen = new boolean[1 << 16];
        int hands = 0;
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            int value = HandEvaluator.rank5(a, b, c, d, e);
                            byCategory[HandCategory.of(value).ordinal()]++;
                            seen[value] = true;
                            hands++;
                        }
                    }
                }
            }
        }
        assertThat(hands).isEqualTo(HANDS);
        assertThat(byCategory).containsExactly(
                1_302_540, // high card
                1_098_240, // one pair
                123_552, // two pair
                54_912, // three of a kind
                10_200, // straight
                5_108, // flush
                3_744, // full house
                624, // four of a kind
                40); // straight flush
        int distinct = 0;
        for (boolean s : seen) {
            distinct += s ? 1 : 0;
        }
        assertThat(distinct).isEqualTo(7462);
    }

    /**
     * The evaluator orders all hands exactly as the independent reference scorer does: sorting
     * every hand by reference score, the value never drops, and rises exactly when the score does.
     */
    @Test
    void valuesOrderHandsExactlyLikeTheReferenceScorer() {
        long[] scoreThenValue = new long[HANDS];
        int i = 0;
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            long score = ReferenceEvaluator.score5(a, b, c, d, e);
                            int value = HandEvaluator.rank(a, b, c, d, e);
                            if (ReferenceEvaluator.category(score) != value >>> HandValue.CATEGORY_SHIFT) {
                                fail("category differs from the reference for %s", List.of(a, b, c, d, e));
                            }
                            scoreThenValue[i++] = score << 16 | value;
                        }
                    }
                }
            }
        }
        Arrays.sort(scoreThenValue);
        for (int k = 1; k < HANDS; k++) {
            long prevScore = scoreThenValue[k - 1] >>> 16;
            long score = scoreThenValue[k] >>> 16;
            int prevValue = (int) (scoreThenValue[k - 1] & 0xFFFF);
            int value = (int) (scoreThenValue[k] & 0xFFFF);
            if (score == prevScore ? value != prevValue : value <= prevValue) {
                fail("reference scores %x then %x but values %d then %d", prevScore, score, prevValue, value);
            }
        }
    }

    @Test
    void valuesWithinACategoryAreNumberedFromZeroWithoutGaps() {
        int[] expectedPerCategory = {1277, 2860, 858, 858, 10, 1277, 156, 156, 10};
        boolean[] seen = new boolean[1 << 16];
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            seen[HandEvaluator.rank5(a, b, c, d, e)] = true;
                        }
                    }
                }
            }
        }
        for (int category = 0; category < 9; category++) {
            int base = category << HandValue.CATEGORY_SHIFT;
            for (int k = 0; k < 4096; k++) {
                if (seen[base + k] != k < expectedPerCategory[category]) {
                    fail("category %d rank %d seen: %b", category, k, seen[base + k]);
                }
            }
        }
    }

    @Test
    void objectApiAgreesWithTheIntPathOnFiveCards() {
        List<Card> cards = Card.parseAll("Qh Qd 9s 9c Qc");
        HandValue hand = HandEvaluator.evaluate(cards);
        assertThat(hand.value()).isEqualTo(HandEvaluator.rank(cards.stream().mapToInt(Card::index).toArray()));
        assertThat(hand.bestFive()).containsExactlyInAnyOrderElementsOf(cards);
    }
}
