package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HandState;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.SeatSetup;

/**
 * Plays a real hand through {@link HoldemEngine} with a stacked deck: chosen hole cards and board,
 * dealt the way the engine deals (one card at a time from the left of the button, then burn and
 * flop, burn and turn, burn and river).
 */
final class TestHand {

    private final List<HandEvent> events = new ArrayList<>();
    private final Map<Integer, String> names;
    private HandState state;

    private TestHand(HandSetup setup, Map<Integer, String> names) {
        this.names = names;
        record(HoldemEngine.start(setup));
    }

    static Builder table() {
        return new Builder();
    }

    TestHand act(int seat, ActionType action) {
        return act(seat, action, 0);
    }

    TestHand act(int seat, ActionType action, long amount) {
        Decision<HandEvent> d = HoldemEngine.act(state, seat, action, amount);
        assertThat(d.isAccepted()).as("seat %d %s %d: %s", seat, action, amount, d).isTrue();
        record(d.eventsOrThrow());
        return this;
    }

    private void record(List<HandEvent> more) {
        for (HandEvent e : more) {
            events.add(e);
            state = state == null ? HandState.replay(List.of(e)) : state.apply(e);
        }
    }

    List<HandEvent> events() {
        assertThat(state.handOver()).as("the hand is over").isTrue();
        return List.copyOf(events);
    }

    HandState state() {
        return state;
    }

    Map<Integer, String> names() {
        return names;
    }

    static final class Builder {
        private final List<SeatSetup> seats = new ArrayList<>();
        private final Map<Integer, String> names = new LinkedHashMap<>();
        private final Map<Integer, String> hole = new LinkedHashMap<>();
        private String board = "";
        private int button = 1;
        private long smallBlind = 5;
        private long bigBlind = 10;

        Builder seat(int seat, String name, long stack, String cards) {
            seats.add(SeatSetup.of(seat, "player-" + seat, stack));
            names.put(seat, name);
            hole.put(seat, cards);
            return this;
        }

        Builder button(int seat) {
            this.button = seat;
            return this;
        }

        Builder blinds(long small, long big) {
            this.smallBlind = small;
            this.bigBlind = big;
            return this;
        }

        Builder board(String board) {
            this.board = board;
            return this;
        }

        TestHand start() {
            List<Integer> dealOrder = seats.stream()
                    .map(SeatSetup::seat)
                    .sorted((a, b) -> Integer.compare(a > button ? a - button : a - button + 1000,
                            b > button ? b - button : b - button + 1000))
                    .toList();
            HandSetup setup = HandSetup.cash(42, seats, button, smallBlind, bigBlind, deck(dealOrder, hole, board),
                    "commitment");
            return new TestHand(setup, names);
        }
    }

    /** A deck that deals {@code hole} (seat to two cards) and {@code board}; the rest in index order. */
    static List<Card> deck(List<Integer> dealOrder, Map<Integer, String> hole, String board) {
        int n = dealOrder.size();
        Card[] deck = new Card[52];
        Set<Card> used = new LinkedHashSet<>();
        for (int k = 0; k < n; k++) {
            List<Card> two = Card.parseAll(hole.get(dealOrder.get(k)));
            deck[k] = two.get(0);
            deck[n + k] = two.get(1);
            used.addAll(two);
        }
        List<Card> boardCards = Card.parseAll(board);
        int[] positions = {2 * n + 1, 2 * n + 2, 2 * n + 3, 2 * n + 5, 2 * n + 7};
        for (int i = 0; i < boardCards.size(); i++) {
            deck[positions[i]] = boardCards.get(i);
            used.add(boardCards.get(i));
        }
        if (used.size() != 2 * n + boardCards.size()) {
            throw new IllegalArgumentException("a card is chosen twice");
        }
        List<Card> rest = new ArrayList<>(Card.all());
        rest.removeAll(used);
        int r = 0;
        for (int i = 0; i < 52; i++) {
            if (deck[i] == null) {
                deck[i] = rest.get(r++);
            }
        }
        return List.of(deck);
    }
}
