package poker.domain.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.eval.HandEvaluator;
import poker.domain.eval.HandValue;
import poker.domain.holdem.HandEvent.HandEnded;
import poker.domain.holdem.HandEvent.HandWon;

/**
 * Random tables (2–10 players, short and deep stacks, random blinds and antes, dead buttons,
 * sitting-out players, extra blinds posted live or dead) play random legal actions to the end of the hand. The seed drives
 * everything, so a failure names a reproducible hand.
 */
class HoldemPropertiesTest {

    private static final int MAX_STEPS = 1_000;

    @Property(tries = 500)
    void randomHandsKeepTheRules(@ForAll long seed) {
        Random random = new Random(seed);
        HandSetup setup = RandomHands.table(random);
        List<HandEvent> events = new ArrayList<>(HoldemEngine.start(setup));
        HandState state = HandState.replay(events);
        long chips = state.seats().stream().mapToLong(SeatState::startingStack).sum();
        checkInvariants(state, chips);

        int steps = 0;
        while (!state.handOver()) {
            if (++steps > MAX_STEPS) {
                fail("the hand did not end in %d steps", MAX_STEPS);
            }
            assertThat(state.toAct()).as("someone is to act while the hand is live").isNotNull();
            List<LegalAction> legal = HoldemEngine.legalActions(state);
            boolean offeredRaise = legal.stream()
                    .anyMatch(a -> a.action() == ActionType.RAISE || a.action() == ActionType.BET);
            assertThat(offeredRaise).as("raise offered (TDA reopening rule, from the event history)")
                    .isEqualTo(mayRaiseByHistory(events, state));
            checkOfferedActionsAreAccepted(state, legal, chips);
            checkOtherActionsAreRejected(state, legal);

            List<HandEvent> next = RandomHands.step(state, random);
            assertThat(next).isNotEmpty();
            for (HandEvent e : next) {
                events.add(e);
                state = state.apply(e);
            }
            checkInvariants(state, chips);
        }

        assertThat(HandState.replay(events)).as("replay equals the live state").isEqualTo(state);
        checkTheEnd(events, state, chips);

        Statistics.label("ended on").collect(state.street(), state.inHand().size() > 1 ? "showdown" : "folds");
        Statistics.label("pots").collect(state.pots().size() > 1 ? "side pots" : "one pot");
        Statistics.label("split").collect(state.results().stream().map(HandWon::pot).distinct().count()
                < state.results().size() ? "split" : "no split");
    }

    private static void checkOfferedActionsAreAccepted(HandState state, List<LegalAction> legal, long chips) {
        assertThat(legal).extracting(LegalAction::action).contains(ActionType.FOLD);
        for (LegalAction a : legal) {
            assertThat(a.min()).isLessThanOrEqualTo(a.max());
            for (long amount : new long[] {a.min(), a.max()}) {
                Decision<HandEvent> d = HoldemEngine.act(state, state.toAct(), a.action(), amount);
                assertThat(d.isAccepted()).as("offered %s at %d: %s", a, amount, d).isTrue();
                HandState after = state;
                for (HandEvent e : d.eventsOrThrow()) {
                    after = after.apply(e);
                }
                checkInvariants(after, chips);
            }
        }
    }

    private static void checkOtherActionsAreRejected(HandState state, List<LegalAction> legal) {
        int seat = state.toAct();
        Set<ActionType> offered = EnumSet.noneOf(ActionType.class);
        legal.forEach(a -> offered.add(a.action()));
        for (ActionType t : EnumSet.complementOf(EnumSet.copyOf(offered))) {
            Decision<HandEvent> d = HoldemEngine.act(state, seat, t, state.currentBet() + state.minRaise());
            assertThat(d.isAccepted()).as("%s is not offered", t).isFalse();
            assertThat(d.rejectionOrThrow().code()).isEqualTo(HoldemEngine.ILLEGAL_ACTION);
        }
        for (LegalAction a : legal) {
            if (a.action() == ActionType.BET || a.action() == ActionType.RAISE) {
                assertThat(HoldemEngine.act(state, seat, a.action(), a.max() + 1).rejectionOrThrow().code())
                        .isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);
                assertThat(HoldemEngine.act(state, seat, a.action(), a.min() - 1).rejectionOrThrow().code())
                        .isEqualTo(HoldemEngine.AMOUNT_OUT_OF_RANGE);
            }
        }
        for (SeatState other : state.seats()) {
            if (other.seat() != seat) {
                assertThat(HoldemEngine.act(state, other.seat(), ActionType.FOLD, 0).rejectionOrThrow().code())
                        .isEqualTo(HoldemEngine.NOT_YOUR_TURN);
                break;
            }
        }
    }

    private static void checkInvariants(HandState state, long chips) {
        for (SeatState s : state.seats()) {
            assertThat(s.stack()).as("stack of seat %d", s.seat()).isNotNegative();
            assertThat(s.bet()).isNotNegative();
            assertThat(s.contributed()).isNotNegative();
        }
        assertThat(state.potTotal()).isNotNegative();
        state.pots().forEach(p -> assertThat(p.amount()).isNotNegative());
        long stacks = state.seats().stream().mapToLong(SeatState::stack).sum();
        assertThat(stacks + state.potTotal()).as("chips are conserved").isEqualTo(chips);
        if (!state.handOver()) {
            assertThat(state.pots().stream().mapToLong(Pot::amount).sum()).isEqualTo(state.potTotal());
        }
    }

    private static void checkTheEnd(List<HandEvent> events, HandState state, long chips) {
        assertThat(events.get(events.size() - 1)).isInstanceOf(HandEnded.class);
        assertThat(events.stream().filter(HandEnded.class::isInstance).count()).isEqualTo(1);
        assertThat(((HandEnded) events.get(events.size() - 1)).stacks()).isEqualTo(state.stacks());
        assertThat(state.potTotal()).isZero();
        assertThat(state.seats().stream().mapToLong(SeatState::stack).sum()).isEqualTo(chips);

        // each pot goes whole to players eligible for it
        List<Pot> pots = state.pots();
        Map<Integer, Long> paid = new HashMap<>();
        for (HandWon w : state.results()) {
            assertThat(w.pot()).isBetween(0, pots.size() - 1);
            assertThat(pots.get(w.pot()).eligibleSeats()).as("winner of pot %d", w.pot()).contains(w.seat());
            paid.merge(w.pot(), w.amount(), Long::sum);
        }
        for (int i = 0; i < pots.size(); i++) {
            assertThat(paid.getOrDefault(i, 0L)).as("pot %d paid out", i).isEqualTo(pots.get(i).amount());
        }

        // nobody wins more than they could match from each player, plus the dead money (antes, dead small
        // blinds) and, for a winner of the top pot, what folded players put in above it (HandState.pots: a
        // player who posted a live big blind and folded, and a small blind who folded to it, above a short
        // all-in big blind)
        long antes = state.seats().stream().mapToLong(SeatState::ante).sum();
        long topLevel = state.inHand().stream().mapToLong(SeatState::contributed).max().orElse(0);
        long foldedAbove = state.seats().stream().filter(SeatState::folded)
                .mapToLong(s -> Math.max(0, s.contributed() - topLevel)).sum();
        for (SeatState winner : state.seats()) {
            long cap = antes + (winner.contributed() == topLevel ? foldedAbove : 0);
            for (SeatState s : state.seats()) {
                cap += Math.min(s.contributed(), winner.contributed());
            }
            assertThat(winner.won()).as("winnings of seat %d", winner.seat()).isLessThanOrEqualTo(cap);
            if (winner.folded()) {
                assertThat(winner.won()).isZero();
            }
        }

        // at a showdown each pot goes to the best hands eligible for it; a mucked hand was beaten
        if (state.inHand().size() > 1) {
            assertThat(state.board()).hasSize(5);
            for (HandWon w : state.results()) {
                HandValue winning = value(state, state.seat(w.seat()));
                for (int seat : pots.get(w.pot()).eligibleSeats()) {
                    SeatState other = state.seat(seat);
                    assertThat(other.shown() || other.mucked()).isTrue();
                    assertThat(value(state, other)).as("seat %d against winner %d", seat, w.seat())
                            .isLessThanOrEqualTo(winning);
                }
            }
            for (SeatState s : state.inHand()) {
                if (s.mucked()) {
                    assertThat(state.inHand().stream().anyMatch(o -> o.shown()
                            && value(state, o).compareTo(value(state, s)) > 0)).isTrue();
                    assertThat(s.won()).isZero();
                }
            }
        }

        // the winnings per seat match an independent pot-by-pot award with odd chips
        assertThat(state.seats().stream().mapToLong(SeatState::won).boxed().toList())
                .as("winnings by seat").isEqualTo(expectedWinnings(state));

        // no card is dealt twice
        Set<Card> seen = new HashSet<>(state.board());
        state.seats().forEach(s -> seen.addAll(s.holeCards()));
        assertThat(seen).hasSize(state.board().size() + 2 * state.seats().size());
    }

    /**
     * May the player on turn bet or raise? Recomputed from the street's events alone: the bet
     * level and the largest full increment, and the level when this player last acted; and only
     * while another player in the hand could put in more than that level.
     */
    private static boolean mayRaiseByHistory(List<HandEvent> events, HandState state) {
        int seat = state.toAct();
        int start = 0;
        for (int i = 0; i < events.size(); i++) {
            HandEvent e = events.get(i);
            if (e instanceof HandEvent.FlopDealt || e instanceof HandEvent.TurnDealt
                    || e instanceof HandEvent.RiverDealt) {
                start = i + 1;
            }
        }
        long level = start == 0 ? state.bigBlind() : 0;
        long fullIncrement = state.bigBlind();
        Long levelWhenActed = null;
        for (HandEvent e : events.subList(start, events.size())) {
            if (e instanceof HandEvent.BetPlaced b) {
                if (b.totalBet() > level) {
                    fullIncrement = Math.max(fullIncrement, b.totalBet() - level);
                    level = b.totalBet();
                }
                if (b.seat() == seat) {
                    levelWhenActed = level;
                }
            } else if (e instanceof HandEvent.PlayerChecked c && c.seat() == seat) {
                levelWhenActed = level;
            }
        }
        SeatState p = state.seat(seat);
        long bet = level;
        boolean someoneElseCanPutInMore = state.seats().stream()
                .anyMatch(o -> o.seat() != seat && !o.folded() && o.bet() + o.stack() > bet);
        boolean reopened = levelWhenActed == null || level - levelWhenActed >= fullIncrement;
        return someoneElseCanPutInMore && reopened && p.bet() + p.stack() > level;
    }

    /**
     * Winnings recomputed without {@link HandState#pots()}: peel the smallest remaining contribution
     * of a live player off everyone, as a pot for the live players who still have chips in; split
     * each among its best hands, odd chips one each from the left of the button.
     */
    private static List<Long> expectedWinnings(HandState state) {
        List<SeatState> seats = state.seats();
        Map<Integer, Long> remaining = new HashMap<>();
        seats.forEach(s -> remaining.put(s.seat(), s.contributed()));
        List<Long> amounts = new ArrayList<>();
        List<List<SeatState>> eligible = new ArrayList<>();
        while (remaining.values().stream().mapToLong(Long::longValue).sum() > 0) {
            List<SeatState> live = seats.stream().filter(s -> !s.folded() && remaining.get(s.seat()) > 0).toList();
            if (live.isEmpty()) {
                long rest = remaining.values().stream().mapToLong(Long::longValue).sum();
                amounts.set(amounts.size() - 1, amounts.get(amounts.size() - 1) + rest);
                break;
            }
            long m = live.stream().mapToLong(s -> remaining.get(s.seat())).min().orElseThrow();
            long amount = 0;
            for (SeatState s : seats) {
                long take = Math.min(remaining.get(s.seat()), m);
                amount += take;
                remaining.put(s.seat(), remaining.get(s.seat()) - take);
            }
            amounts.add(amount);
            eligible.add(live);
        }
        if (amounts.isEmpty()) {
            amounts.add(0L);
            eligible.add(state.inHand());
        }
        amounts.set(0, amounts.get(0) + seats.stream().mapToLong(SeatState::ante).sum());

        Map<Integer, Long> won = new HashMap<>();
        boolean showdown = state.inHand().size() > 1;
        for (int i = 0; i < amounts.size(); i++) {
            List<SeatState> contenders = eligible.get(i);
            List<SeatState> winners = contenders;
            if (showdown) {
                HandValue best = contenders.stream().map(s -> value(state, s)).max(HandValue::compareTo).orElseThrow();
                winners = contenders.stream().filter(s -> value(state, s).compareTo(best) == 0).toList();
            }
            int button = state.button();
            List<SeatState> fromButton = winners.stream()
                    .sorted((a, b) -> Integer.compare(a.seat() > button ? a.seat() : a.seat() + 100,
                            b.seat() > button ? b.seat() : b.seat() + 100))
                    .toList();
            long amount = amounts.get(i);
            for (int w = 0; w < fromButton.size(); w++) {
                long share = amount / fromButton.size() + (w < amount % fromButton.size() ? 1 : 0);
                won.merge(fromButton.get(w).seat(), share, Long::sum);
            }
        }
        return seats.stream().map(s -> won.getOrDefault(s.seat(), 0L)).toList();
    }

    private static HandValue value(HandState state, SeatState seat) {
        List<Card> seven = new ArrayList<>(seat.holeCards());
        seven.addAll(state.board());
        return HandEvaluator.evaluate(seven);
    }
}
