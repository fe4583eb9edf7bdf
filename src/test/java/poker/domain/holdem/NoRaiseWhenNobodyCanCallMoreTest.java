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
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

/**
 * A raise (or an all-in for more than the bet) needs someone who could put in more than the
 * current bet; when every other player is all-in or has no more behind than the bet, the player on
 * turn may only fold or call.
 */
class NoRaiseWhenNobodyCanCallMoreTest {

    /**
     * Blinds 50/100, button 1: seat 1 goes all-in for 1000; the small blind (seat 2, 2000) is to act
     * while the big blind (seat 3) has only 600 in all, less than the bet.
     */
    private Hand allInThenAShortBigBlind() {
        return Hand.table().button(1).blinds(50, 100)
                .seat(1, 1000, "KsKd").seat(2, 2000, "AsAd").seat(3, 600, "QsQd")
                .board("2c7d9hJc3s")
                .start()
                .act(1, ALL_IN);
    }

    @Test
    void facingAnAllInWithOnlyAShorterStackBehindThePlayerMayOnlyFoldOrCall() {
        Hand hand = allInThenAShortBigBlind();

        assertThat(hand.toAct()).isEqualTo(2);
        assertThat(hand.legal()).containsExactly(new LegalAction(FOLD, 0, 0), new LegalAction(CALL, 950, 950));
        assertThat(hand.reject(2, RAISE, 2000).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        assertThat(hand.reject(2, RAISE, 1900).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        assertThat(hand.reject(2, ALL_IN, 0).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        assertThat(hand.reject(2, ALL_IN, 0).message()).contains("call or fold");
    }

    @Test
    void theShortStacksAllInForLessThanTheBetIsACall() {
        Hand hand = allInThenAShortBigBlind().act(2, CALL);

        assertThat(hand.toAct()).isEqualTo(3);
        assertThat(hand.legal()).containsExactly(new LegalAction(FOLD, 0, 0), new LegalAction(CALL, 500, 500),
                new LegalAction(ALL_IN, 600, 600));
        hand.act(3, ALL_IN);

        assertThat(hand.lastEvents().get(0)).isEqualTo(new BetPlaced(3, ALL_IN, 500, 600, 0, null));
        assertThat(hand.eventsOf(UncalledBetReturned.class)).isEmpty();
        assertThat(hand.state().handOver()).isTrue();
        // aces win the main pot (3 x 600) and the side pot (2 x 400)
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 0L, 2, 3600L, 3, 0L));
    }

    @Test
    void afterTheFlopAnAllInBetLeavesOnlyACallToAPlayerWithMoreChips() {
        // heads-up plus a short stack: seat 3 has 300 behind when seat 1 moves in for 800 on the flop
        Hand hand = Hand.table().button(3).blinds(50, 100)
                .seat(1, 900, "KsKd").seat(2, 5000, "AsAd").seat(3, 400, "QsQd")
                .board("2c7d9hJc3s")
                .start()
                .act(3, CALL).act(1, CALL).act(2, CHECK)
                .act(1, ALL_IN);

        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.toAct()).isEqualTo(2);
        assertThat(hand.legal()).containsExactly(new LegalAction(FOLD, 0, 0), new LegalAction(CALL, 800, 800));
        assertThat(hand.reject(2, RAISE, 1600).code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);

        hand.act(2, CALL);
        assertThat(hand.toAct()).isEqualTo(3);
        assertThat(hand.legal(ALL_IN)).isEqualTo(new LegalAction(ALL_IN, 300, 300));
        assertThat(hand.legal(RAISE)).isNull();
    }

    @Test
    void oneOpponentWhoCouldPutInMoreKeepsTheRaiseOpen() {
        // as above, but the big blind has 1200 in all: more than the 1000 bet, so a raise can be called in part
        Hand hand = Hand.table().button(1).blinds(50, 100)
                .seat(1, 1000, "KsKd").seat(2, 2000, "AsAd").seat(3, 1200, "QsQd")
                .board("2c7d9hJc3s")
                .start()
                .act(1, ALL_IN);

        assertThat(hand.legal(RAISE)).isEqualTo(new LegalAction(RAISE, 1900, 2000));
        assertThat(hand.legal(ALL_IN)).isEqualTo(new LegalAction(ALL_IN, 2000, 2000));
        hand.act(2, RAISE, 2000).act(3, ALL_IN);

        assertThat(hand.eventsOf(UncalledBetReturned.class)).containsExactly(new UncalledBetReturned(2, 800));
    }

    @Test
    void aBetIsOfferedWhileAnotherPlayerHasChipsEvenFewerThanTheBet() {
        // on the flop seat 1 has 100 behind; seat 2 may still bet up to its whole stack
        Hand hand = Hand.table().button(2).blinds(50, 100)
                .seat(1, 200, "KsKd").seat(2, 5000, "AsAd")
                .board("2c7d9hJc3s")
                .start()
                .act(2, CALL).act(1, CHECK)
                .act(1, CHECK);

        assertThat(hand.toAct()).isEqualTo(2);
        assertThat(hand.legal(BET)).isEqualTo(new LegalAction(BET, 100, 4900));
        hand.act(2, BET, 4900).act(1, CALL);

        assertThat(hand.eventsOf(UncalledBetReturned.class)).containsExactly(new UncalledBetReturned(2, 4800));
    }
}
