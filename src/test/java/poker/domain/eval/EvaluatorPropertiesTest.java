package poker.domain.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import poker.domain.cards.Card;
import poker.domain.cards.Suit;

class EvaluatorPropertiesTest {

    @Provide
    Arbitrary<List<Card>> hands() {
        return Arbitraries.of(Card.all()).list().uniqueElements().ofMinSize(5).ofMaxSize(7);
    }

    @Provide
    Arbitrary<List<Card>> fiveOrSixPlusOne() {
        return Arbitraries.of(Card.all()).list().uniqueElements().ofMinSize(6).ofMaxSize(7);
    }

    @Provide
    Arbitrary<List<Suit>> suitPermutations() {
        return Arbitraries.shuffle(Suit.values());
    }

    @Property
    void cardOrderDoesNotMatter(@ForAll("hands") List<Card> cards, @ForAll Random random) {
        List<Card> shuffled = new ArrayList<>(cards);
        Collections.shuffle(shuffled, random);
        assertThat(HandEvaluator.evaluate(shuffled).value()).isEqualTo(HandEvaluator.evaluate(cards).value());
    }

    @Property
    void renamingSuitsDoesNotMatter(@ForAll("hands") List<Card> cards, @ForAll("suitPermutations") List<Suit> perm) {
        List<Card> renamed = cards.stream()
                .map(c -> Card.of(c.rank(), perm.get(c.suit().ordinal())))
                .toList();
        assertThat(HandEvaluator.evaluate(renamed).value()).isEqualTo(HandEvaluator.evaluate(cards).value());
    }

    @Property
    void anotherCardNeverMakesTheHandWorse(@ForAll("fiveOrSixPlusOne") List<Card> cards) {
        List<Card> fewer = cards.subList(0, cards.size() - 1);
        assertThat(HandEvaluator.evaluate(cards)).isGreaterThanOrEqualTo(HandEvaluator.evaluate(fewer));
    }

    @Property
    void theObjectAndIntPathsAgreeAndBestFiveMakesTheValue(@ForAll("hands") List<Card> cards) {
        HandValue hand = HandEvaluator.evaluate(cards);
        assertThat(HandEvaluator.rank(cards.stream().mapToInt(Card::index).toArray())).isEqualTo(hand.value());
        assertThat(cards).containsAll(hand.bestFive());
        assertThat(HandEvaluator.evaluate(hand.bestFive()).value()).isEqualTo(hand.value());
        assertThat(hand.category()).isEqualTo(HandCategory.of(hand.value()));
    }
}
