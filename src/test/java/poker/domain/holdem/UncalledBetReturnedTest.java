package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.TurnDealt;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

class UncalledBetReturnedTest {

    @Test
    void aRaiseNobodyCallsComesBackBeforeThePotIsAwarded() {
        Hand hand = Hand.table().button(1)
                .seat(1, 1000, null).seat(2, 1000, null)
                .start()
                .act(1, RAISE, 300).act(2, FOLD);

        List<HandEvent> last = hand.lastEvents();
        assertThat(last).containsSubsequence(new UncalledBetReturned(1, 200), new HandWon(0, 1, 200, null));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1100L, 2, 900L));
    }

    @Test
    void theExcessOverAnAllInCallIsReturnedBeforeTheBoardIsRunOut() {
        Hand hand = Hand.table().button(1)
                .seat(1, 2000, "KsKd").seat(2, 500, "AsAd")
                .board("2c7d9hJc3s")
                .start()
                .act(1, CALL).act(2, CHECK)
                .act(2, CHECK).act(1, BET, 1000);

        assertThat(hand.legal(CALL)).isEqualTo(new LegalAction(CALL, 400, 400));
        hand.act(2, CALL);

        List<HandEvent> last = hand.lastEvents();
        assertThat(last.get(0)).isEqualTo(new BetPlaced(2, CALL, 400, 400, 0, null));
        assertThat(last.get(1)).isEqualTo(new UncalledBetReturned(1, 600));
        assertThat(last).containsSubsequence(
                new UncalledBetReturned(1, 600),
                new CardsShown(1, hand.state().seat(1).holeCards()),
                new TurnDealt(hand.state().board().get(3)),
                new HandWon(0, 2, 1000, hand.describe(2)));
        assertThat(hand.eventsOf(TurnDealt.class)).hasSize(1);
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1500L, 2, 1000L));
    }
}
