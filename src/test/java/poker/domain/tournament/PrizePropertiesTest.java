package poker.domain.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import poker.domain.tournament.Eliminations.Ranked;
import poker.domain.tournament.TournamentCommand.Bust;
import poker.domain.tournament.TournamentEvent.Payout;

/** Payouts and rankings never create or lose a chip of the prize pool. */
class PrizePropertiesTest {

    @Property(tries = 1000)
    void payoutsSumToThePoolAndNeverIncrease(@ForAll @IntRange(min = 0, max = 20_000) int entrants,
                                             @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long pool) {
        List<Payout> payouts = Payouts.forField(entrants, pool);
        int paid = Payouts.paidPlaces(entrants);

        assertThat(payouts).hasSize(paid);
        assertThat(paid).isLessThanOrEqualTo(entrants);
        if (entrants > 0) {
            assertThat(paid).isGreaterThanOrEqualTo(1);
            assertThat(payouts.stream().mapToLong(Payout::amount).sum()).isEqualTo(pool);
        }
        if (entrants >= 24) {
            assertThat(Math.abs(paid - 0.15 * entrants)).as("about 15%% paid").isLessThanOrEqualTo(0.5);
        }
        assertThat(Payouts.paidPlaces(entrants + 1)).as("more entrants never pay fewer").isGreaterThanOrEqualTo(paid);
        for (int i = 0; i < payouts.size(); i++) {
            assertThat(payouts.get(i).place()).isEqualTo(i + 1);
            assertThat(payouts.get(i).amount()).isNotNegative();
            if (i > 0) {
                assertThat(payouts.get(i).amount()).isLessThanOrEqualTo(payouts.get(i - 1).amount());
            }
        }
    }

    @Property(tries = 1000)
    void rankingSplitsExactlyThePrizesOfThePlacesItCovers(@ForAll @IntRange(min = 1, max = 60) int remaining,
                                                          @ForAll @IntRange(min = 0, max = 140) int moreEntrants,
                                                          @ForAll long seed) {
        Random random = new Random(seed);
        List<Payout> payouts = Payouts.forField(remaining + moreEntrants, random.nextInt(10_000_000));
        int busted = 1 + random.nextInt(Math.min(remaining, 9));
        List<Bust> busts = new ArrayList<>();
        for (int i = 0; i < busted; i++) {
            busts.add(new Bust("e" + random.nextInt(1000) + "-" + i, 100L * (1 + random.nextInt(4))));
        }

        List<Ranked> ranked = Eliminations.rank(busts, remaining, payouts);

        assertThat(ranked).extracting(Ranked::entryId)
                .containsExactlyInAnyOrderElementsOf(busts.stream().map(Bust::entryId).toList());
        Map<Integer, Long> payoutOf = new HashMap<>();
        payouts.forEach(p -> payoutOf.put(p.place(), p.amount()));
        long covered = 0;
        for (int place = remaining - busted + 1; place <= remaining; place++) {
            covered += payoutOf.getOrDefault(place, 0L);
        }
        assertThat(ranked.stream().mapToLong(Ranked::prize).sum()).as("prizes conserved").isEqualTo(covered);

        Map<String, Long> stackOf = new HashMap<>();
        busts.forEach(b -> stackOf.put(b.entryId(), b.stackAtHandStart()));
        for (Ranked a : ranked) {
            assertThat(a.place()).isBetween(remaining - busted + 1, remaining);
            long tied = ranked.stream().filter(r -> stackOf.get(r.entryId()).equals(stackOf.get(a.entryId()))).count();
            assertThat(a.tiedWith()).isEqualTo((int) tied);
            long better = ranked.stream().filter(r -> stackOf.get(r.entryId()) > stackOf.get(a.entryId())).count();
            assertThat(a.place()).as("place = best of the tied places").isEqualTo(remaining - busted + 1 + (int) better);
            for (Ranked b : ranked) {
                if (b.place() == a.place()) {
                    assertThat(Math.abs(a.prize() - b.prize())).as("a split differs by an odd chip at most")
                            .isLessThanOrEqualTo(1);
                    if (a.entryId().compareTo(b.entryId()) < 0) {
                        assertThat(a.prize()).as("odd chips in entry id order").isGreaterThanOrEqualTo(b.prize());
                    }
                }
            }
        }
    }
}
