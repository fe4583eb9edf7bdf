package poker.domain.history;

import java.time.Instant;
import java.util.Map;

/**
 * What a hand history needs beyond the hand's events: the site's hand id, the table, when the hand
 * started, and the names to print for the seats (a seat missing here falls back to its player id).
 */
public record HistoryContext(long handId, String tableName, int maxSeats, Instant startedAt,
                             Map<Integer, String> seatNames) {

    public HistoryContext {
        if (tableName == null || startedAt == null) {
            throw new IllegalArgumentException("table name and start time are required");
        }
        if (maxSeats < 2) {
            throw new IllegalArgumentException("a table has at least two seats: " + maxSeats);
        }
        seatNames = seatNames == null ? Map.of() : Map.copyOf(seatNames);
    }
}
