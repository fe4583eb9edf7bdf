package poker.domain.holdem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent.AntePosted;
import poker.domain.holdem.HandEvent.BetPlaced;
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
 * The state of one hand, built only from its events: {@code (state, event) -> state}, pure and
 * deterministic. Seats are in seat order; "clockwise" means increasing seat number, wrapping round.
 *
 * @param currentBet    the bet to match on this street (preflop at least the big blind, even when
 *                      the big blind is short)
 * @param minRaise      the smallest legal raise increment: the largest full bet or raise of the street
 * @param lastAggressor the last seat to bet or raise on this street, for the showdown order
 * @param toAct         whose turn it is, or null when nobody is to act
 */
public record HandState(
        long handNumber,
        int button,
        Integer smallBlindSeat,
        int bigBlindSeat,
        long smallBlind,
        long bigBlind,
        long ante,
        List<Card> deck,
        String commitment,
        List<SeatState> seats,
        List<Card> board,
        Street street,
        long currentBet,
        long minRaise,
        Integer lastAggressor,
        Integer toAct,
        boolean handOver,
        List<HandWon> results) {

    public HandState {
        deck = List.copyOf(deck);
        seats = List.copyOf(seats);
        board = List.copyOf(board);
        results = List.copyOf(results);
    }

    /** The state right after {@code HandStarted}. */
    public static HandState started(HandStarted e) {
        List<SeatState> seats = e.seats().stream()
                .sorted((a, b) -> Integer.compare(a.seat(), b.seat()))
                .map(SeatState::seated)
                .toList();
        return new HandState(e.handNumber(), e.button(), e.smallBlindSeat(), e.bigBlindSeat(), e.smallBlind(),
                e.bigBlind(), e.ante(), e.deck(), e.commitment(), seats, List.of(), Street.PREFLOP, e.bigBlind(),
                e.bigBlind(), null, null, false, List.of());
    }

    /** Rebuilds a hand from all its events, {@code HandStarted} first. */
    public static HandState replay(List<HandEvent> events) {
        if (events.isEmpty() || !(events.get(0) instanceof HandStarted started)) {
            throw new IllegalArgumentException("a hand's events begin with HandStarted");
        }
        HandState state = started(started);
        for (HandEvent e : events.subList(1, events.size())) {
            state = state.apply(e);
        }
        return state;
    }

    public HandState apply(HandEvent event) {
        if (event instanceof BlindPosted e) {
            // a dead small blind is dead money, like the ante: in the main pot, not the poster's bet
            return withSeat(e.blind() == HandEvent.Blind.DEAD_SMALL ? seat(e.seat()).payDead(e.amount())
                    : seat(e.seat()).putIn(e.amount()));
        } else if (event instanceof AntePosted e) {
            return withSeat(seat(e.seat()).payDead(e.amount()));
        } else if (event instanceof HoleCardsDealt e) {
            HandState dealt = withSeat(seat(e.seat()).deal(e.cards()));
            boolean everyoneHasCards = dealt.seats.stream().noneMatch(s -> s.holeCards().isEmpty());
            return everyoneHasCards ? dealt.withToAct(dealt.nextToAct(bigBlindSeat)) : dealt;
        } else if (event instanceof PlayerFolded e) {
            HandState s = withSeat(seat(e.seat()).fold());
            return s.withToAct(s.nextToAct(e.seat()));
        } else if (event instanceof PlayerChecked e) {
            HandState s = withSeat(seat(e.seat()).acted(currentBet));
            return s.withToAct(s.nextToAct(e.seat()));
        } else if (event instanceof BetPlaced e) {
            return betPlaced(e);
        } else if (event instanceof FlopDealt e) {
            return nextStreet(Street.FLOP, e.cards());
        } else if (event instanceof TurnDealt e) {
            return nextStreet(Street.TURN, List.of(e.card()));
        } else if (event instanceof RiverDealt e) {
            return nextStreet(Street.RIVER, List.of(e.card()));
        } else if (event instanceof UncalledBetReturned e) {
            HandState s = withSeat(seat(e.seat()).returned(e.amount()));
            long highest = s.seats.stream().mapToLong(SeatState::bet).max().orElse(0);
            return s.with(s.seats, s.board, s.street, highest, s.minRaise, s.lastAggressor, s.toAct, false, s.results);
        } else if (event instanceof CardsShown e) {
            return withSeat(seat(e.seat()).show());
        } else if (event instanceof HandMucked e) {
            return withSeat(seat(e.seat()).muck());
        } else if (event instanceof HandWon e) {
            HandState s = withSeat(seat(e.seat()).win(e.amount()));
            List<HandWon> results = new ArrayList<>(results());
            results.add(e);
            return s.with(s.seats, board, street, currentBet, minRaise, lastAggressor, toAct, false, results);
        } else if (event instanceof HandEnded) {
            return with(seats, board, street, currentBet, minRaise, lastAggressor, null, true, results);
        } else if (event instanceof HandStarted) {
            throw new IllegalStateException("hand " + handNumber + " has already started");
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private HandState betPlaced(BetPlaced e) {
        long bet = currentBet;
        long raise = minRaise;
        Integer aggressor = lastAggressor;
        if (e.totalBet() > bet) {
            long increment = e.totalBet() - bet;
            if (increment >= raise) {
                raise = increment; // a full raise sets the new minimum; a short all-in leaves it
            }
            bet = e.totalBet();
            aggressor = e.seat();
        }
        SeatState actor = seat(e.seat()).putIn(e.added()).acted(bet);
        HandState s = withSeat(actor).with(null, board, street, bet, raise, aggressor, toAct, false, results);
        return s.withToAct(s.nextToAct(e.seat()));
    }

    private HandState nextStreet(Street next, List<Card> cards) {
        List<Card> newBoard = new ArrayList<>(board);
        newBoard.addAll(cards);
        List<SeatState> reset = seats.stream().map(SeatState::newStreet).toList();
        HandState s = with(reset, newBoard, next, 0, bigBlind, null, null, false, results);
        return s.withToAct(s.nextToAct(button));
    }

    /**
     * The first seat clockwise after {@code after} that still owes an action: in the hand, with
     * chips, and either not yet acted on this street or facing a bigger bet. Null when the round is
     * closed: one player left, or nobody (or only one player, already matching the bet) can act.
     */
    private Integer nextToAct(int after) {
        if (inHand().size() <= 1) {
            return null;
        }
        List<SeatState> able = seats.stream().filter(SeatState::canAct).toList();
        if (able.isEmpty() || able.size() == 1 && able.get(0).bet() >= currentBet) {
            return null;
        }
        for (SeatState s : clockwiseAfter(after)) {
            if (s.canAct() && (!s.acted() || s.bet() < currentBet)) {
                return s.seat();
            }
        }
        return null;
    }

    /** Every seat, starting with the first one clockwise after seat number {@code after}. */
    public List<SeatState> clockwiseAfter(int after) {
        List<SeatState> order = new ArrayList<>(seats.size());
        for (SeatState s : seats) {
            if (s.seat() > after) {
                order.add(s);
            }
        }
        for (SeatState s : seats) {
            if (s.seat() <= after) {
                order.add(s);
            }
        }
        return order;
    }

    // --- queries

    public SeatState seat(int seatNumber) {
        return findSeat(seatNumber).orElseThrow(() -> new IllegalArgumentException("no seat " + seatNumber));
    }

    public Optional<SeatState> findSeat(int seatNumber) {
        return seats.stream().filter(s -> s.seat() == seatNumber).findFirst();
    }

    public List<SeatState> inHand() {
        return seats.stream().filter(SeatState::inHand).toList();
    }

    /** Chips the seat must add to stay in (0 when it may check). */
    public long toCall(int seatNumber) {
        return Math.max(0, currentBet - seat(seatNumber).bet());
    }

    /** Chips in the middle not yet awarded: bets of all streets, dead money (antes, dead blinds), minus what was won. */
    public long potTotal() {
        long in = seats.stream().mapToLong(s -> s.contributed() + s.ante()).sum();
        long out = results.stream().mapToLong(HandWon::amount).sum();
        return in - out;
    }

    /**
     * The main pot and the side pots, from what each seat put in. Side-pot splitting: each
     * distinct total put in by a player still in the hand is a level; a pot holds, from every
     * seat, what it put in between the previous level and this one, and is open to the players in
     * the hand who reached the level. Chips of folded players above the top level join the top pot;
     * antes are dead money in the main pot. Adjacent pots with the same players are merged.
     * <pre>
     *   A all-in 100, B all-in 300, C put in 400, D folded after putting in 400:
     *   main  = 4 x 100 = 400   eligible A B C
     *   side1 = 3 x 200 = 600   eligible B C     (B, C, D from 100 up to 300)
     *   side2 = 2 x 100 = 200   eligible C       (C, D from 300 up to 400)
     * </pre>
     */
    public List<Pot> pots() {
        return potsOf(SeatState::contributed);
    }

    /**
     * The pots as a table shows them during a betting round: what earlier streets collected, without
     * the bets still in front of the players (those are each seat's {@code bet}).
     */
    public List<Pot> collectedPots() {
        return potsOf(s -> s.contributed() - s.bet());
    }

    private List<Pot> potsOf(java.util.function.ToLongFunction<SeatState> committed) {
        List<SeatState> live = inHand();
        List<Long> levels = live.stream().map(committed::applyAsLong).filter(c -> c > 0).distinct().sorted().toList();
        List<Long> amounts = new ArrayList<>();
        List<List<Integer>> eligible = new ArrayList<>();
        long previous = 0;
        long assigned = 0;
        for (long level : levels) {
            long amount = 0;
            for (SeatState s : seats) {
                amount += Math.min(committed.applyAsLong(s), level) - Math.min(committed.applyAsLong(s), previous);
            }
            long l = level;
            List<Integer> who = live.stream().filter(s -> committed.applyAsLong(s) >= l).map(SeatState::seat).toList();
            if (!eligible.isEmpty() && eligible.get(eligible.size() - 1).equals(who)) {
                amounts.set(amounts.size() - 1, amounts.get(amounts.size() - 1) + amount);
            } else {
                amounts.add(amount);
                eligible.add(who);
            }
            assigned += amount;
            previous = level;
        }
        long total = seats.stream().mapToLong(committed).sum();
        long antes = seats.stream().mapToLong(SeatState::ante).sum();
        if (amounts.isEmpty()) {
            amounts.add(0L);
            eligible.add(live.stream().map(SeatState::seat).toList());
        }
        amounts.set(amounts.size() - 1, amounts.get(amounts.size() - 1) + total - assigned);
        amounts.set(0, amounts.get(0) + antes);
        List<Pot> pots = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            pots.add(new Pot(amounts.get(i), eligible.get(i)));
        }
        return pots;
    }

    /** The stacks as they stand (the final stacks once the hand is over). */
    public List<HandEvent.SeatStack> stacks() {
        return seats.stream().map(s -> new HandEvent.SeatStack(s.seat(), s.stack())).toList();
    }

    // --- copying

    private HandState withSeat(SeatState changed) {
        List<SeatState> list = new ArrayList<>(seats);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).seat() == changed.seat()) {
                list.set(i, changed);
            }
        }
        return with(list, board, street, currentBet, minRaise, lastAggressor, toAct, handOver, results);
    }

    private HandState withToAct(Integer seat) {
        return with(seats, board, street, currentBet, minRaise, lastAggressor, seat, handOver, results);
    }

    private HandState with(List<SeatState> newSeats, List<Card> newBoard, Street newStreet, long newCurrentBet,
                           long newMinRaise, Integer newLastAggressor, Integer newToAct, boolean newHandOver,
                           List<HandWon> newResults) {
        return new HandState(handNumber, button, smallBlindSeat, bigBlindSeat, smallBlind, bigBlind, ante, deck,
                commitment, newSeats == null ? seats : newSeats, newBoard, newStreet, newCurrentBet, newMinRaise,
                newLastAggressor, newToAct, newHandOver, newResults);
    }

    /** Leaves the deck order out (and, through {@link SeatState}, the hole cards): a log must not show them. */
    @Override
    public String toString() {
        return "HandState[handNumber=" + handNumber + ", button=" + button + ", smallBlindSeat=" + smallBlindSeat
                + ", bigBlindSeat=" + bigBlindSeat + ", blinds=" + smallBlind + "/" + bigBlind + ", ante=" + ante
                + ", commitment=" + commitment + ", seats=" + seats + ", board=" + board + ", street=" + street
                + ", currentBet=" + currentBet + ", minRaise=" + minRaise + ", lastAggressor=" + lastAggressor
                + ", toAct=" + toAct + ", handOver=" + handOver + ", results=" + results + "]";
    }
}
