package poker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one reading of whole-number query parameters (limit, before, at, fromSeq) every route shares. */
class WholeNumberParameterTest {

    @Test
    void anAbsentParameterIsEmptyAndANumberInRangeIsRead() {
        assertThat(ApiDirectives.wholeNumber(Optional.empty(), "limit", 1, 100)).isEmpty();
        assertThat(ApiDirectives.wholeNumber(Optional.of("1"), "limit", 1, 100)).contains(1L);
        assertThat(ApiDirectives.wholeNumber(Optional.of("100"), "limit", 1, 100)).contains(100L);
        assertThat(ApiDirectives.wholeNumber(Optional.of("0"), "fromSeq", 0, Long.MAX_VALUE)).contains(0L);
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"", "0", "101", "-1", "ten", "2.5", " 5", "0x10", "99999999999999999999"})
    void anythingElseIsA400NamingTheParameterAndItsRange(String text) {
        assertThatThrownBy(() -> ApiDirectives.wholeNumber(Optional.of(text), "limit", 1, 100))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status().intValue()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("limit");
                    assertThat(e.getMessage()).isEqualTo("limit must be a whole number from 1 to 100.");
                });
    }

    @Test
    void anOpenRangeSaysItsLowerBound() {
        assertThatThrownBy(() -> ApiDirectives.wholeNumber(Optional.of("-1"), "fromSeq", 0, Long.MAX_VALUE))
                .hasMessage("fromSeq must be a whole number, 0 or more.");
    }
}
