package poker.domain.tournament;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The seating rules of POKER_RULES.md "Tournaments" (2, 4, 5): initial seating, balancing, breaking.
 * Pure: randomness comes from the caller's generator, and the caller records the outcome in events.
 */
public final class Seating {

    private Seating() {
    }

    /** How many tables {@code entries} need: ceil(entries / seatsPerTable). */
    public static int tablesFor(int entries, int seatsPerTable) {
        throw new UnsupportedOperationException("to be written");
    }

    /**
     * Seats every entry at the start: random table, then random seat, players spread evenly (table sizes
     * differ by at most one). {@code tableIds} has {@link #tablesFor} ids.
     */
    public static List<Placement> initial(List<String> entryIds, List<String> tableIds, int seatsPerTable,
                                          RandomGenerator random) {
        throw new UnsupportedOperationException("to be written");
    }

    /**
     * The next balancing move, if the tables differ by more than one player: from the largest table, the
     * player who would be big blind next, to the worst position at the shortest table (never the small
     * blind). Empty when balanced. One move at a time; call again after applying it.
     */
    public static Optional<Move> balance(List<TableLayout> tables) {
        throw new UnsupportedOperationException("to be written");
    }

    /**
     * The table to break, if the remaining players fit in one fewer table: the one with the fewest
     * players (random among ties). Empty otherwise.
     */
    public static Optional<String> tableToBreak(List<TableLayout> tables, int seatsPerTable, RandomGenerator random) {
        throw new UnsupportedOperationException("to be written");
    }

    /**
     * Reseats the players of a broken table by random draw (table, then seat) on the {@code remaining}
     * tables, keeping them within one player of each other; they may land on the blinds or the button.
     */
    public static List<Placement> reseat(List<String> entryIds, List<TableLayout> remaining, RandomGenerator random) {
        throw new UnsupportedOperationException("to be written");
    }
}
