package poker.domain.table;

/**
 * The fixed terms of a table, chosen at creation. Chip amounts are whole chips. {@code tournamentId}:
 * the tournament whose director drives this table (null for a cash table, and in tables stored before
 * tournaments): no joins or leaves through the table routes, no wallet, blinds and antes from the
 * director's hand permits, no hand dealt without one.
 */
public record TableSettings(String name, long smallBlind, long bigBlind, int maxSeats,
                            long minBuyIn, long maxBuyIn, int actionSeconds, String tournamentId) {

    /** A cash table. */
    public TableSettings(String name, long smallBlind, long bigBlind, int maxSeats, long minBuyIn, long maxBuyIn,
                         int actionSeconds) {
        this(name, smallBlind, bigBlind, maxSeats, minBuyIn, maxBuyIn, actionSeconds, null);
    }

    public boolean tournament() {
        return tournamentId != null;
    }
}
