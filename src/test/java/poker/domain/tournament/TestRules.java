package poker.domain.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import poker.domain.tournament.TournamentCommand.Bust;
import poker.domain.tournament.TournamentEvent.Payout;

/**
 * Simple stand-ins for the payout table and the ranking, so the decider's use of them is tested on its
 * own: up to 3 entrants the winner takes all; more pay 3 places 50/30/rest. Ranking: larger stack first,
 * equal stacks share the best place and split the places' prizes (odd chips to the first).
 */
public final class TestRules implements TournamentDecider.Rules {

    public static final TestRules INSTANCE = new TestRules();

    @Override
    public List<Payout> payouts(int entrants, long prizePool) {
        if (entrants <= 3) {
            return List.of(new Payout(1, prizePool));
        }
        long first = prizePool / 2;
        long second = prizePool * 3 / 10;
        return List.of(new Payout(1, first), new Payout(2, second), new Payout(3, prizePool - first - second));
    }

    @Override
    public List<Eliminations.Ranked> rank(List<Bust> busts, int remainingBefore, List<Payout> payouts) {
        List<Bust> sorted = new ArrayList<>(busts);
        sorted.sort(Comparator.comparingLong(Bust::stackAtHandStart).reversed().thenComparing(Bust::entryId));
        List<Eliminations.Ranked> out = new ArrayList<>();
        int best = remainingBefore - busts.size() + 1;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).stackAtHandStart() == sorted.get(i).stackAtHandStart()) {
                j++;
            }
            int place = best + i;
            int tied = j - i;
            long pot = 0;
            for (int p = place; p < place + tied; p++) {
                int finish = p;
                pot += payouts.stream().filter(x -> x.place() == finish).mapToLong(Payout::amount).sum();
            }
            for (int k = i; k < j; k++) {
                long share = pot / tied + (k - i < pot % tied ? 1 : 0);
                out.add(new Eliminations.Ranked(sorted.get(k).entryId(), place, tied, share));
            }
            i = j;
        }
        return out;
    }
}
