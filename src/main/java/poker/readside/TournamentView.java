package poker.readside;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import poker.domain.tournament.TournamentEvent;
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
import poker.domain.tournament.TournamentSettings;
import poker.readside.TournamentQueries.Detail;
import poker.readside.TournamentQueries.Level;
import poker.readside.TournamentQueries.MyEntry;
import poker.readside.TournamentQueries.TableEntry;

/**
 * A tournament as its journal tells it, folded in memory: what the live socket shows at an exact
 * journal position (the read side may be ahead of or behind that position). The rules are those of
 * {@link TournamentProjectionHandler}, so the answers are the records {@link TournamentQueries}
 * gives; TournamentViewIT checks that the two agree. Not thread-safe: one socket's stream folds it.
 */
public final class TournamentView {

    private static final class Entry {
        final String entryId;
        final String playerId;
        final int entryNumber;
        final long buyIn;
        final long fee;
        String status = TournamentProjectionHandler.ENTRY_REGISTERED;
        long chips;
        String tableId;
        Integer seatNumber;
        Integer place;
        Long prize;

        Entry(PlayerRegistered e, long chips) {
            this.entryId = e.entryId();
            this.playerId = e.playerId();
            this.entryNumber = e.entryNumber();
            this.buyIn = e.buyIn();
            this.fee = e.fee();
            this.chips = chips;
        }

        boolean in() {
            return status.equals(TournamentProjectionHandler.ENTRY_REGISTERED)
                    || status.equals(TournamentProjectionHandler.ENTRY_PLAYING);
        }
    }

    private final String tournamentId;
    private TournamentSettings settings;
    private String createdBy;
    private Instant createdAt;
    private String status;
    private String cancelReason;
    private boolean registrationOpen = true;
    private int entrants;
    private int remaining;
    private long prizePool;
    private long prizesPaid;
    private Level level;
    private boolean handForHand;
    private Instant startedAt;
    private Instant endedAt;
    private String winnerEntryId;
    private List<Payout> payouts = List.of();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** prizes awarded, by entry */
    private final Map<String, Long> paid = new TreeMap<>();
    /** table number by table id, for the tables not broken */
    private final Map<String, Integer> tables = new LinkedHashMap<>();

    public TournamentView(String tournamentId) {
        this.tournamentId = tournamentId;
    }

    /** Whether the tournament exists at this point (its TournamentCreated was applied). */
    public boolean created() {
        return settings != null;
    }

    public TournamentView apply(TournamentEvent event) {
        if (event instanceof TournamentCreated e) {
            if (settings == null) {
                settings = e.settings();
                createdBy = e.createdBy();
                createdAt = e.createdAt();
                status = TournamentProjectionHandler.REGISTERING;
            }
            return this;
        }
        if (settings == null) {
            return this; // nothing before the creation shows (the projection's updates find no row either)
        }
        if (event instanceof PlayerRegistered e) {
            if (!entries.containsKey(e.entryId())) {
                entries.put(e.entryId(), new Entry(e, settings.startingStack()));
                entrants++;
                remaining++;
                prizePool += e.buyIn();
            }
        } else if (event instanceof PlayerUnregistered e) {
            Entry entry = entries.get(e.entryId());
            if (entry != null && entry.status.equals(TournamentProjectionHandler.ENTRY_REGISTERED)) {
                entry.status = TournamentProjectionHandler.ENTRY_UNREGISTERED;
                entry.chips = 0;
                entry.tableId = null;
                entry.seatNumber = null;
                entrants--;
                remaining--;
                prizePool -= entry.buyIn;
            }
        } else if (event instanceof TournamentStarted e) {
            if (TournamentProjectionHandler.REGISTERING.equals(status)) {
                status = TournamentProjectionHandler.RUNNING;
                startedAt = e.at();
                registrationOpen = settings.lateRegistrationLevels() > 0;
            }
            payouts = List.copyOf(e.payouts());
        } else if (event instanceof TournamentCancelled e) {
            status = TournamentProjectionHandler.CANCELLED;
            cancelReason = e.reason() == null || e.reason().length() <= 64 ? e.reason() : e.reason().substring(0, 64);
            endedAt = e.at();
            registrationOpen = false;
            handForHand = false;
        } else if (event instanceof LevelStarted e) {
            level = new Level(e.level(), e.smallBlind(), e.bigBlind(), e.ante(), e.endsAt());
        } else if (event instanceof RegistrationClosed e) {
            registrationOpen = false;
            payouts = List.copyOf(e.payouts());
        } else if (event instanceof TableOpened e) {
            tables.putIfAbsent(e.tableId(), e.tableNumber());
        } else if (event instanceof PlayerSeated e) {
            Entry entry = entries.get(e.entryId());
            if (entry != null && entry.in()) {
                entry.status = TournamentProjectionHandler.ENTRY_PLAYING;
                entry.tableId = e.tableId();
                entry.seatNumber = e.seatNumber();
                entry.chips = e.chips();
            }
        } else if (event instanceof PlayerMoved e) {
            Entry entry = entries.get(e.entryId());
            if (entry != null && entry.status.equals(TournamentProjectionHandler.ENTRY_PLAYING)) {
                entry.tableId = e.toTable();
                entry.seatNumber = e.seatNumber();
                entry.chips = e.chips();
            }
        } else if (event instanceof TableBroken e) {
            tables.remove(e.tableId());
        } else if (event instanceof HandFinished e) {
            for (EntryStack stack : e.stacks()) {
                Entry entry = entries.get(stack.entryId());
                if (entry != null && entry.status.equals(TournamentProjectionHandler.ENTRY_PLAYING)) {
                    entry.chips = stack.chips();
                }
            }
            for (poker.domain.tournament.TournamentCommand.Bust bust : e.busts()) {
                // out now; the place follows (PlayerEliminated), at once or when late registration closes
                Entry entry = entries.get(bust.entryId());
                if (entry != null && entry.in()) {
                    out(entry);
                }
            }
        } else if (event instanceof HandForHandStarted) {
            handForHand = true;
        } else if (event instanceof HandForHandEnded) {
            handForHand = false;
        } else if (event instanceof PlayerEliminated e) {
            Entry entry = entries.get(e.entryId());
            if (entry != null && entry.in()) {
                out(entry);
            }
            if (entry != null && entry.status.equals(TournamentProjectionHandler.ENTRY_ELIMINATED)
                    && entry.place == null) {
                entry.place = e.place();
                entry.prize = e.prize();
            }
        } else if (event instanceof PrizeAwarded e) {
            Entry entry = entries.get(e.entryId());
            if (entry != null && !paid.containsKey(e.entryId())) {
                paid.put(e.entryId(), e.amount());
                prizesPaid += e.amount();
            }
        } else if (event instanceof TournamentFinished e) {
            status = TournamentProjectionHandler.FINISHED;
            winnerEntryId = e.winnerEntryId();
            endedAt = e.at();
            registrationOpen = false;
            handForHand = false;
            Entry winner = entries.get(e.winnerEntryId());
            if (winner != null) {
                winner.place = 1;
                winner.prize = e.prize();
            }
        }
        return this;
    }

    /** The tournament as GET /api/tournaments/{id} shows it; null before its creation. */
    public Detail detail() {
        if (settings == null) {
            return null;
        }
        long chips = 0;
        int in = 0;
        Map<String, Integer> seated = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            if (e.in()) {
                chips += e.chips;
                in++;
            }
            if (e.status.equals(TournamentProjectionHandler.ENTRY_PLAYING) && e.tableId != null) {
                seated.merge(e.tableId, 1, Integer::sum);
            }
        }
        List<TableEntry> open = new ArrayList<>();
        tables.forEach((id, number) -> open.add(new TableEntry(id, number, seated.getOrDefault(id, 0))));
        open.sort(Comparator.comparingInt(TableEntry::tableNumber));
        TournamentSettings s = settings;
        String name = s.name() == null || s.name().length() <= 64 ? s.name() : s.name().substring(0, 64);
        return new Detail(tournamentId, StorableText.of(name), status, s.buyIn(), s.fee(), s.startingStack(),
                s.seatsPerTable(), s.minPlayers(), s.maxPlayers(), s.startAt(), s.startWhenFull(), s.levels(),
                s.lateRegistrationLevels(), s.maxReentries(), s.actionSeconds(), createdBy, createdAt,
                registrationOpen, entrants, remaining, in == 0 ? 0 : chips / in, prizePool, prizesPaid, level, open,
                payouts, handForHand, startedAt, endedAt, winnerEntryId, cancelReason);
    }

    /** {@code playerId}'s latest entry that counts, as GET /api/tournaments/{id}/me shows it; null if none. */
    public MyEntry entryOf(String playerId) {
        Entry latest = null;
        for (Entry e : entries.values()) {
            if (e.playerId.equals(playerId) && !e.status.equals(TournamentProjectionHandler.ENTRY_UNREGISTERED)
                    && (latest == null || e.entryNumber >= latest.entryNumber)) {
                latest = e;
            }
        }
        return latest == null ? null : new MyEntry(latest.entryId, latest.entryNumber, latest.tableId,
                latest.seatNumber, latest.status, latest.chips, latest.place, latest.prize);
    }

    private void out(Entry entry) {
        entry.status = TournamentProjectionHandler.ENTRY_ELIMINATED;
        entry.chips = 0;
        entry.tableId = null;
        entry.seatNumber = null;
        remaining--;
    }
}
