package poker.domain.table;

/** The fixed terms of a cash table, chosen at creation. Chip amounts are whole chips. */
public record TableSettings(String name, long smallBlind, long bigBlind, int maxSeats,
                            long minBuyIn, long maxBuyIn, int actionSeconds) {
}
