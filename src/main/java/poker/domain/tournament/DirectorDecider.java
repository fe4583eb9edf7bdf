package poker.domain.tournament;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.domain.tournament.DirectorState.Entry;
import poker.domain.tournament.DirectorState.EntryStatus;
import poker.domain.tournament.DirectorState.Level;
import poker.domain.tournament.DirectorState.Payment;
import poker.domain.tournament.DirectorState.Phase;
import poker.domain.tournament.DirectorState.Table;
import poker.domain.tournament.DirectorState.TableStatus;

/**
 * The decisions of the {@code TournamentDirector}, the tournament's process manager: given its state and
 * one input (a tournament event, a hand ended at one of its tables, a reply to a step), the events to
 * store. Pure: time and randomness are passed in, and whatever they decide (seats drawn, the table that
 * breaks among equals, report instants) is in the returned events, so a replay never draws again.
 *
 * <p>After the input's own event, {@link #reconcile} decides whatever is due, in this order (POKER_RULES.md
 * "Tournaments" and issue #9):
 * <ol>
 *   <li>cancelled: refund every entry that paid (txid "refund-&lt;tournamentId&gt;-&lt;entryId&gt;"), close tables;</li>
 *   <li>started and no tables yet: {@link Seating#tablesFor} tables "&lt;tournamentId&gt;-&lt;n&gt;", every entry
 *       seated by {@link Seating#initial};</li>
 *   <li>prizes due (PlayerEliminated / TournamentFinished with a prize): credit the wallet (txid
 *       "prize-&lt;tournamentId&gt;-&lt;entryId&gt;"), then record it at the tournament;</li>
 *   <li>finished: close the remaining tables, nothing else;</li>
 *   <li>late entries: seated at the shortest open table (random among equals, random free seat; a new table
 *       when all are full);</li>
 *   <li>hands ended and not yet reported: one ReportHands each, or during hand-for-hand one ReportHands for
 *       the whole round once every table has finished its hand;</li>
 *   <li>hand-for-hand on as soon as {@link Eliminations#handForHand} holds; off only between rounds;</li>
 *   <li>between hands, one structural change at a time (no move in flight): break a table as soon as the
 *       rest fit ({@link Seating#tableToBreak}, players reseated by {@link Seating#reseat}); else one
 *       balancing move ({@link Seating#balance}); only from a table that is between hands and reported (when
 *       the largest table is in a hand, from the largest table between hands that is more than one over the
 *       shortest);</li>
 *   <li>permits: every open table between hands, reported, with two players or more and no move in flight
 *       from or to it, and not more than one player over the shortest open table (it gives a player first),
 *       gets the next hand at the level current now; during hand-for-hand only when the whole round is over,
 *       and then every table at once.</li>
 * </ol>
 * A move is remove-from-A (the reply gives the chips) then seat-at-B with those chips, each its own event
 * ({@code MoveStarted}, {@code MoveRemoved}, {@code MoveSeated}), so after a crash between the two the
 * director resumes with the seating; the seat at B is reserved from the start, and the entry is at one
 * table or in flight, never at two.
 */
public final class DirectorDecider {

    /**
     * {@code createdBy} of the tables a director creates: tables record a user id (a UUID), and no user
     * creates these; a fixed name-based UUID stands for "the tournament director".
     */
    public static final String CREATED_BY = nameUuid("poker:tournament-director");

    private DirectorDecider() {
    }

    /**
     * The id of table {@code tableNumber} of a tournament: a name-based UUID of both (tables, and the read
     * side, key tables by UUID), the same on every attempt.
     */
    public static String tableId(String tournamentId, int tableNumber) {
        return nameUuid("tournament-table:" + tournamentId + ":" + tableNumber);
    }

    public static String prizeTransactionId(String tournamentId, String entryId) {
        return "prize-" + tournamentId + "-" + entryId;
    }

    public static String refundTransactionId(String tournamentId, String entryId) {
        return "refund-" + tournamentId + "-" + entryId;
    }

    /**
     * The participant id of an entry's {@code seating}-th seating (1 = its first table): a name-based UUID
     * (tables key participants by UUID), unique per seating, the same on every attempt.
     */
    public static String participantId(String entryId, int seating) {
        return nameUuid("tournament-entry:" + entryId + ":" + seating);
    }

    private static String nameUuid(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /**
     * Whether the director acts on this tournament event (the rest are its own decisions echoed back by the
     * tournament): the forwarding projection may skip the others.
     */
    public static boolean relevant(TournamentEvent event) {
        return event instanceof TournamentEvent.TournamentCreated
                || event instanceof TournamentEvent.PlayerRegistered
                || event instanceof TournamentEvent.PlayerUnregistered
                || event instanceof TournamentEvent.TournamentStarted
                || event instanceof TournamentEvent.TournamentCancelled
                || event instanceof TournamentEvent.LevelStarted
                || event instanceof TournamentEvent.RegistrationClosed
                || event instanceof TournamentEvent.PlayerEliminated
                || event instanceof TournamentEvent.PrizeAwarded
                || event instanceof TournamentEvent.TournamentFinished;
    }

    /** The tournament of a table event the director acts on, if it is one: a tournament hand ended. */
    public static Optional<String> tournamentOf(TableEvent event) {
        return event instanceof TableEvent.TournamentHandEnded e && e.tournamentId() != null
                ? Optional.of(e.tournamentId()) : Optional.empty();
    }

    /**
     * The events to store for {@code input}; empty when there is nothing new (a repeated delivery, an event
     * the director does not act on, a reply to a step no longer pending). A step that is still pending
     * after its reply's events (a refusal that may pass, e.g. {@code hand_in_play}) is to be sent again.
     */
    public static List<DirectorEvent> decide(DirectorState state, DirectorInput input, Instant now,
                                             RandomGenerator random) {
        Acc a = new Acc(state);
        if (input instanceof DirectorInput.FromTournament in) {
            if (!in.event().tournamentId().equals(state.tournamentId()) || in.sequenceNr() <= state.seen(
                    in.persistenceId()) || !relevant(in.event())) {
                return List.of();
            }
            a.emit(new DirectorEvent.TournamentEventReceived(in.persistenceId(), in.sequenceNr(), in.event()));
        } else if (input instanceof DirectorInput.FromTable in) {
            if (!(in.event() instanceof TableEvent.TournamentHandEnded e)
                    || !state.tournamentId().equals(e.tournamentId())
                    || in.sequenceNr() <= state.seen(in.persistenceId())) {
                return List.of();
            }
            Table t = state.tables().get(e.tableId());
            if (t == null || e.handNumber() <= t.ended()) {
                return List.of();
            }
            a.emit(new DirectorEvent.HandEndedReceived(in.persistenceId(), in.sequenceNr(), e));
        } else if (input instanceof DirectorInput.StepReplied in) {
            Optional<DirectorStep> step = state.step(in.stepId());
            if (step.isEmpty()) {
                return List.of();
            }
            Optional<DirectorEvent> done = completion(step.get(), in.outcome());
            if (done.isEmpty()) {
                return List.of();
            }
            a.emit(done.get());
        }
        reconcile(a, now, random);
        return a.events;
    }

    /** What a reply to {@code step} means; empty: not done, send it again later. */
    static Optional<DirectorEvent> completion(DirectorStep step, DirectorInput.StepOutcome outcome) {
        if (outcome instanceof DirectorInput.Refused refused && !settles(step, refused.code())) {
            return Optional.empty();
        }
        Long chips = outcome instanceof DirectorInput.Ok ok ? ok.chips() : null;
        if (step instanceof DirectorStep.RemoveEntry r && r.moveId() != null) {
            return chips == null ? Optional.empty() : Optional.of(new DirectorEvent.MoveRemoved(r.id(), r.moveId(),
                    chips));
        } else if (step instanceof DirectorStep.SeatEntry s && s.moveId() != null) {
            return Optional.of(new DirectorEvent.MoveSeated(s.id(), s.moveId()));
        } else if (step instanceof DirectorStep.CreditPrize c) {
            return Optional.of(new DirectorEvent.PrizeCredited(c.id(), c.entryId()));
        } else if (step instanceof DirectorStep.RecordPrizePaid p) {
            return Optional.of(new DirectorEvent.PrizePaid(p.id(), p.entryId()));
        } else if (step instanceof DirectorStep.RefundEntry r) {
            return Optional.of(new DirectorEvent.RefundPaid(r.id(), r.entryId()));
        }
        return Optional.of(new DirectorEvent.StepDone(step.id()));
    }

    /**
     * Whether a refusal still settles the step: the table exists already; a permit or a close the table no
     * longer needs (but a close refused during a hand goes again); a seating done before; a fact the
     * tournament will not take (retrying changes nothing: the entity logs it). Other seating, removal and
     * wallet refusals do not: they are tried again with a backoff (the entity logs them).
     */
    static boolean settles(DirectorStep step, String code) {
        if (step instanceof DirectorStep.CreateTable) {
            return "table_exists".equals(code);
        } else if (step instanceof DirectorStep.PermitHand || step instanceof DirectorStep.CloseTable) {
            return !"table_not_found".equals(code) && !"hand_in_play".equals(code);
        } else if (step instanceof DirectorStep.SeatEntry) {
            // this seating happened and the participant has left since: nothing to redo
            return "already_joined".equals(code);
        } else if (step.target() instanceof DirectorStep.ToTournament) {
            return true;
        }
        return false;
    }

    /** Decides whatever is due in {@code state}; see the class comment for the order. */
    private static void reconcile(Acc a, Instant now, RandomGenerator random) {
        DirectorState s = a.state;
        if (s.settings() == null || s.phase() == Phase.NEW || s.phase() == Phase.REGISTERING) {
            return;
        }
        if (s.phase() == Phase.CANCELLED) {
            refunds(a);
            closeAll(a, "cancelled");
            return;
        }
        if (s.phase() == Phase.RUNNING && s.tables().isEmpty()) {
            initialSeating(a, now, random);
        }
        prizes(a);
        if (a.state.phase() == Phase.FINISHED) {
            closeAll(a, "finished");
            return;
        }
        lateSeating(a, now, random);
        reports(a, now);
        handForHand(a, now);
        structure(a, random);
        permits(a);
    }

    private static void refunds(Acc a) {
        for (Entry e : a.state.entries().values()) {
            if (e.status() != EntryStatus.UNREGISTERED && e.refund() == Payment.NONE) {
                a.emit(new DirectorEvent.RefundStarted(e.entryId(), e.playerId(), e.paid(),
                        refundTransactionId(a.state.tournamentId(), e.entryId()), "tournament_cancelled"));
            }
        }
    }

    private static void closeAll(Acc a, String reason) {
        List<String> open = a.state.liveTables().stream().map(Table::tableId).toList();
        if (!open.isEmpty()) {
            a.emit(new DirectorEvent.TablesClosing(open, reason));
        }
    }

    private static void prizes(Acc a) {
        for (Entry e : a.state.entries().values()) {
            if (e.prize() > 0 && e.prizePayment() == Payment.NONE) {
                a.emit(new DirectorEvent.PrizePayoutStarted(e.entryId(), e.playerId(), e.prize(),
                        prizeTransactionId(a.state.tournamentId(), e.entryId())));
            }
        }
    }

    private static List<Entry> unseated(DirectorState s) {
        return s.entries().values().stream().filter(e -> e.status() == EntryStatus.REGISTERED).toList();
    }

    private static void initialSeating(Acc a, Instant now, RandomGenerator random) {
        DirectorState s = a.state;
        List<Entry> waiting = unseated(s);
        if (waiting.isEmpty()) {
            return;
        }
        int seats = s.settings().seatsPerTable();
        int count = Seating.tablesFor(waiting.size(), seats);
        List<DirectorEvent.OpenedTable> opened = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            opened.add(openedTable(s, n));
        }
        a.emit(new DirectorEvent.TablesOpened(opened, now));
        List<Placement> placements = Seating.initial(waiting.stream().map(Entry::entryId).toList(),
                opened.stream().map(DirectorEvent.OpenedTable::tableId).toList(), seats, random);
        List<DirectorEvent.SeatDrawn> drawn = new ArrayList<>();
        for (Placement p : placements) {
            drawn.add(seatDrawn(a.state.entries().get(p.entryId()), p.tableId(), p.seatNumber()));
        }
        a.emit(new DirectorEvent.EntriesSeated(drawn, "start"));
    }

    private static DirectorEvent.SeatDrawn seatDrawn(Entry e, String tableId, int seat) {
        return new DirectorEvent.SeatDrawn(e.entryId(), e.playerId(), tableId, seat,
                participantId(e.entryId(), e.seatings() + 1), e.chips());
    }

    private static DirectorEvent.OpenedTable openedTable(DirectorState s, int number) {
        TournamentSettings t = s.settings();
        Level level = currentLevel(s);
        long small = level == null ? 1 : level.smallBlind();
        long big = level == null ? 2 : level.bigBlind();
        return new DirectorEvent.OpenedTable(tableId(s.tournamentId(), number), number,
                new TableSettings(t.name() + " - table " + number, small, big, t.seatsPerTable(),
                        t.startingStack(), t.startingStack(), t.actionSeconds(), s.tournamentId()));
    }

    /** The level from LevelStarted, or the schedule's first before any. */
    static Level currentLevel(DirectorState s) {
        if (s.level() != null) {
            return s.level();
        }
        if (s.settings() != null && !s.settings().levels().isEmpty()) {
            BlindLevel first = s.settings().levels().get(0);
            return new Level(1, first.smallBlind(), first.bigBlind(), first.ante());
        }
        return null;
    }

    private static void lateSeating(Acc a, Instant now, RandomGenerator random) {
        if (a.state.tables().isEmpty()) {
            return;
        }
        for (Entry waiting : unseated(a.state)) {
            DirectorState s = a.state;
            int seats = s.settings().seatsPerTable();
            List<Table> open = s.tables().values().stream().filter(t -> t.status() == TableStatus.OPEN).toList();
            int fewest = open.stream().mapToInt(Table::players).min().orElse(seats);
            String tableId;
            int seat;
            if (fewest >= seats) {
                DirectorEvent.OpenedTable opened = openedTable(s, s.tables().size() + 1);
                a.emit(new DirectorEvent.TablesOpened(List.of(opened), now));
                tableId = opened.tableId();
                seat = 1 + random.nextInt(seats);
            } else {
                List<Table> shortest = open.stream().filter(t -> t.players() == fewest).toList();
                Table table = shortest.get(random.nextInt(shortest.size()));
                List<Integer> free = IntStream.rangeClosed(1, seats).filter(n -> !table.seated().containsKey(n))
                        .boxed().toList();
                tableId = table.tableId();
                seat = free.get(random.nextInt(free.size()));
            }
            a.emit(new DirectorEvent.EntriesSeated(List.of(seatDrawn(waiting, tableId, seat)), "late"));
        }
    }

    /** Every live table between hands and reported: a hand-for-hand round is over. */
    private static boolean roundOver(DirectorState s) {
        return s.liveTables().stream().noneMatch(DirectorDecider::busy);
    }

    private static void reports(Acc a, Instant now) {
        List<TournamentCommand.HandReport> pending = a.state.tables().values().stream()
                .map(Table::pendingReport).filter(r -> r != null).toList();
        if (pending.isEmpty()) {
            return;
        }
        if (!a.state.handForHand()) {
            for (TournamentCommand.HandReport r : pending) {
                a.emit(new DirectorEvent.HandsReported(List.of(r), now));
            }
        } else if (a.state.liveTables().stream().noneMatch(Table::playing)) {
            a.emit(new DirectorEvent.HandsReported(pending, now));
        }
    }

    private static void handForHand(Acc a, Instant now) {
        DirectorState s = a.state;
        int remaining = s.remaining();
        int openTables = (int) s.tables().values().stream().filter(t -> t.status() == TableStatus.OPEN).count();
        boolean wanted = s.paidPlaces() > 0 && Eliminations.handForHand(remaining, s.paidPlaces(), openTables);
        if (wanted && !s.handForHand()) {
            a.emit(new DirectorEvent.HandForHandChanged(true, remaining, now));
        } else if (!wanted && s.handForHand() && roundOver(s)) {
            a.emit(new DirectorEvent.HandForHandChanged(false, remaining, now));
        }
    }

    private static void structure(Acc a, RandomGenerator random) {
        if (!a.state.moves().isEmpty()) {
            return;
        }
        for (Table t : a.state.tables().values()) {
            if (t.status() == TableStatus.BREAKING) {
                a.emit(new DirectorEvent.TableBroken(t.tableId()));
            }
        }
        DirectorState s = a.state;
        List<Table> open = s.tables().values().stream().filter(t -> t.status() == TableStatus.OPEN).toList();
        if (s.remaining() <= 1 || open.size() <= 1) {
            return;
        }
        int seats = s.settings().seatsPerTable();
        List<TableLayout> layouts = open.stream().map(t -> t.layout(seats)).toList();
        Optional<String> toBreak = Seating.tableToBreak(layouts, seats, random);
        if (toBreak.isPresent()) {
            Table t = s.tables().get(toBreak.get());
            if (busy(t)) {
                return;
            }
            List<TableLayout> others = layouts.stream().filter(l -> !l.tableId().equals(t.tableId())).toList();
            List<String> leaving = List.copyOf(t.seated().values());
            a.emit(new DirectorEvent.TableBreakStarted(t.tableId()));
            if (leaving.isEmpty()) {
                a.emit(new DirectorEvent.TableBroken(t.tableId()));
                return;
            }
            for (Placement p : Seating.reseat(leaving, others, random)) {
                startMove(a, p.entryId(), t.tableId(), p.tableId(), p.seatNumber(), "table_broken");
            }
            return;
        }
        // tables between hands first: among equally large tables the move comes from one that can move now
        List<TableLayout> waitingFirst = open.stream()
                .sorted(java.util.Comparator.comparing(DirectorDecider::busy))
                .map(t -> t.layout(seats)).toList();
        Optional<Move> move = Seating.balance(waitingFirst);
        if (move.isPresent() && busy(s.tables().get(move.get().fromTable()))) {
            // the largest table is in a hand: a table between hands that is also more than one over the shortest
            // gives the player instead (it would otherwise deal unbalanced until the largest table's hand ends)
            int fewest = fewestPlayers(s);
            move = Seating.balance(open.stream().filter(t -> t.players() == fewest || !busy(t) && overfull(s, t))
                    .map(t -> t.layout(seats)).toList());
        }
        move.ifPresent(m -> startMove(a, m.entryId(), m.fromTable(), m.toTable(), m.toSeat(), "balance"));
    }

    /** In a hand, or its end not reported yet: no player moves from it now. */
    private static boolean busy(Table t) {
        return t.playing() || t.pendingReport() != null;
    }

    /**
     * A table more than one player over the shortest open table: it deals no hand until it has given a player
     * (the next {@link #structure} moves one from it as soon as no other move is in flight).
     */
    private static boolean overfull(DirectorState s, Table t) {
        return t.players() > fewestPlayers(s) + 1;
    }

    /** The players at the shortest open table (a tournament has open tables while it runs). */
    private static int fewestPlayers(DirectorState s) {
        return s.tables().values().stream().filter(t -> t.status() == TableStatus.OPEN)
                .mapToInt(Table::players).min().orElse(0);
    }

    private static void startMove(Acc a, String entryId, String fromTable, String toTable, int toSeat, String reason) {
        Entry e = a.state.entries().get(entryId);
        a.emit(new DirectorEvent.MoveStarted("m" + (a.state.movesStarted() + 1), entryId, e.playerId(), fromTable,
                e.participantId(), toTable, toSeat, participantId(entryId, e.seatings() + 1), reason));
    }

    private static void permits(Acc a) {
        DirectorState s = a.state;
        Level level = currentLevel(s);
        if (s.remaining() <= 1 || level == null) {
            return;
        }
        if (s.handForHand() && (!roundOver(s) || !s.moves().isEmpty()
                || s.tables().values().stream().anyMatch(t -> t.status() == TableStatus.BREAKING))) {
            return;
        }
        Set<String> moving = new HashSet<>();
        for (DirectorState.Move m : s.moves().values()) {
            moving.add(m.fromTable());
            moving.add(m.toTable());
        }
        List<DirectorEvent.Permit> permits = new ArrayList<>();
        for (Table t : s.tables().values()) {
            if (t.status() == TableStatus.OPEN && !busy(t) && t.players() >= 2 && !moving.contains(t.tableId())
                    && !overfull(s, t)) {
                permits.add(new DirectorEvent.Permit(t.tableId(), t.ended() + 1, level.level(), level.smallBlind(),
                        level.bigBlind(), level.ante()));
            }
        }
        if (!permits.isEmpty()) {
            a.emit(new DirectorEvent.HandsPermitted(permits));
        }
    }

    /** The events decided so far, and the state they lead to. */
    private static final class Acc {
        DirectorState state;
        final List<DirectorEvent> events = new ArrayList<>();

        Acc(DirectorState state) {
            this.state = state;
        }

        void emit(DirectorEvent event) {
            events.add(event);
            state = state.apply(event);
        }
    }
}
