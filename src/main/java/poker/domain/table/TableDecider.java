package poker.domain.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.SeatSetup;
import poker.domain.Rejection;
import poker.domain.table.TableCommand.Act;
import poker.domain.table.TableCommand.CreateTable;
import poker.domain.table.TableCommand.JoinParticipant;
import poker.domain.table.TableCommand.LeaveTable;
import poker.domain.table.TableCommand.SitIn;
import poker.domain.table.TableCommand.SitOut;
import poker.domain.table.TableEvent.DeckSalted;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantLeaving;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.ParticipantSatIn;
import poker.domain.table.TableEvent.ParticipantSatOut;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableEvent.TurnClockStarted;

/** The table's command handler: {@code (state, command) -> events | rejection}. Pure, no I/O. */
public final class TableDecider {

    public static final String ACTIVE = "active";
    public static final String SITTING_OUT = "sitting_out";
    public static final String NOT_SEATED = "not_seated";
    /** Consecutive turns run out before a player is sat out. */
    public static final int TIMEOUTS_TO_SIT_OUT = 2;

    private TableDecider() {
    }

    /** {@code now} is the caller's clock reading: it sets the next turn's deadline. */
    public static Decision<TableEvent> decide(TableState state, TableCommand command, Instant now) {
        if (command instanceof CreateTable c) {
            return create(state, c);
        }
        if (!state.created()) {
            return Decision.reject("table_not_found", "There is no table " + state.tableId() + ".");
        }
        if (command instanceof JoinParticipant c) {
            return join(state, c);
        } else if (command instanceof LeaveTable c) {
            return leave(state, c, now);
        } else if (command instanceof SitOut c) {
            return sitOut(state, c, now);
        } else if (command instanceof SitIn c) {
            return sitIn(state, c);
        } else if (command instanceof Act c) {
            return act(state, c.playerId(), c.handNumber(), c.action(), c.amount(), now);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static Decision<TableEvent> create(TableState state, CreateTable c) {
        if (state.created()) {
            return Decision.reject("table_exists", "Table " + state.tableId() + " already exists.");
        }
        return Decision.accept(new TableCreated(state.tableId(), c.settings(), c.createdBy(), c.createdAt()));
    }

    /**
     * A join retried with a participant id the table has seen: while that participant sits, the
     * answer is the original {@code ParticipantJoined} and nothing new is stored.
     */
    public static Optional<TableEvent> repeatOf(TableState state, TableCommand command) {
        if (command instanceof JoinParticipant c) {
            return state.participant(c.participantId()).map(p -> new ParticipantJoined(p.participantId(),
                    p.playerId(), state.tableId(), p.initialChips(), p.initialChips(), p.seatNumber(),
                    p.sittingOut(), p.status()));
        }
        return Optional.empty();
    }

    private static Decision<TableEvent> join(TableState state, JoinParticipant c) {
        TableSettings settings = state.settings();
        if (state.joinedIds().contains(c.participantId())) {
            return Decision.reject("already_joined", "This participant joined before and has left.");
        }
        if (state.participantOf(c.playerId()).isPresent()) {
            return Decision.reject("already_seated", "You already have a seat at this table.");
        }
        if (c.buyIn() < settings.minBuyIn() || c.buyIn() > settings.maxBuyIn()) {
            return Decision.reject("buy_in_out_of_range", "The buy-in must be between "
                    + settings.minBuyIn() + " and " + settings.maxBuyIn() + " chips.");
        }
        if (c.seatNumber() != null && (c.seatNumber() < 1 || c.seatNumber() > settings.maxSeats())) {
            return Decision.reject(Rejection.ofField("invalid_seat", "seatNumber",
                    "seatNumber must be between 1 and " + settings.maxSeats() + "."));
        }
        if (state.full()) {
            return Decision.reject("table_full", "All " + settings.maxSeats() + " seats are taken.");
        }
        int seat;
        if (c.seatNumber() != null) {
            if (state.seat(c.seatNumber()).isPresent()) {
                return Decision.reject("seat_taken", "Seat " + c.seatNumber() + " is taken.");
            }
            seat = c.seatNumber();
        } else {
            seat = state.firstFreeSeat().orElseThrow();
        }
        return Decision.accept(new ParticipantJoined(c.participantId(), c.playerId(), state.tableId(),
                c.buyIn(), c.buyIn(), seat, false, ACTIVE));
    }

    /** Between hands the stack goes at once; a player dealt into the live hand is folded and leaves at its end. */
    private static Decision<TableEvent> leave(TableState state, LeaveTable c, Instant now) {
        Optional<Participant> seated = state.participantOf(c.playerId());
        if (seated.isEmpty()) {
            return Decision.reject(NOT_SEATED, "You have no seat at this table.");
        }
        Participant p = seated.get();
        if (dealtIn(state, p)) {
            if (p.leaving()) {
                return Decision.accept();
            }
            return new Batch(state, now)
                    .add(new ParticipantLeaving(p.participantId(), p.playerId(), state.tableId(), p.seatNumber()))
                    .followUp()
                    .decision();
        }
        return Decision.accept(new ParticipantLeft(p.participantId(), p.playerId(), state.tableId(),
                p.seatNumber(), p.chips()));
    }

    private static Decision<TableEvent> sitOut(TableState state, SitOut c, Instant now) {
        Optional<Participant> seated = state.participantOf(c.playerId());
        if (seated.isEmpty()) {
            return Decision.reject(NOT_SEATED, "You have no seat at this table.");
        }
        Participant p = seated.get();
        if (p.sittingOut()) {
            return Decision.accept();
        }
        return new Batch(state, now)
                .add(new ParticipantSatOut(p.participantId(), state.tableId(), p.seatNumber(), "requested"))
                .followUp()
                .decision();
    }

    private static Decision<TableEvent> sitIn(TableState state, SitIn c) {
        Optional<Participant> seated = state.participantOf(c.playerId());
        if (seated.isEmpty()) {
            return Decision.reject(NOT_SEATED, "You have no seat at this table.");
        }
        Participant p = seated.get();
        if (p.chips() == 0) {
            return Decision.reject("no_chips", "You have no chips left: leave and buy in again.");
        }
        if (!p.sittingOut()) {
            return Decision.accept();
        }
        return Decision.accept(new ParticipantSatIn(p.participantId(), state.tableId(), p.seatNumber()));
    }

    /** A hand can start: no hand in play and at least two players sitting in with chips. */
    public static boolean canStartHand(TableState state) {
        return state.created() && state.hand() == null && state.playing().size() >= 2;
    }

    /**
     * Deals the next hand from {@code deck} (shuffled by the caller), sealed with {@code salts} (one per
     * deck position, from the caller's {@code SecureRandom}): {@code DeckSalted} keeps the salts
     * server-side, {@code HandStarted} publishes the per-position commitment. The button moves to the
     * next player sitting in; heads-up it goes where nobody posts the big blind twice in a row.
     */
    public static Decision<TableEvent> startHand(TableState state, List<Card> deck, List<String> salts, Instant now) {
        if (!canStartHand(state)) {
            return Decision.reject("cannot_start_hand", "A hand is in play or fewer than two players sit in.");
        }
        List<Participant> playing = state.playing();
        int button = nextButton(state, playing.stream().map(Participant::seatNumber).toList());
        long handNumber = state.handsPlayed() + 1;
        DeckCommitment sealed = DeckCommitment.of(deck, salts);
        HandSetup setup = HandSetup.cash(handNumber,
                playing.stream().map(p -> SeatSetup.of(p.seatNumber(), p.playerId(), p.chips())).toList(),
                button, state.settings().smallBlind(), state.settings().bigBlind(), deck, sealed.commitment())
                .withLeaves(sealed.leaves());
        Batch batch = new Batch(state, now).add(new DeckSalted(state.tableId(), handNumber, salts));
        HoldemEngine.start(setup).forEach(e -> batch.add(new HandProgressed(state.tableId(), e)));
        return batch.followUp().decision();
    }

    /** The next hand's button among {@code seats} (ascending); heads-up, where nobody posts the big blind twice. */
    private static int nextButton(TableState state, List<Integer> seats) {
        int button = nextSeat(seats, state.button());
        if (seats.size() == 2) {
            int bigBlind = seats.get(0) == button ? seats.get(1) : seats.get(0);
            if (state.lastBigBlind() != null && bigBlind == state.lastBigBlind()) {
                button = bigBlind;
            }
        }
        return button;
    }

    /** A player's action in the hand in play. */
    public static Decision<TableEvent> act(TableState state, String playerId, long handNumber, ActionType action,
                                           long amount, Instant now) {
        Optional<Participant> seated = state.participantOf(playerId);
        if (seated.isEmpty()) {
            return Decision.reject(NOT_SEATED, "You have no seat at this table.");
        }
        if (!state.handLive() || state.hand().handNumber() != handNumber) {
            return Decision.reject(HoldemEngine.HAND_OVER, "Hand " + handNumber + " is not in play.");
        }
        Decision<HandEvent> decision = HoldemEngine.act(state.hand(), seated.get().seatNumber(), action, amount);
        if (decision instanceof Decision.Rejected<HandEvent> rejected) {
            return Decision.reject(rejected.rejection());
        }
        Batch batch = new Batch(state, now);
        decision.eventsOrThrow().forEach(e -> batch.add(new HandProgressed(state.tableId(), e)));
        return batch.followUp().decision();
    }

    /**
     * The turn clock of {@code seat} in hand {@code handNumber} ran out at {@code now}: check if free,
     * else fold; a second timeout in a row sits the player out. Nothing if that turn is no longer running.
     */
    public static Decision<TableEvent> timeout(TableState state, long handNumber, int seat, Instant now) {
        TurnClock clock = state.clock();
        if (clock == null || clock.handNumber() != handNumber || clock.seatNumber() != seat
                || now.isBefore(clock.deadline()) || !state.handLive()) {
            return Decision.accept();
        }
        Batch batch = new Batch(state, now);
        HoldemEngine.timeout(state.hand()).forEach(e -> batch.add(new HandProgressed(state.tableId(), e)));
        state.seat(seat).ifPresent(p -> {
            if (p.timeouts() + 1 >= TIMEOUTS_TO_SIT_OUT && !p.sittingOut()) {
                batch.add(new ParticipantSatOut(p.participantId(), state.tableId(), seat, "timeout"));
            }
        });
        return batch.followUp().decision();
    }

    private static boolean dealtIn(TableState state, Participant p) {
        return state.handLive() && state.hand().findSeat(p.seatNumber())
                .filter(s -> s.playerId().equals(p.playerId())).isPresent();
    }

    /** The first of {@code seats} (ascending) clockwise after {@code after}; the lowest when there is none. */
    private static int nextSeat(List<Integer> seats, Integer after) {
        if (after == null) {
            return seats.get(0);
        }
        return seats.stream().filter(s -> s > after).findFirst().orElse(seats.get(0));
    }

    /**
     * Events decided together, applied as they are added so each next decision sees the state they
     * make; {@link #followUp()} adds what follows on its own (the next turn's clock, folding players
     * who left or sat out, and after the hand its close, departures and busted players).
     */
    private static final class Batch {
        private final List<TableEvent> events = new ArrayList<>();
        private final Instant now;
        private TableState state;

        Batch(TableState state, Instant now) {
            this.state = state;
            this.now = now;
        }

        Batch add(TableEvent event) {
            events.add(event);
            state = state.apply(event);
            return this;
        }

        Batch followUp() {
            String table = state.tableId();
            while (state.handLive() && state.hand().toAct() != null) {
                int seat = state.hand().toAct();
                Participant p = state.seat(seat).orElse(null);
                if (p != null && (p.leaving() || p.sittingOut())) {
                    HoldemEngine.act(state.hand(), seat, ActionType.FOLD, 0).eventsOrThrow()
                            .forEach(e -> add(new HandProgressed(table, e)));
                    continue;
                }
                TurnClock clock = state.clock();
                if (clock == null || clock.seatNumber() != seat) {
                    add(new TurnClockStarted(table, state.hand().handNumber(), seat,
                            now.plusSeconds(state.settings().actionSeconds())));
                }
                break;
            }
            if (state.hand() != null && state.hand().handOver()) {
                // never the whole deck: folded and mucked cards stay sealed (hands of either scheme)
                add(new HandClosed(table, state.hand().handNumber()));
                for (Participant p : state.participants()) {
                    if (p.leaving()) {
                        add(new ParticipantLeft(p.participantId(), p.playerId(), table, p.seatNumber(), p.chips()));
                    } else if (p.chips() == 0 && !p.sittingOut()) {
                        add(new ParticipantSatOut(p.participantId(), table, p.seatNumber(), "busted"));
                    }
                }
            }
            return this;
        }

        Decision<TableEvent> decision() {
            return new Decision.Accepted<>(events);
        }
    }
}
