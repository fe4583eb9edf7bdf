package poker.domain.table;

import java.time.Instant;

/** The running turn: who must act in which hand, and until when. */
public record TurnClock(long handNumber, int seatNumber, Instant deadline) {
}
