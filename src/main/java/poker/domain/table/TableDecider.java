package poker.domain.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HandState;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.SeatSetup;
import poker.domain.holdem.SeatState;
import poker.domain.Rejection;
import poker.domain.table.TableCommand.Act;
import poker.domain.table.TableCommand.CloseTable;
import poker.domain.table.TableCommand.CreateTable;
import poker.domain.table.TableCommand.PermitHand;
import poker.domain.table.TableCommand.RemoveEntry;
import poker.domain.table.TableCommand.SeatEntry;
import poker.domain.table.TableCommand.JoinParticipant;
import poker.domain.table.TableCommand.LeaveTable;
import poker.domain.table.TableCommand.SitIn;
import poker.domain.table.TableCommand.SitOut;
import poker.domain.table.TableEvent.BlindMissed;
import poker.domain.table.TableEvent.DeckSalted;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandPermitted;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantLeaving;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.ParticipantSatIn;
import poker.domain.table.TableEvent.ParticipantSatOut;
import poker.domain.table.TableEvent.TableClosed;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableEvent.TurnClockStarted;

/** The table's command handler: {@code (state, command) -> events | rejection}. Pure, no I/O. */
public final class TableDecider {

    public static final String ACTIVE = "active";
    public static final String SITTING_OUT = "sitting_out";
    /** Seated and sitting in, waiting for the big blind to reach the seat (rule 12). */
    public static final String WAITING = "waiting";
    public static final String NOT_SEATED = "not_seated";
    /** Consecutive turns run out before a player is sat out. */
    public static final int TIMEOUTS_TO_SIT_OUT = 2;

    /** Refusals at tournament tables (API.md: 409 with the code). */
    public static final String TOURNAMENT_TABLE = "tournament_table";
    public static final String NOT_A_TOURNAMENT_TABLE = "not_a_tournament_table";
    public static final String TABLE_NOT_EMPTY = "table_not_empty";
    public static final String TABLE_CLOSED = "table_closed";
    public static final String HAND_IN_PLAY = "hand_in_play";
    /** {@code ParticipantLeft.reason} of a tournament participant who lost their last chip. */
    public static final String ELIMINATED = "eliminated";

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
        if (state.tableClosed()) {
            return command instanceof CloseTable ? Decision.accept()
                    : Decision.reject(TABLE_CLOSED, "Table " + state.tableId() + " is closed.");
        }
        if (state.tournament() && (command instanceof JoinParticipant || command instanceof LeaveTable)) {
            return Decision.reject(TOURNAMENT_TABLE, "This is a tournament table: the tournament director seats"
                    + " and moves its players.");
        }
        if (!state.tournament() && (command instanceof SeatEntry || command instanceof RemoveEntry
                || command instanceof PermitHand)) {
            return Decision.reject(NOT_A_TOURNAMENT_TABLE, "Table " + state.tableId() + " is not a tournament table.");
        }
        if (command instanceof JoinParticipant c) {
            return join(state, c);
        } else if (command instanceof LeaveTable c) {
            return leave(state, c, now);
        } else if (command instanceof SeatEntry c) {
            return seatEntry(state, c);
        } else if (command instanceof RemoveEntry c) {
            return removeEntry(state, c);
        } else if (command instanceof PermitHand c) {
            return permitHand(state, c);
        } else if (command instanceof CloseTable c) {
            return close(state, c);
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
        if (c.settings().tournament() && !isUuid(state.tableId())) {
            // the read side keys tables by UUID: another id would stop every table projection
            return Decision.reject(Rejection.ofField("invalid_table_id", "tableId",
                    "A table id is a UUID (a tournament's: e.g. a name-based UUID of tournament and number)."));
        }
        if (c.settings().tournament() && !isUuid(c.createdBy())) {
            return Decision.reject(Rejection.ofField("invalid_created_by", "createdBy",
                    "createdBy is a user id (a UUID): the lobby records who created a table."));
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
                    p.playerId(), state.tableId(), p.initialChips(), p.seatNumber(), p.sittingOut(),
                    p.owesBlinds() ? p.waitingForBigBlind() : null));
        }
        if (!state.tournament()) {
            return Optional.empty();
        }
        // a director's retries (the director may have crashed between its command and its record of it)
        if (command instanceof SeatEntry c) {
            return state.participant(c.participantId()).map(p -> seated(state, p));
        } else if (command instanceof RemoveEntry c) {
            return state.participant(c.participantId()).isPresent() ? Optional.empty()
                    : Optional.ofNullable(state.removals().get(c.participantId()));
        } else if (command instanceof PermitHand c) {
            return Optional.ofNullable(state.permit()).filter(p -> p.handNumber() == c.handNumber())
                    .map(p -> (TableEvent) p);
        } else if (command instanceof CloseTable) {
            return Optional.ofNullable(state.closed());
        }
        return Optional.empty();
    }

    /** A tournament entry's seating as it was recorded: sitting in, owing nothing. */
    private static ParticipantJoined seated(TableState state, Participant p) {
        return new ParticipantJoined(p.participantId(), p.playerId(), state.tableId(), p.initialChips(),
                p.seatNumber(), false);
    }

    /**
     * The director seats an entry with their chips: dealt in from the next hand, sitting in and owing no
     * blinds (a tournament has no missed-blind bookkeeping). A repeat is answered by {@link #repeatOf}.
     */
    private static Decision<TableEvent> seatEntry(TableState state, SeatEntry c) {
        TableSettings settings = state.settings();
        if (c.participantId() == null || !isUuid(c.participantId())) {
            return Decision.reject(Rejection.ofField("invalid_participant_id", "participantId",
                    "participantId must be a UUID (the read side keys participants by UUID)."));
        }
        if (!isUuid(c.playerId())) {
            return Decision.reject(Rejection.ofField("invalid_player_id", "playerId",
                    "playerId must be a user id (a UUID)."));
        }
        if (c.chips() <= 0) {
            return Decision.reject(Rejection.ofField("invalid_chips", "chips", "An entry is seated with chips."));
        }
        if (c.seatNumber() < 1 || c.seatNumber() > settings.maxSeats()) {
            return Decision.reject(Rejection.ofField("invalid_seat", "seatNumber",
                    "seatNumber must be between 1 and " + settings.maxSeats() + "."));
        }
        if (state.participant(c.participantId()).isPresent()) {
            return Decision.accept(); // a repeat: nothing new (repeatOf answers the seating)
        }
        if (state.joinedIds().contains(c.participantId()) || state.removals().containsKey(c.participantId())) {
            return Decision.reject("already_joined", "This participant was seated here before and has left.");
        }
        if (state.participantOf(c.playerId()).isPresent()) {
            return Decision.reject("already_seated", "Player " + c.playerId() + " already has a seat here.");
        }
        if (state.seat(c.seatNumber()).isPresent()) {
            return Decision.reject("seat_taken", "Seat " + c.seatNumber() + " is taken.");
        }
        return Decision.accept(new ParticipantJoined(c.participantId(), c.playerId(), state.tableId(), c.chips(),
                c.seatNumber(), false));
    }

    /** Off the table with their chips, between hands only; a repeat is answered by {@link #repeatOf}. */
    private static Decision<TableEvent> removeEntry(TableState state, RemoveEntry c) {
        Optional<Participant> seated = state.participant(c.participantId());
        if (seated.isEmpty()) {
            return state.removals().containsKey(c.participantId()) ? Decision.accept()
                    : Decision.reject(NOT_SEATED, "Participant " + c.participantId() + " has no seat here.");
        }
        if (state.handLive()) {
            return Decision.reject(HAND_IN_PLAY, "A hand is in play: remove the entry after it.");
        }
        Participant p = seated.get();
        return Decision.accept(new ParticipantLeft(p.participantId(), p.playerId(), state.tableId(), p.seatNumber(),
                p.chips(), c.movedTo(), c.reason()));
    }

    /**
     * The next hand may be dealt at these stakes. A permit for a hand already permitted or played stores
     * nothing; one beyond the next hand is refused ({@code hand_not_next}): the table deals one at a time.
     */
    private static Decision<TableEvent> permitHand(TableState state, PermitHand c) {
        if (c.bigBlind() <= 0 || c.smallBlind() < 0 || c.smallBlind() > c.bigBlind() || c.ante() < 0) {
            return Decision.reject(Rejection.ofField("invalid_stakes", "bigBlind",
                    "A permit needs a positive big blind, a small blind up to it and an ante of at least 0."));
        }
        long next = state.handsPlayed() + 1;
        if (c.handNumber() < next || state.permit() != null && state.permit().handNumber() == c.handNumber()) {
            return Decision.accept();
        }
        if (c.handNumber() > next) {
            return Decision.reject("hand_not_next", "The next hand here is hand " + next + ", not " + c.handNumber()
                    + ".");
        }
        return Decision.accept(new HandPermitted(state.tableId(), c.handNumber(), c.level(), c.smallBlind(),
                c.bigBlind(), c.ante()));
    }

    /**
     * Closes the table between hands; a repeat answers the first close (see {@link #decide}). A cash table
     * closes once nobody sits at it (an admin's close; its chips are all back in wallets by then).
     */
    private static Decision<TableEvent> close(TableState state, CloseTable c) {
        if (state.handLive()) {
            return Decision.reject(HAND_IN_PLAY, "A hand is in play: close the table after it.");
        }
        if (!state.tournament() && !state.participants().isEmpty()) {
            return Decision.reject(TABLE_NOT_EMPTY, "Players sit at table " + state.tableId()
                    + ": a cash table closes once everyone has left.");
        }
        return Decision.accept(new TableClosed(state.tableId(), c.reason()));
    }

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
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
        // a newcomer waits for the big blind or posts one (rule 12); see positions() for when they are dealt in
        return Decision.accept(new ParticipantJoined(c.participantId(), c.playerId(), state.tableId(),
                c.buyIn(), seat, false, c.waits()));
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
            // sitting in already; one waiting for the big blind may choose to post instead
            return p.waitingForBigBlind() && !c.waits()
                    ? Decision.accept(new ParticipantSatIn(p.participantId(), state.tableId(), p.seatNumber(), false))
                    : Decision.accept();
        }
        // back owing nothing (the blinds did not pass the seat), or owing and choosing to wait or post
        return Decision.accept(new ParticipantSatIn(p.participantId(), state.tableId(), p.seatNumber(),
                p.owesBlinds() ? c.waits() : null));
    }

    /**
     * A hand can start: no hand in play and at least two players sitting in with chips (waiting for the
     * big blind or not: with fewer than two in the game, everyone sitting in is dealt in, see
     * {@link #positions}).
     */
    public static boolean canStartHand(TableState state) {
        if (state.tournament()) {
            return !state.tableClosed() && state.hand() == null && state.nextHandPermit().isPresent()
                    && withChips(state).size() >= 2;
        }
        return state.created() && state.hand() == null && state.playing().size() >= 2;
    }

    /** A tournament table deals in every seated participant with chips, sitting out or not. */
    private static List<Participant> withChips(TableState state) {
        return state.participants().stream().filter(p -> p.chips() > 0).toList();
    }

    /**
     * Deals the next hand from {@code deck} (shuffled by the caller), sealed with {@code salts} (one per
     * deck position, from the caller's {@code SecureRandom}): the blinds missed by players sitting out
     * ({@code BlindMissed}), then {@code DeckSalted} keeping the salts server-side (right before the hand,
     * where the hand history reads it), then the hand, whose {@code HandStarted} publishes the
     * per-position commitment. Who is dealt in, the button, the blinds and the extra posts: {@link #positions}.
     */
    public static Decision<TableEvent> startHand(TableState state, List<Card> deck, List<String> salts, Instant now) {
        if (!canStartHand(state)) {
            return Decision.reject("cannot_start_hand", "A hand is in play or fewer than two players sit in.");
        }
        long handNumber = state.handsPlayed() + 1;
        if (state.tournament()) {
            return startTournamentHand(state, handNumber, deck, salts, now);
        }
        Positions at = positions(state);
        DeckCommitment sealed = DeckCommitment.of(deck, salts);
        List<SeatSetup> seats = at.dealtIn().stream()
                .map(p -> SeatSetup.of(p.seatNumber(), p.playerId(), p.chips())).toList();
        List<SeatSetup> notDealtIn = state.participants().stream().filter(p -> !at.dealtIn().contains(p))
                .map(p -> new SeatSetup(p.seatNumber(), p.playerId(), p.chips(), true)).toList();
        HandSetup setup = new HandSetup(handNumber, seats, at.button(), at.smallBlind(), at.bigBlind(),
                state.settings().smallBlind(), state.settings().bigBlind(), 0, deck, sealed.commitment())
                .withLeaves(sealed.leaves()).withPosts(at.posts()).withNotDealtIn(notDealtIn);
        Batch batch = new Batch(state, now);
        at.missed().forEach(m -> batch.add(new BlindMissed(state.tableId(), m.participantId(), m.seatNumber(),
                handNumber, m.blind())));
        batch.add(new DeckSalted(state.tableId(), handNumber, salts));
        HoldemEngine.start(setup).forEach(e -> batch.add(new HandProgressed(state.tableId(), e)));
        return batch.followUp().decision();
    }

    /**
     * A tournament hand, at the stakes of its permit: every seated participant with chips is dealt in,
     * those sitting out too (they post and are checked or folded on their turn, see {@link Batch}). The
     * button moves to the next such seat clockwise, the blinds follow it (heads-up the button posts the
     * small blind, and nobody posts the big blind twice in a row); no blind is missed or owed.
     */
    private static Decision<TableEvent> startTournamentHand(TableState state, long handNumber, List<Card> deck,
                                                            List<String> salts, Instant now) {
        TableEvent.HandPermitted permit = state.nextHandPermit().orElseThrow();
        List<Participant> dealtIn = withChips(state);
        List<Integer> seatsIn = dealtIn.stream().map(Participant::seatNumber).toList();
        int button = nextSeat(seatsIn, state.button());
        int small;
        int big;
        if (seatsIn.size() == 2) {
            big = otherOf(seatsIn, button);
            if (state.lastBigBlind() != null && big == state.lastBigBlind()) {
                big = button;
                button = otherOf(seatsIn, big);
            }
            small = button;
        } else {
            small = nextSeat(seatsIn, button);
            big = nextSeat(seatsIn, small);
        }
        DeckCommitment sealed = DeckCommitment.of(deck, salts);
        List<SeatSetup> seats = dealtIn.stream()
                .map(p -> SeatSetup.of(p.seatNumber(), p.playerId(), p.chips())).toList();
        List<SeatSetup> notDealtIn = state.participants().stream().filter(p -> p.chips() == 0)
                .map(p -> new SeatSetup(p.seatNumber(), p.playerId(), 0, p.sittingOut())).toList();
        HandSetup setup = new HandSetup(handNumber, seats, button, small, big, permit.smallBlind(), permit.bigBlind(),
                permit.ante(), deck, sealed.commitment()).withLeaves(sealed.leaves()).withNotDealtIn(notDealtIn);
        Batch batch = new Batch(state, now);
        batch.add(new DeckSalted(state.tableId(), handNumber, salts));
        HoldemEngine.start(setup).forEach(e -> batch.add(new HandProgressed(state.tableId(), e)));
        return batch.followUp().decision();
    }

    /** Who is dealt into the next hand and where the button and blinds go; see {@link #positions}. */
    record Positions(int button, int smallBlind, int bigBlind, List<Participant> dealtIn,
                     List<HandSetup.Post> posts, List<Missed> missed) {
    }

    /** A blind that passed the seat of a player sitting out. */
    record Missed(String participantId, int seatNumber, HandEvent.Blind blind) {
    }

    /**
     * The positions of the next cash hand (POKER_RULES.md rules 1–3 and 12, as PokerStars and the TDA
     * play them). Seats go clockwise in increasing seat number, wrapping round.
     * <pre>
     *   active      = seated, sitting in, with chips: in the game, waiting for the big blind, or posting
     *   ready       = active and owing no blinds: the players in the game
     *                 Fewer than two ready: the game (re)starts, every active player is ready, nothing is
     *                 owed or posted.
     *   button      = the next ready seat after the last hand's button (the lowest ready seat at first)
     *   small blind = the next ready seat after the button
     *   big blind   = the next active seat after the small blind, ready or not: a player waiting for the
     *                 big blind, or about to post one, is dealt in there as the big blind, owing no more
     *   heads-up    = two active players: the button posts the small blind, and goes where nobody posts
     *                 the big blind twice in a row (rule 2)
     *   two ready   = and others waiting or posting: the small blind is the ready seat before the next
     *                 active seat after the last big blind, the big blind the next active seat after it. On
     *                 the other ready seat, the small blind has the button (heads-up); on a third player's
     *                 seat, the other ready seat has it. (Moving the button instead gives one of the two the
     *                 big blind twice in a row, or twice in three hands while the other skips it.)
     *   dealt in    = the ready players + the posters (owing, not waiting) + the big blind; a poster
     *                 strictly between the button and the small blind waits for the button to pass (else
     *                 the button would move onto them next hand and the blinds would not move); when the
     *                 button posts the small blind (two in the game), so does a poster strictly between the
     *                 big blind and the button (dealt in, they would sit where a third player's button is,
     *                 and take the small blind next hand while the big blind went back to the button)
     *   posts       = a poster who is not the big blind posts what they owe: a newcomer a live big blind;
     *                 back after missing the big blind, a live big blind and a dead small blind; after
     *                 missing only the small blind, a dead small blind (with no more chips than that, they
     *                 wait for the big blind: all in on dead money, they could win nothing)
     *   missed      = a seated player sitting out, with chips, strictly between the button and the small
     *                 blind missed the small blind; strictly between the small and the big blind, the big one
     * </pre>
     * The button and the small blind skip players owing blinds, so a newcomer never starts on them; the
     * big blind goes to the next seat sitting in after the small blind, so a waiting player's wait ends
     * within an orbit (BigBlindMovesOnPropertiesTest).
     */
    static Positions positions(TableState state) {
        List<Participant> active = state.playing();
        boolean restart = active.stream().filter(Participant::ready).count() < 2;
        List<Participant> ready = restart ? active : active.stream().filter(Participant::ready).toList();
        List<Integer> readySeats = ready.stream().map(Participant::seatNumber).toList();
        List<Integer> activeSeats = active.stream().map(Participant::seatNumber).toList();

        int button = nextSeat(readySeats, state.button());
        int small;
        int big;
        if (active.size() == 2) {
            big = activeSeats.get(0) == button ? activeSeats.get(1) : activeSeats.get(0);
            if (state.lastBigBlind() != null && big == state.lastBigBlind()) {
                int swapped = button;
                button = big;
                big = swapped;
            }
            small = button;
        } else if (readySeats.size() == 2) {
            // two in the game: the button alone cannot keep the big blind moving (see above)
            small = previousSeat(readySeats, nextSeat(activeSeats, state.lastBigBlind()));
            big = nextSeat(activeSeats, small);
            button = readySeats.contains(big) ? small : otherOf(readySeats, small);
        } else {
            small = nextSeat(readySeats, button);
            big = nextSeat(activeSeats, small);
        }

        int bigBlind = big;
        int buttonSeat = button;
        int smallBlind = small;
        List<Participant> dealtIn = active.stream()
                .filter(p -> restart || p.ready() || p.seatNumber() == bigBlind
                        || postsNow(p, state.settings()) && !nextToTheButton(buttonSeat, smallBlind, bigBlind,
                                p.seatNumber()))
                .toList();
        List<HandSetup.Post> posts = new ArrayList<>();
        if (!restart) {
            for (Participant p : dealtIn) {
                if (!postsNow(p, state.settings()) || p.seatNumber() == bigBlind) {
                    continue;
                }
                switch (p.blindsDue()) {
                    case NEW_PLAYER -> posts.add(new HandSetup.Post(p.seatNumber(), HandEvent.Blind.EXTRA_BIG));
                    case MISSED_BIG -> {
                        posts.add(new HandSetup.Post(p.seatNumber(), HandEvent.Blind.EXTRA_BIG));
                        posts.add(new HandSetup.Post(p.seatNumber(), HandEvent.Blind.DEAD_SMALL));
                    }
                    case MISSED_SMALL -> posts.add(new HandSetup.Post(p.seatNumber(), HandEvent.Blind.DEAD_SMALL));
                    case NONE -> {
                    }
                }
            }
        }
        List<Missed> missed = new ArrayList<>();
        for (Participant p : state.participants()) {
            if (!p.sittingOut() || p.chips() == 0) {
                continue;
            }
            if (between(button, small, p.seatNumber())) {
                missed.add(new Missed(p.participantId(), p.seatNumber(), HandEvent.Blind.SMALL));
            } else if (between(small, big, p.seatNumber())) {
                missed.add(new Missed(p.participantId(), p.seatNumber(), HandEvent.Blind.BIG));
            }
        }
        return new Positions(button, small, big, dealtIn, List.copyOf(posts), List.copyOf(missed));
    }

    /** A poster who posts at the next hand: not one whose whole stack would go in as a dead small blind. */
    private static boolean postsNow(Participant p, TableSettings settings) {
        return p.posting()
                && !(p.blindsDue() == Participant.BlindsDue.MISSED_SMALL && p.chips() <= settings.smallBlind());
    }

    /**
     * A poster in seat {@code seat} would get the button or the small blind next hand without having had the big
     * blind: strictly between the button and the small blind, or, when the button posts the small blind (two in
     * the game), strictly between the big blind and the button, where the button of a hand of three would be.
     */
    private static boolean nextToTheButton(int button, int small, int big, int seat) {
        return button == small ? between(big, button, seat) : between(button, small, seat);
    }

    /** Seat {@code seat} lies strictly between {@code from} and {@code to}, going clockwise. */
    private static boolean between(int from, int to, int seat) {
        if (from == to) {
            return false;
        }
        return from < to ? seat > from && seat < to : seat > from || seat < to;
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

    /** The last of {@code seats} (ascending) counter-clockwise before {@code before}. */
    private static int previousSeat(List<Integer> seats, int before) {
        return seats.stream().filter(s -> s < before).reduce((a, b) -> b).orElse(seats.get(seats.size() - 1));
    }

    /** The one of two {@code seats} that is not {@code seat}. */
    private static int otherOf(List<Integer> seats, int seat) {
        return seats.get(0) == seat ? seats.get(1) : seats.get(0);
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
                    // at a tournament table a player sitting out is blinded away: checked when that is
                    // free (as a timeout would), else folded
                    ActionType action = state.tournament() && !p.leaving() && state.hand().toCall(seat) == 0
                            ? ActionType.CHECK : ActionType.FOLD;
                    HoldemEngine.act(state.hand(), seat, action, 0).eventsOrThrow()
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
            if (state.hand() != null && state.hand().handOver() && state.tournament()) {
                closeTournamentHand();
            } else if (state.hand() != null && state.hand().handOver()) {
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

        /**
         * After a tournament hand: its close, the report of every dealt-in stack for the director, then
         * each participant left with no chips goes ("eliminated"), instead of sitting out busted.
         */
        private void closeTournamentHand() {
            String table = state.tableId();
            HandState hand = state.hand();
            List<TableEvent.HandStack> stacks = new ArrayList<>();
            for (SeatState s : hand.seats()) {
                state.seat(s.seat()).filter(p -> p.playerId().equals(s.playerId())).ifPresent(p -> stacks.add(
                        new TableEvent.HandStack(p.participantId(), p.playerId(), s.startingStack(), s.stack())));
            }
            add(new HandClosed(table, hand.handNumber()));
            add(new TableEvent.TournamentHandEnded(table, state.settings().tournamentId(), hand.handNumber(), stacks,
                    hand.button(), hand.bigBlindSeat()));
            for (Participant p : state.participants()) {
                if (p.chips() == 0) {
                    add(new ParticipantLeft(p.participantId(), p.playerId(), table, p.seatNumber(), 0, null,
                            ELIMINATED));
                }
            }
        }

        Decision<TableEvent> decision() {
            return new Decision.Accepted<>(events);
        }
    }
}
