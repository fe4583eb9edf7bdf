package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimumBetIsBigBlindTest {

    @Test
    void aBetBelowTheBigBlindIsRejectedOnTheFlop() {
        Hand hand = Hand.table().button(2)
                .seat(1, 1000, null).seat(2, 1000, null)
                .start()
                .act(2, CALL).act(1, CHECK);

        assertThat(hand.legal(BET)).isEqualTo(new LegalAction(BET, 100, 900));
        assertThat(hand.reject(1, BET, 99).code()).isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);

        hand.act(1, BET, 100).act(2, FOLD);
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1100L, 2, 900L));
    }

    @Test
    void aShortStackMayBetLessThanTheBigBlindAllIn() {
        Hand hand = Hand.table().button(2)
                .seat(1, 1000, "AsAd").seat(2, 150, "KsKd")
                .board("2c7d9hJc3s")
                .start()
                .act(2, CALL).act(1, CHECK).act(1, CHECK);

        assertThat(hand.toAct()).isEqualTo(2);
        assertThat(hand.legal(BET)).isEqualTo(new LegalAction(BET, 50, 50));
        hand.act(2, BET, 50);

        assertThat(hand.legal()).extracting(LegalAction::action).containsExactly(FOLD, CALL);
        hand.act(1, CALL);
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1150L, 2, 0L));
    }

    @Test
    void allInForLessThanTheBigBlindIsAnAllInBet() {
        Hand hand = Hand.table().button(2)
                .seat(1, 1000, "KsKd").seat(2, 120, "AsAd")
                .board("2c7d9hJc3s")
                .start()
                .act(2, CALL).act(1, CHECK).act(1, CHECK)
                .act(2, ALL_IN);

        assertThat(hand.state().currentBet()).isEqualTo(20);
        hand.act(1, CALL);
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 880L, 2, 240L));
    }
}
