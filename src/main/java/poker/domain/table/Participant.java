package poker.domain.table;

/** A player seated at a table with a stack. Status is {@code active} or {@code sitting_out}. */
public record Participant(String participantId, String playerId, int seatNumber, long chips,
                          long initialChips, boolean sittingOut, String status) {
}
