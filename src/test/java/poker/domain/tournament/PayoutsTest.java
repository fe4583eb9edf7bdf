package poker.domain.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import poker.domain.tournament.TournamentEvent.Payout;

/** The payout table by field size (POKER_RULES.md "Tournaments" 9). */
class PayoutsTest {

    @ParameterizedTest(name = "{0} entrants: {1} paid")
    @CsvSource({"0,0", "1,1", "2,1", "3,1", "4,1", "5,2", "6,2", "7,2", "8,3", "9,3", "18,3", "23,3", "24,4",
            "27,4", "29,4", "30,5", "36,5", "37,6", "45,7", "60,9", "100,15", "101,15", "200,30", "500,75",
            "1000,150", "5000,750"})
    void paidPlaces(int entrants, int paid) {
        assertThat(Payouts.paidPlaces(entrants)).isEqualTo(paid);
    }

    @ParameterizedTest(name = "{0} entrants, pool {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "1   | 100    | 100",
            "2   | 200    | 200",
            "6   | 600    | 390,210",
            "9   | 900    | 450,270,180",
            "8   | 7      | 4,2,1",
            "8   | 1      | 1,0,0",
            "8   | 0      | 0,0,0",
            // 27: weights 38/25/17/11.5 of 91.5: floors 11213, 7377, 5016, 3393; the odd chip to first
            "27  | 27000  | 11214,7377,5016,3393",
            "36  | 36000  | 13680,9000,6120,4140,3060",
            "200 | 200000 | 44000,28000,20000,16000,12800,10000,8000,6200,4800,3200,3200,3200,3200,3200,3200,"
                    + "2600,2600,2600,2600,2600,1800,1800,1800,1800,1800,1800,1800,1800,1800,1800"})
    void amounts(int entrants, long pool, String expected) {
        List<Payout> payouts = Payouts.forField(entrants, pool);

        assertThat(payouts.stream().map(p -> String.valueOf(p.amount())).collect(Collectors.joining(",")))
                .isEqualTo(expected);
        assertThat(payouts).extracting(Payout::place)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, payouts.size()).boxed().toList());
        assertThat(payouts.stream().mapToLong(Payout::amount).sum()).isEqualTo(pool);
    }

    @Test
    void noEntrantsNoPayouts() {
        assertThat(Payouts.forField(0, 0)).isEmpty();
        assertThatThrownBy(() -> Payouts.forField(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRowOfTheTableIsOneHundredPercentForItsLargestField() {
        for (Payouts.Row row : Payouts.TABLE) {
            assertThat(Arrays.stream(row.basisPoints()).sum()).as("row up to %d", row.maxEntrants()).isEqualTo(10_000);
            assertThat(row.basisPoints()).as("row up to %d", row.maxEntrants())
                    .hasSize(Payouts.paidPlaces(row.maxEntrants()));
            for (int i = 1; i < row.basisPoints().length; i++) {
                assertThat(row.basisPoints()[i]).isLessThanOrEqualTo(row.basisPoints()[i - 1]);
            }
        }
    }

    /** The first prize's share by band, as the class comment states; and every min cash beats the buy-in. */
    @ParameterizedTest(name = "{0}-{1} entrants: first place {2}%-{3}%")
    @CsvSource({"1,4,100,100", "5,7,65,65", "8,23,50,50", "24,36,38,42", "37,60,30,34", "61,100,27,30",
            "101,200,22,26.1", "201,500,19,24", "501,1000,15,18", "1001,5000,7,15.3"})
    void firstPlaceShareByFieldSize(int from, int to, double min, double max) {
        double lowest = 100;
        double highest = 0;
        for (int n = from; n <= to; n++) {
            long pool = 1_000_000L * n;
            List<Payout> payouts = Payouts.forField(n, pool);
            double share = 100.0 * payouts.get(0).amount() / pool;
            lowest = Math.min(lowest, share);
            highest = Math.max(highest, share);
            assertThat(payouts.get(payouts.size() - 1).amount()).as("min cash with %d entrants", n)
                    .isGreaterThanOrEqualTo(1_000_000L);
        }
        System.out.printf("%d-%d entrants: first place %.2f%%-%.2f%%%n", from, to, lowest, highest);
        assertThat(lowest).isGreaterThanOrEqualTo(min);
        assertThat(highest).isLessThanOrEqualTo(max);
    }
}
