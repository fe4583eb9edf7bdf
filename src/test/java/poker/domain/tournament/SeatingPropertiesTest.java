package poker.domain.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Seating, balancing and breaking on random layouts: every entry seated once, never two at one seat, tables
 * spread evenly; balancing moves converge to tables within one; a break reseats everyone on the rest.
 */
class SeatingPropertiesTest {

    @Property(tries = 300)
    void initialSeatingSeatsEveryEntryOnceAndSpreadsEvenly(@ForAll @IntRange(min = 0, max = 300) int entries,
                                                           @ForAll @IntRange(min = 2, max = 10) int seats,
                                                           @ForAll long seed) {
        List<String> entryIds = IntStream.range(0, entries).mapToObj(i -> "e" + i).toList();
        List<String> tableIds = IntStream.range(0, Seating.tablesFor(entries, seats)).mapToObj(i -> "t" + i).toList();

        List<Placement> placements = Seating.initial(entryIds, tableIds, seats, new SplittableRandom(seed));

        assertThat(placements).extracting(Placement::entryId).containsExactlyInAnyOrderElementsOf(entryIds);
        assertThat(placements.stream().map(p -> p.tableId() + "/" + p.seatNumber()).collect(Collectors.toSet()))
                .hasSize(entries);
        assertThat(placements).allSatisfy(p -> {
            assertThat(p.seatNumber()).isBetween(1, seats);
            assertThat(tableIds).contains(p.tableId());
        });
        Map<String, Long> sizes = placements.stream()
                .collect(Collectors.groupingBy(Placement::tableId, Collectors.counting()));
        assertThat(sizes.keySet()).as("no empty table").hasSize(tableIds.size());
        if (!sizes.isEmpty()) {
            long max = sizes.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            long min = sizes.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 500)
    void balancingConvergesToTablesWithinOne(@ForAll @IntRange(min = 2, max = 6) int tableCount,
                                             @ForAll @IntRange(min = 2, max = 10) int seats,
                                             @ForAll long seed) {
        Random random = new Random(seed);
        List<TableLayout> tables = randomTables(tableCount, seats, random, false);
        Set<String> everyone = entries(tables);

        int moves = 0;
        for (Optional<Move> move = Seating.balance(tables); move.isPresent(); move = Seating.balance(tables)) {
            Move m = move.get();
            TableLayout from = table(tables, m.fromTable());
            TableLayout to = table(tables, m.toTable());
            IntSummaryStatistics counts = tables.stream().mapToInt(TableLayout::players).summaryStatistics();
            assertThat(counts.getMax() - counts.getMin()).as("moves only when out of balance").isGreaterThan(1);
            assertThat(from.players()).as("from a largest table").isEqualTo(counts.getMax());
            assertThat(to.players()).as("to a shortest table").isEqualTo(counts.getMin());
            assertThat(from.seated().get(Seating.nextBigBlind(from))).as("the next big blind moves").isEqualTo(m.entryId());
            assertThat(to.seated()).as("to a free seat").doesNotContainKey(m.toSeat());
            assertThat(m.toSeat()).isBetween(1, seats);
            if (to.bigBlind() != null) {
                assertThat(m.toSeat()).as("never the next small blind (the last big blind's seat)")
                        .isNotEqualTo(to.bigBlind());
                for (int seat = Seating.clockwise(to.bigBlind(), 1, seats); seat != m.toSeat();
                     seat = Seating.clockwise(seat, 1, seats)) {
                    assertThat(to.seated()).as("no free seat reaches the big blind sooner").containsKey(seat);
                }
            }
            tables = SeatingTest.apply(tables, m);
            assertThat(++moves).as("converges").isLessThanOrEqualTo(tableCount * seats);
        }

        IntSummaryStatistics counts = tables.stream().mapToInt(TableLayout::players).summaryStatistics();
        assertThat(counts.getMax() - counts.getMin()).isLessThanOrEqualTo(1);
        assertThat(entries(tables)).as("nobody lost or doubled").isEqualTo(everyone);
        assertThat(tables.stream().mapToInt(TableLayout::players).sum()).isEqualTo(everyone.size());
    }

    @Property(tries = 500)
    void aBrokenTableIsReseatedOnTheRestWithinOne(@ForAll @IntRange(min = 1, max = 8) int tableCount,
                                                  @ForAll @IntRange(min = 2, max = 10) int seats,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        List<TableLayout> tables = randomTables(tableCount, seats, random, true);
        int players = tables.stream().mapToInt(TableLayout::players).sum();
        Set<String> everyone = entries(tables);

        Optional<String> broken = Seating.tableToBreak(tables, seats, random);

        if (broken.isEmpty()) {
            assertThat(tableCount == 1 || Seating.tablesFor(players, seats) == tableCount)
                    .as("no break while the players need every table").isTrue();
            return;
        }
        assertThat(Seating.tablesFor(players, seats)).isLessThan(tableCount);
        TableLayout gone = table(tables, broken.get());
        assertThat(gone.players()).as("the fewest players")
                .isEqualTo(tables.stream().mapToInt(TableLayout::players).min().orElseThrow());
        List<TableLayout> rest = tables.stream().filter(t -> t != gone).toList();

        List<Placement> placements = Seating.reseat(List.copyOf(gone.seated().values()), rest, random);

        assertThat(placements).extracting(Placement::entryId).containsExactlyInAnyOrderElementsOf(gone.seated().values());
        Map<String, Map<Integer, String>> after = new HashMap<>();
        rest.forEach(t -> after.put(t.tableId(), new HashMap<>(t.seated())));
        for (Placement p : placements) {
            assertThat(after).containsKey(p.tableId());
            assertThat(p.seatNumber()).isBetween(1, seats);
            assertThat(after.get(p.tableId()).put(p.seatNumber(), p.entryId())).as("seat taken twice").isNull();
        }
        Set<String> seated = new HashSet<>();
        after.values().forEach(m -> seated.addAll(m.values()));
        assertThat(seated).isEqualTo(everyone);
        IntSummaryStatistics counts = after.values().stream().mapToInt(Map::size).summaryStatistics();
        assertThat(counts.getMax() - counts.getMin()).as("the rest within one after the reseat").isLessThanOrEqualTo(1);
    }

    /**
     * Random tables of {@code seats} seats with random players, a random last big blind (possibly a seat now
     * empty) or none. {@code balanced}: sizes within one of each other (as between hands after balancing).
     */
    static List<TableLayout> randomTables(int count, int seats, Random random, boolean balanced) {
        int base = random.nextInt(seats + 1);
        List<TableLayout> tables = new ArrayList<>();
        int entry = 0;
        for (int t = 0; t < count; t++) {
            int players = balanced ? Math.min(seats, base + random.nextInt(2)) : random.nextInt(seats + 1);
            if (balanced && base == seats) {
                players = seats - random.nextInt(2);
            }
            List<Integer> seatNumbers = new ArrayList<>(IntStream.rangeClosed(1, seats).boxed().toList());
            java.util.Collections.shuffle(seatNumbers, random);
            Map<Integer, String> seated = new HashMap<>();
            for (int i = 0; i < players; i++) {
                seated.put(seatNumbers.get(i), "e" + entry++);
            }
            Integer bigBlind = random.nextInt(4) == 0 ? null : 1 + random.nextInt(seats);
            Integer button = bigBlind == null ? null : Seating.clockwise(bigBlind, -2, seats);
            tables.add(new TableLayout("t" + t, seats, seated, button, bigBlind));
        }
        return tables;
    }

    static TableLayout table(List<TableLayout> tables, String id) {
        return tables.stream().filter(t -> t.tableId().equals(id)).findFirst().orElseThrow();
    }

    static Set<String> entries(List<TableLayout> tables) {
        Set<String> all = new HashSet<>();
        for (TableLayout t : tables) {
            for (String e : t.seated().values()) {
                assertThat(all.add(e)).as("%s seated twice", e).isTrue();
            }
        }
        return all;
    }
}
