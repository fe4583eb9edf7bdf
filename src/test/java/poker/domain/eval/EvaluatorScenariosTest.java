package poker.domain.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poker.domain.cards.Card;

class EvaluatorScenariosTest {

    private static HandValue hand(String cards) {
        return HandEvaluator.evaluate(Card.parseAll(cards));
    }

    private static String five(HandValue hand) {
        return String.join(" ", hand.bestFive().stream().map(Card::toString).toList());
    }

    @Test
    void theWheelIsTheLowestStraight() {
        HandValue wheel = hand("Ah 2s 3d 4c 5s");
        HandValue sixHigh = hand("2h 3s 4d 5c 6s");
        HandValue trips = hand("Ah As Ad Kc Qs");
        assertThat(wheel.category()).isEqualTo(HandCategory.STRAIGHT);
        assertThat(wheel).isLessThan(sixHigh).isGreaterThan(trips);
        assertThat(wheel.description()).isEqualTo("Straight, Five high");
        assertThat(five(wheel)).isEqualTo("5s 4c 3d 2s Ah");
        assertThat(hand("Ah Ks Qd Jc Ts")).isGreaterThan(hand("9h Ks Qd Jc Ts"));
    }

    @Test
    void aSteelWheelIsTheLowestStraightFlush() {
        HandValue steelWheel = hand("Ad 2d 3d 4d 5d");
        assertThat(steelWheel.category()).isEqualTo(HandCategory.STRAIGHT_FLUSH);
        assertThat(steelWheel).isLessThan(hand("2c 3c 4c 5c 6c")).isGreaterThan(hand("As Ah Ad Ac Ks"));
        assertThat(steelWheel.description()).isEqualTo("Straight Flush, Five high");
    }

    @Test
    void noWrapAroundStraights() {
        assertThat(hand("Qh Ks Ad 2c 3s").category()).isEqualTo(HandCategory.HIGH_CARD);
    }

    @Test
    void categoriesRankInOrder() {
        List<HandValue> ascending = List.of(
                hand("Ah Js 8d 4c 2s"),
                hand("2h 2s 8d 4c 3s"),
                hand("2h 2s 3d 3c 4s"),
                hand("2h 2s 2d 4c 3s"),
                hand("Ah 2s 3d 4c 5s"),
                hand("2h 3h 4h 5h 7h"),
                hand("2h 2s 2d 3c 3s"),
                hand("2h 2s 2d 2c 3s"),
                hand("Ah 2h 3h 4h 5h"));
        for (int i = 0; i < ascending.size(); i++) {
            assertThat(ascending.get(i).category().ordinal()).isEqualTo(i);
            if (i > 0) {
                assertThat(ascending.get(i)).isGreaterThan(ascending.get(i - 1));
            }
        }
    }

    @Test
    void kickersDecide() {
        assertThat(hand("As Ad Kc 7h 3s")).isGreaterThan(hand("Ah Ac Qd 7s 3h"));
        assertThat(hand("As Ad Kc 7h 4s")).isGreaterThan(hand("Ah Ac Kd 7s 3h"));
        assertThat(hand("Ks Kd 5c 5h As")).isGreaterThan(hand("Kh Kc 5d 5s Qh"));
        assertThat(hand("Ks Kd 6c 6h 2s")).isGreaterThan(hand("Kh Kc 5d 5s Ah"));
        assertThat(hand("Ah Js 8d 4c 3s")).isGreaterThan(hand("As Jd 8c 4h 2h"));
        assertThat(hand("9s 9d 9c Ah 2s")).isGreaterThan(hand("9h 9d 9c Kh Qs"));
        assertThat(hand("7s 7d 7c 7h 3s")).isGreaterThan(hand("7s 7d 7c 7h 2s"));
        assertThat(hand("Ah Jh 8h 4h 3h")).isGreaterThan(hand("As Js 8s 4s 2s"));
        assertThat(hand("3s 3d 3c 2h 2s")).isGreaterThan(hand("2s 2d 2c Ah As"));
    }

    @Test
    void suitsNeverBreakTies() {
        HandValue spades = hand("As Ks Qs Js 9s");
        HandValue hearts = hand("Ah Kh Qh Jh 9h");
        assertThat(spades.value()).isEqualTo(hearts.value());
        assertThat(spades.compareTo(hearts)).isZero();
        assertThat(spades.ties(hearts)).isTrue();
        assertThat(spades.beats(hearts)).isFalse();
        assertThat(hand("Ah Kd 9c 5s 3h")).isEqualByComparingTo(hand("As Kc 9d 5h 3c"));
    }

    @Test
    void theBoardCanPlayForEveryone() {
        String board = "Ah Kh Qd Jc Ts";
        HandValue first = hand(board + " 2c 3d");
        HandValue second = hand(board + " 4s 5s");
        assertThat(first.value()).isEqualTo(second.value());
        assertThat(five(first)).isEqualTo("Ah Kh Qd Jc Ts");
    }

    @Test
    void sevenCardsPickTheBestFive() {
        HandValue fullHouse = hand("Kh 7d Ks 7s Kd 7c 2h");
        assertThat(fullHouse.category()).isEqualTo(HandCategory.FULL_HOUSE);
        assertThat(fullHouse.bestFive()).hasSize(5).filteredOn(c -> c.toString().startsWith("K")).hasSize(3);
        assertThat(fullHouse.bestFive()).filteredOn(c -> c.toString().startsWith("7")).hasSize(2);
        assertThat(fullHouse.description()).isEqualTo("Full House, Kings full of Sevens");

        HandValue sixFlush = hand("2h 9h Kh 4h Jh 7h Ac");
        assertThat(five(sixFlush)).isEqualTo("Kh Jh 9h 7h 4h");
        assertThat(sixFlush.description()).isEqualTo("Flush, King high");

        HandValue sixStraight = hand("4c 5d 6h 7s 8c 9d 2s");
        assertThat(five(sixStraight)).isEqualTo("9d 8c 7s 6h 5d");

        HandValue straightFlushOverFlush = hand("5h 6h 7h 8h 9h Ah Kh");
        assertThat(straightFlushOverFlush.category()).isEqualTo(HandCategory.STRAIGHT_FLUSH);
        assertThat(five(straightFlushOverFlush)).isEqualTo("9h 8h 7h 6h 5h");

        HandValue quadsWithBestKicker = hand("8s 8h 8d 8c Ks Qd Js");
        assertThat(five(quadsWithBestKicker)).isEqualTo("8s 8h 8d 8c Ks");

        HandValue threePairs = hand("As Ad Ts Tc 4h 4d Qh");
        assertThat(threePairs.description()).isEqualTo("Two Pair, Aces and Tens");
        assertThat(five(threePairs)).isEqualTo("As Ad Ts Tc Qh");
    }

    @Test
    void bestFiveAlwaysComesFromTheHandAndMakesItsValue() {
        HandValue hand = hand("Qs Qd 4c 4h 9s 9c 2d");
        List<Card> cards = Card.parseAll("Qs Qd 4c 4h 9s 9c 2d");
        assertThat(cards).containsAll(hand.bestFive());
        assertThat(HandEvaluator.evaluate(hand.bestFive()).value()).isEqualTo(hand.value());
        assertThat(hand.description()).isEqualTo("Two Pair, Queens and Nines");
    }

    @ParameterizedTest(name = "{0} reads \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Ah Js 8d 4c 2s       | High Card, Ace",
        "Kh Ks 8d 4c 2s       | One Pair, Kings",
        "Ah As Td Tc 5s       | Two Pair, Aces and Tens",
        "6h 6s 6d Ac 2s       | Three of a Kind, Sixes",
        "Ah 2s 3d 4c 5s       | Straight, Five high",
        "Ts Jh Qd Kc As       | Straight, Ace high",
        "2h 7h 9h Jh Qh       | Flush, Queen high",
        "Kh Ks Kd 7c 7s       | Full House, Kings full of Sevens",
        "7h 7s 7d Kc Ks       | Full House, Sevens full of Kings",
        "2h 2s 2d 2c As       | Four of a Kind, Deuces",
        "9c Tc Jc Qc Kc       | Straight Flush, King high",
        "Ts Js Qs Ks As       | Straight Flush, Ace high",
        "3h 3d Ks Kd 9c 9s 2c | Two Pair, Kings and Nines"})
    void descriptionsReadLikeADealerSaysThem(String cards, String description) {
        assertThat(hand(cards).description()).isEqualTo(description);
    }

    @Test
    void valuesCarryTheirCategoryInTheHighBits() {
        HandValue quads = hand("2h 2s 2d 2c 3s");
        assertThat(quads.value() >>> HandValue.CATEGORY_SHIFT).isEqualTo(HandCategory.FOUR_OF_A_KIND.ordinal());
        assertThat(HandCategory.of(quads.value())).isEqualTo(HandCategory.FOUR_OF_A_KIND);
        assertThat(hand("2h 3s 4d 5c 7s").value()).isEqualTo(0);
        assertThat(HandCategory.FULL_HOUSE.displayName()).isEqualTo("Full House");
    }

    @Test
    void evaluateRejectsBadInput() {
        assertThatThrownBy(() -> hand("Ah Ks Qd Jc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hand("Ah Ks Qd Jc Ts 9s 8s 7s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hand("Ah Ks Qd Jc Ah")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.evaluate(null)).isInstanceOf(IllegalArgumentException.class);
        List<Card> withNull = new ArrayList<>(Card.parseAll("Ah Ks Qd Jc"));
        withNull.add(null);
        assertThatThrownBy(() -> HandEvaluator.evaluate(withNull)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intPathRejectsBadInput() {
        assertThatThrownBy(() -> HandEvaluator.rank(0, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank(0, 1, 2, 3, 4, 5, 6, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank(0, 1, 2, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank(0, 1, 2, 3, 52)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank(0, 1, 2, 3, 63)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank(0, 1, 2, 3, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank7(0, 1, 2, 3, 4, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank7(0, 1, 2, 3, 4, 5, 55)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank7(0, 1, 2, 3, 4, 5, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.rank5(-4, 1, 2, 3, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandValueSurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HandValue hand = hand("Kh 7d Ks 7s Kd 7c 2h");
        String text = json.writeValueAsString(hand);
        assertThat(text).contains("\"category\":\"FULL_HOUSE\"");
        assertThat(json.readValue(text, HandValue.class)).isEqualTo(hand);
    }

    @Test
    void handValueChecksItsParts() {
        List<Card> five = Card.parseAll("Ah Js 8d 4c 2s");
        assertThatThrownBy(() -> new HandValue(5, HandCategory.FLUSH, five)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HandValue(5, HandCategory.HIGH_CARD, five.subList(0, 4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandCategory.of(9 << HandValue.CATEGORY_SHIFT)).isInstanceOf(IllegalArgumentException.class);
    }
}
