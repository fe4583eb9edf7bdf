package poker.domain.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardTest {

    @Test
    void everyCardPrintsAndParsesBackToItself() {
        Set<String> printed = new HashSet<>();
        for (int index = 0; index < 52; index++) {
            Card card = Card.of(index);
            String text = card.toString();
            assertThat(text).hasSize(2);
            assertThat(Card.parse(text)).isSameAs(card);
            assertThat(card.index()).isEqualTo(index);
            assertThat(Card.of(card.rank(), card.suit())).isSameAs(card);
            printed.add(text);
        }
        assertThat(printed).hasSize(52);
        assertThat(Card.all()).hasSize(52).doesNotHaveDuplicates();
    }

    @Test
    void indexIsRankTimesFourPlusSuit() {
        assertThat(Card.parse("2c").index()).isZero();
        assertThat(Card.parse("2s").index()).isEqualTo(3);
        assertThat(Card.parse("3c").index()).isEqualTo(4);
        assertThat(Card.parse("As").index()).isEqualTo(51);
        assertThat(Card.parse("Td")).isEqualTo(new Card(Rank.TEN, Suit.DIAMONDS));
    }

    @Test
    void parsingIgnoresCaseOfRankAndSuit() {
        assertThat(Card.parse("td")).isEqualTo(Card.parse("Td"));
        assertThat(Card.parse("AS")).isEqualTo(Card.parse("As"));
        assertThat(Card.parse("kH").toString()).isEqualTo("Kh");
    }

    @Test
    void parsesSeveralCards() {
        assertThat(Card.parseAll("AsKd 7c,2h")).extracting(Card::toString).containsExactly("As", "Kd", "7c", "2h");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "A", "Asd", "10s", "1s", "Ax", "sA", "  ", "A ", "Zz", "?c"})
    void rejectsAnythingButRankThenSuit(String text) {
        assertThatThrownBy(() -> Card.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsIndexesOutsideTheDeck() {
        assertThatThrownBy(() -> Card.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Card.of(52)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Card.parseAll("AsK")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonIsTheTwoCharacterForm() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(List.of(Card.parse("As"), Card.parse("Td")))).isEqualTo("[\"As\",\"Td\"]");
        assertThat(json.readValue("\"7c\"", Card.class)).isEqualTo(Card.parse("7c"));
    }
}
