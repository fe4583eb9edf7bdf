package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.cards.Card;
import poker.domain.eval.HandCategory;
import poker.domain.eval.HandEvaluator;
import poker.domain.holdem.HandEvent.HandWon;

/**
 * A scenario driver: sets up a table with a stacked deck, plays commands through the engine and
 * keeps the events and the state (checking after every step that a replay gives the same state
 * and that chips are conserved). Public so other packages' tests (hand histories) play real hands
 * the same way.
 */
public final class Hand {

    private final List<HandEvent> events = new ArrayList<>();
    private HandState state;
    private List<HandEvent> lastEvents = List.of();

    private Hand(HandSetup setup) {
        apply(HoldemEngine.start(setup));
    }

    public static Builder table() {
        return new Builder();
    }

    public Hand act(int seat, ActionType action) {
        return act(seat, action, 0);
    }

    public Hand act(int seat, ActionType action, long amount) {
        Decision<HandEvent> d = HoldemEngine.act(state, seat, action, amount);
        assertThat(d.isAccepted()).as("seat %d %s %d: %s", seat, action, amount, d).isTrue();
        apply(d.eventsOrThrow());
        return this;
    }

    public Rejection reject(int seat, ActionType action, long amount) {
        Decision<HandEvent> d = HoldemEngine.act(state, seat, action, amount);
        assertThat(d.isAccepted()).as("seat %d %s %d should be rejected", seat, action, amount).isFalse();
        return d.rejectionOrThrow();
    }

    public Hand timeout() {
        apply(HoldemEngine.timeout(state));
        return this;
    }

    private void apply(List<HandEvent> newEvents) {
        lastEvents = newEvents;
        for (HandEvent e : newEvents) {
            events.add(e);
            state = state == null ? HandState.replay(List.of(e)) : state.apply(e);
        }
        assertThat(HandState.replay(events)).as("replay equals the live state").isEqualTo(state);
        long startChips = state.seats().stream().mapToLong(SeatState::startingStack).sum();
        long now = state.seats().stream().mapToLong(SeatState::stack).sum() + state.potTotal();
        assertThat(now).as("chips conserved").isEqualTo(startChips);
    }

    public HandState state() {
        return state;
    }

    public List<HandEvent> events() {
        return events;
    }

    public List<HandEvent> lastEvents() {
        return lastEvents;
    }

    public <T extends HandEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public long stack(int seat) {
        return state.seat(seat).stack();
    }

    public Integer toAct() {
        return state.toAct();
    }

    public List<LegalAction> legal() {
        return HoldemEngine.legalActions(state);
    }

    public LegalAction legal(ActionType type) {
        return legal().stream().filter(a -> a.action() == type).findFirst().orElse(null);
    }

    /**
     * The evaluator's description of a seat's best hand on the final board. Tests compare with this
     * rather than literal words, so they hold whichever evaluator (placeholder or real) is merged.
     */
    public String describe(int seat) {
        List<Card> seven = new ArrayList<>(state.seat(seat).holeCards());
        seven.addAll(state.board());
        return HandEvaluator.evaluate(seven).description();
    }

    public HandCategory category(int seat) {
        List<Card> seven = new ArrayList<>(state.seat(seat).holeCards());
        seven.addAll(state.board());
        return HandEvaluator.evaluate(seven).category();
    }

    public List<HandWon> wins() {
        return eventsOf(HandWon.class);
    }

    /** Final stacks by seat. */
    public Map<Integer, Long> stacks() {
        Map<Integer, Long> m = new LinkedHashMap<>();
        state.seats().forEach(s -> m.put(s.seat(), s.stack()));
        return m;
    }

    public static final class Builder {
        private final List<SeatSetup> seats = new ArrayList<>();
        private final Map<Integer, String> hole = new LinkedHashMap<>();
        private String board = "";
        private int button = 1;
        private Integer smallBlindSeat;
        private Integer bigBlindSeat;
        private long smallBlind = 50;
        private long bigBlind = 100;
        private long ante;
        private final List<HandSetup.Post> posts = new ArrayList<>();
        private final List<SeatSetup> notDealtIn = new ArrayList<>();

        public Builder seat(int seat, long stack, String cards) {
            return seat(seat, "p" + seat, stack, cards);
        }

        /** A seat with a chosen player id; with null {@code cards} it gets unchosen cards from the deck. */
        public Builder seat(int seat, String playerId, long stack, String cards) {
            seats.add(SeatSetup.of(seat, playerId, stack));
            if (cards != null) {
                hole.put(seat, cards);
            }
            return this;
        }

        public Builder sittingOut(int seat, long stack, String cards) {
            seats.add(new SeatSetup(seat, "p" + seat, stack, true));
            if (cards != null) {
                hole.put(seat, cards);
            }
            return this;
        }

        public Builder button(int seat) {
            this.button = seat;
            return this;
        }

        public Builder blinds(long small, long big) {
            this.smallBlind = small;
            this.bigBlind = big;
            return this;
        }

        public Builder ante(long ante) {
            this.ante = ante;
            return this;
        }

        /** Tournament positions (dead button): small blind seat may be null. */
        public Builder positions(Integer smallBlindSeat, int bigBlindSeat) {
            this.smallBlindSeat = smallBlindSeat;
            this.bigBlindSeat = bigBlindSeat;
            return this;
        }

        /** Extra cash-table blinds (rule 12): a live big blind or a dead small blind from {@code seat}. */
        public Builder posts(int seat, HandEvent.Blind blind) {
            posts.add(new HandSetup.Post(seat, blind));
            return this;
        }

        /** A player seated at the table but not dealt in (sitting out, or waiting for the big blind). */
        public Builder notDealtIn(int seat, String playerId, long stack) {
            notDealtIn.add(new SeatSetup(seat, playerId, stack, true));
            return this;
        }

        public Builder board(String board) {
            this.board = board;
            return this;
        }

        public Hand start() {
            List<Integer> dealOrder = seats.stream()
                    .filter(s -> s.stack() > 0)
                    .map(SeatSetup::seat)
                    .sorted((a, b) -> Integer.compare(a > button ? a - button : a - button + 1000,
                            b > button ? b - button : b - button + 1000))
                    .toList();
            return new Hand(new HandSetup(7, seats, button, smallBlindSeat, bigBlindSeat, smallBlind, bigBlind,
                    ante, StackedDeck.deck(dealOrder, hole, board), "commitment").withPosts(posts).withNotDealtIn(notDealtIn));
        }
    }
}
