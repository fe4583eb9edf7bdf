package poker.domain.tournament;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import poker.domain.tournament.TournamentCommand.Bust;
import poker.domain.tournament.TournamentEvent.EntryStack;
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

/**
 * A tournament as its events made it. Pure and deterministic: {@link #apply} reads no clock and calls no
 * rule that could change (payouts and rankings are decided by {@link TournamentDecider} and stored in
 * events), so replaying the journal always rebuilds the same state.
 *
 * @param settings         null until the tournament is created
 * @param status           {@link #REGISTERING}, {@link #RUNNING}, {@link #FINISHED}, {@link #CANCELLED}
 * @param entries          every entry by id, in registration order (unregistered ones stay, marked)
 * @param level            the current level, 0 before the start
 * @param levelEndsAt      when the current level ends (the level clock), null before the start
 * @param registrationOpen entries are accepted: before the start, and after it until the end of level
 *                         {@code lateRegistrationLevels}
 * @param prizePool        the buy-ins of the paid entries (entrants x buyIn), growing with the field
 * @param payouts          the payouts as last recorded (at the start, final at {@code RegistrationClosed});
 *                         while late registration is open the current ones follow the field
 * @param tables           the tournament's tables by id, in opening order
 * @param pendingBusts     players out while late registration was open, per hand, oldest first: their
 *                         places are given when registration closes
 */
public record TournamentState(String tournamentId, TournamentSettings settings, String createdBy, String status,
                              @JsonDeserialize(as = LinkedHashMap.class) Map<String, Entry> entries,
                              int level, Instant levelEndsAt, boolean registrationOpen, long prizePool,
                              List<Payout> payouts,
                              @JsonDeserialize(as = LinkedHashMap.class) Map<String, TableRef> tables,
                              boolean handForHand, List<BustGroup> pendingBusts, String cancelReason,
                              Instant startedAt, Instant endedAt, String winnerEntryId) {

    public static final String REGISTERING = "registering";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String CANCELLED = "cancelled";

    /** Entry statuses. */
    public static final String REGISTERED = "registered";
    public static final String PLAYING = "playing";
    public static final String ELIMINATED = "eliminated";
    public static final String UNREGISTERED = "unregistered";

    /**
     * One entry. {@code chips}: from the start, seating, moves and finished hands; {@code tableId} and
     * {@code seatNumber} where it sits (null before it is seated or after it is out); {@code place},
     * {@code tiedWith} and {@code prize} once known; {@code bustStack} its stack at the start of the hand
     * it went out in.
     */
    public record Entry(String entryId, String playerId, int entryNumber, String transactionId, long buyIn,
                        long fee, boolean late, Instant registeredAt, String status, long chips, String tableId,
                        Integer seatNumber, Integer place, int tiedWith, long prize, boolean prizePaid,
                        String prizeTransactionId, Long bustStack, Instant unregisteredAt) {

        /** Still in the tournament (registered before the start, playing after it). */
        public boolean live() {
            return REGISTERED.equals(status) || PLAYING.equals(status);
        }

        /** Paid for and not refunded: counts in the field and the prize pool. */
        public boolean paid() {
            return !UNREGISTERED.equals(status);
        }

        Entry withStatus(String newStatus) {
            return new Entry(entryId, playerId, entryNumber, transactionId, buyIn, fee, late, registeredAt, newStatus,
                    chips, tableId, seatNumber, place, tiedWith, prize, prizePaid, prizeTransactionId, bustStack,
                    unregisteredAt);
        }

        Entry seatedAt(String table, Integer seat, long stack) {
            return new Entry(entryId, playerId, entryNumber, transactionId, buyIn, fee, late, registeredAt, status,
                    stack, table, seat, place, tiedWith, prize, prizePaid, prizeTransactionId, bustStack,
                    unregisteredAt);
        }

        Entry withChips(long stack) {
            return seatedAt(tableId, seatNumber, stack);
        }

        Entry busted(long stackAtHandStart) {
            return new Entry(entryId, playerId, entryNumber, transactionId, buyIn, fee, late, registeredAt, ELIMINATED,
                    0, null, null, place, tiedWith, prize, prizePaid, prizeTransactionId, stackAtHandStart,
                    unregisteredAt);
        }

        Entry placed(int finish, int tied, long amount) {
            return new Entry(entryId, playerId, entryNumber, transactionId, buyIn, fee, late, registeredAt, status,
                    chips, tableId, seatNumber, finish, tied, amount, prizePaid, prizeTransactionId, bustStack,
                    unregisteredAt);
        }

        Entry paidPrize(String transaction) {
            return new Entry(entryId, playerId, entryNumber, transactionId, buyIn, fee, late, registeredAt, status,
                    chips, tableId, seatNumber, place, tiedWith, prize, true, transaction, bustStack, unregisteredAt);
        }

        Entry unregistered(Instant at) {
            return new Entry(entryId, playerId, entryNumber, transactionId, buyIn, fee, late, registeredAt,
                    UNREGISTERED, 0, null, null, null, 0, 0, false, null, null, at);
        }

        /** This entry's registration, as first recorded (a repeated Register is answered with it). */
        public PlayerRegistered registration(String tournamentId) {
            return new PlayerRegistered(tournamentId, entryId, playerId, entryNumber, transactionId, buyIn, fee, late,
                    registeredAt);
        }
    }

    /** A table of the tournament; {@code lastHand}: the last hand reported from it (0 before any). */
    public record TableRef(String tableId, int tableNumber, boolean broken, long lastHand) {
    }

    /** Players out in one hand while late registration was open. */
    public record BustGroup(String tableId, long handNumber, List<Bust> busts) {
        public BustGroup {
            busts = List.copyOf(busts);
        }
    }

    public TournamentState {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries == null ? Map.of() : entries));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables == null ? Map.of() : tables));
        payouts = payouts == null ? List.of() : List.copyOf(payouts);
        pendingBusts = pendingBusts == null ? List.of() : List.copyOf(pendingBusts);
    }

    public static TournamentState empty(String tournamentId) {
        return new TournamentState(tournamentId, null, null, null, Map.of(), 0, null, false, 0, List.of(), Map.of(),
                false, List.of(), null, null, null, null);
    }

    public boolean created() {
        return settings != null;
    }

    public boolean registering() {
        return REGISTERING.equals(status);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    /** Finished or cancelled: nothing will happen any more but paying prizes. */
    public boolean over() {
        return FINISHED.equals(status) || CANCELLED.equals(status);
    }

    public Optional<Entry> entry(String entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    /** The player's entry still in the tournament, if any (a player has at most one). */
    public Optional<Entry> liveEntryOf(String playerId) {
        return entries.values().stream().filter(e -> e.playerId().equals(playerId) && e.live()).findFirst();
    }

    /** The player's paid entries so far (first entry and re-entries), oldest first. */
    public List<Entry> paidEntriesOf(String playerId) {
        return entries.values().stream().filter(e -> e.playerId().equals(playerId) && e.paid()).toList();
    }

    /** Entries still in: registered before the start, playing after it. */
    public int remaining() {
        return (int) entries.values().stream().filter(Entry::live).count();
    }

    /** Paid entries: the field the prize pool is made of. */
    public int entrants() {
        return (int) entries.values().stream().filter(Entry::paid).count();
    }

    public TournamentState apply(TournamentEvent event) {
        if (event instanceof TournamentCreated e) {
            return new TournamentState(tournamentId, e.settings(), e.createdBy(), REGISTERING, Map.of(), 0, null, true,
                    0, List.of(), Map.of(), false, List.of(), null, null, null, null);
        } else if (event instanceof PlayerRegistered e) {
            Map<String, Entry> next = new LinkedHashMap<>(entries);
            boolean started = running();
            next.put(e.entryId(), new Entry(e.entryId(), e.playerId(), e.entryNumber(), e.transactionId(), e.buyIn(),
                    e.fee(), e.late(), e.at(), started ? PLAYING : REGISTERED,
                    started ? settings.startingStack() : 0, null, null, null, 0, 0, false, null, null, null));
            return with(next, prizePool + e.buyIn());
        } else if (event instanceof PlayerUnregistered e) {
            Entry entry = entries.get(e.entryId());
            Map<String, Entry> next = new LinkedHashMap<>(entries);
            next.put(entry.entryId(), entry.unregistered(e.at()));
            return with(next, prizePool - entry.buyIn());
        } else if (event instanceof TournamentStarted e) {
            Map<String, Entry> next = new LinkedHashMap<>();
            entries.forEach((id, entry) -> next.put(id, REGISTERED.equals(entry.status())
                    ? entry.withStatus(PLAYING).withChips(settings.startingStack()) : entry));
            return new TournamentState(tournamentId, settings, createdBy, RUNNING, next, level, levelEndsAt,
                    registrationOpen, e.prizePool(), e.payouts(), tables, handForHand, pendingBusts, cancelReason,
                    e.at(), endedAt, winnerEntryId);
        } else if (event instanceof TournamentCancelled e) {
            return new TournamentState(tournamentId, settings, createdBy, CANCELLED, entries, level, null, false,
                    prizePool, payouts, tables, handForHand, pendingBusts, e.reason(), startedAt, e.at(),
                    winnerEntryId);
        } else if (event instanceof LevelStarted e) {
            return new TournamentState(tournamentId, settings, createdBy, status, entries, e.level(), e.endsAt(),
                    registrationOpen, prizePool, payouts, tables, handForHand, pendingBusts, cancelReason, startedAt,
                    endedAt, winnerEntryId);
        } else if (event instanceof RegistrationClosed e) {
            return new TournamentState(tournamentId, settings, createdBy, status, entries, level, levelEndsAt, false,
                    e.prizePool(), e.payouts(), tables, handForHand, pendingBusts, cancelReason, startedAt, endedAt,
                    winnerEntryId);
        } else if (event instanceof TableOpened e) {
            Map<String, TableRef> next = new LinkedHashMap<>(tables);
            next.put(e.tableId(), new TableRef(e.tableId(), e.tableNumber(), false, 0));
            return withTables(next);
        } else if (event instanceof PlayerSeated e) {
            return withEntry(entries.get(e.entryId()).seatedAt(e.tableId(), e.seatNumber(), e.chips()));
        } else if (event instanceof PlayerMoved e) {
            return withEntry(entries.get(e.entryId()).seatedAt(e.toTable(), e.seatNumber(), e.chips()));
        } else if (event instanceof TableBroken e) {
            Map<String, TableRef> next = new LinkedHashMap<>(tables);
            TableRef t = tables.get(e.tableId());
            next.put(e.tableId(), new TableRef(e.tableId(), t == null ? 0 : t.tableNumber(), true,
                    t == null ? 0 : t.lastHand()));
            return withTables(next);
        } else if (event instanceof HandFinished e) {
            return handFinished(e);
        } else if (event instanceof HandForHandStarted) {
            return withHandForHand(true);
        } else if (event instanceof HandForHandEnded) {
            return withHandForHand(false);
        } else if (event instanceof PlayerEliminated e) {
            Entry entry = entries.get(e.entryId());
            if (entry.live()) {
                entry = entry.busted(e.stackAtHandStart());
            }
            TournamentState placed = withEntry(entry.placed(e.place(), e.tiedWith(), e.prize()));
            List<BustGroup> groups = new ArrayList<>();
            for (BustGroup g : pendingBusts) {
                List<Bust> left = g.busts().stream().filter(b -> !b.entryId().equals(e.entryId())).toList();
                if (!left.isEmpty()) {
                    groups.add(new BustGroup(g.tableId(), g.handNumber(), left));
                }
            }
            return placed.withPending(groups);
        } else if (event instanceof TournamentFinished e) {
            Entry winner = entries.get(e.winnerEntryId());
            TournamentState done = withEntry(winner.placed(1, 1, e.prize()));
            return new TournamentState(tournamentId, settings, createdBy, FINISHED, done.entries(), level, null,
                    false, prizePool, payouts, tables, false, pendingBusts, cancelReason, startedAt, e.at(),
                    e.winnerEntryId());
        } else if (event instanceof PrizeAwarded e) {
            return withEntry(entries.get(e.entryId()).paidPrize(e.transactionId()));
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    /** Stacks after the hand; who busted is out now, and waits for a place while registration is open. */
    private TournamentState handFinished(HandFinished e) {
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        for (EntryStack stack : e.stacks()) {
            Entry entry = next.get(stack.entryId());
            if (entry != null && entry.live()) {
                next.put(entry.entryId(), entry.withChips(stack.chips()));
            }
        }
        List<Bust> pending = new ArrayList<>();
        for (Bust bust : e.busts()) {
            Entry entry = next.get(bust.entryId());
            if (entry != null && entry.live()) {
                next.put(entry.entryId(), entry.busted(bust.stackAtHandStart()));
                pending.add(bust);
            }
        }
        Map<String, TableRef> nextTables = new LinkedHashMap<>(tables);
        TableRef t = tables.get(e.tableId());
        nextTables.put(e.tableId(), new TableRef(e.tableId(), t == null ? 0 : t.tableNumber(),
                t != null && t.broken(), Math.max(e.handNumber(), t == null ? 0 : t.lastHand())));
        List<BustGroup> groups = new ArrayList<>(pendingBusts);
        if (!pending.isEmpty()) {
            groups.add(new BustGroup(e.tableId(), e.handNumber(), pending));
        }
        return new TournamentState(tournamentId, settings, createdBy, status, next, level, levelEndsAt,
                registrationOpen, prizePool, payouts, nextTables, handForHand, groups, cancelReason, startedAt, endedAt,
                winnerEntryId);
    }

    private TournamentState withEntry(Entry entry) {
        Map<String, Entry> next = new LinkedHashMap<>(entries);
        next.put(entry.entryId(), entry);
        return with(next, prizePool);
    }

    private TournamentState with(Map<String, Entry> nextEntries, long pool) {
        return new TournamentState(tournamentId, settings, createdBy, status, nextEntries, level, levelEndsAt,
                registrationOpen, pool, payouts, tables, handForHand, pendingBusts, cancelReason, startedAt, endedAt,
                winnerEntryId);
    }

    private TournamentState withTables(Map<String, TableRef> nextTables) {
        return new TournamentState(tournamentId, settings, createdBy, status, entries, level, levelEndsAt,
                registrationOpen, prizePool, payouts, nextTables, handForHand, pendingBusts, cancelReason, startedAt,
                endedAt, winnerEntryId);
    }

    private TournamentState withHandForHand(boolean on) {
        return new TournamentState(tournamentId, settings, createdBy, status, entries, level, levelEndsAt,
                registrationOpen, prizePool, payouts, tables, on, pendingBusts, cancelReason, startedAt, endedAt,
                winnerEntryId);
    }

    private TournamentState withPending(List<BustGroup> groups) {
        return new TournamentState(tournamentId, settings, createdBy, status, entries, level, levelEndsAt,
                registrationOpen, prizePool, payouts, tables, handForHand, groups, cancelReason, startedAt, endedAt,
                winnerEntryId);
    }
}
