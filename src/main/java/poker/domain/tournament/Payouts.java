package poker.domain.tournament;

import java.util.ArrayList;
import java.util.List;

/**
 * The payout table keyed by field size (POKER_RULES.md "Tournaments" 9): about 15% of the field paid,
 * first place 20–30% in small multi-table fields, 12–20% in large ones. The prize pool is the sum of
 * buy-ins; fees go to the house.
 *
 * <p><b>Places paid</b> ({@link #paidPlaces}): 1–4 entrants: 1 (winner takes all); 5–7: 2; 8–23: 3;
 * from 24 entrants on, 15% of the field rounded half up (24–29 entrants pay 4, 27 pay 4, 30–36 pay 5,
 * 100 pay 15, 200 pay 30, 1000 pay 150).
 *
 * <p><b>Shares</b> ({@link #TABLE}): one row per field-size band, giving each place's share of the pool
 * in hundredths of a percent (basis points) when the band's largest field is paid; every row sums to
 * 100%. A smaller field in the band pays fewer places: the paid places keep their weights, scaled up so
 * they still sum to the whole pool. Fields above 1000 entrants extend the last row, each extra place
 * taking the weight of its last group (0.18%). The resulting first prizes: 100% (1–4 entrants), 65%
 * (5–7), 50% (8–23), 38–42% (24–36), 30–34% (37–60), 27–30% (61–100), 22–26% (101–200), 19–24% (201–500),
 * 15–18% (501–1000), below 15% after (7% at 5000). The shares are ours, shaped like the public charts of online rooms
 * (e.g. a 3-place 50/30/20 for a one-table field, the winner "around 12% to 20%" in large fields).
 *
 * <p><b>Amounts</b> ({@link #forField}): place p gets floor(pool × w<sub>p</sub> / Σw) chips, and the
 * chips left by rounding go to first place, so the amounts sum to the pool exactly and never increase
 * from one place to the next.
 */
public final class Payouts {

    private Payouts() {
    }

    /** One band of the table: fields of up to {@code maxEntrants}, shares of the places in basis points. */
    record Row(int maxEntrants, int[] basisPoints) {
    }

    /** Places {@code from}..{@code to} each take {@code basisPoints}. */
    private record Group(int from, int to, int basisPoints) {
    }

    /**
     * The payout table. Per row: the largest field of the band, then the share of each place in percent
     * (places written "a-b" share the same percent each). Each row sums to 100% for the band's largest field.
     */
    static final List<Row> TABLE = List.of(
            //   entrants  place: percent of the prize pool
            row(4, "1: 100"),
            row(7, "1: 65", "2: 35"),
            row(23, "1: 50", "2: 30", "3: 20"),
            row(36, "1: 38", "2: 25", "3: 17", "4: 11.5", "5: 8.5"),
            row(60, "1: 30", "2: 20", "3: 14", "4: 10.5", "5: 8", "6: 6", "7: 4.5", "8: 3.8", "9: 3.2"),
            row(100, "1: 27", "2: 17.5", "3: 12.5", "4: 9.5", "5: 7.5", "6: 6", "7: 4.7", "8: 3.6", "9: 2.7",
                    "10-15: 1.5"),
            row(200, "1: 22", "2: 14", "3: 10", "4: 8", "5: 6.4", "6: 5", "7: 4", "8: 3.1", "9: 2.4",
                    "10-15: 1.6", "16-20: 1.3", "21-30: 0.9"),
            row(500, "1: 19", "2: 11.5", "3: 8.4", "4: 6.4", "5: 5", "6: 3.9", "7: 3.1", "8: 2.5", "9: 2.15",
                    "10-15: 1.3", "16-25: 0.9", "26-40: 0.6", "41-75: 0.35"),
            row(1000, "1: 15.25", "2: 9.35", "3: 6.88", "4: 5.3", "5: 4.2", "6: 3.3", "7: 2.6", "8: 2.1",
                    "9: 1.7", "10-18: 1.1", "19-27: 0.8", "28-45: 0.5", "46-81: 0.3", "82-150: 0.18"));

    /** How many places are paid for {@code entrants} entries (0 for none). */
    public static int paidPlaces(int entrants) {
        if (entrants <= 0) {
            return 0;
        }
        if (entrants <= 4) {
            return 1;
        }
        if (entrants <= 7) {
            return 2;
        }
        if (entrants <= 23) {
            return 3;
        }
        return (int) ((15L * entrants + 50) / 100);
    }

    /**
     * The prize of each paid place, best first; the amounts sum to {@code prizePool} exactly. Empty for no
     * entrants.
     *
     * @throws IllegalArgumentException for a negative prize pool
     */
    public static List<TournamentEvent.Payout> forField(int entrants, long prizePool) {
        if (prizePool < 0) {
            throw new IllegalArgumentException("prizePool must not be negative: " + prizePool);
        }
        int places = paidPlaces(entrants);
        if (places == 0) {
            return List.of();
        }
        int[] weights = weights(entrants, places);
        long total = 0;
        for (int w : weights) {
            total += w;
        }
        long[] amounts = new long[places];
        long paid = 0;
        for (int i = 0; i < places; i++) {
            // floor(pool * w / total) without overflow: pool = q * total + r
            amounts[i] = (prizePool / total) * weights[i] + (prizePool % total) * weights[i] / total;
            paid += amounts[i];
        }
        amounts[0] += prizePool - paid;
        List<TournamentEvent.Payout> payouts = new ArrayList<>(places);
        for (int i = 0; i < places; i++) {
            payouts.add(new TournamentEvent.Payout(i + 1, amounts[i]));
        }
        return List.copyOf(payouts);
    }

    /** The weights (basis points) of the first {@code places} places of the row for {@code entrants}. */
    static int[] weights(int entrants, int places) {
        Row row = TABLE.stream().filter(r -> entrants <= r.maxEntrants()).findFirst().orElse(TABLE.get(TABLE.size() - 1));
        int[] shares = row.basisPoints();
        int[] weights = new int[places];
        for (int i = 0; i < places; i++) {
            weights[i] = i < shares.length ? shares[i] : shares[shares.length - 1];
        }
        return weights;
    }

    /** A row from "place: percent" or "from-to: percent" cells, expanded to one share per place. */
    private static Row row(int maxEntrants, String... cells) {
        List<Group> groups = new ArrayList<>();
        for (String cell : cells) {
            String[] parts = cell.split(":");
            String[] range = parts[0].trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 1 ? from : Integer.parseInt(range[1]);
            int basisPoints = new java.math.BigDecimal(parts[1].trim()).movePointRight(2).intValueExact();
            groups.add(new Group(from, to, basisPoints));
        }
        int places = groups.get(groups.size() - 1).to();
        int[] shares = new int[places];
        int next = 1;
        for (Group g : groups) {
            if (g.from() != next || g.to() < g.from()) {
                throw new IllegalStateException("payout row for " + maxEntrants + " skips or repeats place " + next);
            }
            for (int place = g.from(); place <= g.to(); place++) {
                shares[place - 1] = g.basisPoints();
            }
            next = g.to() + 1;
        }
        return new Row(maxEntrants, shares);
    }
}
