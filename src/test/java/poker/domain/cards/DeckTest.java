package poker.domain.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeckTest {

    private static final int SHUFFLES = 1_000_000;
    private static final double REJECT_BELOW = 1e-6;

    private static List<Card> newDeckOrder() {
        return Card.all();
    }

    private static byte[] saltZeroToThirtyOne() {
        byte[] salt = new byte[32];
        for (int i = 0; i < 32; i++) {
            salt[i] = (byte) i;
        }
        return salt;
    }


    @Test
    void everyShuffleIsAPermutationOfTheFiftyTwoCards() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int n = 0; n < 200; n++) {
            List<Card> order = Deck.shuffled(rng);
            assertThat(order).hasSize(52).containsExactlyInAnyOrderElementsOf(Card.all());
        }
    }

    @Test
    void theSameSeedGivesTheSameDeck() {
        assertThat(Deck.shuffled(new SplittableRandom(42))).isEqualTo(Deck.shuffled(new SplittableRandom(42)));
        assertThat(Deck.shuffled(new SplittableRandom(42))).isNotEqualTo(Deck.shuffled(new SplittableRandom(43)));
    }

    @Test
    void productionShufflesWithSecureRandom() {
        SecureRandom secure = new SecureRandom();
        Deck deck = Deck.of(Deck.shuffled(secure));
        byte[] salt = Deck.newSalt(secure);
        assertThat(deck.order()).containsExactlyInAnyOrderElementsOf(Card.all());
        assertThat(salt).hasSize(32).isNotEqualTo(new byte[32]);
        assertThat(Deck.verify(Deck.commitment(deck.order(), salt), deck.order(), salt)).isTrue();
    }

    /**
     * Chi-square test of the 52 x 52 (position, card) counts over a million seeded shuffles.
     *
     * <p>Each position's counts are multinomial(N, 1/52), so their statistic is chi-square with
     * 51 degrees of freedom; 52 of them are checked with a Bonferroni bound. The statistic summed
     * over all 2,704 cells is, for uniform permutations, (52/51) times chi-square with 51^2 = 2,601
     * degrees of freedom (the counts live in the space of matrices with fixed row and column
     * sums, where the covariance of a random permutation matrix is isotropic). The shuffle is
     * rejected only at p < 1e-6 for either check, so a correct shuffle fails about twice in a
     * million seeds; the seeds are fixed anyway.
     */
    @Test
    void fisherYatesGivesUniformPositions() {
        RandomGenerator rng = new SplittableRandom(20261127L);
        long[][] counts = new long[52][52];
        for (int n = 0; n < SHUFFLES; n++) {
            List<Card> order = Deck.shuffled(rng);
            for (int position = 0; position < 52; position++) {
                counts[position][order.get(position).index()]++;
            }
        }
        Verdict verdict = Verdict.of(counts, SHUFFLES);
        assertThat(verdict.rejected()).as(verdict.toString()).isFalse();
    }

    @Test
    void theClassicSwapWithAnyCardShuffleIsRejected() {
        RandomGenerator rng = new SplittableRandom(20261127L);
        long[][] counts = new long[52][52];
        int[] deck = new int[52];
        for (int n = 0; n < SHUFFLES; n++) {
            for (int i = 0; i < 52; i++) {
                deck[i] = i;
            }
            for (int i = 0; i < 52; i++) {
                swap(deck, i, rng.nextInt(52)); // biased: 52^52 paths onto 52! orders
            }
            for (int position = 0; position < 52; position++) {
                counts[position][deck[position]]++;
            }
        }
        Verdict verdict = Verdict.of(counts, SHUFFLES);
        assertThat(verdict.rejected()).as(verdict.toString()).isTrue();
    }

    @Test
    void theOffByOneShuffleIsRejected() {
        RandomGenerator rng = new SplittableRandom(20261127L);
        long[][] counts = new long[52][52];
        int[] deck = new int[52];
        for (int n = 0; n < SHUFFLES; n++) {
            for (int i = 0; i < 52; i++) {
                deck[i] = i;
            }
            for (int i = 51; i > 0; i--) {
                swap(deck, i, rng.nextInt(i)); // j in [0, i): no card can stay put
            }
            for (int position = 0; position < 52; position++) {
                counts[position][deck[position]]++;
            }
        }
        Verdict verdict = Verdict.of(counts, SHUFFLES);
        assertThat(verdict.rejected()).as(verdict.toString()).isTrue();
    }

    private static void swap(int[] deck, int i, int j) {
        int t = deck[i];
        deck[i] = deck[j];
        deck[j] = t;
    }

    private record Verdict(double overallStatistic, double overallP, double worstPositionStatistic, double worstPositionP) {

        static Verdict of(long[][] counts, int shuffles) {
            double expected = shuffles / 52.0;
            double overall = 0;
            double worst = 0;
            for (long[] row : counts) {
                double rowStatistic = 0;
                for (long observed : row) {
                    double diff = observed - expected;
                    rowStatistic += diff * diff / expected;
                }
                overall += rowStatistic;
                worst = Math.max(worst, rowStatistic);
            }
            return new Verdict(overall, ChiSquare.upperTail(overall * 51 / 52, 51 * 51),
                    worst, ChiSquare.upperTail(worst, 51));
        }

        boolean rejected() {
            return overallP < REJECT_BELOW || worstPositionP < REJECT_BELOW / 52;
        }
    }

    @Test
    void chiSquareTailMatchesPublishedTables() {
        assertThat(ChiSquare.upperTail(3.841459, 1)).isCloseTo(0.05, offset(1e-6));
        assertThat(ChiSquare.upperTail(18.307038, 10)).isCloseTo(0.05, offset(1e-6));
        assertThat(ChiSquare.upperTail(68.669294, 51)).isCloseTo(0.05, offset(1e-5));
        assertThat(ChiSquare.upperTail(20, 2)).isCloseTo(Math.exp(-10), offset(1e-15));
        assertThat(ChiSquare.upperTail(2601, 2601)).isBetween(0.45, 0.51);
    }


    @Test
    void dealsHoldemFromTheTopWithBurns() {
        Deck deck = Deck.of(newDeckOrder());
        Deck.Dealt hole = deck.deal(4);
        Deck.Dealt flop = hole.deck().burn().deal(3);
        Deck.Dealt turn = flop.deck().burn().deal();
        Deck.Dealt river = turn.deck().burn().deal();
        assertThat(hole.cards()).extracting(Card::toString).containsExactly("2c", "2d", "2h", "2s");
        assertThat(flop.cards()).extracting(Card::toString).containsExactly("3d", "3h", "3s");
        assertThat(turn.card()).hasToString("4d");
        assertThat(river.card()).hasToString("4s");
        assertThat(river.deck().position()).isEqualTo(12);
        assertThat(river.deck().remaining()).isEqualTo(40);
        assertThat(river.deck().used()).hasSize(12);
        assertThat(deck.position()).as("dealing leaves the original untouched").isZero();
    }

    @Test
    void cannotDealPastTheEnd() {
        Deck empty = Deck.of(newDeckOrder()).deal(52).deck();
        assertThat(empty.remaining()).isZero();
        assertThatThrownBy(empty::deal).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(empty::burn).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Deck.of(newDeckOrder()).deal(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeckOrderHoldsEachCardExactlyOnce() {
        List<Card> missing = new ArrayList<>(newDeckOrder().subList(0, 51));
        List<Card> repeated = new ArrayList<>(missing);
        repeated.add(missing.get(0));
        List<Card> withNull = new ArrayList<>(missing);
        withNull.add(null);
        assertThatThrownBy(() -> Deck.of(missing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deck.of(repeated)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deck.of(withNull)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deck.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Deck(newDeckOrder(), 53)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeckSurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Deck deck = Deck.of(Deck.shuffled(new SplittableRandom(5))).burn();
        String text = json.writeValueAsString(deck);
        assertThat(text).startsWith("{\"order\":[\"").endsWith("\"position\":1}");
        assertThat(json.readValue(text, Deck.class)).isEqualTo(deck);
    }

    @Test
    void printingADeckDoesNotRevealItsOrder() {
        Deck deck = Deck.of(Deck.shuffled(new SplittableRandom(3)));
        assertThat(deck.toString()).doesNotContain(deck.order().get(0).toString()).contains("remaining=52");
    }


    @Test
    void commitmentMatchesAnIndependentlyComputedKnownAnswer() {
        // printf '%s' 2c2d2h2s3c...AhAs, then bytes 0x00..0x1f, through sha256sum
        assertThat(Deck.commitment(newDeckOrder(), saltZeroToThirtyOne()))
                .isEqualTo("6863a73e5230083e2b0e418711d8cf1f31675fb17eba9d29ef5a25f0e899a832");
    }

    @Test
    void commitmentIsSha256OfTheCardTextThenTheSalt() throws Exception {
        List<Card> order = Deck.shuffled(new SplittableRandom(9));
        byte[] salt = Deck.newSalt(new SplittableRandom(10));
        StringBuilder text = new StringBuilder();
        order.forEach(text::append);
        assertThat(text).hasSize(104);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] expected = sha256.digest(salt);
        assertThat(Deck.commitment(order, salt)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void commitmentVerifiesTheRevealedDeckAndSalt() {
        RandomGenerator rng = new SplittableRandom(11);
        List<Card> order = Deck.shuffled(rng);
        byte[] salt = Deck.newSalt(rng);
        String commitment = Deck.commitment(order, salt);
        assertThat(commitment).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(Deck.verify(commitment, order, salt)).isTrue();
        assertThat(Deck.verify(commitment.toUpperCase(), order, salt)).isTrue();
    }

    @Test
    void verificationFailsWhenTwoCardsAreSwapped() {
        RandomGenerator rng = new SplittableRandom(12);
        List<Card> order = Deck.shuffled(rng);
        byte[] salt = Deck.newSalt(rng);
        String commitment = Deck.commitment(order, salt);
        List<Card> swapped = new ArrayList<>(order);
        Collections.swap(swapped, 7, 8);
        assertThat(Deck.verify(commitment, swapped, salt)).isFalse();
    }

    @Test
    void verificationFailsWhenTheSaltChanges() {
        RandomGenerator rng = new SplittableRandom(13);
        List<Card> order = Deck.shuffled(rng);
        byte[] salt = Deck.newSalt(rng);
        String commitment = Deck.commitment(order, salt);
        byte[] changed = salt.clone();
        changed[31] ^= 1;
        assertThat(Deck.verify(commitment, order, changed)).isFalse();
    }

    @Test
    void verificationRejectsNonsense() {
        List<Card> order = newDeckOrder();
        byte[] salt = saltZeroToThirtyOne();
        String commitment = Deck.commitment(order, salt);
        assertThat(Deck.verify("not hex", order, salt)).isFalse();
        assertThat(Deck.verify(null, order, salt)).isFalse();
        assertThat(Deck.verify(commitment, order.subList(0, 51), salt)).isFalse();
        assertThat(Deck.verify(commitment, order, new byte[31])).isFalse();
        assertThat(Deck.verify(commitment, order, null)).isFalse();
        assertThatThrownBy(() -> Deck.commitment(order, new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
