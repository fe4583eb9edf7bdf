package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.Blind;
import poker.domain.holdem.HandEvent.BlindPosted;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

/**
 * Cash-table extra blinds (POKER_RULES.md rule 12) in the engine: a live big blind posted out of
 * position is the poster's bet, with the option; a dead small blind is money in the main pot, not a bet.
 * Blinds 50/100; button 1, small blind 2, big blind 3, the poster at seat 4 (first to act preflop).
 */
class NewAndReturningPlayersPostTest {

    private Hand.Builder table(long posterStack) {
        return Hand.table().button(1).blinds(50, 100)
                .seat(1, 10_000, "QsQd").seat(2, 10_000, "KsKd").seat(3, 10_000, "JsJd").seat(4, posterStack, "AsAd")
                .board("2c7d9hTc3s");
    }

    @Test
    void aLiveBigBlindIsThePostersBetAndKeepsTheOptionToCheck() {
        Hand hand = table(10_000).posts(4, Blind.EXTRA_BIG).start();

        assertThat(hand.events().subList(1, 4)).containsExactly(new BlindPosted(2, Blind.SMALL, 50),
                new BlindPosted(3, Blind.BIG, 100), new BlindPosted(4, Blind.EXTRA_BIG, 100));
        assertThat(hand.toAct()).as("preflop still starts left of the big blind").isEqualTo(4);
        assertThat(hand.state().seat(4).bet()).isEqualTo(100);
        assertThat(hand.legal(CHECK)).isNotNull();
        assertThat(hand.legal(CALL)).isNull();

        hand.act(4, CHECK).act(1, FOLD).act(2, CALL).act(3, CHECK);

        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.state().pots()).containsExactly(new Pot(300, List.of(2, 3, 4)));
    }

    @Test
    void aPosterWhoCheckedMustAnswerALaterRaise() {
        Hand hand = table(10_000).posts(4, Blind.EXTRA_BIG).start();

        hand.act(4, CHECK).act(1, RAISE, 300);

        assertThat(hand.toAct()).isEqualTo(2);
        hand.act(2, FOLD).act(3, FOLD);
        assertThat(hand.toAct()).isEqualTo(4);
        assertThat(hand.legal(CALL).min()).isEqualTo(200);
    }

    @Test
    void aDeadSmallBlindGoesToTheMainPotAndIsNoBet() {
        Hand hand = table(10_000).posts(4, Blind.DEAD_SMALL).start();

        assertThat(hand.events().get(3)).isEqualTo(new BlindPosted(4, Blind.DEAD_SMALL, 50));
        assertThat(hand.state().seat(4).bet()).isZero();
        assertThat(hand.state().collectedPots()).containsExactly(new Pot(50, List.of(1, 2, 3, 4)));
        assertThat(hand.legal(CALL).min()).as("the dead small blind does not count towards the call").isEqualTo(100);

        hand.act(4, FOLD).act(1, FOLD).act(2, FOLD);

        assertThat(hand.lastEvents()).containsSubsequence(new UncalledBetReturned(3, 50), new HandWon(0, 3, 150, null));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 10_000L, 2, 9_950L, 3, 10_100L, 4, 9_950L));
    }

    @Test
    void bothBlindsOwedPostTheBigOneLiveFirstAndTheSmallOneDead() {
        Hand hand = table(10_000).posts(4, Blind.DEAD_SMALL).posts(4, Blind.EXTRA_BIG).start();

        assertThat(hand.events().subList(3, 5)).containsExactly(new BlindPosted(4, Blind.EXTRA_BIG, 100),
                new BlindPosted(4, Blind.DEAD_SMALL, 50));
        assertThat(hand.state().seat(4).bet()).isEqualTo(100);
        hand.act(4, CHECK).act(1, FOLD).act(2, FOLD).act(3, CHECK);

        assertThat(hand.state().pots()).containsExactly(new Pot(300, List.of(3, 4)));
    }

    @Test
    void aShortStackPostsWhatItHasOfTheLiveBlindFirst() {
        Hand allIn = table(60).posts(4, Blind.EXTRA_BIG).posts(4, Blind.DEAD_SMALL).start();
        assertThat(allIn.events()).filteredOn(e -> e instanceof BlindPosted b && b.seat() == 4)
                .containsExactly(new BlindPosted(4, Blind.EXTRA_BIG, 60));
        assertThat(allIn.stack(4)).isZero();

        Hand partDead = table(130).posts(4, Blind.EXTRA_BIG).posts(4, Blind.DEAD_SMALL).start();
        assertThat(partDead.events()).filteredOn(e -> e instanceof BlindPosted b && b.seat() == 4)
                .containsExactly(new BlindPosted(4, Blind.EXTRA_BIG, 100), new BlindPosted(4, Blind.DEAD_SMALL, 30));
        assertThat(partDead.toAct()).as("all-in: nothing left to act with").isEqualTo(1);
    }

    @Test
    void extraPostsComeOnlyFromDealtInSeatsOtherThanTheBlinds() {
        assertThatThrownBy(() -> table(10_000).posts(3, Blind.EXTRA_BIG).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table(10_000).posts(5, Blind.DEAD_SMALL).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table(10_000).posts(4, Blind.BIG).start())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table(10_000).posts(4, Blind.EXTRA_BIG).posts(4, Blind.EXTRA_BIG).start())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
