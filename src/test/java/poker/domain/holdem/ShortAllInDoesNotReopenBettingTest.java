package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.CardsShown;

class ShortAllInDoesNotReopenBettingTest {

    /**
     * Blinds 100/200, button 3: A (3) raises to 600, B (1, small blind, 800 chips) goes all-in for 800,
     * a raise of only 200 where a full raise is 400.
     */
    private Hand shortAllInAfterARaise() {
        return Hand.table().button(3).blinds(100, 200)
                .seat(1, 800, "AsAd").seat(2, 5_000, "KsKd").seat(3, 5_000, "QsQd")
                .board("2c7d9hJc3s")
                .start()
                .act(3, RAISE, 600).act(1, ALL_IN);
    }

    @Test
    void aPlayerWhoHasNotActedMayStillRaise() {
        Hand hand = shortAllInAfterARaise();

        assertThat(hand.toAct()).isEqualTo(2);
        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 1200, 5_000));
    }

    @Test
    void theRaiserMayOnlyCallOrFold() {
        Hand hand = shortAllInAfterARaise().act(2, CALL);

        assertThat(hand.toAct()).isEqualTo(3);
        assertThat(hand.legal()).containsExactly(new LegalAction(FOLD, 0, 0), new LegalAction(CALL, 200, 200));
        assertThat(hand.reject(3, RAISE, 1200).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        assertThat(hand.reject(3, ALL_IN, 0).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);

        hand.act(3, CALL);
        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.toAct()).isEqualTo(2);
        hand.act(2, CHECK).act(3, CHECK).act(2, CHECK).act(3, CHECK).act(2, CHECK).act(3, CHECK);

        // a player is all-in, so every hand is turned up
        assertThat(hand.eventsOf(CardsShown.class)).hasSize(3);
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 2_400L, 2, 4_200L, 3, 4_200L));
    }

    @Test
    void aFullRaiseByAnotherPlayerReopensIt() {
        Hand hand = shortAllInAfterARaise().act(2, RAISE, 1200);

        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 1600, 5_000));
    }
}
