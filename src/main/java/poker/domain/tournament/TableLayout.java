package poker.domain.tournament;

import java.util.Map;
import java.util.TreeMap;

/**
 * One tournament table between hands, as the seating rules see it: its seats, who sits where
 * ({@code seated}: seat number → entry id), and the button and big blind of its last hand (null before
 * the first hand). Seats go clockwise in increasing seat number.
 */
public record TableLayout(String tableId, int seats, Map<Integer, String> seated, Integer button, Integer bigBlind) {

    public TableLayout {
        seated = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(seated));
    }

    public int players() {
        return seated.size();
    }
}
