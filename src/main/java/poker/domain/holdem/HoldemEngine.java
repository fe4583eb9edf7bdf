package poker.domain.holdem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.eval.HandEvaluator;
import poker.domain.eval.HandValue;
import poker.domain.holdem.HandEvent.AntePosted;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.Blind;
import poker.domain.holdem.HandEvent.BlindPosted;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.FlopDealt;
import poker.domain.holdem.HandEvent.HandEnded;
import poker.domain.holdem.HandEvent.HandMucked;
import poker.domain.holdem.HandEvent.HandStarted;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.HoleCardsDealt;
import poker.domain.holdem.HandEvent.PlayerChecked;
import poker.domain.holdem.HandEvent.PlayerFolded;
import poker.domain.holdem.HandEvent.RiverDealt;
import poker.domain.holdem.HandEvent.TurnDealt;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

/**
 * The No-Limit Hold'em betting engine for one hand: {@code (state, command) -> events | rejection}.
 * Pure: no clock, no randomness (the shuffled deck comes in {@link HandSetup}), no I/O.
 *
 * <p>Each command returns the player's action followed by everything that then happens on its
 * own: uncalled bets returned, streets dealt, hands shown, pots awarded, the hand ended.
 */
public final class HoldemEngine {

    public static final String TIMEOUT = "timeout";
    public static final String SITTING_OUT = "sitting_out";

    /** Rejection codes of {@link #act}: stable, the client sees them unchanged. */
    public static final String NOT_YOUR_TURN = "not_your_turn";
    public static final String ILLEGAL_ACTION = "illegal_action";
    public static final String AMOUNT_OUT_OF_RANGE = "amount_out_of_range";
    public static final String HAND_OVER = "hand_over";

    private HoldemEngine() {
    }

    // --- commands

    /** Posts blinds and ante, deals the hole cards, and runs on until someone must act. */
    public static List<HandEvent> start(HandSetup setup) {
        List<SeatSetup> dealtIn = setup.seats().stream()
                .filter(s -> s.stack() > 0)
                .sorted(Comparator.comparingInt(SeatSetup::seat))
                .toList();
        if (dealtIn.size() < 2) {
            throw new IllegalArgumentException("a hand needs at least two players with chips");
        }
        if (dealtIn.size() * 2 + 8 > Deck.SIZE) {
            throw new IllegalArgumentException("too many players for one deck: " + dealtIn.size());
        }
        if (dealtIn.stream().map(SeatSetup::seat).distinct().count() != dealtIn.size()) {
            throw new IllegalArgumentException("seat numbers must be distinct");
        }
        List<Integer> seatNumbers = dealtIn.stream().map(SeatSetup::seat).toList();
        Integer sb;
        int bb;
        if (setup.bigBlindSeat() != null) {
            sb = setup.smallBlindSeat();
            bb = setup.bigBlindSeat();
            if (!seatNumbers.contains(bb) || sb != null && (!seatNumbers.contains(sb) || sb == bb)) {
                throw new IllegalArgumentException("the blinds must be two different dealt-in seats");
            }
        } else if (dealtIn.size() == 2 && seatNumbers.contains(setup.buttonSeat())) {
            sb = setup.buttonSeat(); // heads-up: the button posts the small blind
            bb = nextSeat(seatNumbers, sb);
        } else {
            sb = nextSeat(seatNumbers, setup.buttonSeat());
            bb = nextSeat(seatNumbers, sb);
        }

        List<HandSetup.Post> posts = extraPosts(setup, seatNumbers, sb, bb);
        List<Integer> dealtSeats = seatNumbers;
        if (setup.notDealtIn().stream().anyMatch(s -> dealtSeats.contains(s.seat()))) {
            throw new IllegalArgumentException("a seat is both dealt in and not");
        }

        HandStarted started = new HandStarted(setup.handNumber(), setup.buttonSeat(), sb, bb, setup.smallBlind(),
                setup.bigBlind(), setup.ante(), dealtIn, setup.deck(), setup.commitment(), setup.leaves(),
                setup.notDealtIn());
        List<HandEvent> events = new ArrayList<>();
        events.add(started);
        HandState state = HandState.started(started);

        if (sb != null && setup.smallBlind() > 0) {
            state = record(events, state, new BlindPosted(sb, Blind.SMALL,
                    Math.min(setup.smallBlind(), state.seat(sb).stack())));
        }
        state = record(events, state, new BlindPosted(bb, Blind.BIG,
                Math.min(setup.bigBlind(), state.seat(bb).stack())));
        long ante = Math.min(setup.ante(), state.seat(bb).stack()); // the blind first, then the ante
        if (ante > 0) {
            state = record(events, state, new AntePosted(bb, ante));
        }
        // extra posts: the live big blind before the dead small blind, so a short stack keeps its stake
        for (HandSetup.Post post : posts) {
            long due = post.blind() == Blind.EXTRA_BIG ? setup.bigBlind() : setup.smallBlind();
            long amount = Math.min(due, state.seat(post.seat()).stack());
            if (amount > 0) {
                state = record(events, state, new BlindPosted(post.seat(), post.blind(), amount));
            }
        }

        // One card at a time round the table, starting left of the button.
        List<SeatState> order = state.clockwiseAfter(setup.buttonSeat());
        int n = order.size();
        for (int k = 0; k < n; k++) {
            List<Card> cards = List.of(setup.deck().get(k), setup.deck().get(n + k));
            state = record(events, state, new HoleCardsDealt(order.get(k).seat(), cards));
        }
        return runOn(state, events);
    }

    /**
     * A player acts. For {@code BET} and {@code RAISE}, {@code amount} is the total bet for the
     * street; for the other actions it is ignored.
     */
    public static Decision<HandEvent> act(HandState state, int seat, ActionType action, long amount) {
        if (state.handOver()) {
            return Decision.reject(HAND_OVER, "hand " + state.handNumber() + " is over");
        }
        if (state.toAct() == null || state.toAct() != seat) {
            return Decision.reject(NOT_YOUR_TURN, state.toAct() == null
                    ? "nobody is to act"
                    : "seat " + state.toAct() + " is to act, not seat " + seat);
        }
        LegalAction legal = legalActions(state).stream()
                .filter(a -> a.action() == action)
                .findFirst()
                .orElse(null);
        if (legal == null) {
            return Decision.reject(ILLEGAL_ACTION, whyIllegal(state, action));
        }
        SeatState player = state.seat(seat);
        HandEvent event = switch (action) {
            case FOLD -> new PlayerFolded(seat, null);
            case CHECK -> new PlayerChecked(seat, null);
            case CALL -> chipsIn(player, ActionType.CALL, player.bet() + legal.min(), null);
            case ALL_IN -> chipsIn(player, ActionType.ALL_IN, player.bet() + player.stack(), null);
            case BET, RAISE -> {
                if (amount < legal.min() || amount > legal.max()) {
                    yield null;
                }
                yield chipsIn(player, action, amount, null);
            }
        };
        if (event == null) {
            return Decision.reject(AMOUNT_OUT_OF_RANGE, action.name().toLowerCase() + " to " + amount
                    + " is outside " + legal.min() + ".." + legal.max());
        }
        List<HandEvent> events = new ArrayList<>();
        return new Decision.Accepted<>(runOn(record(events, state, event), events));
    }

    /** The player on turn ran out of time: check if that is free, else fold. */
    public static List<HandEvent> timeout(HandState state) {
        if (state.handOver() || state.toAct() == null) {
            return List.of();
        }
        int seat = state.toAct();
        HandEvent event = state.toCall(seat) == 0 ? new PlayerChecked(seat, TIMEOUT) : new PlayerFolded(seat, TIMEOUT);
        List<HandEvent> events = new ArrayList<>();
        return runOn(record(events, state, event), events);
    }

    /**
     * What the player on turn may do; empty when nobody is to act. Raising is open to a player who
     * has not acted on this street, or whose last action has since been raised by at least a full
     * raise (several short all-ins may add up to one); and only while another player could put in
     * more than the current bet. When nobody can, a raise would only come back uncalled: the player
     * may fold or call (an all-in for no more than the bet is a call).
     */
    public static List<LegalAction> legalActions(HandState state) {
        if (state.handOver() || state.toAct() == null) {
            return List.of();
        }
        SeatState p = state.seat(state.toAct());
        long current = state.currentBet();
        long toCall = Math.max(0, current - p.bet());
        long allInTotal = p.bet() + p.stack();
        boolean someoneCanAnswer = state.seats().stream()
                .anyMatch(s -> s.seat() != p.seat() && s.canAct() && s.bet() + s.stack() > current);
        boolean reopened = !p.acted() || current - p.lastActedAtBet() >= state.minRaise();
        boolean mayRaise = someoneCanAnswer && reopened;

        List<LegalAction> actions = new ArrayList<>();
        actions.add(new LegalAction(ActionType.FOLD, 0, 0));
        if (toCall == 0) {
            actions.add(new LegalAction(ActionType.CHECK, 0, 0));
        } else {
            long call = Math.min(toCall, p.stack());
            actions.add(new LegalAction(ActionType.CALL, call, call));
        }
        if (current == 0) {
            if (someoneCanAnswer) {
                actions.add(new LegalAction(ActionType.BET, Math.min(state.bigBlind(), allInTotal), allInTotal));
            }
        } else if (allInTotal > current && mayRaise) {
            actions.add(new LegalAction(ActionType.RAISE, Math.min(current + state.minRaise(), allInTotal),
                    allInTotal));
        }
        boolean allInIsCall = allInTotal <= current;
        boolean allInAllowed = allInIsCall || (current == 0 ? someoneCanAnswer : mayRaise);
        if (allInAllowed) {
            actions.add(new LegalAction(ActionType.ALL_IN, allInTotal, allInTotal));
        }
        return actions;
    }

    // --- what follows an action on its own

    /** Applies each event and appends what happens next until a player must act or the hand ends. */
    private static List<HandEvent> runOn(HandState state, List<HandEvent> events) {
        List<HandEvent> next = following(state);
        while (!next.isEmpty()) {
            for (HandEvent e : next) {
                state = record(events, state, e);
            }
            next = following(state);
        }
        return List.copyOf(events);
    }

    private static HandState record(List<HandEvent> events, HandState state, HandEvent event) {
        events.add(event);
        return state.apply(event);
    }

    /** The next automatic step, or nothing when a player must act or the hand is over. */
    private static List<HandEvent> following(HandState s) {
        if (s.handOver()) {
            return List.of();
        }
        if (s.toAct() != null) {
            SeatState p = s.seat(s.toAct());
            return p.sittingOut() ? List.of(new PlayerFolded(p.seat(), SITTING_OUT)) : List.of();
        }
        UncalledBetReturned uncalled = uncalledBet(s);
        if (uncalled != null) {
            return List.of(uncalled);
        }
        List<SeatState> inHand = s.inHand();
        if (inHand.size() == 1) {
            return awardAndEnd(s, false);
        }
        boolean anyAllIn = inHand.stream().anyMatch(SeatState::allIn);
        long able = inHand.stream().filter(SeatState::canAct).count();
        boolean bettingOver = able <= 1;
        if (bettingOver || s.board().size() == 5) {
            for (SeatState p : showdownOrder(s)) {
                if (!p.shown() && !p.mucked()) {
                    return List.of(showOrMuck(s, p, anyAllIn));
                }
            }
            if (s.board().size() == 5) {
                return awardAndEnd(s, true);
            }
        }
        return List.of(dealNext(s));
    }

    /** The part of the highest bet of the street that nobody matched. */
    private static UncalledBetReturned uncalledBet(HandState s) {
        SeatState top = s.seats().stream().max(Comparator.comparingLong(SeatState::bet)).orElseThrow();
        long second = s.seats().stream().filter(p -> p.seat() != top.seat()).mapToLong(SeatState::bet).max()
                .orElse(0);
        return top.bet() > second ? new UncalledBetReturned(top.seat(), top.bet() - second) : null;
    }

    /**
     * Showdown order: the last aggressor of the final betting round first, else the first player
     * left of the button; then clockwise.
     */
    private static List<SeatState> showdownOrder(HandState s) {
        int start = s.lastAggressor() != null && s.seat(s.lastAggressor()).inHand()
                ? s.lastAggressor()
                : s.clockwiseAfter(s.button()).stream().filter(SeatState::inHand).findFirst().orElseThrow().seat();
        List<SeatState> order = new ArrayList<>();
        order.add(s.seat(start));
        order.addAll(s.clockwiseAfter(start).stream().filter(p -> p.seat() != start && p.inHand()).toList());
        return order;
    }

    /**
     * With a player all-in every hand is turned up. Otherwise a hand is shown when it is at least as
     * good as the best shown so far; a beaten one is mucked.
     */
    private static HandEvent showOrMuck(HandState s, SeatState p, boolean everyoneShows) {
        if (everyoneShows) {
            return new CardsShown(p.seat(), p.holeCards());
        }
        HandValue mine = value(s, p);
        boolean beaten = s.inHand().stream()
                .filter(SeatState::shown)
                .anyMatch(other -> value(s, other).compareTo(mine) > 0);
        return beaten ? new HandMucked(p.seat()) : new CardsShown(p.seat(), p.holeCards());
    }

    private static HandEvent dealNext(HandState s) {
        int base = 2 * s.seats().size(); // the hole cards came first
        List<Card> deck = s.deck();
        return switch (s.board().size()) {
            case 0 -> new FlopDealt(deck.subList(base + 1, base + 4)); // burn, then three
            case 3 -> new TurnDealt(deck.get(base + 5));              // burn, then one
            case 4 -> new RiverDealt(deck.get(base + 7));             // burn, then one
            default -> throw new IllegalStateException("no street after the river");
        };
    }

    private static List<HandEvent> awardAndEnd(HandState s, boolean showdown) {
        List<HandEvent> events = new ArrayList<>(award(s, showdown));
        HandState after = s;
        for (HandEvent e : events) {
            after = after.apply(e);
        }
        events.add(new HandEnded(s.handNumber(), after.stacks()));
        return events;
    }

    /**
     * Awards every pot, the last side pot first. Tied hands split a pot; the odd chips go one each
     * to the winners in order clockwise from the button.
     */
    private static List<HandEvent> award(HandState s, boolean showdown) {
        List<Pot> pots = s.pots();
        List<HandEvent> wins = new ArrayList<>();
        for (int i = pots.size() - 1; i >= 0; i--) {
            Pot pot = pots.get(i);
            if (pot.amount() == 0) {
                continue;
            }
            List<SeatState> contenders = pot.eligibleSeats().stream()
                    .map(s::seat)
                    .filter(p -> !p.mucked())
                    .toList();
            Map<Integer, HandValue> values = new TreeMap<>();
            List<SeatState> winners = contenders;
            if (showdown) {
                for (SeatState p : contenders) {
                    values.put(p.seat(), value(s, p));
                }
                HandValue best = values.values().stream().max(Comparator.naturalOrder()).orElseThrow();
                winners = contenders.stream().filter(p -> values.get(p.seat()).compareTo(best) == 0).toList();
            }
            List<SeatState> clockwise = s.clockwiseAfter(s.button()).stream().filter(winners::contains).toList();
            long share = pot.amount() / clockwise.size();
            long oddChips = pot.amount() % clockwise.size();
            for (int w = 0; w < clockwise.size(); w++) {
                SeatState winner = clockwise.get(w);
                long amount = share + (w < oddChips ? 1 : 0);
                String hand = showdown ? values.get(winner.seat()).description() : null;
                wins.add(new HandWon(i, winner.seat(), amount, hand));
            }
        }
        return wins;
    }

    private static HandValue value(HandState s, SeatState p) {
        List<Card> seven = new ArrayList<>(p.holeCards());
        seven.addAll(s.board());
        return HandEvaluator.evaluate(seven);
    }

    // --- helpers

    private static BetPlaced chipsIn(SeatState p, ActionType action, long totalBet, String reason) {
        long added = totalBet - p.bet();
        return new BetPlaced(p.seat(), action, added, totalBet, p.stack() - added, reason);
    }

    private static String whyIllegal(HandState s, ActionType action) {
        int seat = s.toAct();
        long toCall = s.toCall(seat);
        return switch (action) {
            case CHECK -> "cannot check facing a bet of " + s.currentBet() + " (" + toCall + " to call)";
            case CALL -> "nothing to call: check instead";
            case BET -> s.currentBet() > 0 ? "there is already a bet: raise instead" : "nobody left to bet against";
            case RAISE -> s.currentBet() == 0 ? "nothing to raise: bet instead"
                    : "raising is not open: call or fold (the last all-in was less than a full raise,"
                      + " or nobody else can put in more than " + s.currentBet() + ")";
            case ALL_IN -> "going all-in would be a raise, and raising is not open: call or fold";
            case FOLD -> "cannot fold now";
        };
    }

    /**
     * The setup's extra posts in posting order: clockwise from the big blind, a seat's live big blind
     * before its dead small blind. Each must come from a dealt-in seat, once; a live big blind never
     * from the blinds' own seats (they post theirs).
     */
    private static List<HandSetup.Post> extraPosts(HandSetup setup, List<Integer> seatNumbers, Integer sb, int bb) {
        List<HandSetup.Post> posts = setup.posts();
        if (posts.stream().distinct().count() != posts.size()) {
            throw new IllegalArgumentException("an extra blind is posted once: " + posts);
        }
        for (HandSetup.Post post : posts) {
            if (!seatNumbers.contains(post.seat())) {
                throw new IllegalArgumentException("an extra blind comes from a dealt-in seat: " + post);
            }
            if (post.blind() == Blind.EXTRA_BIG && (post.seat() == bb || sb != null && post.seat() == sb)) {
                throw new IllegalArgumentException("the blinds post their own blind, not an extra one: " + post);
            }
        }
        return posts.stream()
                .sorted(Comparator.<HandSetup.Post>comparingInt(p -> p.seat() > bb ? p.seat() - bb : p.seat() - bb + 1000)
                        .thenComparing(p -> p.blind() == Blind.EXTRA_BIG ? 0 : 1))
                .toList();
    }

    private static int nextSeat(List<Integer> seatNumbers, int after) {
        return seatNumbers.stream().filter(n -> n > after).findFirst().orElse(seatNumbers.get(0));
    }
}
