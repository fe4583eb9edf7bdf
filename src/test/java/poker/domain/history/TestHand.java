package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.Hand;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandState;

/**
 * A real hand played through the engine's scenario driver {@link Hand} (stacked deck, replay and
 * chip checks after every step), plus the display names a history is written with. Player ids are
 * {@code player-<seat>}, so a missing name shows as that id.
 */
final class TestHand {

    private final Hand hand;
    private final Map<Integer, String> names;

    private TestHand(Hand hand, Map<Integer, String> names) {
        this.hand = hand;
        this.names = names;
    }

    static Builder table() {
        return new Builder();
    }

    TestHand act(int seat, ActionType action) {
        hand.act(seat, action);
        return this;
    }

    TestHand act(int seat, ActionType action, long amount) {
        hand.act(seat, action, amount);
        return this;
    }

    List<HandEvent> events() {
        assertThat(hand.state().handOver()).as("the hand is over").isTrue();
        return List.copyOf(hand.events());
    }

    HandState state() {
        return hand.state();
    }

    Map<Integer, String> names() {
        return names;
    }

    /** Cash-game blinds 5/10 unless set; every seat is dealt the hole cards it is given. */
    static final class Builder {
        private final Hand.Builder table = Hand.table().blinds(5, 10);
        private final Map<Integer, String> names = new LinkedHashMap<>();

        Builder seat(int seat, String name, long stack, String cards) {
            table.seat(seat, "player-" + seat, stack, cards);
            names.put(seat, name);
            return this;
        }

        Builder posts(int seat, poker.domain.holdem.HandEvent.Blind blind) {
            table.posts(seat, blind);
            return this;
        }

        Builder notDealtIn(int seat, String name, long stack) {
            table.notDealtIn(seat, "player-" + seat, stack);
            names.put(seat, name);
            return this;
        }

        Builder button(int seat) {
            table.button(seat);
            return this;
        }

        Builder blinds(long small, long big) {
            table.blinds(small, big);
            return this;
        }

        Builder board(String board) {
            table.board(board);
            return this;
        }

        TestHand start() {
            return new TestHand(table.start(), names);
        }
    }
}
