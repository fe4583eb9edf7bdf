package poker.domain.tournament;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The seating rules of POKER_RULES.md "Tournaments" (2, 4, 5): initial seating, balancing, breaking.
 * Pure: randomness comes from the caller's generator, and the caller records the outcome in events.
 *
 * <p>Seats are numbered 1..{@code seats} and go clockwise in increasing seat number (wrapping from the
 * last seat to seat 1).
 *
 * <p><b>Dead button.</b> The balancing rule reads the next hand's blinds from the last hand's, by the
 * tournament dead-button rule (POKER_RULES.md "Betting" 3; TDA): the big blind moves to the next
 * occupied seat clockwise after the last big blind; the small blind moves to the last big blind's seat
 * (a dead small blind if that seat is now empty); the button moves to the last small blind's seat. So a
 * player seated in a free seat strictly between the last big blind and the next occupied seat after it
 * is the big blind of the next hand, and a player seated in the last big blind's seat (when it is free)
 * would be the next small blind. The button does not enter the rule.
 */
public final class Seating {

    private Seating() {
    }

    /** How many tables {@code entries} need: ceil(entries / seatsPerTable) (0 for no entries). */
    public static int tablesFor(int entries, int seatsPerTable) {
        if (entries < 0) {
            throw new IllegalArgumentException("entries must not be negative: " + entries);
        }
        if (seatsPerTable < 1) {
            throw new IllegalArgumentException("seatsPerTable must be positive: " + seatsPerTable);
        }
        return (entries + seatsPerTable - 1) / seatsPerTable;
    }

    /**
     * Seats every entry at the start: random table, then random seat, players spread evenly (table sizes
     * differ by at most one). {@code tableIds} has {@link #tablesFor} ids.
     *
     * <p>How: the entries are shuffled (Fisher–Yates with {@code random}) and dealt to the tables in
     * {@code tableIds} order round-robin, so each entry's table is random and the first
     * {@code entries % tables} tables get the one extra player; then each table's players take distinct
     * random seats among 1..{@code seatsPerTable} (a shuffle of the seat numbers, drawn table by table).
     * The result lists the placements table by table (in {@code tableIds} order), by seat number.
     *
     * @throws IllegalArgumentException on duplicate entry or table ids, or when {@code tableIds} does not
     *                                  have exactly {@code tablesFor(entries, seatsPerTable)} ids
     */
    public static List<Placement> initial(List<String> entryIds, List<String> tableIds, int seatsPerTable,
                                          RandomGenerator random) {
        requireDistinct(entryIds, "entry");
        requireDistinct(tableIds, "table");
        int tables = tablesFor(entryIds.size(), seatsPerTable);
        if (tableIds.size() != tables) {
            throw new IllegalArgumentException(entryIds.size() + " entries at " + seatsPerTable
                    + " seats per table need " + tables + " tables, not " + tableIds.size());
        }
        List<String> drawn = shuffled(entryIds, random);
        List<List<String>> byTable = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            byTable.add(new ArrayList<>());
        }
        for (int i = 0; i < drawn.size(); i++) {
            byTable.get(i % tables).add(drawn.get(i));
        }
        List<Placement> placements = new ArrayList<>(entryIds.size());
        for (int t = 0; t < tables; t++) {
            List<String> players = byTable.get(t);
            List<Integer> seats = shuffled(seatNumbers(seatsPerTable), random);
            Map<Integer, String> seated = new TreeMap<>();
            for (int i = 0; i < players.size(); i++) {
                seated.put(seats.get(i), players.get(i));
            }
            String tableId = tableIds.get(t);
            seated.forEach((seat, entry) -> placements.add(new Placement(entry, tableId, seat)));
        }
        return List.copyOf(placements);
    }

    /**
     * The next balancing move, if the tables differ by more than one player: from the largest table, the
     * player who would be big blind next, to the worst position at the shortest table (never the small
     * blind). Empty when balanced. One move at a time; call again after applying it.
     *
     * <p><b>Which tables.</b> Only when the largest and the smallest table differ by more than one
     * (online practice; POKER_RULES.md "Tournaments" 5). From the first table in list order among those
     * with the most players, to the first in list order among those with the fewest (the TDA asks for "a
     * predetermined procedure" to choose the table a player is moved from; ours is the caller's list order,
     * so the same layouts always give the same move).
     *
     * <p><b>Who moves.</b> The player who would be the big blind of the next hand at the large table: the
     * first occupied seat clockwise after the last hand's big blind (by the dead-button rule, see the class
     * comment). Before the table's first hand ({@code bigBlind} null) the lowest occupied seat.
     *
     * <p><b>To which seat: the worst position.</b> TDA rule (Seating, Breaking and Balancing Tables): "the
     * player to be big blind next moves to the worst position, including single big blind if available,
     * even if that means the seat is the big blind twice. Worst position is never the small blind." The
     * worst position is the free seat that will post the big blind soonest: at the short table, the first
     * free seat clockwise after its last big blind, skipping the last big blind's own seat (a player there
     * would post the next small blind). That seat is the next hand's big blind when a free seat lies
     * between the last big blind and the next occupied seat; otherwise it is the free seat the big blind
     * reaches first. Before the short table's first hand ({@code bigBlind} null) its lowest free seat.
     *
     * @throws IllegalArgumentException when a table reports more players than seats
     */
    public static Optional<Move> balance(List<TableLayout> tables) {
        tables.forEach(Seating::requireConsistent);
        if (tables.size() < 2) {
            return Optional.empty();
        }
        int most = tables.stream().mapToInt(TableLayout::players).max().orElseThrow();
        int fewest = tables.stream().mapToInt(TableLayout::players).min().orElseThrow();
        if (most - fewest <= 1) {
            return Optional.empty();
        }
        TableLayout largest = tables.stream().filter(t -> t.players() == most).findFirst().orElseThrow();
        TableLayout shortest = tables.stream().filter(t -> t.players() == fewest).findFirst().orElseThrow();
        int from = nextBigBlind(largest);
        int to = worstPosition(shortest);
        return Optional.of(new Move(largest.seated().get(from), largest.tableId(), shortest.tableId(), to));
    }

    /**
     * The seat of the player who would post the big blind next hand: the first occupied seat clockwise
     * after the last big blind (the last big blind's seat itself comes last, when it is the only one);
     * before the first hand, the lowest occupied seat.
     *
     * @throws IllegalArgumentException at an empty table
     */
    public static int nextBigBlind(TableLayout table) {
        if (table.seated().isEmpty()) {
            throw new IllegalArgumentException("table " + table.tableId() + " has nobody seated");
        }
        if (table.bigBlind() == null) {
            return table.seated().keySet().iterator().next();
        }
        for (int step = 1; step <= table.seats(); step++) {
            int seat = clockwise(table.bigBlind(), step, table.seats());
            if (table.seated().containsKey(seat)) {
                return seat;
            }
        }
        throw new IllegalArgumentException("table " + table.tableId() + " seats players outside 1.." + table.seats());
    }

    /**
     * The worst position at {@code table} for a player moved in (see {@link #balance}): the first free seat
     * clockwise after the last big blind other than the last big blind's seat (the next small blind);
     * before the first hand, the lowest free seat.
     *
     * @throws IllegalArgumentException when no such seat is free
     */
    public static int worstPosition(TableLayout table) {
        if (table.bigBlind() == null) {
            for (int seat = 1; seat <= table.seats(); seat++) {
                if (!table.seated().containsKey(seat)) {
                    return seat;
                }
            }
        } else {
            for (int step = 1; step < table.seats(); step++) {
                int seat = clockwise(table.bigBlind(), step, table.seats());
                if (!table.seated().containsKey(seat)) {
                    return seat;
                }
            }
        }
        throw new IllegalArgumentException("table " + table.tableId() + " has no free seat that is not the small blind");
    }

    /**
     * The table to break, if the remaining players fit in one fewer table: the one with the fewest
     * players (random among ties). Empty otherwise.
     *
     * <p>"Fit in one fewer table": {@code tablesFor(players, seatsPerTable) < tables.size()}. The last
     * table is never broken. Among tables tied for the fewest players, {@code random} picks one uniformly
     * (in list order, {@code random.nextInt(ties)}; the generator is not used when there is no tie).
     */
    public static Optional<String> tableToBreak(List<TableLayout> tables, int seatsPerTable, RandomGenerator random) {
        tables.forEach(Seating::requireConsistent);
        if (tables.size() < 2) {
            return Optional.empty();
        }
        int players = tables.stream().mapToInt(TableLayout::players).sum();
        if (tablesFor(players, seatsPerTable) >= tables.size()) {
            return Optional.empty();
        }
        int fewest = tables.stream().mapToInt(TableLayout::players).min().orElseThrow();
        List<TableLayout> ties = tables.stream().filter(t -> t.players() == fewest).toList();
        TableLayout broken = ties.size() == 1 ? ties.get(0) : ties.get(random.nextInt(ties.size()));
        return Optional.of(broken.tableId());
    }

    /**
     * Reseats the players of a broken table by random draw (table, then seat) on the {@code remaining}
     * tables, keeping them within one player of each other; they may land on the blinds or the button.
     *
     * <p>How: the entries are drawn in a random order (a shuffle by {@code random}); each in turn goes to a
     * table with the fewest players so far among those with a free seat (uniformly at random among equal
     * tables), then to a uniformly random free seat there — any seat, button and blinds included
     * (POKER_RULES.md "Tournaments" 4; the TDA's "2-step random process"). Filling the smallest tables
     * first keeps tables that were within one player of each other within one. The result is in draw
     * order.
     *
     * @throws IllegalArgumentException when the entries do not fit in the free seats, or an entry is already
     *                                  seated at a remaining table, or an entry id repeats
     */
    public static List<Placement> reseat(List<String> entryIds, List<TableLayout> remaining, RandomGenerator random) {
        requireDistinct(entryIds, "entry");
        remaining.forEach(Seating::requireConsistent);
        Set<String> alreadySeated = new HashSet<>();
        remaining.forEach(t -> alreadySeated.addAll(t.seated().values()));
        for (String entry : entryIds) {
            if (alreadySeated.contains(entry)) {
                throw new IllegalArgumentException("entry " + entry + " is already seated at a remaining table");
            }
        }
        int free = remaining.stream().mapToInt(t -> t.seats() - t.players()).sum();
        if (free < entryIds.size()) {
            throw new IllegalArgumentException(entryIds.size() + " entries do not fit in " + free + " free seats");
        }
        List<Integer> players = new ArrayList<>();
        List<List<Integer>> freeSeats = new ArrayList<>();
        for (TableLayout table : remaining) {
            players.add(table.players());
            List<Integer> seats = new ArrayList<>();
            for (int seat = 1; seat <= table.seats(); seat++) {
                if (!table.seated().containsKey(seat)) {
                    seats.add(seat);
                }
            }
            freeSeats.add(seats);
        }
        List<Placement> placements = new ArrayList<>(entryIds.size());
        for (String entry : shuffled(entryIds, random)) {
            int fewest = Integer.MAX_VALUE;
            for (int t = 0; t < remaining.size(); t++) {
                if (!freeSeats.get(t).isEmpty()) {
                    fewest = Math.min(fewest, players.get(t));
                }
            }
            List<Integer> candidates = new ArrayList<>();
            for (int t = 0; t < remaining.size(); t++) {
                if (!freeSeats.get(t).isEmpty() && players.get(t) == fewest) {
                    candidates.add(t);
                }
            }
            int t = candidates.get(random.nextInt(candidates.size()));
            int seat = freeSeats.get(t).remove(random.nextInt(freeSeats.get(t).size()));
            players.set(t, players.get(t) + 1);
            placements.add(new Placement(entry, remaining.get(t).tableId(), seat));
        }
        return List.copyOf(placements);
    }

    /** The seat {@code steps} seats clockwise from {@code seat} at a table of {@code seats} (1-based, wrapping). */
    static int clockwise(int seat, int steps, int seats) {
        return Math.floorMod(seat - 1 + steps, seats) + 1;
    }

    private static void requireConsistent(TableLayout table) {
        if (table.players() > table.seats()) {
            throw new IllegalArgumentException("table " + table.tableId() + " seats " + table.players()
                    + " players in " + table.seats() + " seats");
        }
        for (int seat : table.seated().keySet()) {
            if (seat < 1 || seat > table.seats()) {
                throw new IllegalArgumentException("table " + table.tableId() + " has a player in seat " + seat
                        + " outside 1.." + table.seats());
            }
        }
    }

    private static void requireDistinct(List<String> ids, String what) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("duplicate " + what + " ids: " + ids);
        }
    }

    private static List<Integer> seatNumbers(int seats) {
        List<Integer> numbers = new ArrayList<>(seats);
        for (int seat = 1; seat <= seats; seat++) {
            numbers.add(seat);
        }
        return numbers;
    }

    /** A Fisher–Yates shuffle of a copy of {@code items} driven by {@code random}. */
    private static <T> List<T> shuffled(List<T> items, RandomGenerator random) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }
}
