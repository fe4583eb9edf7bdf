package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.FlopDealt;

class BigBlindOptionTest {

    private Hand limpedToTheBigBlind() {
        // button 1, small blind 2, big blind 3
        return Hand.table().button(1)
                .seat(1, 1000, null).seat(2, 1000, null).seat(3, 1000, null)
                .start()
                .act(1, CALL).act(2, CALL);
    }

    @Test
    void theBigBlindMayStillRaiseWhenNobodyRaised() {
        Hand hand = limpedToTheBigBlind();

        assertThat(hand.toAct()).isEqualTo(3);
        assertThat(hand.state().street()).isEqualTo(Street.PREFLOP);
        assertThat(hand.legal()).contains(
                new LegalAction(CHECK, 0, 0),
                new LegalAction(RAISE, 200, 1000));
    }

    @Test
    void theBigBlindChecksAndTheFlopComes() {
        Hand hand = limpedToTheBigBlind().act(3, CHECK);

        assertThat(hand.lastEvents()).hasAtLeastOneElementOfType(FlopDealt.class);
        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.toAct()).isEqualTo(2);
        assertThat(hand.state().potTotal()).isEqualTo(300);
    }

    @Test
    void theBigBlindRaisesAndTheLimpersFold() {
        Hand hand = limpedToTheBigBlind().act(3, RAISE, 300);
        assertThat(hand.toAct()).isEqualTo(1);

        hand.act(1, FOLD).act(2, FOLD);

        assertThat(hand.stacks()).isEqualTo(Map.of(1, 900L, 2, 900L, 3, 1200L));
    }
}
