package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.AntePosted;
import poker.domain.holdem.HandEvent.Blind;
import poker.domain.holdem.HandEvent.BlindPosted;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

/** Blinds 100/200 with a 200 big-blind ante; button 1, small blind 2, big blind 3. */
class BigBlindAnteTest {

    private Hand.Builder table(long bigBlindStack) {
        return Hand.table().button(1).blinds(100, 200).ante(200)
                .seat(1, 10_000, "QsQd").seat(2, 10_000, "KsKd").seat(3, bigBlindStack, "AsAd")
                .board("2c7d9hJc3s");
    }

    @Test
    void theBigBlindPostsTheBlindThenTheAnteForTheTable() {
        Hand hand = table(10_000).start();

        assertThat(hand.events().subList(1, 4)).containsExactly(
                new BlindPosted(2, Blind.SMALL, 100),
                new BlindPosted(3, Blind.BIG, 200),
                new AntePosted(3, 200));
        assertThat(hand.stack(3)).isEqualTo(9_600);
        assertThat(hand.state().currentBet()).isEqualTo(200);

        hand.act(1, FOLD).act(2, FOLD);

        assertThat(hand.lastEvents()).containsSubsequence(
                new UncalledBetReturned(3, 100),
                new HandWon(0, 3, 400, null));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 10_000L, 2, 9_900L, 3, 10_100L));
    }

    @Test
    void aShortBigBlindPaysTheBlindFirstAndOnlyWhatIsLeftOfTheAnte() {
        Hand hand = table(250).start();

        assertThat(hand.events().subList(1, 4)).containsExactly(
                new BlindPosted(2, Blind.SMALL, 100),
                new BlindPosted(3, Blind.BIG, 200),
                new AntePosted(3, 50));
        hand.act(1, CALL).act(2, CALL);
        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.state().pots()).containsExactly(new Pot(650, List.of(1, 2, 3)));
        for (int street = 0; street < 3; street++) {
            hand.act(2, CHECK).act(1, CHECK);
        }

        assertThat(hand.stacks()).isEqualTo(Map.of(1, 9_800L, 2, 9_800L, 3, 650L));
    }

    @Test
    void aBigBlindShortOfTheBlindPaysNoAnteAndOthersStillCallTheFullBlind() {
        Hand hand = table(150).start();

        assertThat(hand.eventsOf(AntePosted.class)).isEmpty();
        assertThat(hand.eventsOf(BlindPosted.class)).contains(new BlindPosted(3, Blind.BIG, 150));
        assertThat(hand.legal(CALL)).isEqualTo(new LegalAction(CALL, 200, 200));

        hand.act(1, CALL).act(2, FOLD);

        assertThat(hand.eventsOf(UncalledBetReturned.class)).containsExactly(new UncalledBetReturned(1, 50));
        assertThat(hand.wins()).containsExactly(new HandWon(0, 3, 400, hand.describe(3)));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 9_850L, 2, 9_900L, 3, 400L));
    }
}
