package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import poker.domain.history.PokerStarsHistoryParser.MalformedHistory;

/** The parser is only worth something if it refuses broken histories: each edit below must fail it. */
class PokerStarsHistoryParserTest {

    private static final String SHOWDOWN = PokerStarsHistory.format(
            Scenarios.context(Scenarios.showdownWithMuck()), Scenarios.showdownWithMuck().events(), 3);
    private static final String SIDE_POT = PokerStarsHistory.format(
            Scenarios.context(Scenarios.allInWithSidePot()), Scenarios.allInWithSidePot().events(), null);

    static Stream<Arguments> brokenHistories() {
        return Stream.of(
                Arguments.of("one space after the hand number", SHOWDOWN.replace("#1234:  Hold'em", "#1234: Hold'em"),
                        "expected the header"),
                Arguments.of("no table line", SHOWDOWN.replace("Table 'Main' 6-max Seat #1 is the button\n", ""),
                        "expected the table line"),
                Arguments.of("no summary", SHOWDOWN.substring(0, SHOWDOWN.indexOf("*** SUMMARY ***")),
                        "ends early"),
                Arguments.of("no final line break", SHOWDOWN.substring(0, SHOWDOWN.length() - 1),
                        "must end with a line break"),
                Arguments.of("an unknown line", SHOWDOWN.replace("carol: checks\n*** FLOP",
                        "carol: checks\ncarol: says hello\n*** FLOP"),
                        "not an action"),
                Arguments.of("a player who is not seated", SHOWDOWN.replace("alice: calls 10", "zoe: calls 10"),
                        "does not start with a seated player"),
                Arguments.of("a raise that does not match the bet", SIDE_POT.replace("raises 400 to 700", "raises 300 to 700"),
                        "does not raise the bet of 300"),
                Arguments.of("an all-in that is not marked", SIDE_POT.replace("raises 200 to 300 and is all-in",
                        "raises 200 to 300"),
                        "not all-in"),
                Arguments.of("a call bigger than the bet", SHOWDOWN.replace("bob: calls 5", "bob: calls 15"),
                        "calls more than the bet"),
                Arguments.of("a check facing a bet", SHOWDOWN.replace("bob: calls 20", "bob: checks"),
                        "checks facing a bet"),
                Arguments.of("an action after folding", SHOWDOWN.replace("bob: calls 20", "bob: calls 20\nalice: checks"),
                        "acts after folding"),
                Arguments.of("a turn before the flop", SHOWDOWN.replace("*** FLOP *** [2c 7d Th]\n", ""),
                        "bets when there is a bet"),
                Arguments.of("a turn line with another board", SHOWDOWN.replace("*** TURN *** [2c 7d Th]",
                        "*** TURN *** [2c 7d 9h]"),
                        "the board so far differs"),
                Arguments.of("a card twice", SHOWDOWN.replace("[Js]", "[Th]"),
                        "appears twice"),
                Arguments.of("a collected amount that is not the pot", SHOWDOWN.replace("collected 150", "collected 140"),
                        "is not the total pot"),
                Arguments.of("summary winnings that differ", SHOWDOWN.replace("won (150)", "won (151)"),
                        "summary winnings differ"),
                Arguments.of("a summary board that differs", SHOWDOWN.replace("Board [2c 7d Th Js 5h]",
                        "Board [2c 7d Th Js 6h]"),
                        "summary board differs"),
                Arguments.of("a summary seat missing", SHOWDOWN.replace("Seat 1: alice (button) folded on the Flop\n", ""),
                        "expected the summary of seat 1"),
                Arguments.of("the button on another seat", SHOWDOWN.replace("Seat 1: alice (button)", "Seat 1: alice"),
                        "the button is seat 1"),
                Arguments.of("side pots in the total but not collected", SIDE_POT.replace("from side pot", "from pot")
                        .replace("from main pot", "from pot"),
                        "side pots in the collected lines"),
                Arguments.of("pots that do not add up", SIDE_POT.replace("Side pot 800.", "Side pot 700."),
                        "do not add up"),
                Arguments.of("a folded player winning", SHOWDOWN.replace("bob collected 150", "alice collected 150"),
                        "cannot win"),
                Arguments.of("shown cards differing in the summary", SHOWDOWN.replace("showed [Qs Qd]", "showed [Qs Qc]"),
                        "other cards than the showdown"),
                Arguments.of("text after the summary", SHOWDOWN + "extra\n",
                        "text after the summary"),
                Arguments.of("no Eastern Time", SHOWDOWN.replace(" [2026/11/27 5:00:00 ET]", ""),
                        "expected the header"),
                Arguments.of("a zero-padded hour", SHOWDOWN.replace("[2026/11/27 5:00:00 ET]", "[2026/11/27 05:00:00 ET]"),
                        "expected the header"),
                Arguments.of("Eastern Time off by the summer hour", SHOWDOWN.replace("5:00:00 ET", "6:00:00 ET"),
                        "not the UTC time in New York"),
                Arguments.of("rank words that PokerStars does not use", SHOWDOWN.replace("a pair of Queens)",
                        "a pair of Twos)"),
                        "expected shows or mucks"),
                Arguments.of("summary rank words that PokerStars does not use", SHOWDOWN.replace(
                        "with a pair of Queens", "with a pair of Queen"),
                        "expected the summary of seat 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenHistories")
    void refuses(String what, String text, String why) {
        assertThat(text).as("the edit changed something").isNotEqualTo(SHOWDOWN).isNotEqualTo(SIDE_POT);
        assertThatThrownBy(() -> PokerStarsHistoryParser.parse(text)).isInstanceOf(MalformedHistory.class)
                .hasMessageContaining(why);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void accepts(String what, String text) {
        assertThat(PokerStarsHistoryParser.parse(text).totalPot()).isPositive();
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(Arguments.of("showdown", SHOWDOWN), Arguments.of("side pot", SIDE_POT));
    }
}
