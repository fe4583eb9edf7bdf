package poker.domain.tournament;

import java.util.List;

/**
 * The payout table keyed by field size (POKER_RULES.md "Tournaments" 9): about 15% of the field paid,
 * first place 20–30% in small fields. The prize pool is the sum of buy-ins; fees go to the house.
 */
public final class Payouts {

    private Payouts() {
    }

    /** How many places are paid for {@code entrants} entries. */
    public static int paidPlaces(int entrants) {
        throw new UnsupportedOperationException("to be written");
    }

    /** The prize of each paid place, best first; the amounts sum to {@code prizePool} exactly. */
    public static List<TournamentEvent.Payout> forField(int entrants, long prizePool) {
        throw new UnsupportedOperationException("to be written");
    }
}
