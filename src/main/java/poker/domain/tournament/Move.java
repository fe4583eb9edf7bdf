package poker.domain.tournament;

/** A balancing move between hands: {@code entryId} leaves {@code fromTable} for seat {@code toSeat} at {@code toTable}. */
public record Move(String entryId, String fromTable, String toTable, int toSeat) {
}
