package poker.domain.table.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import poker.domain.cards.Card;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandState;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.LegalAction;
import poker.domain.holdem.SeatState;
import poker.domain.table.Participant;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;
import poker.domain.table.TurnClock;

/**
 * What one viewer may see of a table: the {@code table} object of the live socket (API.md, "Live
 * table socket"). Built only from the table's state and the viewer's identity, so it holds only
 * what that viewer may know: their own hole cards, cards shown at a showdown, never a mucked hand,
 * the deck, the salt, burn or undealt cards.
 *
 * <p>Pure: no clock, no I/O. Field names are the wire names; add fields, never rename them.
 *
 * @param button     the dealer button's seat (of the hand in play, else of the last hand), null before the first
 * @param handNumber null between hands
 * @param street     preflop | flop | turn | river while the hand is live, showdown once it is over
 *                   but not yet cleared, null between hands
 * @param pots       the hand's pots (bets of the current street included), empty between hands
 * @param toAct      the running turn (from the turn clock), null when nobody's clock runs
 * @param legalActions what the viewer may do, only when the viewer is the one on turn
 * @param you        the viewer's seat, null for a spectator
 * @param commitment hex SHA-256 commitment of the current hand's deck, null between hands
 * @param tournamentId the tournament whose table this is, null at a cash table
 * @param level      at a tournament table, the blind level of the stakes shown (the hand in play's, else the
 *                   latest permit's; null before the first permit); null at a cash table. The blinds and
 *                   ante shown are that level's.
 */
@JsonPropertyOrder({"tableId", "name", "smallBlind", "bigBlind", "ante", "maxSeats", "status", "button",
        "handNumber", "street", "board", "pots", "seats", "toAct", "legalActions", "you", "commitment",
        "tournamentId", "level"})
public record TableView(String tableId, String name, long smallBlind, long bigBlind, long ante, int maxSeats,
                        String status, Integer button, Long handNumber, String street, List<String> board,
                        List<Pot> pots, List<Seat> seats, ToAct toAct, List<Action> legalActions, You you,
                        String commitment, String tournamentId, Integer level) {

    public static final String WAITING = "waiting";
    public static final String PLAYING = "playing";
    public static final String SHOWDOWN = "showdown";

    public static final String ACTIVE = "active";
    public static final String FOLDED = "folded";
    public static final String ALL_IN = "all_in";
    public static final String SITTING_OUT = "sitting_out";
    /** Sitting in but not in the hand: waiting for the big blind (rule 12), or for the next hand. */
    public static final String SEAT_WAITING = "waiting";

    public TableView {
        board = List.copyOf(board);
        pots = List.copyOf(pots);
        seats = List.copyOf(seats);
        legalActions = List.copyOf(legalActions);
    }

    /** A pot and the seats that may win it. */
    @JsonPropertyOrder({"amount", "eligibleSeats"})
    public record Pot(long amount, List<Integer> eligibleSeats) {
        public Pot {
            eligibleSeats = List.copyOf(eligibleSeats);
        }
    }

    /**
     * One participant. {@code chips} is the stack behind (in the hand for a dealt-in seat),
     * {@code bet} the chips put in on the current street, {@code cards} null unless the viewer may
     * see them.
     */
    @JsonPropertyOrder({"seatNumber", "playerId", "displayName", "chips", "bet", "status", "cards"})
    public record Seat(int seatNumber, String playerId, String displayName, long chips, long bet, String status,
                       List<String> cards) {
        public Seat {
            cards = cards == null ? null : List.copyOf(cards);
        }
    }

    /** Whose turn it is and until when (ISO-8601 instant). */
    @JsonPropertyOrder({"seatNumber", "playerId", "deadline"})
    public record ToAct(int seatNumber, String playerId, String deadline) {
    }

    /**
     * A legal action for the viewer on turn: {@code action} is fold, check, call, bet, raise or all_in;
     * for bet, raise and all_in min/max are street totals ("raise to"), for call the chips it adds.
     */
    @JsonPropertyOrder({"action", "min", "max"})
    public record Action(String action, long min, long max) {
    }

    /** The viewer's own seat. */
    @JsonPropertyOrder({"seatNumber", "playerId"})
    public record You(int seatNumber, String playerId) {
    }

    /**
     * Whether {@code viewerPlayerId} sees this table exactly as a spectator does: no participant of theirs, and no
     * seat of the table's hand (live or just ended) dealt to them. Then their table view and the view of any event
     * from this state are the spectator's, so one spectator frame serves them all (the live socket's shared
     * frames); anyone else gets a view of their own.
     */
    public static boolean seesAsSpectator(TableState state, String viewerPlayerId) {
        if (viewerPlayerId == null) {
            return true;
        }
        if (state.participantOf(viewerPlayerId).isPresent()) {
            return false;
        }
        HandState hand = state.hand();
        return hand == null || hand.seats().stream().noneMatch(s -> viewerPlayerId.equals(s.playerId()));
    }

    /** The view of {@code viewerPlayerId} (null for a spectator); display names are the player ids. */
    public static TableView of(TableState state, String viewerPlayerId) {
        return of(state, viewerPlayerId, Map.of());
    }

    /**
     * The view of {@code viewerPlayerId} (null for a spectator). {@code displayNames} maps player ids
     * to the names shown; a player missing from it is shown by id.
     */
    public static TableView of(TableState state, String viewerPlayerId, Map<String, String> displayNames) {
        Objects.requireNonNull(state, "state");
        TableSettings settings = state.settings();
        if (settings == null) {
            throw new IllegalArgumentException("table " + state.tableId() + " has not been created");
        }
        Map<String, String> names = displayNames == null ? Map.of() : displayNames;
        HandState hand = state.hand();

        List<Seat> seats = new ArrayList<>();
        for (Participant p : state.participants()) {
            seats.add(seat(p, hand, viewerPlayerId, names));
        }

        ToAct toAct = toAct(state);
        List<Action> legal = List.of();
        if (toAct != null && viewerPlayerId != null && viewerPlayerId.equals(toAct.playerId())
                && hand.toAct() != null && hand.toAct() == toAct.seatNumber()) {
            legal = HoldemEngine.legalActions(hand).stream().map(TableView::action).toList();
        }

        You you = viewerPlayerId == null ? null : state.participantOf(viewerPlayerId)
                .map(p -> new You(p.seatNumber(), p.playerId())).orElse(null);

        // a tournament table's stakes change by level: the hand's own, else the latest permit's
        TableEvent.HandPermitted permit = state.permit();
        long smallBlind = hand != null ? hand.smallBlind() : permit != null ? permit.smallBlind() : settings.smallBlind();
        long bigBlind = hand != null ? hand.bigBlind() : permit != null ? permit.bigBlind() : settings.bigBlind();
        long ante = hand != null ? hand.ante() : permit != null ? permit.ante() : 0;
        if (!settings.tournament()) {
            smallBlind = settings.smallBlind();
            bigBlind = settings.bigBlind();
        }
        return new TableView(
                state.tableId(),
                settings.name(),
                smallBlind,
                bigBlind,
                ante,
                settings.maxSeats(),
                hand == null ? WAITING : PLAYING,
                state.button(),
                hand == null ? null : hand.handNumber(),
                street(hand),
                hand == null ? List.of() : cards(hand.board()),
                // during betting the bets in front of the players are not in a pot yet (see Seat.bet)
                hand == null ? List.of() : (hand.handOver() ? hand.pots() : hand.collectedPots()).stream()
                        .map(pot -> new Pot(pot.amount(), pot.eligibleSeats())).toList(),
                seats,
                toAct,
                legal,
                you,
                hand == null ? null : hand.commitment(),
                settings.tournamentId(),
                settings.tournament() && permit != null ? permit.level() : null);
    }

    private static String street(HandState hand) {
        if (hand == null) {
            return null;
        }
        if (hand.handOver()) {
            return SHOWDOWN;
        }
        return hand.street().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Seat seat(Participant p, HandState hand, String viewer, Map<String, String> names) {
        String displayName = names.getOrDefault(p.playerId(), p.playerId());
        Optional<SeatState> dealt = hand == null ? Optional.empty()
                : hand.findSeat(p.seatNumber()).filter(s -> s.playerId().equals(p.playerId()));
        if (dealt.isEmpty()) {
            String status = p.sittingOut() ? SITTING_OUT
                    : p.waitingForBigBlind() || hand != null ? SEAT_WAITING : ACTIVE;
            return new Seat(p.seatNumber(), p.playerId(), displayName, p.chips(), 0, status, null);
        }
        SeatState s = dealt.get();
        String status;
        if (s.folded()) {
            status = FOLDED;
        } else if (s.allIn()) {
            status = ALL_IN;
        } else if (p.sittingOut() || s.sittingOut()) {
            status = SITTING_OUT;
        } else {
            status = ACTIVE;
        }
        return new Seat(p.seatNumber(), p.playerId(), displayName, s.stack(), s.bet(), status,
                visibleCards(s, viewer));
    }

    /** The owner always sees their own cards (mucked or not); others only once they were shown. */
    static List<String> visibleCards(SeatState s, String viewer) {
        if (s.holeCards().isEmpty()) {
            return null;
        }
        boolean own = viewer != null && viewer.equals(s.playerId());
        return own || s.shown() ? cards(s.holeCards()) : null;
    }

    private static ToAct toAct(TableState state) {
        TurnClock clock = state.clock();
        if (!state.handLive() || clock == null || clock.handNumber() != state.hand().handNumber()) {
            return null;
        }
        String playerId = state.hand().findSeat(clock.seatNumber()).map(SeatState::playerId)
                .or(() -> state.seat(clock.seatNumber()).map(Participant::playerId))
                .orElse(null);
        return new ToAct(clock.seatNumber(), playerId, clock.deadline() == null ? null : clock.deadline().toString());
    }

    private static Action action(LegalAction a) {
        return new Action(actionName(a.action()), a.min(), a.max());
    }

    /** The wire name of an action, as {@link ActionType}'s {@code @JsonProperty} spells it. */
    static String actionName(ActionType type) {
        try {
            JsonProperty p = ActionType.class.getField(type.name()).getAnnotation(JsonProperty.class);
            if (p != null && !p.value().isEmpty()) {
                return p.value();
            }
        } catch (NoSuchFieldException e) {
            // an enum constant is always a field; fall through
        }
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> cards(List<Card> cards) {
        return cards.stream().map(Card::toString).toList();
    }
}
