package poker.domain.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poker.domain.tournament.Eliminations.Ranked;
import poker.domain.tournament.TournamentCommand.Bust;
import poker.domain.tournament.TournamentEvent.Payout;

/** Ranking players out in the same hand (POKER_RULES.md "Tournaments" 6) and the bubble (7). */
class EliminationsTest {

    /** 27 entrants, pool 27000: 11214, 7377, 5016, 3393 for places 1–4. */
    static final List<Payout> PAYOUTS = Payouts.forField(27, 27_000);

    @Test
    void aLoneBustOutOfTheMoneyTakesTheWorstPlace() {
        assertThat(Eliminations.rank(List.of(new Bust("e7", 1500)), 12, PAYOUTS))
                .containsExactly(new Ranked("e7", 12, 1, 0));
    }

    @Test
    void aLoneBustInTheMoneyTakesItsPrize() {
        assertThat(Eliminations.rank(List.of(new Bust("e7", 1500)), 4, PAYOUTS))
                .containsExactly(new Ranked("e7", 4, 1, 3393));
    }

    @Test
    void theLargerStackAtTheStartOfTheHandFinishesHigher() {
        List<Ranked> ranked = Eliminations.rank(
                List.of(new Bust("small", 800), new Bust("big", 5000), new Bust("mid", 2000)), 5, PAYOUTS);

        assertThat(ranked).containsExactly(
                new Ranked("big", 3, 1, 5016),
                new Ranked("mid", 4, 1, 3393),
                new Ranked("small", 5, 1, 0));
    }

    @Test
    void equalStacksShareTheBestPlaceAndSplitThosePrizes() {
        // places 2 and 3: 7377 + 5016 = 12393, odd: 6197 to "a", 6196 to "b"
        List<Ranked> ranked = Eliminations.rank(List.of(new Bust("b", 3000), new Bust("a", 3000)), 3, PAYOUTS);

        assertThat(ranked).containsExactly(new Ranked("a", 2, 2, 6197), new Ranked("b", 2, 2, 6196));
    }

    @Test
    void aTieOnTheBubbleSplitsTheLastPrizeWithNothing() {
        // 5 left, 4 paid: two equal stacks bust: places 4 and 5 → 3393 + 0, split 1697 / 1696
        List<Ranked> ranked = Eliminations.rank(List.of(new Bust("x2", 900), new Bust("x1", 900)), 5, PAYOUTS);

        assertThat(ranked).containsExactly(new Ranked("x1", 4, 2, 1697), new Ranked("x2", 4, 2, 1696));
    }

    @Test
    void oddChipsGoOneByOneInEntryIdOrder() {
        List<Payout> payouts = List.of(new Payout(1, 50), new Payout(2, 30), new Payout(3, 20), new Payout(4, 2));
        // places 2, 3, 4 tied: 52 / 3 = 17 rest 1; then a lone bust at place 5 (a smaller stack)
        List<Ranked> ranked = Eliminations.rank(List.of(new Bust("q", 10), new Bust("p", 10), new Bust("r", 10),
                new Bust("s", 4)), 5, payouts);

        assertThat(ranked).containsExactly(
                new Ranked("p", 2, 3, 18), new Ranked("q", 2, 3, 17), new Ranked("r", 2, 3, 17),
                new Ranked("s", 5, 1, 0));
    }

    @Test
    void tiesBelowALargerStack() {
        List<Ranked> ranked = Eliminations.rank(List.of(new Bust("a", 100), new Bust("b", 300), new Bust("c", 100)),
                4, PAYOUTS);

        // b 2nd (7377); a and c share 3rd: 5016 + 3393 = 8409 → 4205 / 4204
        assertThat(ranked).containsExactly(
                new Ranked("b", 2, 1, 7377), new Ranked("a", 3, 2, 4205), new Ranked("c", 3, 2, 4204));
    }

    @Test
    void everyoneBustingAtOnceLeavesTheBestInFirst() {
        List<Ranked> ranked = Eliminations.rank(List.of(new Bust("a", 100), new Bust("b", 300)), 2,
                List.of(new Payout(1, 65), new Payout(2, 35)));

        assertThat(ranked).containsExactly(new Ranked("b", 1, 1, 65), new Ranked("a", 2, 1, 35));
    }

    @Test
    void nobodyBustedNothingRanked() {
        assertThat(Eliminations.rank(List.of(), 9, PAYOUTS)).isEmpty();
    }

    @Test
    void refusesImpossibleBusts() {
        assertThatThrownBy(() -> Eliminations.rank(List.of(new Bust("a", 1), new Bust("b", 1)), 1, PAYOUTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Eliminations.rank(List.of(new Bust("a", 1), new Bust("a", 2)), 5, PAYOUTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "remaining {0}, paid {1}, tables {2}: hand-for-hand {3}")
    @CsvSource({
            "5,4,2,true",    // the next bust is out of the money, two tables
            "5,4,1,false",   // one table plays hand for hand by itself
            "6,4,2,false",   // two busts from the money
            "4,4,2,false",   // in the money
            "31,30,4,true",  // 200 entrants, bubble at 31
            "2,1,2,true",
            "1,0,2,false"})
    void handForHand(int remaining, int paid, int tables, boolean expected) {
        assertThat(Eliminations.handForHand(remaining, paid, tables)).isEqualTo(expected);
    }
}
