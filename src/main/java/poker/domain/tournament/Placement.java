package poker.domain.tournament;

/** Where an entry sits: a table and a seat. */
public record Placement(String entryId, String tableId, int seatNumber) {
}
