package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** What PostgreSQL refuses becomes U+FFFD; everything else is written as it came. */
class StorableTextTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aNulBecomesTheReplacementCharacter() {
        assertThat(StorableText.of("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(StorableText.of("\u0000")).isEqualTo("\uFFFD");
    }

    @Test
    void unpairedSurrogatesBecomeTheReplacementCharacterAndPairsStay() {
        assertThat(StorableText.of("x\uD800y\uDC00")).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(StorableText.of("🂡 a\u0000")).isEqualTo("🂡 a\uFFFD");
    }

    @Test
    void ordinaryTextIsTheSameString() {
        String text = "Main table \t Café";
        assertThat(StorableText.of(text)).isSameAs(text);
        assertThat(StorableText.of(null)).isNull();
    }

    @Test
    void jsonLosesTheNulEscapeThatJsonbRefusesAndKeepsItsMeaningOtherwise() throws Exception {
        Map<String, Object> value = Map.of("name", "a\u0000b", "path", "c:\\u0000", "list", List.of("\u0000"));
        String json = StorableText.json(MAPPER.writeValueAsString(value));
        assertThat(json).contains("a\\ufffdb").contains("c:\\\\u0000");
        assertThat(MAPPER.readValue(json, Map.class)).isEqualTo(
                Map.of("name", "a\uFFFDb", "path", "c:\\u0000", "list", List.of("\uFFFD")));
    }

    @Property(tries = 500)
    void theResultHasNoNulNoLoneSurrogateAndTheSameLength(@ForAll String text) {
        String stored = StorableText.of(text);
        assertThat(stored).hasSameSizeAs(text).doesNotContain("\u0000");
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(Character.isLowSurrogate(stored.charAt(++i))).isTrue();
            } else {
                assertThat(Character.isLowSurrogate(c)).isFalse();
            }
            if (text.charAt(i) != '\u0000' && !Character.isSurrogate(text.charAt(i))) {
                assertThat(c).isEqualTo(text.charAt(i));
            }
        }
    }

    @Property(tries = 300)
    void jsonOfAnyStringReadsBackAsTheStorableString(@ForAll String text) throws Exception {
        String json = StorableText.json(MAPPER.writeValueAsString(List.of(text, Map.of(text, text))));
        String stored = StorableText.of(text);
        assertThat(MAPPER.readValue(json, List.class)).isEqualTo(List.of(stored, Map.of(stored, stored)));
    }
}
