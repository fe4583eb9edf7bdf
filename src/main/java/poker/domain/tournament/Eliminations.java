package poker.domain.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     *
     * <p>The busts take the places {@code remainingBefore - busts + 1} .. {@code remainingBefore}: the
     * largest stack at the start of the hand the best of them. A group of {@code k} equal stacks whose
     * places would be {@code p .. p+k-1} all get place {@code p} with {@code tiedWith = k}, and share the
     * sum of those places' payouts (a place without a payout pays 0): each gets {@code sum / k}, and the
     * first {@code sum % k} of them in entry id order one chip more. So the prizes of the ranked add up to
     * the payouts of the places they cover. The result is ordered best place first, ties in entry id order.
     *
     * @throws IllegalArgumentException when an entry busts twice, a stack is negative, or more players bust
     *                                  than {@code remainingBefore}
     */
    public static List<Ranked> rank(List<TournamentCommand.Bust> busts, int remainingBefore,
                                    List<TournamentEvent.Payout> payouts) {
        if (busts.size() > remainingBefore) {
            throw new IllegalArgumentException(busts.size() + " busts with only " + remainingBefore + " remaining");
        }
        Set<String> ids = new HashSet<>();
        for (TournamentCommand.Bust bust : busts) {
            if (!ids.add(bust.entryId())) {
                throw new IllegalArgumentException("entry " + bust.entryId() + " busts twice");
            }
            if (bust.stackAtHandStart() < 0) {
                throw new IllegalArgumentException("negative stack for " + bust.entryId());
            }
        }
        Map<Integer, Long> prizeOf = new HashMap<>();
        for (TournamentEvent.Payout payout : payouts) {
            prizeOf.merge(payout.place(), payout.amount(), Long::sum);
        }
        List<TournamentCommand.Bust> ordered = new ArrayList<>(busts);
        ordered.sort(Comparator.comparingLong(TournamentCommand.Bust::stackAtHandStart).reversed()
                .thenComparing(TournamentCommand.Bust::entryId));
        List<Ranked> ranked = new ArrayList<>(busts.size());
        int place = remainingBefore - busts.size() + 1;
        int i = 0;
        while (i < ordered.size()) {
            long stack = ordered.get(i).stackAtHandStart();
            int end = i;
            while (end < ordered.size() && ordered.get(end).stackAtHandStart() == stack) {
                end++;
            }
            int tied = end - i;
            long pot = 0;
            for (int p = place; p < place + tied; p++) {
                pot += prizeOf.getOrDefault(p, 0L);
            }
            long share = pot / tied;
            long odd = pot % tied;
            for (int k = 0; k < tied; k++) {
                ranked.add(new Ranked(ordered.get(i + k).entryId(), place, tied, share + (k < odd ? 1 : 0)));
            }
            place += tied;
            i = end;
        }
        return List.copyOf(ranked);
    }

    /**
     * Hand-for-hand (POKER_RULES.md "Tournaments" 7): on the money bubble with more than one table, every
     * table plays one hand and waits for the others. True when {@code remaining} is one more than the paid
     * places (the next bust is out of the money) and {@code tables} > 1. Once a player busts on the bubble
     * (remaining = paid places) or the field is down to one table it is over; never with no paid places.
     */
    public static boolean handForHand(int remaining, int paidPlaces, int tables) {
        return paidPlaces > 0 && remaining == paidPlaces + 1 && tables > 1;
    }
}
