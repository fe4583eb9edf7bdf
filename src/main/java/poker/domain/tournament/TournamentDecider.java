package poker.domain.tournament;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.tournament.TournamentCommand.AdvanceLevel;
import poker.domain.tournament.TournamentCommand.Bust;
import poker.domain.tournament.TournamentCommand.Cancel;
import poker.domain.tournament.TournamentCommand.CreateTournament;
import poker.domain.tournament.TournamentCommand.HandReport;
import poker.domain.tournament.TournamentCommand.OpenTable;
import poker.domain.tournament.TournamentCommand.RecordMove;
import poker.domain.tournament.TournamentCommand.RecordPrizePaid;
import poker.domain.tournament.TournamentCommand.RecordSeating;
import poker.domain.tournament.TournamentCommand.RecordTableBroken;
import poker.domain.tournament.TournamentCommand.Register;
import poker.domain.tournament.TournamentCommand.ReportHands;
import poker.domain.tournament.TournamentCommand.SetHandForHand;
import poker.domain.tournament.TournamentCommand.Start;
import poker.domain.tournament.TournamentCommand.Unregister;
import poker.domain.tournament.TournamentEvent.HandFinished;
import poker.domain.tournament.TournamentEvent.HandForHandEnded;
import poker.domain.tournament.TournamentEvent.HandForHandStarted;
import poker.domain.tournament.TournamentEvent.LevelStarted;
import poker.domain.tournament.TournamentEvent.Payout;
import poker.domain.tournament.TournamentEvent.PlayerEliminated;
import poker.domain.tournament.TournamentEvent.PlayerMoved;
import poker.domain.tournament.TournamentEvent.PlayerRegistered;
import poker.domain.tournament.TournamentEvent.PlayerSeated;
import poker.domain.tournament.TournamentEvent.PlayerUnregistered;
import poker.domain.tournament.TournamentEvent.PrizeAwarded;
import poker.domain.tournament.TournamentEvent.RegistrationClosed;
import poker.domain.tournament.TournamentEvent.TableBroken;
import poker.domain.tournament.TournamentEvent.TableOpened;
import poker.domain.tournament.TournamentEvent.TournamentCancelled;
import poker.domain.tournament.TournamentEvent.TournamentCreated;
import poker.domain.tournament.TournamentEvent.TournamentFinished;
import poker.domain.tournament.TournamentEvent.TournamentStarted;
import poker.domain.tournament.TournamentState.BustGroup;
import poker.domain.tournament.TournamentState.Entry;

/**
 * The tournament's command handler: {@code (state, command) -> events | rejection}. Pure, no I/O; time
 * comes in the commands. A command that would change nothing (a fact recorded before, a stale timer) is
 * accepted with no events, so the director and the timers may repeat anything.
 *
 * <p>Blind levels: level {@code n} (1-based) is the n-th of the schedule; past its end the last level is
 * repeated with blinds and ante doubled each time (same minutes), so the level clock never stops and
 * every tournament ends.
 *
 * <p>Places while late registration is open: players out are recorded ({@code HandFinished.busts}) but
 * placed only when registration closes, since the final field is not known before; then the latest
 * hand's players get the best of the open places, as if the whole field had been there from the start.
 */
public final class TournamentDecider {

    /**
     * The schedule when none is given (the same as the HTTP edge's): 20 levels of 10 minutes, for stacks
     * of about 100 big blinds of the first level and more (e.g. 10 000 chips); the big-blind ante from
     * level 4.
     */
    public static final List<BlindLevel> DEFAULT_LEVELS = List.of(
            new BlindLevel(10, 20, 0, 10),
            new BlindLevel(15, 30, 0, 10),
            new BlindLevel(25, 50, 0, 10),
            new BlindLevel(50, 100, 100, 10),
            new BlindLevel(75, 150, 150, 10),
            new BlindLevel(100, 200, 200, 10),
            new BlindLevel(150, 300, 300, 10),
            new BlindLevel(200, 400, 400, 10),
            new BlindLevel(300, 600, 600, 10),
            new BlindLevel(400, 800, 800, 10),
            new BlindLevel(500, 1000, 1000, 10),
            new BlindLevel(700, 1400, 1400, 10),
            new BlindLevel(1000, 2000, 2000, 10),
            new BlindLevel(1500, 3000, 3000, 10),
            new BlindLevel(2000, 4000, 4000, 10),
            new BlindLevel(3000, 6000, 6000, 10),
            new BlindLevel(5000, 10000, 10000, 10),
            new BlindLevel(7500, 15000, 15000, 10),
            new BlindLevel(10000, 20000, 20000, 10),
            new BlindLevel(15000, 30000, 30000, 10));

    /** Input limits (every input has one). */
    public static final int MAX_PLAYERS = 10_000;
    public static final long MAX_CHIPS = 1_000_000_000_000L;
    public static final int MAX_LEVELS = 100;
    public static final int MAX_LEVEL_MINUTES = 240;
    public static final int MAX_REENTRIES = 100;
    public static final int MIN_ACTION_SECONDS = 5;
    public static final int MAX_ACTION_SECONDS = 300;
    public static final int MAX_NAME_LENGTH = 64;

    /** The rules that come from elsewhere: the payout table and the ranking of players out together. */
    public interface Rules {
        List<Payout> payouts(int entrants, long prizePool);

        List<Eliminations.Ranked> rank(List<Bust> busts, int remainingBefore, List<Payout> payouts);
    }

    /** {@link Payouts} and {@link Eliminations}. */
    public static final Rules STANDARD = new Rules() {
        @Override
        public List<Payout> payouts(int entrants, long prizePool) {
            return Payouts.forField(entrants, prizePool);
        }

        @Override
        public List<Eliminations.Ranked> rank(List<Bust> busts, int remainingBefore, List<Payout> payouts) {
            return Eliminations.rank(busts, remainingBefore, payouts);
        }
    };

    private TournamentDecider() {
    }

    public static Decision<TournamentEvent> decide(TournamentState state, TournamentCommand command) {
        return decide(state, command, STANDARD);
    }

    /**
     * A retried command answered with the events it produced the first time (nothing new is stored): a
     * Register of an entry id already registered by that player, an Unregister naming an entry already
     * unregistered, a Cancel of a cancelled tournament.
     */
    public static Optional<List<TournamentEvent>> repeatOf(TournamentState state, TournamentCommand command) {
        if (!state.created()) {
            return Optional.empty();
        }
        if (command instanceof Register c) {
            return state.entry(c.entryId()).filter(e -> e.playerId().equals(c.playerId()))
                    .map(e -> List.of(e.registration(state.tournamentId())));
        }
        if (command instanceof Unregister c && c.entryId() != null) {
            return state.entry(c.entryId())
                    .filter(e -> e.playerId().equals(c.playerId()) && TournamentState.UNREGISTERED.equals(e.status()))
                    .map(e -> List.of(new PlayerUnregistered(state.tournamentId(), e.entryId(), e.playerId(),
                            e.buyIn() + e.fee(), e.unregisteredAt())));
        }
        if (command instanceof Cancel && TournamentState.CANCELLED.equals(state.status())) {
            return Optional.of(List.of(new TournamentCancelled(state.tournamentId(), state.cancelReason(),
                    state.endedAt())));
        }
        return Optional.empty();
    }

    /** Call after {@link #repeatOf} found no repeat. {@code rules}: {@link #STANDARD} but in tests. */
    public static Decision<TournamentEvent> decide(TournamentState state, TournamentCommand command, Rules rules) {
        if (command instanceof CreateTournament c) {
            return create(state, c);
        }
        if (!state.created()) {
            return Decision.reject("tournament_not_found", "There is no tournament " + state.tournamentId() + ".");
        }
        if (command instanceof Register c) {
            return register(state, c, rules);
        } else if (command instanceof Unregister c) {
            return unregister(state, c);
        } else if (command instanceof Start c) {
            return start(state, c, rules);
        } else if (command instanceof Cancel c) {
            return cancel(state, c);
        } else if (command instanceof AdvanceLevel c) {
            return advanceLevel(state, c, rules);
        } else if (command instanceof OpenTable c) {
            return openTable(state, c);
        } else if (command instanceof RecordSeating c) {
            return recordSeating(state, c);
        } else if (command instanceof RecordMove c) {
            return recordMove(state, c);
        } else if (command instanceof RecordTableBroken c) {
            return recordTableBroken(state, c);
        } else if (command instanceof SetHandForHand c) {
            return setHandForHand(state, c);
        } else if (command instanceof ReportHands c) {
            return reportHands(state, c, rules);
        } else if (command instanceof RecordPrizePaid c) {
            return recordPrizePaid(state, c);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    // --- creation ---

    private static Decision<TournamentEvent> create(TournamentState state, CreateTournament c) {
        if (state.created()) {
            return Decision.reject("tournament_exists", "Tournament " + state.tournamentId() + " already exists.");
        }
        Optional<Rejection> invalid = validate(c.settings(), c.createdAt());
        if (invalid.isPresent()) {
            return Decision.reject(invalid.get());
        }
        return Decision.accept(new TournamentCreated(state.tournamentId(), withDefaults(c.settings()), c.createdBy(),
                c.createdAt()));
    }

    /** The settings as stored: the default schedule when none was given. */
    public static TournamentSettings withDefaults(TournamentSettings s) {
        if (!s.levels().isEmpty()) {
            return s;
        }
        return new TournamentSettings(s.name(), s.buyIn(), s.fee(), s.startingStack(), s.seatsPerTable(),
                s.minPlayers(), s.maxPlayers(), s.startAt(), s.startWhenFull(), DEFAULT_LEVELS,
                s.lateRegistrationLevels(), s.maxReentries(), s.actionSeconds());
    }

    /** The rules a tournament's settings must follow; the first broken one, naming its field. */
    public static Optional<Rejection> validate(TournamentSettings s, Instant now) {
        if (s == null) {
            return invalid("settings", "The settings are required.");
        }
        if (s.name() == null || s.name().isBlank() || s.name().length() > MAX_NAME_LENGTH) {
            return invalid("name", "name must be 1 to " + MAX_NAME_LENGTH + " characters, not blank.");
        }
        if (s.buyIn() < 0 || s.buyIn() > MAX_CHIPS) {
            return invalid("buyIn", "buyIn must be between 0 and " + MAX_CHIPS + ".");
        }
        if (s.fee() < 0 || s.fee() > MAX_CHIPS) {
            return invalid("fee", "fee must be between 0 and " + MAX_CHIPS + ".");
        }
        if (s.startingStack() < 1 || s.startingStack() > MAX_CHIPS) {
            return invalid("startingStack", "startingStack must be between 1 and " + MAX_CHIPS + ".");
        }
        if (s.seatsPerTable() < 2 || s.seatsPerTable() > 10) {
            return invalid("seatsPerTable", "seatsPerTable must be between 2 and 10.");
        }
        if (s.minPlayers() < 2 || s.minPlayers() > MAX_PLAYERS) {
            return invalid("minPlayers", "minPlayers must be between 2 and " + MAX_PLAYERS + ".");
        }
        if (s.maxPlayers() < s.minPlayers() || s.maxPlayers() > MAX_PLAYERS) {
            return invalid("maxPlayers", "maxPlayers must be between minPlayers and " + MAX_PLAYERS + ".");
        }
        if (s.startAt() == null && !s.startWhenFull()) {
            return invalid("startAt", "startAt is required unless startWhenFull is true.");
        }
        if (s.startAt() != null && now != null && s.startAt().isBefore(now)) {
            return invalid("startAt", "startAt must not be in the past.");
        }
        if (s.levels().size() > MAX_LEVELS) {
            return invalid("levels", "At most " + MAX_LEVELS + " levels.");
        }
        for (int i = 0; i < s.levels().size(); i++) {
            BlindLevel level = s.levels().get(i);
            if (level == null || level.smallBlind() < 1 || level.bigBlind() < level.smallBlind()
                    || level.bigBlind() > MAX_CHIPS || level.ante() < 0 || level.ante() > MAX_CHIPS
                    || level.minutes() < 1 || level.minutes() > MAX_LEVEL_MINUTES) {
                return invalid("levels", "Level " + (i + 1) + ": smallBlind at least 1, bigBlind at least smallBlind,"
                        + " ante at least 0, minutes between 1 and " + MAX_LEVEL_MINUTES + ".");
            }
        }
        int levels = s.levels().isEmpty() ? DEFAULT_LEVELS.size() : s.levels().size();
        if (s.lateRegistrationLevels() < 0 || s.lateRegistrationLevels() > levels) {
            return invalid("lateRegistrationLevels", "lateRegistrationLevels must be between 0 and the number of"
                    + " levels (" + levels + ").");
        }
        if (s.maxReentries() < 0 || s.maxReentries() > MAX_REENTRIES) {
            return invalid("maxReentries", "maxReentries must be between 0 and " + MAX_REENTRIES + ".");
        }
        if (s.actionSeconds() < MIN_ACTION_SECONDS || s.actionSeconds() > MAX_ACTION_SECONDS) {
            return invalid("actionSeconds", "actionSeconds must be between " + MIN_ACTION_SECONDS + " and "
                    + MAX_ACTION_SECONDS + ".");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> invalid(String field, String message) {
        return Optional.of(Rejection.ofField("invalid_field", field, message));
    }

    // --- registration ---

    /**
     * Why {@code playerId} could not register now, if they could not; what {@link Register} checks
     * besides its entry id (the registration saga asks this before taking any money).
     */
    public static Optional<Rejection> registrationRefusal(TournamentState state, String playerId) {
        if (!state.created()) {
            return Optional.of(Rejection.of("tournament_not_found",
                    "There is no tournament " + state.tournamentId() + "."));
        }
        if (!state.over() && state.liveEntryOf(playerId).isPresent()) {
            return Optional.of(Rejection.of("already_registered", "You are already registered."));
        }
        if (state.over() || !state.registrationOpen()) {
            return Optional.of(Rejection.of("registration_closed", "Registration is closed."));
        }
        TournamentSettings s = state.settings();
        int paid = state.paidEntriesOf(playerId).size();
        if (paid > s.maxReentries()) {
            return Optional.of(Rejection.of("reentry_not_allowed", s.maxReentries() == 0
                    ? "This tournament has no re-entries." : "You have used all " + s.maxReentries() + " re-entries."));
        }
        if (state.registering() && state.remaining() >= s.maxPlayers()) {
            return Optional.of(Rejection.of("tournament_full", "All " + s.maxPlayers() + " places are taken."));
        }
        if (state.running() && state.entrants() >= s.maxPlayers()) {
            return Optional.of(Rejection.of("tournament_full", "The field is full (" + s.maxPlayers() + " entries)."));
        }
        return Optional.empty();
    }

    private static Decision<TournamentEvent> register(TournamentState state, Register c, Rules rules) {
        if (state.entry(c.entryId()).isPresent()) {
            return Decision.reject("entry_exists", "Entry " + c.entryId() + " belongs to another player.");
        }
        Optional<Rejection> refusal = registrationRefusal(state, c.playerId());
        if (refusal.isPresent()) {
            return Decision.reject(refusal.get());
        }
        TournamentSettings s = state.settings();
        PlayerRegistered registered = new PlayerRegistered(state.tournamentId(), c.entryId(), c.playerId(),
                state.paidEntriesOf(c.playerId()).size() + 1, c.transactionId(), s.buyIn(), s.fee(), state.running(),
                c.at());
        List<TournamentEvent> events = new ArrayList<>(List.of(registered));
        TournamentState after = state.apply(registered);
        if (after.registering() && s.startWhenFull() && after.remaining() >= s.maxPlayers()) {
            events.addAll(startEvents(after, c.at(), rules));
        }
        return new Decision.Accepted<>(events);
    }

    private static Decision<TournamentEvent> unregister(TournamentState state, Unregister c) {
        if (TournamentState.FINISHED.equals(state.status())) {
            return Decision.reject("tournament_finished", "The tournament is over.");
        }
        if (TournamentState.CANCELLED.equals(state.status())) {
            return Decision.reject("tournament_cancelled", "The tournament was cancelled; every entry is refunded.");
        }
        if (state.running()) {
            return Decision.reject("tournament_running", "The tournament has started; entries are final.");
        }
        Optional<Entry> entry = state.liveEntryOf(c.playerId());
        if (entry.isEmpty() || (c.entryId() != null && !entry.get().entryId().equals(c.entryId()))) {
            return Decision.reject("not_registered", "You are not registered.");
        }
        Entry e = entry.get();
        return Decision.accept(new PlayerUnregistered(state.tournamentId(), e.entryId(), e.playerId(),
                e.buyIn() + e.fee(), c.at()));
    }

    // --- lifecycle ---

    private static Decision<TournamentEvent> start(TournamentState state, Start c, Rules rules) {
        if (!state.registering()) {
            if (!c.manual()) {
                return Decision.accept();
            }
            if (state.running()) {
                return Decision.reject("tournament_running", "The tournament has already started.");
            }
            return overRejection(state);
        }
        if (state.remaining() < state.settings().minPlayers()) {
            if (c.manual()) {
                return Decision.reject("not_enough_players", "At least " + state.settings().minPlayers()
                        + " players are needed; " + state.remaining() + " registered.");
            }
            return Decision.accept(new TournamentCancelled(state.tournamentId(), "not_enough_players", c.at()));
        }
        return new Decision.Accepted<>(startEvents(state, c.at(), rules));
    }

    /** Play begins with the registered entries: the field and payouts as now, level 1, maybe registration closed. */
    private static List<TournamentEvent> startEvents(TournamentState state, Instant at, Rules rules) {
        int entrants = state.remaining();
        long pool = state.prizePool();
        List<Payout> payouts = rules.payouts(entrants, pool);
        List<TournamentEvent> events = new ArrayList<>();
        events.add(new TournamentStarted(state.tournamentId(), entrants, pool, payouts, at));
        events.add(levelStarted(state, 1, at));
        if (state.settings().lateRegistrationLevels() == 0) {
            events.add(new RegistrationClosed(state.tournamentId(), entrants, pool, payouts, at));
        }
        return events;
    }

    private static Decision<TournamentEvent> cancel(TournamentState state, Cancel c) {
        if (state.over()) {
            return overRejection(state);
        }
        String reason = c.reason() == null || c.reason().isBlank() ? "cancelled" : c.reason();
        return Decision.accept(new TournamentCancelled(state.tournamentId(), reason, c.at()));
    }

    private static Decision<TournamentEvent> overRejection(TournamentState state) {
        if (TournamentState.CANCELLED.equals(state.status())) {
            return Decision.reject("tournament_cancelled", "The tournament was cancelled.");
        }
        return Decision.reject("tournament_finished", "The tournament is over.");
    }

    private static Decision<TournamentEvent> advanceLevel(TournamentState state, AdvanceLevel c, Rules rules) {
        if (!state.running() || c.level() <= state.level()) {
            return Decision.accept();
        }
        if (c.level() > state.level() + 1) {
            return Decision.reject("level_out_of_order", "The next level is " + (state.level() + 1) + ".");
        }
        List<TournamentEvent> events = new ArrayList<>();
        if (state.registrationOpen() && state.level() >= state.settings().lateRegistrationLevels()) {
            events.addAll(closeRegistration(state, c.at(), rules));
        }
        events.add(levelStarted(state, c.level(), c.at()));
        return new Decision.Accepted<>(events);
    }

    private static LevelStarted levelStarted(TournamentState state, int level, Instant at) {
        BlindLevel blinds = levelOf(state.settings(), level);
        return new LevelStarted(state.tournamentId(), level, blinds.smallBlind(), blinds.bigBlind(), blinds.ante(),
                at, at.plus(Duration.ofMinutes(blinds.minutes())));
    }

    /**
     * Level {@code level} (1-based) of the settings' schedule; beyond it the last level with blinds and
     * ante doubled once per level past the end (capped at {@link #MAX_CHIPS}), for as many minutes.
     */
    public static BlindLevel levelOf(TournamentSettings settings, int level) {
        List<BlindLevel> levels = settings.levels().isEmpty() ? DEFAULT_LEVELS : settings.levels();
        if (level <= levels.size()) {
            return levels.get(Math.max(level, 1) - 1);
        }
        BlindLevel last = levels.get(levels.size() - 1);
        int doublings = Math.min(level - levels.size(), 62);
        return new BlindLevel(doubled(last.smallBlind(), doublings), doubled(last.bigBlind(), doublings),
                doubled(last.ante(), doublings), last.minutes());
    }

    private static long doubled(long amount, int times) {
        long value = amount;
        for (int i = 0; i < times && value < MAX_CHIPS; i++) {
            value *= 2;
        }
        return Math.min(value, Math.max(amount, MAX_CHIPS));
    }

    /** The payouts as they stand: final once registration closed, else following the field. */
    public static List<Payout> currentPayouts(TournamentState state, Rules rules) {
        if (!state.registrationOpen() && state.startedAt() != null) {
            return state.payouts();
        }
        return rules.payouts(state.entrants(), state.prizePool());
    }

    /**
     * Registration closes: the field, pool and payouts are final, and the players out so far get their
     * places, the latest hand's the best of the open places.
     */
    private static List<TournamentEvent> closeRegistration(TournamentState state, Instant at, Rules rules) {
        int entrants = state.entrants();
        long pool = state.prizePool();
        List<Payout> payouts = rules.payouts(entrants, pool);
        List<TournamentEvent> events = new ArrayList<>();
        events.add(new RegistrationClosed(state.tournamentId(), entrants, pool, payouts, at));
        List<BustGroup> groups = state.pendingBusts();
        int[] remainingBefore = new int[groups.size()];
        int above = state.remaining();
        for (int i = groups.size() - 1; i >= 0; i--) {
            above += groups.get(i).busts().size();
            remainingBefore[i] = above;
        }
        for (int i = 0; i < groups.size(); i++) {
            BustGroup g = groups.get(i);
            events.addAll(eliminated(state, g.busts(), remainingBefore[i], payouts, rules,
                    Map.of(), g.tableId(), g.handNumber()));
        }
        return events;
    }

    // --- facts recorded for the director ---

    private static Decision<TournamentEvent> notRunning(TournamentState state) {
        if (state.over()) {
            return overRejection(state);
        }
        return Decision.reject("tournament_not_running", "The tournament has not started.");
    }

    private static Decision<TournamentEvent> openTable(TournamentState state, OpenTable c) {
        if (state.tables().containsKey(c.tableId())) {
            return Decision.accept();
        }
        if (!state.running()) {
            return notRunning(state);
        }
        return Decision.accept(new TableOpened(state.tournamentId(), c.tableId(), c.tableNumber()));
    }

    private static Decision<TournamentEvent> recordSeating(TournamentState state, RecordSeating c) {
        Optional<Entry> found = state.entry(c.entryId());
        if (found.isEmpty()) {
            return Decision.reject("unknown_entry", "There is no entry " + c.entryId() + ".");
        }
        Entry e = found.get();
        if (c.tableId().equals(e.tableId()) && Integer.valueOf(c.seatNumber()).equals(e.seatNumber())) {
            return Decision.accept();
        }
        if (!state.running()) {
            return notRunning(state);
        }
        if (!TournamentState.PLAYING.equals(e.status())) {
            return Decision.reject("entry_not_playing", "Entry " + c.entryId() + " is not playing.");
        }
        return Decision.accept(new PlayerSeated(state.tournamentId(), e.entryId(), e.playerId(), c.tableId(),
                c.seatNumber(), c.chips()));
    }

    private static Decision<TournamentEvent> recordMove(TournamentState state, RecordMove c) {
        Optional<Entry> found = state.entry(c.entryId());
        if (found.isEmpty()) {
            return Decision.reject("unknown_entry", "There is no entry " + c.entryId() + ".");
        }
        Entry e = found.get();
        if (c.toTable().equals(e.tableId()) && Integer.valueOf(c.seatNumber()).equals(e.seatNumber())) {
            return Decision.accept();
        }
        if (!state.running()) {
            return notRunning(state);
        }
        if (!TournamentState.PLAYING.equals(e.status())) {
            return Decision.reject("entry_not_playing", "Entry " + c.entryId() + " is not playing.");
        }
        return Decision.accept(new PlayerMoved(state.tournamentId(), e.entryId(), e.playerId(), c.fromTable(),
                c.toTable(), c.seatNumber(), c.chips(), c.reason()));
    }

    private static Decision<TournamentEvent> recordTableBroken(TournamentState state, RecordTableBroken c) {
        TournamentState.TableRef table = state.tables().get(c.tableId());
        if (table == null) {
            return Decision.reject("unknown_table", "Table " + c.tableId() + " is not a table of this tournament.");
        }
        if (table.broken()) {
            return Decision.accept();
        }
        if (!state.running()) {
            return notRunning(state);
        }
        return Decision.accept(new TableBroken(state.tournamentId(), c.tableId()));
    }

    private static Decision<TournamentEvent> setHandForHand(TournamentState state, SetHandForHand c) {
        if (state.handForHand() == c.on()) {
            return Decision.accept();
        }
        if (!state.running()) {
            return notRunning(state);
        }
        return Decision.accept(c.on()
                ? new HandForHandStarted(state.tournamentId(), state.remaining(), c.at())
                : new HandForHandEnded(state.tournamentId(), state.remaining(), c.at()));
    }

    /**
     * Hands not reported before: their stacks, their players out (ranked together, or kept for their
     * places while registration is open), and the finish when one entry is left.
     */
    private static Decision<TournamentEvent> reportHands(TournamentState state, ReportHands c, Rules rules) {
        Map<String, Long> lastHand = new HashMap<>();
        state.tables().forEach((id, t) -> lastHand.put(id, t.lastHand()));
        List<HandReport> fresh = new ArrayList<>();
        for (HandReport hand : c.hands()) {
            if (hand.handNumber() > lastHand.getOrDefault(hand.tableId(), 0L)) {
                fresh.add(hand);
                lastHand.put(hand.tableId(), hand.handNumber());
            }
        }
        if (fresh.isEmpty()) {
            return Decision.accept();
        }
        if (!state.running()) {
            return notRunning(state);
        }
        // who is out, each once, only entries still in
        Set<String> seen = new HashSet<>();
        Map<String, HandReport> handOf = new HashMap<>();
        List<Bust> busts = new ArrayList<>();
        for (HandReport hand : fresh) {
            for (Bust bust : hand.busts()) {
                if (state.entry(bust.entryId()).map(Entry::live).orElse(false) && seen.add(bust.entryId())) {
                    busts.add(bust);
                    handOf.put(bust.entryId(), hand);
                }
            }
        }
        int remainingBefore = state.remaining();
        if (!busts.isEmpty() && busts.size() >= remainingBefore) {
            // everyone out at once cannot happen in a hand; guarded: the biggest stack stays in and wins
            Bust best = busts.stream().max(Comparator.comparingLong(Bust::stackAtHandStart)
                    .thenComparing(Bust::entryId, Comparator.reverseOrder())).orElseThrow();
            busts.remove(best);
        }
        List<TournamentEvent> events = new ArrayList<>();
        TournamentState after = state;
        for (HandReport hand : fresh) {
            List<Bust> out = busts.stream().filter(b -> handOf.get(b.entryId()) == hand).toList();
            HandFinished finished = new HandFinished(state.tournamentId(), hand.tableId(), hand.handNumber(),
                    hand.stacks(), out);
            events.add(finished);
            after = after.apply(finished);
        }
        if (state.registrationOpen()) {
            if (after.remaining() <= 1) {
                List<TournamentEvent> closing = closeRegistration(after, c.at(), rules);
                events.addAll(closing);
                for (TournamentEvent e : closing) {
                    after = after.apply(e);
                }
            }
        } else if (!busts.isEmpty()) {
            List<TournamentEvent> out = eliminated(state, busts, remainingBefore, state.payouts(), rules, handOf,
                    null, 0);
            events.addAll(out);
            for (TournamentEvent e : out) {
                after = after.apply(e);
            }
        }
        if (after.remaining() == 1) {
            Entry winner = after.entries().values().stream().filter(Entry::live).findFirst().orElseThrow();
            long prize = currentPayouts(after, rules).stream().filter(p -> p.place() == 1)
                    .mapToLong(Payout::amount).sum();
            events.add(new TournamentFinished(state.tournamentId(), winner.entryId(), winner.playerId(), prize,
                    c.at()));
        }
        return new Decision.Accepted<>(events);
    }

    /** PlayerEliminated for players out together, ranked against each other. */
    private static List<TournamentEvent> eliminated(TournamentState state, List<Bust> busts, int remainingBefore,
                                                    List<Payout> payouts, Rules rules, Map<String, HandReport> handOf,
                                                    String tableId, long handNumber) {
        Map<String, Long> stacks = new HashMap<>();
        busts.forEach(b -> stacks.put(b.entryId(), b.stackAtHandStart()));
        List<TournamentEvent> events = new ArrayList<>();
        for (Eliminations.Ranked r : rules.rank(busts, remainingBefore, payouts)) {
            Entry e = state.entries().get(r.entryId());
            HandReport hand = handOf.get(r.entryId());
            events.add(new PlayerEliminated(state.tournamentId(), r.entryId(), e.playerId(), r.place(), r.tiedWith(),
                    stacks.get(r.entryId()), hand == null ? tableId : hand.tableId(),
                    hand == null ? handNumber : hand.handNumber(), r.prize()));
        }
        return events;
    }

    private static Decision<TournamentEvent> recordPrizePaid(TournamentState state, RecordPrizePaid c) {
        Optional<Entry> found = state.entry(c.entryId());
        if (found.isEmpty()) {
            return Decision.reject("unknown_entry", "There is no entry " + c.entryId() + ".");
        }
        Entry e = found.get();
        if (e.prizePaid()) {
            return Decision.accept();
        }
        if (e.place() == null || e.prize() <= 0) {
            return Decision.reject("no_prize", "Entry " + c.entryId() + " has no prize to pay.");
        }
        return Decision.accept(new PrizeAwarded(state.tournamentId(), e.entryId(), e.playerId(), e.place(),
                e.prize(), c.transactionId()));
    }
}
