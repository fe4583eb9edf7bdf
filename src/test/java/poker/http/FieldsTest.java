package poker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text field refuses control characters and unpaired surrogates, naming the field; other text passes. */
class FieldsTest {

    static Fields body(String field, String value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(field, value);
        return new Fields(node);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void aControlCharacterIsRefusedWithTheFieldNamed(int code) {
        assertThatThrownBy(() -> body("name", "a" + (char) code + "b").requireString("name", 1, 64))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status().intValue()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_field");
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains(String.format("U+%04X", code)).contains("position 2");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00", "\uDBFFx", "\uDC00\uD800"})
    void anUnpairedSurrogateIsRefused(String text) {
        assertThatThrownBy(() -> body("reference", text).optionalString("reference", 0, 100))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.field()).isEqualTo("reference");
                    assertThat(e.getMessage()).contains("unpaired surrogate");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Main table", "Café ☕", "Ünïcödé 🂡🂱", "日本語", "\u00A0non-breaking", "\uFFFD",
            "a\"b\\c"})
    void printableTextPasses(String text) {
        assertThat(body("displayName", text).requireString("displayName", 1, 64)).isEqualTo(text);
    }

    @Property(tries = 300)
    void textWithAControlCharacterAnywhereIsRefused(@ForAll @StringLength(max = 30) @CharRange(from = ' ', to = '~')
                                                    String printable,
                                                    @ForAll("controls") char control,
                                                    @ForAll int where) {
        int at = Math.floorMod(where, printable.length() + 1);
        String text = printable.substring(0, at) + control + printable.substring(at);
        assertThatThrownBy(() -> body("password", text).requireString("password", 0, 1024))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Property(tries = 300)
    void textOfValidCodePointsWithoutControlsPasses(@ForAll("plainText") String text) {
        assertThat(body("username", text).requireString("username", 0, 1024)).isEqualTo(text);
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001F'),
                Arbitraries.just('\u007F'),
                Arbitraries.chars().range('\u0080', '\u009F'));
    }

    @Provide
    Arbitrary<String> plainText() {
        Arbitrary<Integer> codePoint = Arbitraries.integers().between(0x20, 0x10FFFF)
                .filter(cp -> !(cp >= 0x7F && cp <= 0x9F) && !(cp >= 0xD800 && cp <= 0xDFFF));
        return codePoint.list().ofMaxSize(20).map(cps -> {
            StringBuilder sb = new StringBuilder();
            cps.forEach(sb::appendCodePoint);
            return sb.toString();
        });
    }
}
