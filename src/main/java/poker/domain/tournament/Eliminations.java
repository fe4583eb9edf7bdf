package poker.domain.tournament;

import java.util.List;

/**
 * Ranks players out in the same hand (or the same hand-for-hand round): by their stacks at the start
 * of that hand, larger finishing higher; equal stacks tie, share the best of their places and split
 * those places' prizes (POKER_RULES.md "Tournaments" 6).
 */
public final class Eliminations {

    private Eliminations() {
    }

    /** One ranked elimination: {@code place} shared by {@code tiedWith} players, each taking {@code prize}. */
    public record Ranked(String entryId, int place, int tiedWith, long prize) {
    }

    /**
     * Places for {@code busts}, given {@code remainingBefore} entries still in before this hand (so the
     * worst place is {@code remainingBefore}). Prizes from {@code payouts}; a split that does not divide
     * evenly gives the odd chips to the tied players one by one in entry id order, so nothing is lost.
     * If every remaining player busted at once (impossible in a hand, guarded anyway) the best keeps place 1.
     */
    public static List<Ranked> rank(List<TournamentCommand.Bust> busts, int remainingBefore,
                                    List<TournamentEvent.Payout> payouts) {
        throw new UnsupportedOperationException("to be written");
    }

    /**
     * Hand-for-hand (POKER_RULES.md "Tournaments" 7): on the money bubble with more than one table, every
     * table plays one hand and waits for the others. True when {@code remaining} is one more than the paid
     * places (the next bust is out of the money) and {@code tables} > 1.
     */
    public static boolean handForHand(int remaining, int paidPlaces, int tables) {
        throw new UnsupportedOperationException("to be written");
    }
}
