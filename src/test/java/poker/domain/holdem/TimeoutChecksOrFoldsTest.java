package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.CALL;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.FlopDealt;
import poker.domain.holdem.HandEvent.PlayerChecked;
import poker.domain.holdem.HandEvent.PlayerFolded;

class TimeoutChecksOrFoldsTest {

    private Hand threeHanded() {
        return Hand.table().button(1)
                .seat(1, 1000, null).seat(2, 1000, null).seat(3, 1000, null)
                .start();
    }

    @Test
    void facingABetTheTimedOutPlayerFolds() {
        Hand hand = threeHanded().timeout();

        assertThat(hand.lastEvents().get(0)).isEqualTo(new PlayerFolded(1, HoldemEngine.TIMEOUT));
        assertThat(hand.toAct()).isEqualTo(2);

        hand.timeout();
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1000L, 2, 950L, 3, 1050L));
        assertThat(hand.state().handOver()).isTrue();
        assertThat(HoldemEngine.timeout(hand.state())).isEmpty();
    }

    @Test
    void whenCheckingIsFreeTheTimedOutPlayerChecks() {
        Hand hand = threeHanded().act(1, CALL).act(2, CALL).timeout();

        assertThat(hand.lastEvents().get(0)).isEqualTo(new PlayerChecked(3, HoldemEngine.TIMEOUT));
        assertThat(hand.lastEvents()).hasAtLeastOneElementOfType(FlopDealt.class);
        assertThat(hand.state().seat(3).folded()).isFalse();
    }
}
