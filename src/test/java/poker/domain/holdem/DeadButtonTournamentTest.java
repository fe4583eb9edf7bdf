package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;

import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent.AntePosted;
import poker.domain.holdem.HandEvent.Blind;
import poker.domain.holdem.HandEvent.BlindPosted;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.HoleCardsDealt;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

/** The tournament places the button and blinds (dead button); the engine takes them as given. */
class DeadButtonTournamentTest {

    @Test
    void aDeadSmallBlindMeansOnlyTheBigBlindPosts() {
        Hand hand = Hand.table().button(1).positions(null, 3).ante(100)
                .seat(1, 1000, null).seat(3, 1000, null).seat(5, 1000, null).seat(6, 1000, null)
                .start();

        assertThat(hand.eventsOf(BlindPosted.class)).containsExactly(new BlindPosted(3, Blind.BIG, 100));
        assertThat(hand.eventsOf(AntePosted.class)).containsExactly(new AntePosted(3, 100));
        assertThat(hand.toAct()).isEqualTo(5);

        hand.act(5, FOLD).act(6, FOLD).act(1, FOLD);

        assertThat(hand.eventsOf(UncalledBetReturned.class)).containsExactly(new UncalledBetReturned(3, 100));
        assertThat(hand.wins()).containsExactly(new HandWon(0, 3, 100, null));
        assertThat(hand.stacks()).isEqualTo(Map.of(1, 1000L, 3, 1000L, 5, 1000L, 6, 1000L));
    }

    @Test
    void aButtonOnAnEmptySeatStillOrdersTheDealAndTheAction() {
        Hand hand = Hand.table().button(2).positions(3, 5)
                .seat(1, 1000, "2s3d").seat(3, 1000, "4c5d").seat(5, 1000, "8c8d").seat(6, 1000, "AsAd")
                .board("2c7d9hJcKs")
                .start();

        assertThat(hand.eventsOf(HoleCardsDealt.class)).extracting(HoleCardsDealt::seat)
                .containsExactly(3, 5, 6, 1);
        assertThat(hand.eventsOf(BlindPosted.class)).containsExactly(
                new BlindPosted(3, Blind.SMALL, 50), new BlindPosted(5, Blind.BIG, 100));
        assertThat(hand.toAct()).isEqualTo(6);

        hand.act(6, CALL).act(1, CALL).act(3, CALL).act(5, CHECK);
        assertThat(hand.toAct()).as("first left of the dead button").isEqualTo(3);
        for (int street = 0; street < 3; street++) {
            hand.act(3, CHECK).act(5, CHECK).act(6, CHECK).act(1, CHECK);
        }

        assertThat(hand.stacks()).isEqualTo(Map.of(1, 900L, 3, 900L, 5, 900L, 6, 1300L));
    }

    @Test
    void aSittingOutPlayerPostsAndIsFoldedWhenTheActionReachesThem() {
        Hand hand = Hand.table().button(1).positions(3, 5).ante(100)
                .seat(1, 1000, null).seat(3, 1000, null).sittingOut(5, 1000, null)
                .start();

        assertThat(hand.stack(5)).isEqualTo(800);
        hand.act(1, CALL).act(3, CALL);

        assertThat(hand.lastEvents()).contains(new HandEvent.PlayerFolded(5, HoldemEngine.SITTING_OUT));
        assertThat(hand.state().street()).isEqualTo(Street.FLOP);
        assertThat(hand.state().potTotal()).isEqualTo(400);
    }
}
