package poker.domain.tournament;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import poker.domain.table.TableEvent;

/**
 * What a {@code TournamentDirector} knows and awaits, rebuilt from its journal by {@link #apply}: the
 * tournament's terms and phase, every entry and where it sits (the director decided every seat, so its
 * layout is the truth between hands), its tables with the last hand permitted and ended there, moves in
 * flight, the {@link DirectorStep steps} sent and not yet answered, and for deduplication the last
 * sequence number seen from each journal that feeds it. Pure and deterministic: no clock, no randomness.
 *
 * <p>Maps keep their insertion order (entries in registration order, tables in opening order), so every
 * decision that walks them is the same on every replay.
 */
public record DirectorState(String tournamentId, TournamentSettings settings, Phase phase,
                            Map<String, Entry> entries, Map<String, Table> tables, Map<String, Move> moves,
                            List<DirectorStep> steps, long nextStepId, int movesStarted, Level level,
                            int paidPlaces, boolean handForHand, Map<String, Long> seen) {

    public enum Phase {
        /** nothing known yet */
        NEW,
        REGISTERING,
        RUNNING,
        /** the tournament has a winner: tables close, prizes get paid */
        FINISHED,
        /** entries get refunded */
        CANCELLED
    }

    public enum EntryStatus {
        /** registered, not seated yet (before the start, or a late entry waiting for its seat) */
        REGISTERED,
        SEATED,
        /** between two tables: removed (or about to be) from one, its seat at the other reserved */
        MOVING,
        /** busted (0 chips after a hand) */
        OUT,
        /** unregistered before the start (refunded by the registration side) */
        UNREGISTERED
    }

    public enum Payment {
        NONE,
        /** asked of the wallet */
        STARTED,
        /** the wallet credited it; the tournament records it next */
        CREDITED,
        /** recorded at the tournament (prizes) or refunded (refunds): done */
        DONE
    }

    /**
     * One entry. {@code tableId}/{@code seatNumber}/{@code participantId}: where it sits (or is going,
     * while {@code MOVING}); {@code seatings} counts its seatings (participant ids are unique per seating).
     */
    public record Entry(String entryId, String playerId, String transactionId, long paid, EntryStatus status,
                        String tableId, Integer seatNumber, String participantId, int seatings, long chips,
                        long prize, Payment prizePayment, Payment refund) {

        Entry with(EntryStatus status, String tableId, Integer seatNumber, String participantId, int seatings,
                   long chips) {
            return new Entry(entryId, playerId, transactionId, paid, status, tableId, seatNumber, participantId,
                    seatings, chips, prize, prizePayment, refund);
        }

        Entry withStatus(EntryStatus status) {
            return with(status, tableId, seatNumber, participantId, seatings, chips);
        }

        Entry withChips(long chips) {
            return with(status, tableId, seatNumber, participantId, seatings, chips);
        }

        Entry withPrize(long prize, Payment prizePayment) {
            return new Entry(entryId, playerId, transactionId, paid, status, tableId, seatNumber, participantId,
                    seatings, chips, prize, prizePayment, refund);
        }

        Entry withRefund(Payment refund) {
            return new Entry(entryId, playerId, transactionId, paid, status, tableId, seatNumber, participantId,
                    seatings, chips, prize, prizePayment, refund);
        }

        /** Still in the tournament. */
        @JsonIgnore
        public boolean alive() {
            return status == EntryStatus.REGISTERED || status == EntryStatus.SEATED || status == EntryStatus.MOVING;
        }
    }

    public enum TableStatus {
        OPEN,
        /** its players are being moved away; it deals no more */
        BREAKING,
        /** closed (broken, or the tournament is over) */
        CLOSED
    }

    /**
     * One table. {@code seated}: seat → entry id (seats reserved for incoming moves included).
     * {@code permitted}/{@code ended}: the last hand permitted / ended there (0: none yet); a hand is in
     * play while permitted &gt; ended. {@code pendingReport}: the last ended hand, not yet reported.
     */
    public record Table(String tableId, int tableNumber, TableStatus status, Map<Integer, String> seated,
                        Integer button, Integer bigBlind, long permitted, long ended,
                        TournamentCommand.HandReport pendingReport) {

        public Table {
            seated = Collections.unmodifiableMap(new TreeMap<>(seated));
        }

        @JsonIgnore
        public boolean playing() {
            return permitted > ended;
        }

        @JsonIgnore
        public int players() {
            return seated.size();
        }

        @JsonIgnore
        public TableLayout layout(int seats) {
            return new TableLayout(tableId, seats, seated, button, bigBlind);
        }

        Table withStatus(TableStatus status) {
            return new Table(tableId, tableNumber, status, seated, button, bigBlind, permitted, ended, pendingReport);
        }

        Table withSeated(Map<Integer, String> seated) {
            return new Table(tableId, tableNumber, status, seated, button, bigBlind, permitted, ended, pendingReport);
        }

        Table withPermitted(long permitted) {
            return new Table(tableId, tableNumber, status, seated, button, bigBlind, permitted, ended, pendingReport);
        }

        Table withPendingReport(TournamentCommand.HandReport report) {
            return new Table(tableId, tableNumber, status, seated, button, bigBlind, permitted, ended, report);
        }
    }

    /** A move in flight; {@code chips} null until table A answered the removal. */
    public record Move(String moveId, String entryId, String playerId, String fromTable, String fromParticipant,
                       String toTable, int toSeat, String toParticipant, String reason, Long chips) {
    }

    /** The blind level hands are permitted at now. */
    public record Level(int level, long smallBlind, long bigBlind, long ante) {
    }

    public DirectorState {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        moves = Collections.unmodifiableMap(new LinkedHashMap<>(moves));
        steps = List.copyOf(steps);
        seen = Collections.unmodifiableMap(new HashMap<>(seen));
    }

    public static DirectorState empty(String tournamentId) {
        return new DirectorState(tournamentId, null, Phase.NEW, Map.of(), Map.of(), Map.of(), List.of(), 1, 0, null,
                0, false, Map.of());
    }

    /** The last sequence number handled from {@code persistenceId} (0: none). */
    public long seen(String persistenceId) {
        return seen.getOrDefault(persistenceId, 0L);
    }

    public Optional<DirectorStep> step(long stepId) {
        return steps.stream().filter(s -> s.id() == stepId).findFirst();
    }

    /**
     * The steps that may be sent now: the first pending step of each lane (see {@link DirectorStep#lane()}).
     */
    public List<DirectorStep> sendable() {
        Map<String, DirectorStep> first = new LinkedHashMap<>();
        for (DirectorStep step : steps) {
            first.putIfAbsent(step.lane(), step);
        }
        return List.copyOf(first.values());
    }

    /** Entries still in: seated, moving, or waiting for a seat. */
    public int remaining() {
        return (int) entries.values().stream().filter(Entry::alive).count();
    }

    /** Tables not closed (open or breaking). */
    public List<Table> liveTables() {
        return tables.values().stream().filter(t -> t.status() != TableStatus.CLOSED).toList();
    }

    /** Nothing left to do: the tournament is over or cancelled and every step has its reply. */
    public boolean done() {
        return (phase == Phase.FINISHED || phase == Phase.CANCELLED) && steps.isEmpty();
    }

    public DirectorState apply(DirectorEvent event) {
        Builder b = new Builder(this);
        b.apply(event);
        return b.build();
    }

    /** The mutable copy {@link #apply} works on. */
    private static final class Builder {
        final String tournamentId;
        TournamentSettings settings;
        Phase phase;
        final Map<String, Entry> entries;
        final Map<String, Table> tables;
        final Map<String, Move> moves;
        final List<DirectorStep> steps;
        long nextStepId;
        int movesStarted;
        Level level;
        int paidPlaces;
        boolean handForHand;
        final Map<String, Long> seen;

        Builder(DirectorState s) {
            tournamentId = s.tournamentId;
            settings = s.settings;
            phase = s.phase;
            entries = new LinkedHashMap<>(s.entries);
            tables = new LinkedHashMap<>(s.tables);
            moves = new LinkedHashMap<>(s.moves);
            steps = new ArrayList<>(s.steps);
            nextStepId = s.nextStepId;
            movesStarted = s.movesStarted;
            level = s.level;
            paidPlaces = s.paidPlaces;
            handForHand = s.handForHand;
            seen = new HashMap<>(s.seen);
        }

        DirectorState build() {
            return new DirectorState(tournamentId, settings, phase, entries, tables, moves, steps, nextStepId,
                    movesStarted, level, paidPlaces, handForHand, seen);
        }

        long stepId() {
            return nextStepId++;
        }

        void done(long stepId) {
            steps.removeIf(s -> s.id() == stepId);
        }

        void seat(String tableId, int seat, String entryId) {
            Table t = tables.get(tableId);
            Map<Integer, String> seated = new TreeMap<>(t.seated());
            seated.put(seat, entryId);
            tables.put(tableId, t.withSeated(seated));
        }

        void unseat(String tableId, String entryId) {
            Table t = tables.get(tableId);
            if (t == null) {
                return;
            }
            Map<Integer, String> seated = new TreeMap<>(t.seated());
            seated.values().removeIf(entryId::equals);
            tables.put(tableId, t.withSeated(seated));
        }

        void apply(DirectorEvent event) {
            if (event instanceof DirectorEvent.TournamentEventReceived e) {
                seen.merge(e.persistenceId(), e.sequenceNr(), Math::max);
                received(e.event());
            } else if (event instanceof DirectorEvent.HandEndedReceived e) {
                seen.merge(e.persistenceId(), e.sequenceNr(), Math::max);
                handEnded(e.event());
            } else if (event instanceof DirectorEvent.TablesOpened e) {
                for (DirectorEvent.OpenedTable t : e.tables()) {
                    tables.put(t.tableId(), new Table(t.tableId(), t.tableNumber(), TableStatus.OPEN, Map.of(), null,
                            null, 0, 0, null));
                    steps.add(new DirectorStep.CreateTable(stepId(), t.tableId(), t.settings(), e.at()));
                    steps.add(new DirectorStep.OpenTable(stepId(), t.tableId(), t.tableNumber()));
                }
            } else if (event instanceof DirectorEvent.EntriesSeated e) {
                for (DirectorEvent.SeatDrawn s : e.seats()) {
                    Entry entry = entries.get(s.entryId());
                    entries.put(s.entryId(), entry.with(EntryStatus.SEATED, s.tableId(), s.seatNumber(),
                            s.participantId(), entry.seatings() + 1, s.chips()));
                    seat(s.tableId(), s.seatNumber(), s.entryId());
                    steps.add(new DirectorStep.SeatEntry(stepId(), s.tableId(), s.entryId(), s.participantId(),
                            s.playerId(), s.chips(), s.seatNumber(), null));
                    steps.add(new DirectorStep.RecordSeating(stepId(), s.entryId(), s.tableId(), s.seatNumber(),
                            s.chips()));
                }
            } else if (event instanceof DirectorEvent.MoveStarted e) {
                movesStarted++;
                Entry entry = entries.get(e.entryId());
                unseat(e.fromTable(), e.entryId());
                seat(e.toTable(), e.toSeat(), e.entryId());
                entries.put(e.entryId(), entry.with(EntryStatus.MOVING, e.toTable(), e.toSeat(), e.toParticipant(),
                        entry.seatings() + 1, entry.chips()));
                moves.put(e.moveId(), new Move(e.moveId(), e.entryId(), e.playerId(), e.fromTable(),
                        e.fromParticipant(), e.toTable(), e.toSeat(), e.toParticipant(), e.reason(), null));
                steps.add(new DirectorStep.RemoveEntry(stepId(), e.fromTable(), e.entryId(), e.fromParticipant(),
                        e.toTable(), e.reason(), e.moveId()));
            } else if (event instanceof DirectorEvent.MoveRemoved e) {
                done(e.stepId());
                Move m = moves.get(e.moveId());
                moves.put(m.moveId(), new Move(m.moveId(), m.entryId(), m.playerId(), m.fromTable(),
                        m.fromParticipant(), m.toTable(), m.toSeat(), m.toParticipant(), m.reason(), e.chips()));
                entries.computeIfPresent(m.entryId(), (id, entry) -> entry.withChips(e.chips()));
                steps.add(new DirectorStep.SeatEntry(stepId(), m.toTable(), m.entryId(), m.toParticipant(),
                        m.playerId(), e.chips(), m.toSeat(), m.moveId()));
            } else if (event instanceof DirectorEvent.MoveSeated e) {
                done(e.stepId());
                Move m = moves.remove(e.moveId());
                entries.computeIfPresent(m.entryId(), (id, entry) -> entry.withStatus(EntryStatus.SEATED));
                steps.add(new DirectorStep.RecordMove(stepId(), m.entryId(), m.fromTable(), m.toTable(), m.toSeat(),
                        m.chips(), m.reason()));
            } else if (event instanceof DirectorEvent.TableBreakStarted e) {
                tables.computeIfPresent(e.tableId(), (id, t) -> t.withStatus(TableStatus.BREAKING));
            } else if (event instanceof DirectorEvent.TableBroken e) {
                tables.computeIfPresent(e.tableId(), (id, t) -> t.withStatus(TableStatus.CLOSED));
                steps.add(new DirectorStep.RecordTableBroken(stepId(), e.tableId()));
                steps.add(new DirectorStep.CloseTable(stepId(), e.tableId(), "broken"));
            } else if (event instanceof DirectorEvent.HandsReported e) {
                for (TournamentCommand.HandReport r : e.hands()) {
                    tables.computeIfPresent(r.tableId(), (id, t) -> t.withPendingReport(null));
                }
                steps.add(new DirectorStep.ReportHands(stepId(), e.hands(), e.at()));
            } else if (event instanceof DirectorEvent.HandForHandChanged e) {
                handForHand = e.on();
                steps.add(new DirectorStep.SetHandForHand(stepId(), e.on(), e.at()));
            } else if (event instanceof DirectorEvent.HandsPermitted e) {
                for (DirectorEvent.Permit p : e.permits()) {
                    tables.computeIfPresent(p.tableId(), (id, t) -> t.withPermitted(p.handNumber()));
                    steps.add(new DirectorStep.PermitHand(stepId(), p.tableId(), p.handNumber(), p.level(),
                            p.smallBlind(), p.bigBlind(), p.ante()));
                }
            } else if (event instanceof DirectorEvent.TablesClosing e) {
                for (String tableId : e.tableIds()) {
                    tables.computeIfPresent(tableId, (id, t) -> t.withStatus(TableStatus.CLOSED));
                    steps.add(new DirectorStep.CloseTable(stepId(), tableId, e.reason()));
                }
            } else if (event instanceof DirectorEvent.PrizePayoutStarted e) {
                entries.computeIfPresent(e.entryId(), (id, entry) -> entry.withPrize(e.amount(), Payment.STARTED));
                steps.add(new DirectorStep.CreditPrize(stepId(), tournamentId, e.entryId(), e.playerId(), e.amount(),
                        e.transactionId()));
            } else if (event instanceof DirectorEvent.PrizeCredited e) {
                done(e.stepId());
                Entry entry = entries.get(e.entryId());
                entries.put(e.entryId(), entry.withPrize(entry.prize(), Payment.CREDITED));
                steps.add(new DirectorStep.RecordPrizePaid(stepId(), e.entryId(),
                        DirectorDecider.prizeTransactionId(tournamentId, e.entryId())));
            } else if (event instanceof DirectorEvent.PrizePaid e) {
                done(e.stepId());
                entries.computeIfPresent(e.entryId(), (id, entry) -> entry.withPrize(entry.prize(), Payment.DONE));
            } else if (event instanceof DirectorEvent.RefundStarted e) {
                entries.computeIfPresent(e.entryId(), (id, entry) -> entry.withRefund(Payment.STARTED));
                Entry entry = entries.get(e.entryId());
                steps.add(new DirectorStep.RefundEntry(stepId(), tournamentId, e.entryId(), e.playerId(), e.amount(),
                        e.transactionId(), entry.transactionId(), e.reason()));
            } else if (event instanceof DirectorEvent.RefundPaid e) {
                done(e.stepId());
                entries.computeIfPresent(e.entryId(), (id, entry) -> entry.withRefund(Payment.DONE));
            } else if (event instanceof DirectorEvent.StepDone e) {
                done(e.stepId());
            } else {
                throw new IllegalArgumentException("unknown event " + event);
            }
        }

        void received(TournamentEvent event) {
            if (event instanceof TournamentEvent.TournamentCreated e) {
                settings = e.settings();
                if (phase == Phase.NEW) {
                    phase = Phase.REGISTERING;
                }
            } else if (event instanceof TournamentEvent.PlayerRegistered e) {
                long stack = settings == null ? 0 : settings.startingStack();
                entries.putIfAbsent(e.entryId(), new Entry(e.entryId(), e.playerId(), e.transactionId(),
                        e.buyIn() + e.fee(), EntryStatus.REGISTERED, null, null, null, 0, stack, 0, Payment.NONE,
                        Payment.NONE));
            } else if (event instanceof TournamentEvent.PlayerUnregistered e) {
                entries.computeIfPresent(e.entryId(), (id, entry) -> entry.status() == EntryStatus.REGISTERED
                        ? entry.withStatus(EntryStatus.UNREGISTERED) : entry);
            } else if (event instanceof TournamentEvent.TournamentStarted e) {
                if (phase == Phase.NEW || phase == Phase.REGISTERING) {
                    phase = Phase.RUNNING;
                }
                paidPlaces = e.payouts().size();
            } else if (event instanceof TournamentEvent.TournamentCancelled) {
                phase = Phase.CANCELLED;
            } else if (event instanceof TournamentEvent.LevelStarted e) {
                if (level == null || e.level() >= level.level()) {
                    level = new Level(e.level(), e.smallBlind(), e.bigBlind(), e.ante());
                }
            } else if (event instanceof TournamentEvent.RegistrationClosed e) {
                paidPlaces = e.payouts().size();
            } else if (event instanceof TournamentEvent.PlayerEliminated e) {
                entries.computeIfPresent(e.entryId(), (id, entry) -> {
                    Entry out = entry.alive() ? entry.withStatus(EntryStatus.OUT) : entry;
                    return out.prizePayment() == Payment.NONE ? out.withPrize(e.prize(), Payment.NONE) : out;
                });
            } else if (event instanceof TournamentEvent.PrizeAwarded e) {
                entries.computeIfPresent(e.entryId(), (id, entry) -> entry.withPrize(entry.prize(), Payment.DONE));
            } else if (event instanceof TournamentEvent.TournamentFinished e) {
                phase = Phase.FINISHED;
                entries.computeIfPresent(e.winnerEntryId(), (id, entry) ->
                        entry.prizePayment() == Payment.NONE ? entry.withPrize(e.prize(), Payment.NONE) : entry);
            }
        }

        void handEnded(TableEvent.TournamentHandEnded e) {
            Table t = tables.get(e.tableId());
            Map<String, String> entryOfParticipant = new HashMap<>();
            for (String entryId : t.seated().values()) {
                Entry entry = entries.get(entryId);
                if (entry.participantId() != null) {
                    entryOfParticipant.put(entry.participantId(), entryId);
                }
            }
            List<TournamentEvent.EntryStack> stacks = new ArrayList<>();
            List<TournamentCommand.Bust> busts = new ArrayList<>();
            Map<Integer, String> seated = new TreeMap<>(t.seated());
            for (TableEvent.HandStack s : e.stacks()) {
                String entryId = entryOfParticipant.get(s.participantId());
                if (entryId == null) {
                    continue;
                }
                Entry entry = entries.get(entryId);
                if (s.endChips() <= 0) {
                    busts.add(new TournamentCommand.Bust(entryId, s.startChips()));
                    seated.values().removeIf(entryId::equals);
                    entries.put(entryId, entry.with(EntryStatus.OUT, null, null, null, entry.seatings(), 0));
                } else {
                    stacks.add(new TournamentEvent.EntryStack(entryId, s.endChips()));
                    entries.put(entryId, entry.withChips(s.endChips()));
                }
            }
            tables.put(t.tableId(), new Table(t.tableId(), t.tableNumber(), t.status(), seated,
                    e.button() != null ? e.button() : t.button(),
                    e.bigBlindSeat() != null ? e.bigBlindSeat() : t.bigBlind(),
                    Math.max(t.permitted(), e.handNumber()), e.handNumber(),
                    new TournamentCommand.HandReport(t.tableId(), e.handNumber(), stacks, busts)));
        }
    }
}
