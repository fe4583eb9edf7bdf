package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.eval.HandCategory;
import poker.domain.eval.HandEvaluator;
import poker.domain.eval.HandValue;

/**
 * What the engine relies on from the evaluator (the agreed API), checked against the placeholder
 * now and the real evaluator after the merge. Descriptions are not checked: only their presence.
 */
class EvaluatorContractTest {

    private static HandValue eval(String cards) {
        return HandEvaluator.evaluate(Card.parseAll(cards));
    }

    @Test
    void categoriesFromStrongestToWeakest() {
        List<String> hands = List.of(
                "9h Th Jh Qh Kh", "7s 7h 7d 7c 2s", "Ks Kh Kd 4c 4s", "2d 7d 9d Jd Ad", "5c 6d 7h 8s 9c",
                "Qs Qh Qd 2c 3s", "Js Jh 4d 4c As", "Ts Th 2d 5c 8s", "As Kd 9h 5c 3s");
        List<HandCategory> expected = List.of(HandCategory.STRAIGHT_FLUSH, HandCategory.FOUR_OF_A_KIND,
                HandCategory.FULL_HOUSE, HandCategory.FLUSH, HandCategory.STRAIGHT, HandCategory.THREE_OF_A_KIND,
                HandCategory.TWO_PAIR, HandCategory.ONE_PAIR, HandCategory.HIGH_CARD);
        for (int i = 0; i < hands.size(); i++) {
            HandValue v = eval(hands.get(i));
            assertThat(v.category()).as(hands.get(i)).isEqualTo(expected.get(i));
            assertThat(v.description()).isNotBlank();
            assertThat(v.bestFive()).hasSize(5);
            if (i > 0) {
                assertThat(v).isLessThan(eval(hands.get(i - 1)));
            }
        }
    }

    @Test
    void theWheelIsTheLowestStraight() {
        HandValue wheel = eval("As 2d 3h 4c 5s");
        assertThat(wheel.category()).isEqualTo(HandCategory.STRAIGHT);
        assertThat(wheel).isLessThan(eval("2d 3h 4c 5s 6s"));
        assertThat(wheel).isGreaterThan(eval("As Ad Ah Kc Qs"));
        assertThat(eval("Ah 2h 3h 4h 5h").category()).isEqualTo(HandCategory.STRAIGHT_FLUSH);
        assertThat(eval("Ah 2h 3h 4h 5h")).isLessThan(eval("2h 3h 4h 5h 6h"));
    }

    @Test
    void kickersDecideAndSuitsNeverDo() {
        assertThat(eval("As Ad Kc 9h 3s")).isGreaterThan(eval("Ah Ac Qc Jh Ts"));
        assertThat(eval("Ks Kd 5c 5h 9s")).isLessThan(eval("Ks Kd 5c 5h Ts"));
        assertThat(eval("As Kd 9h 5c 3s").value()).isEqualTo(eval("Ad Kc 9s 5h 3c").value());
        assertThat(eval("2s 4s 6s 8s Ts").value()).isEqualTo(eval("2h 4h 6h 8h Th").value());
    }

    @Test
    void sevenCardsPlayTheBestFive() {
        HandValue v = eval("As Ks 2c 7d Qs Js Ts");
        assertThat(v.category()).isEqualTo(HandCategory.STRAIGHT_FLUSH);
        assertThat(v.bestFive()).containsExactlyInAnyOrderElementsOf(Card.parseAll("As Ks Qs Js Ts"));
        // the board plays: both players tie
        String board = " 9c Tc Jd Qh Ks";
        assertThat(eval("2s 3d" + board).value()).isEqualTo(eval("4h 5h" + board).value());
        assertThat(HandEvaluator.rank(Card.parseAll("As Ks Qs Js Ts").stream().mapToInt(Card::index).toArray()))
                .isEqualTo(eval("As Ks Qs Js Ts").value());
    }
}
