package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poker.domain.cards.Card;
import poker.domain.eval.HandEvaluator;

/** The words PokerStars uses for a shown hand. */
class HandWordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "As Kd 9c 7h 4s 3d 2c | high card Ace",
            "Qs Qd 2c 7d Th Js 5h | a pair of Queens",
            "As Ad Tc Th 4s 3d 2c | two pair, Aces and Tens",
            "Ks Kd Kc 7h 4s 3d 2c | three of a kind, Kings",
            "As 2d 3c 4h 5s Kd Qc | a straight, Ace to Five",
            "9s Td Jc Qh Ks 2d 3c | a straight, Nine to King",
            "Ah 9h 7h 4h 2h Kd Qc | a flush, Ace high",
            "Ks Kd Kc 7h 7s 3d 2c | a full house, Kings full of Sevens",
            "As Ad Ac Ah 4s 3d 2c | four of a kind, Aces",
            "5h 6h 7h 8h 9h 2d 3c | a straight flush, Five to Nine",
            "Ah Kh Qh Jh Th 2d 3c | a Royal Flush",
            "2s 2d 9c 7h 4s Kd Jc | a pair of Deuces",
            "As Ad 2c 2h 4s 3d 9c | two pair, Aces and Deuces",
            "6s 6d 2c 2h Ks 3d 9c | two pair, Sixes and Deuces",
            "2s 2d 2c 7h 4s Kd Jc | three of a kind, Deuces",
            "2s 3d 4c 5h 6s Kd Jc | a straight, Deuce to Six",
            "2s 2d 2c Ah As Kd Jc | a full house, Deuces full of Aces",
            "As Ad Ac 2h 2s Kd Jc | a full house, Aces full of Deuces",
            "2s 2d 2c 2h As Kd Jc | four of a kind, Deuces",
            "2h 3h 4h 5h 6h Kd Jc | a straight flush, Deuce to Six"})
    void describesHandsAsPokerStarsDoes(String cards, String words) {
        assertThat(PokerStarsHistory.words(HandEvaluator.evaluate(Card.parseAll(cards)))).isEqualTo(words);
    }
}
