package poker.domain.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import poker.domain.cards.Card;
import poker.domain.cards.Rank;
import poker.domain.eval.HandEvaluator;
import poker.domain.eval.HandValue;
import poker.domain.holdem.HandEvent;
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
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.SeatSetup;

/**
 * Writes a completed hand in the PokerStars text format, as tracking tools (PokerTracker, Hold'em
 * Manager) import it. Play money, so stakes carry no currency; times are UTC, with Eastern Time in
 * brackets as PokerStars adds it; rake is 0.
 *
 * <pre>
 * PokerStars Hand #1234:  Hold'em No Limit (5/10) - 2026/11/27 10:00:00 UTC [2026/11/27 5:00:00 ET]
 * Table 'Main' 6-max Seat #1 is the button
 * Seat 1: alice (500 in chips)
 * ...
 * *** HOLE CARDS ***        *** FLOP ***   *** TURN ***   *** RIVER ***   *** SHOW DOWN ***
 * *** SUMMARY ***
 * </pre>
 *
 * <p>Seated players not dealt in (sitting out, waiting for the big blind) are listed {@code is sitting
 * out} and left out of the summary. Extra blinds (rule 12) read as PokerStars writes them: a new
 * player's big blind {@code posts big blind 10}, a missed big blind posted live with the small blind dead
 * {@code posts small & big blinds 15}, a missed small blind posted dead {@code posts small blind 5}.
 *
 * <p>Hidden information: a hole card is printed only in the viewer's own {@code Dealt to} line (and
 * their own summary line) or when a {@code CardsShown} event turned it up. The deck is never read.
 */
public final class PokerStarsHistory {

    /** PokerStars writes hours without a leading zero: {@code 2026/11/30 3:22:53}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd H:mm:ss");
    /** PokerStars adds the time in Eastern Time, EST or EDT as the date falls, labelled just "ET". */
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private enum Street {
        PREFLOP("before Flop"), FLOP("on the Flop"), TURN("on the Turn"), RIVER("on the River");

        final String foldedWhen;

        Street(String foldedWhen) {
            this.foldedWhen = foldedWhen;
        }
    }

    private PokerStarsHistory() {
    }

    /**
     * The hand as PokerStars text, lines ending in {@code \n}.
     *
     * @param events     every event of one completed hand, {@code HandStarted} first, {@code HandEnded} last
     * @param viewerSeat whose hole cards to deal face up ({@code Dealt to}); null for nobody's
     * @throws IllegalArgumentException when the events are not one whole hand
     */
    public static String format(HistoryContext ctx, List<HandEvent> events, Integer viewerSeat) {
        if (events.isEmpty() || !(events.get(0) instanceof HandStarted started)) {
            throw new IllegalArgumentException("a hand's events begin with HandStarted");
        }
        if (!(events.get(events.size() - 1) instanceof HandEnded)) {
            throw new IllegalArgumentException("hand " + started.handNumber() + " is not over");
        }
        return new Writer(ctx, started, viewerSeat).write(events);
    }

    /** One pass over the events; the running facts the summary needs are kept as it goes. */
    private static final class Writer {
        private final HistoryContext ctx;
        private final HandStarted started;
        private final Integer viewer;
        private final StringBuilder out = new StringBuilder();

        private final Map<Integer, String> names = new HashMap<>();
        private final Map<Integer, Long> stacks = new HashMap<>();
        private final Map<Integer, List<Card>> viewerCards = new HashMap<>();
        private final Map<Integer, Street> foldedOn = new HashMap<>();
        private final Map<Integer, Boolean> putChipsIn = new HashMap<>();
        private final Map<Integer, List<Card>> shown = new LinkedHashMap<>();
        private final List<Integer> mucked = new ArrayList<>();
        /**
         * Seats in the order they showed or mucked. Their lines wait for the SHOW DOWN header: the
         * engine turns hands up before an all-in runout, and the hand is read on the final board.
         */
        private final List<Integer> showdownOrder = new ArrayList<>();
        /** Collected lines name the pot, which needs the number of side pots: printed once all are known. */
        private final List<HandWon> wins = new ArrayList<>();
        private final Map<Integer, Long> won = new TreeMap<>();
        private final Map<Integer, Long> potAmounts = new TreeMap<>();
        private final List<Card> board = new ArrayList<>();

        private Street street = Street.PREFLOP;
        private long level;
        private boolean holeCardsHeader;

        Writer(HistoryContext ctx, HandStarted started, Integer viewer) {
            this.ctx = ctx;
            this.started = started;
            this.viewer = viewer;
            for (SeatSetup s : started.seats()) {
                names.put(s.seat(), displayName(ctx.seatNames().getOrDefault(s.seat(), s.playerId())));
                stacks.put(s.seat(), s.stack());
                putChipsIn.put(s.seat(), false);
            }
            for (SeatSetup s : started.seatedNotDealtIn()) {
                names.put(s.seat(), displayName(ctx.seatNames().getOrDefault(s.seat(), s.playerId())));
            }
            this.level = started.bigBlind(); // preflop the bet to match is the big blind, as in HandState
        }

        String write(List<HandEvent> events) {
            line("PokerStars Hand #" + ctx.handId() + ":  Hold'em No Limit (" + started.smallBlind() + "/"
                    + started.bigBlind() + ") - " + time(ctx.startedAt()));
            line("Table '" + displayName(ctx.tableName()) + "' " + ctx.maxSeats() + "-max Seat #" + started.button()
                    + " is the button");
            // everyone seated; those not dealt in (sitting out, waiting for the big blind) as sitting out
            List<SeatSetup> seated = new ArrayList<>(started.seats());
            seated.addAll(started.seatedNotDealtIn());
            seated.stream()
                    .sorted((a, b) -> Integer.compare(a.seat(), b.seat()))
                    .forEach(s -> line("Seat " + s.seat() + ": " + names.get(s.seat()) + " (" + s.stack()
                            + " in chips)" + (s.sittingOut() ? " is sitting out" : "")));
            for (int i = 1; i < events.size(); i++) {
                HandEvent event = events.get(i);
                HandEvent next = i + 1 < events.size() ? events.get(i + 1) : null;
                if (bothBlinds(event, next)) {
                    postsBoth((BlindPosted) event, (BlindPosted) next);
                    i++;
                } else {
                    write(event);
                }
            }
            if (shown.isEmpty() && mucked.isEmpty()) {
                won.keySet().forEach(seat -> line(names.get(seat) + ": doesn't show hand"));
            }
            summary();
            return out.toString();
        }

        /** A returning player's live big blind followed by their dead small blind: one PokerStars line. */
        private static boolean bothBlinds(HandEvent event, HandEvent next) {
            return event instanceof BlindPosted big && big.blind() == HandEvent.Blind.EXTRA_BIG
                    && next instanceof BlindPosted small && small.blind() == HandEvent.Blind.DEAD_SMALL
                    && small.seat() == big.seat();
        }

        /** PokerStars writes a big blind posted live with a dead small blind as {@code posts small & big blinds 15}. */
        private void postsBoth(BlindPosted big, BlindPosted small) {
            take(big.seat(), big.amount());
            long total = big.amount() + small.amount();
            line(names.get(big.seat()) + ": posts small & big blinds " + total + allIn(take(small.seat(), small.amount())));
        }

        private void write(HandEvent event) {
            if (event instanceof BlindPosted e) {
                // a new player's big blind reads "posts big blind", a dead small blind alone "posts small blind"
                String blind = e.blind() == HandEvent.Blind.SMALL || e.blind() == HandEvent.Blind.DEAD_SMALL
                        ? "small blind" : "big blind";
                line(names.get(e.seat()) + ": posts " + blind + " " + e.amount() + allIn(take(e.seat(), e.amount())));
            } else if (event instanceof AntePosted e) {
                line(names.get(e.seat()) + ": posts the ante " + e.amount() + allIn(take(e.seat(), e.amount())));
            } else if (event instanceof HoleCardsDealt e) {
                if (!holeCardsHeader) {
                    line("*** HOLE CARDS ***");
                    holeCardsHeader = true;
                }
                if (viewer != null && viewer == e.seat()) {
                    viewerCards.put(e.seat(), e.cards());
                    line("Dealt to " + names.get(e.seat()) + " " + cards(e.cards()));
                }
            } else if (event instanceof PlayerFolded e) {
                timedOut(e.seat(), e.reason());
                foldedOn.put(e.seat(), street);
                line(names.get(e.seat()) + ": folds");
            } else if (event instanceof PlayerChecked e) {
                timedOut(e.seat(), e.reason());
                line(names.get(e.seat()) + ": checks");
            } else if (event instanceof BetPlaced e) {
                betPlaced(e);
            } else if (event instanceof FlopDealt e) {
                newStreet(Street.FLOP);
                board.addAll(e.cards());
                line("*** FLOP *** " + cards(board));
            } else if (event instanceof TurnDealt e) {
                newStreet(Street.TURN);
                line("*** TURN *** " + cards(board) + " " + cards(List.of(e.card())));
                board.add(e.card());
            } else if (event instanceof RiverDealt e) {
                newStreet(Street.RIVER);
                line("*** RIVER *** " + cards(board) + " " + cards(List.of(e.card())));
                board.add(e.card());
            } else if (event instanceof UncalledBetReturned e) {
                stacks.merge(e.seat(), e.amount(), Long::sum);
                line("Uncalled bet (" + e.amount() + ") returned to " + names.get(e.seat()));
            } else if (event instanceof CardsShown e) {
                shown.put(e.seat(), e.cards());
                showdownOrder.add(e.seat());
            } else if (event instanceof HandMucked e) {
                mucked.add(e.seat());
                showdownOrder.add(e.seat());
            } else if (event instanceof HandWon e) {
                won.merge(e.seat(), e.amount(), Long::sum);
                potAmounts.merge(e.pot(), e.amount(), Long::sum);
                wins.add(e);
            } else if (event instanceof HandEnded) {
                if (wins.isEmpty()) {
                    walkOverNothing();
                }
                showDown();
                int sidePots = sidePots();
                for (HandWon w : wins) {
                    line(names.get(w.seat()) + " collected " + w.amount() + " from " + potName(w.pot(), sidePots));
                }
            } else if (event instanceof HandStarted) {
                throw new IllegalArgumentException("two HandStarted events in one hand");
            }
        }

        /**
         * A big blind short all-in whose only opponent folds, with no small blind: the whole bet is
         * returned and the pot is empty, so the engine awards nothing. Trackers expect a winner: the
         * last player standing collects 0.
         */
        private void walkOverNothing() {
            List<Integer> standing = started.seats().stream().map(SeatSetup::seat)
                    .filter(seat -> !foldedOn.containsKey(seat)).toList();
            if (standing.size() == 1) {
                wins.add(new HandWon(0, standing.get(0), 0, null));
                won.put(standing.get(0), 0L);
                potAmounts.put(0, 0L);
            }
        }

        private void showDown() {
            if (showdownOrder.isEmpty()) {
                return;
            }
            line("*** SHOW DOWN ***");
            for (int seat : showdownOrder) {
                line(shown.containsKey(seat)
                        ? names.get(seat) + ": shows " + cards(shown.get(seat)) + describe(shown.get(seat), " (", ")")
                        : names.get(seat) + ": mucks hand");
            }
        }

        private int sidePots() {
            return potAmounts.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        private void betPlaced(BetPlaced e) {
            String name = names.get(e.seat());
            String suffix = allIn(e.stackAfter());
            stacks.put(e.seat(), e.stackAfter());
            putChipsIn.put(e.seat(), true);
            if (e.totalBet() <= level) {
                line(name + ": calls " + e.added() + suffix);
            } else if (level == 0) {
                line(name + ": bets " + e.added() + suffix);
                level = e.totalBet();
            } else {
                line(name + ": raises " + (e.totalBet() - level) + " to " + e.totalBet() + suffix);
                level = e.totalBet();
            }
        }

        private void summary() {
            line("*** SUMMARY ***");
            long total = potAmounts.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder pots = new StringBuilder("Total pot " + total);
            int sidePots = sidePots();
            if (sidePots > 0) {
                for (int i = 0; i <= sidePots; i++) {
                    String name = potName(i, sidePots);
                    pots.append(' ').append(Character.toUpperCase(name.charAt(0))).append(name.substring(1))
                            .append(' ').append(potAmounts.getOrDefault(i, 0L)).append('.');
                }
            }
            line(pots + " | Rake 0");
            if (!board.isEmpty()) {
                line("Board " + cards(board));
            }
            started.seats().stream()
                    .sorted((a, b) -> Integer.compare(a.seat(), b.seat()))
                    .forEach(s -> line(seatSummary(s.seat())));
        }

        private String seatSummary(int seat) {
            StringBuilder line = new StringBuilder("Seat " + seat + ": " + names.get(seat));
            if (seat == started.button()) {
                line.append(" (button)");
            }
            if (started.smallBlindSeat() != null && seat == started.smallBlindSeat()) {
                line.append(" (small blind)");
            }
            if (seat == started.bigBlindSeat()) {
                line.append(" (big blind)");
            }
            long amount = won.getOrDefault(seat, 0L);
            if (foldedOn.containsKey(seat)) {
                Street when = foldedOn.get(seat);
                line.append(" folded ").append(when.foldedWhen);
                if (when == Street.PREFLOP && !putChipsIn.get(seat)) {
                    line.append(" (didn't bet)");
                }
            } else if (shown.containsKey(seat)) {
                List<Card> hole = shown.get(seat);
                line.append(" showed ").append(cards(hole))
                        .append(amount > 0 ? " and won (" + amount + ")" : " and lost")
                        .append(describe(hole, " with ", ""));
            } else if (mucked.contains(seat)) {
                line.append(" mucked");
                if (viewerCards.containsKey(seat)) {
                    line.append(' ').append(cards(viewerCards.get(seat)));
                }
            } else if (won.containsKey(seat)) {
                line.append(" collected (").append(amount).append(')');
            } else {
                line.append(" mucked"); // not reached by the engine: every live hand is shown, mucked or wins
            }
            return line.toString();
        }

        // --- helpers

        private void newStreet(Street next) {
            street = next;
            level = 0;
        }

        private void timedOut(int seat, String reason) {
            if (HoldemEngine.TIMEOUT.equals(reason)) {
                line(names.get(seat) + " has timed out");
            }
        }

        /** Posts chips from a stack and returns what is left. */
        private long take(int seat, long amount) {
            putChipsIn.put(seat, true);
            return stacks.merge(seat, -amount, Long::sum);
        }

        /** The evaluated hand on the final board, PokerStars words, or nothing before a flop. */
        private String describe(List<Card> hole, String before, String after) {
            if (board.size() + hole.size() < 5) {
                return "";
            }
            List<Card> cards = new ArrayList<>(hole);
            cards.addAll(board);
            return before + words(HandEvaluator.evaluate(cards)) + after;
        }

        private void line(String text) {
            out.append(text).append('\n');
        }
    }

    /**
     * A hand in the words PokerStars uses: {@code high card Ace}, {@code a pair of Queens},
     * {@code two pair, Aces and Tens}, {@code a straight, Ace to Five}, {@code a Royal Flush}.
     */
    static String words(HandValue value) {
        List<Card> five = value.bestFive();
        Rank top = five.get(0).rank();
        Rank low = five.get(4).rank(); // for a straight: reading order is high to low, a wheel ends on the Ace
        return switch (value.category()) {
            case HIGH_CARD -> "high card " + top.singular();
            case ONE_PAIR -> "a pair of " + top.plural();
            case TWO_PAIR -> "two pair, " + top.plural() + " and " + five.get(2).rank().plural();
            case THREE_OF_A_KIND -> "three of a kind, " + top.plural();
            case STRAIGHT -> "a straight, " + low.singular() + " to " + top.singular();
            case FLUSH -> "a flush, " + top.singular() + " high";
            case FULL_HOUSE -> "a full house, " + top.plural() + " full of " + five.get(3).rank().plural();
            case FOUR_OF_A_KIND -> "four of a kind, " + top.plural();
            case STRAIGHT_FLUSH -> top == Rank.ACE
                    ? "a Royal Flush"
                    : "a straight flush, " + low.singular() + " to " + top.singular();
        };
    }

    /** {@code pot} alone; with side pots {@code main pot}, then {@code side pot} or {@code side pot-1}, {@code -2}... */
    private static String potName(int pot, int sidePots) {
        if (sidePots == 0) {
            return "pot";
        }
        if (pot == 0) {
            return "main pot";
        }
        return sidePots == 1 ? "side pot" : "side pot-" + pot;
    }

    /** {@code 2026/11/30 3:22:53 UTC [2026/11/29 22:22:53 ET]}: the site's time, then Eastern Time. */
    static String time(Instant at) {
        return TIME.format(at.atZone(ZoneOffset.UTC)) + " UTC [" + TIME.format(at.atZone(EASTERN)) + " ET]";
    }

    private static String allIn(long stackAfter) {
        return stackAfter == 0 ? " and is all-in" : "";
    }

    private static String cards(List<Card> cards) {
        return cards.stream().map(Card::toString).collect(Collectors.joining(" ", "[", "]"));
    }

    /** A name on one line: line breaks would let a name forge lines of the history. */
    private static String displayName(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.isEmpty() ? "?" : clean;
    }
}
