package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.HandEnded;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

class HandWonByFoldsTest {

    @Test
    void everyoneFoldsToTheBigBlind() {
        // button 1, small blind 2, big blind 3; blinds 50/100
        Hand hand = Hand.table().button(1)
                .seat(1, 1000, null).seat(2, 1000, null).seat(3, 1000, null)
                .start();
        assertThat(hand.toAct()).isEqualTo(1);

        hand.act(1, FOLD).act(2, FOLD);

        assertThat(hand.lastEvents()).containsSubsequence(
                new UncalledBetReturned(3, 50),
                new HandWon(0, 3, 100, null));
        assertThat(hand.lastEvents().get(hand.lastEvents().size() - 1)).isInstanceOf(HandEnded.class);
        assertThat(hand.state().handOver()).isTrue();
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1000L, 2, 950L, 3, 1050L));
        assertThat(hand.eventsOf(CardsShown.class)).isEmpty();
    }

    @Test
    void aFlopBetNobodyCallsWinsWithoutShowdown() {
        Hand hand = Hand.table().button(1)
                .seat(1, 1000, null).seat(2, 1000, null).seat(3, 1000, null)
                .start();
        hand.act(1, RAISE, 300).act(2, FOLD).act(3, CALL);
        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.toAct()).isEqualTo(3); // seat 2 (first left of the button) has folded

        hand.act(3, CHECK).act(1, BET, 500).act(3, FOLD);

        assertThat(hand.wins()).containsExactly(new HandWon(0, 1, 650, null));
        assertThat(hand.eventsOf(UncalledBetReturned.class)).containsExactly(new UncalledBetReturned(1, 500));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1350L, 2, 950L, 3, 700L));
    }
}
