package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The header time as PokerStars writes it: the time, then Eastern Time in brackets (EST or EDT as the
 * date falls, labelled ET), hours without a leading zero.
 */
class HeaderTimeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-30T03:22:53Z | 2026/11/30 3:22:53 UTC [2026/11/29 22:22:53 ET]",   // EST, the day before
            "2026-07-04T12:05:09Z | 2026/07/04 12:05:09 UTC [2026/07/04 8:05:09 ET]",    // EDT
            "2026-01-01T05:00:00Z | 2026/01/01 5:00:00 UTC [2026/01/01 0:00:00 ET]",     // Eastern midnight
            "2026-03-08T06:59:59Z | 2026/03/08 6:59:59 UTC [2026/03/08 1:59:59 ET]",     // last second of EST
            "2026-03-08T07:00:00Z | 2026/03/08 7:00:00 UTC [2026/03/08 3:00:00 ET]",     // clocks go forward
            "2026-11-01T05:30:00Z | 2026/11/01 5:30:00 UTC [2026/11/01 1:30:00 ET]",     // 1:30 EDT
            "2026-11-01T06:30:00Z | 2026/11/01 6:30:00 UTC [2026/11/01 1:30:00 ET]"})    // 1:30 EST, an hour later
    void utcThenEasternTime(String instant, String header) {
        assertThat(PokerStarsHistory.time(Instant.parse(instant))).isEqualTo(header);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-30T03:22:53Z", "2026-07-04T12:05:09Z"})
    void theHeaderLineCarriesIt(String instant) {
        TestHand hand = Scenarios.wonByFoldsPreflop();
        HistoryContext ctx = new HistoryContext(1234, "Main", 6, Instant.parse(instant), hand.names());

        String text = PokerStarsHistory.format(ctx, hand.events(), null);

        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(
                "PokerStars Hand #1234:  Hold'em No Limit (5/10) - " + PokerStarsHistory.time(Instant.parse(instant)));
        assertThat(PokerStarsHistoryParser.parse(text).startedAt()).isEqualTo(Instant.parse(instant));
    }
}
