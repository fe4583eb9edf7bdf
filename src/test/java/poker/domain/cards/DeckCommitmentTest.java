package poker.domain.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import poker.domain.cards.DeckCommitment.Opening;

/** The per-position deck commitment: leaves, the commitment over them, and openings. */
class DeckCommitmentTest {

    /** Cards in index order (2c 2d 2h 2s 3c … As); position i's salt is the byte i sixteen times. */
    private static final List<Card> DECK = Card.all();
    private static final List<String> SALTS = IntStream.range(0, 52)
            .mapToObj(i -> String.format("%02x", i).repeat(16)).toList();

    /**
     * Computed outside Java, with coreutils:
     * {@code printf '%s' "0:2c:000…0" | sha256sum}, and for the commitment
     * {@code printf '%s' "$LEAF_0$LEAF_1…$LEAF_51" | sha256sum}.
     */
    @Test
    void leavesAndCommitmentMatchAnIndependentlyComputedKnownAnswer() {
        DeckCommitment c = DeckCommitment.of(DECK, SALTS);
        assertThat(c.leaves()).hasSize(52);
        assertThat(c.leaves().get(0)).isEqualTo("41cad3d877c9533a4d1b48e1fb13906161c1efdef11c6ab9948126d29c2388fb");
        assertThat(c.leaves().get(17)).isEqualTo("5b2f9c1cae531057f60a44ad3e9d8fe795f5c91f937a55e0c4386574df3c01ef");
        assertThat(c.leaves().get(51)).isEqualTo("e45c411152de2c68ce5a2f08bfde51f6ad9ca2c01a139bda48b0451627179b19");
        assertThat(c.commitment()).isEqualTo("8cee717a5e1cc7d06c0b1e68a9986e07986fd027ede5c516eb5a4c67d733586d");
        assertThat(DeckCommitment.leaf(17, Card.parse("6d"), "11".repeat(16))).isEqualTo(c.leaves().get(17));
        assertThat(DeckCommitment.root(c.leaves())).isEqualTo(c.commitment());
        assertThat(c.leavesMatchCommitment()).isTrue();
    }

    @Test
    void positionZeroIsTheFirstCardDealt() {
        List<Card> order = Deck.shuffled(new SplittableRandom(3));
        List<String> salts = DeckCommitment.newSalts(new SplittableRandom(4));
        Deck.Dealt first = Deck.of(order).deal();
        Opening opening = DeckCommitment.open(order, salts, first.card());
        assertThat(opening.position()).isZero();
        assertThat(opening).isEqualTo(DeckCommitment.open(order, salts, 0));
        assertThat(DeckCommitment.of(order, salts).opens(opening)).isTrue();
    }

    @Test
    void anOpeningMatchesOnlyItsOwnLeaf() {
        DeckCommitment c = DeckCommitment.of(DECK, SALTS);
        Opening good = DeckCommitment.open(DECK, SALTS, 17);
        assertThat(good).isEqualTo(new Opening(17, Card.parse("6d"), "11".repeat(16)));
        assertThat(c.opens(good)).isTrue();

        assertThat(c.opens(new Opening(17, Card.parse("As"), good.salt()))).as("another card").isFalse();
        assertThat(c.opens(new Opening(18, good.card(), good.salt()))).as("another position").isFalse();
        assertThat(c.opens(new Opening(17, good.card(), "12".repeat(16)))).as("another salt").isFalse();
        Opening lettered = DeckCommitment.open(DECK, SALTS, 42); // salt 2a2a…
        assertThat(c.opens(lettered)).isTrue();
        assertThat(c.opens(new Opening(42, lettered.card(), lettered.salt().toUpperCase()))).as("upper-case hex")
                .isFalse();
        assertThat(c.opens(new Opening(52, good.card(), good.salt()))).as("past the deck").isFalse();
        assertThat(c.opens(new Opening(-1, good.card(), good.salt()))).isFalse();
        assertThat(c.opens(new Opening(17, null, good.salt()))).isFalse();
        assertThat(c.opens(new Opening(17, good.card(), null))).isFalse();
        assertThat(c.opens(null)).isFalse();
    }

    @Test
    void aChangedLeafOrCommitmentFailsVerification() {
        DeckCommitment c = DeckCommitment.of(DECK, SALTS);
        List<Opening> all = IntStream.range(0, 52).mapToObj(i -> DeckCommitment.open(DECK, SALTS, i)).toList();
        assertThat(c.verifies(all)).isTrue();
        assertThat(c.verifies(List.of())).as("no openings: the leaves still hash to the commitment").isTrue();

        List<String> leaves = new ArrayList<>(c.leaves());
        leaves.set(30, c.leaves().get(31));
        DeckCommitment swapped = new DeckCommitment(c.commitment(), leaves);
        assertThat(swapped.leavesMatchCommitment()).isFalse();
        assertThat(swapped.verifies(List.of(all.get(0)))).isFalse();

        assertThat(new DeckCommitment("00".repeat(32), c.leaves()).verifies(List.of())).isFalse();
        assertThat(new DeckCommitment(c.commitment(), c.leaves().subList(0, 51)).leavesMatchCommitment()).isFalse();
        assertThat(new DeckCommitment(c.commitment(), null).verifies(List.of())).isFalse();
    }

    @Test
    void saltsAreSixteenFreshBytesPerPosition() {
        List<String> salts = DeckCommitment.newSalts(new SecureRandom());
        assertThat(salts).hasSize(52).allMatch(s -> s.matches("[0-9a-f]{32}"));
        assertThat(new HashSet<>(salts)).hasSize(52);
        assertThat(DeckCommitment.newSalts(new SecureRandom())).doesNotContainAnyElementsOf(salts);
    }

    @Test
    void aCommitmentNeedsTheWholeDeckAndFiftyTwoWellFormedSalts() {
        assertThatThrownBy(() -> DeckCommitment.of(DECK, SALTS.subList(0, 51)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("52 salts");
        List<String> bad = new ArrayList<>(SALTS);
        bad.set(3, "XYZ");
        assertThatThrownBy(() -> DeckCommitment.of(DECK, bad)).isInstanceOf(IllegalArgumentException.class);
        List<Card> twice = new ArrayList<>(DECK);
        twice.set(1, twice.get(0));
        assertThatThrownBy(() -> DeckCommitment.of(twice, SALTS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeckCommitment.open(DECK.subList(0, 51), SALTS, Card.parse("As")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOpeningIsWrittenAsPositionCardAndSalt() throws Exception {
        String json = new ObjectMapper().writeValueAsString(DeckCommitment.open(DECK, SALTS, 51));
        assertThat(json).isEqualTo("{\"position\":51,\"card\":\"As\",\"salt\":\"" + "33".repeat(16) + "\"}");
        assertThat(new ObjectMapper().readValue(json, Opening.class)).isEqualTo(DeckCommitment.open(DECK, SALTS, 51));
    }
}
