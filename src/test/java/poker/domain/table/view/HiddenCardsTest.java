package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HiddenCardsTest {

    @Test
    void findsCardsWrittenAsJsonStringsOnly() {
        String json = "{\"cards\":[\"As\",\"Kd\"],\"name\":\"Asia\",\"note\":\"7c\",\"hash\":\"ab7cAs\"}";
        assertThat(HiddenCards.leaked(json, List.of("As", "Kd", "7c", "2h"))).containsExactly("As", "Kd", "7c");
        assertThat(HiddenCards.leaks(json, Set.of("2h", "Td"))).isFalse();
        assertThat(HiddenCards.leaks("{\"cards\":null}", Set.of("As"))).isFalse();
        assertThat(HiddenCards.leaks(null, Set.of("As"))).isFalse();
    }
}
