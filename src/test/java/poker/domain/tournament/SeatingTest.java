package poker.domain.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked cases of POKER_RULES.md "Tournaments" 2, 4 and 5: who moves, from where, to which seat; which table breaks. */
class SeatingTest {

    /**
     * A table from a compact description: {@code occupied} seat numbers ("1-4,6,8"), each seat's entry id
     * being the table id followed by the seat ("A6"); {@code button}/{@code bigBlind} 0 for "no hand yet".
     */
    static TableLayout table(String id, int seats, String occupied, int button, int bigBlind) {
        Map<Integer, String> seated = new HashMap<>();
        for (int seat : seatsOf(occupied)) {
            seated.put(seat, id + seat);
        }
        return new TableLayout(id, seats, seated, button == 0 ? null : button, bigBlind == 0 ? null : bigBlind);
    }

    static List<Integer> seatsOf(String spec) {
        List<Integer> seats = new ArrayList<>();
        if (spec.isBlank() || spec.equals("-")) {
            return seats;
        }
        for (String part : spec.split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 1 ? from : Integer.parseInt(range[1]);
            IntStream.rangeClosed(from, to).forEach(seats::add);
        }
        return seats;
    }

    @ParameterizedTest(name = "{0} entries at {1} seats need {2} tables")
    @CsvSource({"0,9,0", "1,9,1", "9,9,1", "10,9,2", "18,9,2", "19,9,3", "27,9,3", "28,9,4", "200,9,23",
            "7,6,2", "12,6,2", "2,2,1", "3,2,2"})
    void tablesFor(int entries, int seats, int tables) {
        assertThat(Seating.tablesFor(entries, seats)).isEqualTo(tables);
    }

    @ParameterizedTest(name = "{0} entries at {1} seats sit {2}")
    @CsvSource({"27,9,'9,9,9'", "20,9,'7,7,6'", "19,9,'7,6,6'", "10,9,'5,5'", "9,9,'9'", "13,6,'5,4,4'",
            "1,9,'1'", "0,9,''"})
    void initialSeatingSpreadsThePlayersEvenly(int entries, int seats, String sizes) {
        List<String> entryIds = IntStream.range(0, entries).mapToObj(i -> "e" + i).toList();
        List<String> tableIds = IntStream.range(0, Seating.tablesFor(entries, seats)).mapToObj(i -> "t" + i).toList();

        List<Placement> placements = Seating.initial(entryIds, tableIds, seats, new SplittableRandom(entries));

        Map<String, Long> perTable = placements.stream()
                .collect(Collectors.groupingBy(Placement::tableId, Collectors.counting()));
        String actual = tableIds.stream().map(t -> String.valueOf(perTable.getOrDefault(t, 0L)))
                .collect(Collectors.joining(","));
        assertThat(actual).isEqualTo(sizes);
        assertThat(placements).extracting(Placement::entryId).containsExactlyInAnyOrderElementsOf(entryIds);
        assertThat(placements.stream().map(p -> p.tableId() + "/" + p.seatNumber()).distinct().count())
                .isEqualTo(entries);
        assertThat(placements).allSatisfy(p -> assertThat(p.seatNumber()).isBetween(1, seats));
    }

    @Test
    void initialSeatingIsRandomButReproducibleFromTheGenerator() {
        List<String> entryIds = IntStream.range(0, 27).mapToObj(i -> "e" + i).toList();
        List<String> tableIds = List.of("t1", "t2", "t3");

        List<Placement> once = Seating.initial(entryIds, tableIds, 9, new SplittableRandom(7));
        List<Placement> again = Seating.initial(entryIds, tableIds, 9, new SplittableRandom(7));
        assertThat(once).isEqualTo(again);

        // over many draws, e0 lands at every table and in every seat of a 6-seat table
        Set<String> tablesOfE0 = new HashSet<>();
        Set<Integer> seatsOfE0 = new HashSet<>();
        for (int seed = 0; seed < 300; seed++) {
            Placement p = Seating.initial(List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7"),
                    List.of("t1", "t2"), 6, new SplittableRandom(seed)).stream()
                    .filter(x -> x.entryId().equals("e0")).findFirst().orElseThrow();
            tablesOfE0.add(p.tableId());
            seatsOfE0.add(p.seatNumber());
        }
        assertThat(tablesOfE0).containsExactlyInAnyOrder("t1", "t2");
        assertThat(seatsOfE0).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void initialSeatingRefusesTheWrongNumberOfTablesAndDuplicates() {
        List<String> entries = IntStream.range(0, 10).mapToObj(i -> "e" + i).toList();
        assertThatThrownBy(() -> Seating.initial(entries, List.of("t1"), 9, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Seating.initial(entries, List.of("t1", "t2", "t3"), 9, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Seating.initial(List.of("e1", "e1"), List.of("t1"), 9, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Balancing: each row is two or three 9-seat tables (occupied seats, last button, last big blind; 0 = no
     * hand yet) and the expected move, or "none".
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                                   | A occupied  |btn|bb| B occupied        |btn|bb| C occupied | btn| bb| expected move
            next big blind of A to the seat B's big blind reaches next | 1-9        | 3 | 5 | 1-4,6,8,9         | 1 | 3 |            | 0 | 0 | A6 A->B 5
            a free seat right after B's big blind: big blind at once   | 1-9        | 3 | 5 | 1-3,6-9           | 1 | 3 |            | 0 | 0 | A6 A->B 4
            B's big blind busted: its seat is the small blind, skipped | 1-9        | 3 | 5 | 1-4,7-9           | 2 | 5 |            | 0 | 0 | A6 A->B 6
            A's next big blind wraps past seat 9                       | 1-9        | 7 | 9 | 1-4,6,8,9         | 1 | 3 |            | 0 | 0 | A1 A->B 5
            A's next big blind skips empty seats                       | 2,4,6-9    | 7 | 9 | 1,2               | 1 | 2 |            | 0 | 0 | A2 A->B 3
            B's free seats wrap past seat 9, its small blind skipped   | 1-9        | 3 | 5 | 2-8               | 7 | 9 |            | 0 | 0 | A6 A->B 1
            only the small blind's seat comes sooner: the seat before it | 1-9      | 3 | 5 | 1-7               | 7 | 9 |            | 0 | 0 | A6 A->B 8
            within one: no move                                        | 1-9        | 3 | 5 | 1-8               | 1 | 3 |            | 0 | 0 | none
            equal: no move                                             | 1-7        | 3 | 5 | 1-7               | 1 | 3 |            | 0 | 0 | none
            ties for largest: the first in list order gives            | 1-9        | 3 | 5 | 1-9               | 1 | 3 | 1-7        | 5 | 7 | A6 A->C 8
            ties for shortest: the first in list order receives        | 1-7        | 3 | 5 | 1-9               | 1 | 3 | 1-7        | 5 | 7 | B4 B->A 8
            no hand yet: lowest occupied seat to lowest free seat      | 2-9        | 0 | 0 | 1,3,5,7,9         | 0 | 0 |            | 0 | 0 | A2 A->B 2
            short table with no hand yet takes its lowest free seat    | 1-9        | 3 | 5 | 1,3,5,7,9         | 0 | 0 |            | 0 | 0 | A6 A->B 2
            heads-up short table: the seat between big blind and button | 1-4       | 1 | 3 | 2,7               | 7 | 2 |            | 0 | 0 | A4 A->B 3
            """)
    void balance(String name, String a, int aButton, int aBig, String b, int bButton, int bBig,
                 String c, int cButton, int cBig, String expected) {
        List<TableLayout> tables = new ArrayList<>();
        tables.add(table("A", 9, a, aButton, aBig));
        tables.add(table("B", 9, b, bButton, bBig));
        if (c != null && !c.isBlank()) {
            tables.add(table("C", 9, c, cButton, cBig));
        }

        Optional<Move> move = Seating.balance(tables);

        assertThat(move.map(m -> m.entryId() + " " + m.fromTable() + "->" + m.toTable() + " " + m.toSeat())
                .orElse("none")).isEqualTo(expected);
    }

    @Test
    void aSingleTableIsNeverBalanced() {
        assertThat(Seating.balance(List.of(table("A", 9, "1-9", 1, 3)))).isEmpty();
        assertThat(Seating.balance(List.of())).isEmpty();
    }

    @Test
    void balancingMovesUntilTheTablesAreWithinOne() {
        // 9, 9, 5 players: two moves, each from the first largest table to the short table
        List<TableLayout> tables = List.of(table("A", 9, "1-9", 3, 5), table("B", 9, "1-9", 8, 1),
                table("C", 9, "1-3,5,7", 3, 5));

        Move first = Seating.balance(tables).orElseThrow();
        assertThat(first).isEqualTo(new Move("A6", "A", "C", 6));
        tables = apply(tables, first);
        Move second = Seating.balance(tables).orElseThrow();
        assertThat(second).as("B's next big blind to C's next free seat after its big blind")
                .isEqualTo(new Move("B2", "B", "C", 8));
        tables = apply(tables, second);
        assertThat(Seating.balance(tables)).isEmpty();
        assertThat(tables).extracting(TableLayout::players).containsExactly(8, 8, 7);
    }

    static List<TableLayout> apply(List<TableLayout> tables, Move move) {
        List<TableLayout> next = new ArrayList<>();
        for (TableLayout t : tables) {
            Map<Integer, String> seated = new HashMap<>(t.seated());
            if (t.tableId().equals(move.fromTable())) {
                seated.values().remove(move.entryId());
            }
            if (t.tableId().equals(move.toTable())) {
                assertThat(seated.put(move.toSeat(), move.entryId())).as("seat %s free", move.toSeat()).isNull();
            }
            next.add(new TableLayout(t.tableId(), t.seats(), seated, t.button(), t.bigBlind()));
        }
        return next;
    }

    /** Which table breaks: tables of {@code seats} seats with the given player counts. */
    @ParameterizedTest(name = "{0} seats, players {1}: break {2}")
    @CsvSource({
            "9, '6,6,6', 'T3|T1|T2'",   // 18 fit in two tables: any of the three, at random
            "9, '6,6,5', T3",           // 17 fit in two: the fewest
            "9, '6,5,5', 'T2|T3'",      // ties for the fewest: random among them
            "9, '7,7,5', none",         // 19 need three tables
            "9, '9,9,9', none",
            "9, '5,4', T2",             // 9 fit in one table
            "9, '4,4', 'T1|T2'",
            "9, '6,4', none",           // 10 need two
            "9, '9', none",             // the last table never breaks
            "6, '6,6,6,1', none",       // 19 need four 6-seat tables
            "6, '5,5,4,4', 'T3|T4'",    // 18 fit in three
            "9, '0,9', T1"})            // an emptied table
    void tableToBreak(int seats, String players, String expected) {
        List<TableLayout> tables = new ArrayList<>();
        String[] counts = players.split(",");
        for (int i = 0; i < counts.length; i++) {
            int n = Integer.parseInt(counts[i].trim());
            tables.add(table("T" + (i + 1), seats, n == 0 ? "-" : "1-" + n, 0, 0));
        }
        Set<String> allowed = Set.of(expected.split("\\|"));
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < 200; seed++) {
            seen.add(Seating.tableToBreak(tables, seats, new SplittableRandom(seed)).orElse("none"));
        }
        assertThat(seen).as("every tied table can be drawn, nothing else").isEqualTo(allowed);
    }

    @Test
    void reseatFillsTheSmallestTablesFirstAtRandomSeats() {
        // C (6) breaks; A and B have 6 each: its six players fill A and B to 9 and 9
        List<TableLayout> remaining = List.of(table("A", 9, "1-6", 1, 3), table("B", 9, "2,4,5,6,8,9", 1, 4));
        List<String> broken = List.of("C1", "C2", "C3", "C4", "C5", "C6");

        List<Placement> placements = Seating.reseat(broken, remaining, new SplittableRandom(3));

        assertThat(placements).extracting(Placement::entryId).containsExactlyInAnyOrderElementsOf(broken);
        assertThat(placements.stream().filter(p -> p.tableId().equals("A")).map(Placement::seatNumber))
                .containsExactlyInAnyOrder(7, 8, 9);
        assertThat(placements.stream().filter(p -> p.tableId().equals("B")).map(Placement::seatNumber))
                .containsExactlyInAnyOrder(1, 3, 7);
    }

    @Test
    void reseatKeepsTablesWithinOneAndDrawsAtRandom() {
        // A 7, B 6, C 6; D (2 players) breaks: the first goes to B or C, the second to the other one
        List<TableLayout> remaining = List.of(table("A", 9, "1-7", 1, 3), table("B", 9, "1-6", 1, 3),
                table("C", 9, "1-6", 1, 3));
        Set<String> tablesOfD1 = new HashSet<>();
        Map<String, Set<Integer>> seatsOf = new HashMap<>();
        for (int seed = 0; seed < 200; seed++) {
            List<Placement> placements = Seating.reseat(List.of("D1", "D2"), remaining, new Random(seed));
            assertThat(placements).extracting(Placement::tableId).containsExactlyInAnyOrder("B", "C");
            placements.forEach(p -> seatsOf.computeIfAbsent(p.entryId(), k -> new HashSet<>()).add(p.seatNumber()));
            tablesOfD1.add(placements.stream().filter(p -> p.entryId().equals("D1")).findFirst().orElseThrow().tableId());
        }
        assertThat(tablesOfD1).containsExactlyInAnyOrder("B", "C");
        assertThat(seatsOf.get("D1")).containsExactlyInAnyOrder(7, 8, 9);
    }

    @Test
    void reseatRefusesWhatDoesNotFit() {
        List<TableLayout> remaining = List.of(table("A", 9, "1-8", 1, 3));
        assertThatThrownBy(() -> Seating.reseat(List.of("x", "y"), remaining, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Seating.reseat(List.of("A1"), remaining, new SplittableRandom(1)))
                .as("already seated").isInstanceOf(IllegalArgumentException.class);
    }
}
