package poker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounded, insertion-ordered windows behind idempotence. */
class RecentIdsTest {

    @Test
    void theOldestIdFallsOutAndARepeatedIdBecomesTheNewest() {
        RecentIds ids = RecentIds.copyOf(List.of("a", "b", "c"));
        assertThat(ids.plus("d", 3)).containsExactly("b", "c", "d");
        assertThat(ids.plus("a", 3)).containsExactly("b", "c", "a");
        assertThat(ids).containsExactly("a", "b", "c");
    }

    @Test
    void aWindowLoadedLargerThanItsCapacityIsCutAtTheNextId() {
        RecentIds old = RecentIds.copyOf(List.of("a", "b", "c", "d", "e"));
        assertThat(old).hasSize(5).contains("a");
        assertThat(old.plus("f", 2)).containsExactly("e", "f");
    }

    @Test
    void windowsCannotBeChangedInPlace() {
        RecentIds ids = RecentIds.copyOf(List.of("a"));
        assertThatThrownBy(() -> ids.add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.removeIf(id -> true)).isInstanceOf(UnsupportedOperationException.class);
        RecentMap<Integer> map = RecentMap.copyOf(Map.of("a", 1));
        assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRecentMapKeepsTheLatestEntriesInOrder() {
        Map<String, Integer> stored = new LinkedHashMap<>();
        stored.put("x", 1);
        stored.put("y", 2);
        RecentMap<Integer> map = RecentMap.copyOf(stored).plus("z", 3, 2);
        assertThat(map.keySet()).containsExactly("y", "z");
        assertThat(map.get("z")).isEqualTo(3);
        assertThat(map.get("x")).isNull();
        assertThat(RecentMap.copyOf(map)).isSameAs(map);
        assertThat(map).isEqualTo(Map.of("y", 2, "z", 3));
    }
}
