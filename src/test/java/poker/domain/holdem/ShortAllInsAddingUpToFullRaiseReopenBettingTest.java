package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.HandWon;

/**
 * The TDA example. Blinds 50/100: A bets 100, B all-in 125, C calls 125, D all-in 200, E calls
 * 200: A now faces 100 more, a full raise, so A may re-raise; C faces only 75 and may not.
 */
class ShortAllInsAddingUpToFullRaiseReopenBettingTest {

    // A=1 (small blind), B=2 (big blind), C=3, D=4, E=5 (button); everyone limps, then on the flop:
    private Hand afterTheShortAllIns() {
        Hand hand = Hand.table().button(5)
                .seat(1, 5_000, "Qs6c").seat(2, 225, "AsAd").seat(3, 5_000, "Kc5d")
                .seat(4, 300, "KsKd").seat(5, 5_000, "QhQd")
                .board("2c7d9hJc3s")
                .start()
                .act(3, CALL).act(4, CALL).act(5, CALL).act(1, CALL).act(2, CHECK);
        assertThat(hand.toAct()).isEqualTo(1);
        return hand.act(1, BET, 100).act(2, ALL_IN).act(3, CALL).act(4, ALL_IN).act(5, CALL);
    }

    @Test
    void theMinimumRaiseStaysTheLastFullRaise() {
        Hand hand = afterTheShortAllIns();

        assertThat(hand.state().currentBet()).isEqualTo(200);
        assertThat(hand.state().minRaise()).isEqualTo(100);
    }

    @Test
    void aMayReRaiseAndTheSidePotsFollowTheAllInLevels() {
        Hand hand = afterTheShortAllIns();
        assertThat(hand.toAct()).isEqualTo(1);
        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 300, 4_900));

        hand.act(1, RAISE, 300);
        assertThat(hand.legal(RAISE)).as("C faces a full raise now").isNotNull();
        hand.act(3, FOLD).act(5, CALL);
        assertThat(hand.state().street()).isEqualTo(Street.TURN);
        hand.act(1, CHECK).act(5, CHECK).act(1, CHECK).act(5, CHECK);

        // main 5 x 225 (B wins), side 3 x 75 (D wins), side 2 x 100 (E beats A)
        assertThat(hand.wins()).containsExactly(
                new HandWon(2, 5, 200, hand.describe(5)),
                new HandWon(1, 4, 225, hand.describe(4)),
                new HandWon(0, 2, 1125, hand.describe(2)));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 4_600L, 2, 1_125L, 3, 4_775L, 4, 225L, 5, 4_800L));
    }

    @Test
    void cFacesOnlyTheShortAllInAndMayNotRaise() {
        Hand hand = afterTheShortAllIns().act(1, CALL);

        assertThat(hand.toAct()).isEqualTo(3);
        assertThat(hand.legal()).containsExactly(new LegalAction(FOLD, 0, 0), new LegalAction(CALL, 75, 75));
        assertThat(hand.reject(3, RAISE, 300).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);

        hand.act(3, CALL);
        assertThat(hand.state().street()).isEqualTo(Street.TURN);
        hand.act(1, CHECK).act(3, CHECK).act(5, CHECK).act(1, CHECK).act(3, CHECK).act(5, CHECK);

        assertThat(hand.stacks()).isEqualTo(Map.of(1, 4_700L, 2, 1_125L, 3, 4_700L, 4, 300L, 5, 4_700L));
    }
}
