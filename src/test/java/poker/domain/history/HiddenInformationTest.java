package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.HandStarted;
import poker.domain.holdem.HandEvent.HoleCardsDealt;

/**
 * Whoever reads a history sees the board, the cards shown at showdown and, if they played, their
 * own hole cards: nothing else, and never the deck.
 */
class HiddenInformationTest {

    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\]]*)\\]");
    /** The header's Eastern Time is the one bracket that holds no cards. */
    private static final Pattern EASTERN_TIME = Pattern.compile("\\d{4}/\\d{2}/\\d{2} \\d{1,2}:\\d{2}:\\d{2} ET");

    static Stream<Arguments> scenariosAndViewers() {
        List<Supplier<TestHand>> scenarios = List.of(Scenarios::wonByFoldsPreflop, Scenarios::showdownWithMuck,
                Scenarios::allInWithSidePot, Scenarios::splitPot);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            TestHand hand = scenarios.get(i).get();
            String name = List.of("won by folds", "showdown with a muck", "side pot", "split pot").get(i);
            cases.add(Arguments.of(name, hand, null));
            for (HandEvent.SeatStack seat : hand.state().stacks()) {
                cases.add(Arguments.of(name, hand, seat.seat()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, viewer seat {2}")
    @MethodSource("scenariosAndViewers")
    void onlyTheBoardShownCardsAndTheViewersOwnCardsAppear(String scenario, TestHand hand, Integer viewer) {
        String text = PokerStarsHistory.format(Scenarios.context(hand), hand.events(), viewer);
        assertOnlyVisibleCards(text, hand.events(), viewer);
    }

    /** Every card in the text, and the hole cards the viewer may not see are absent. */
    static void assertOnlyVisibleCards(String text, List<HandEvent> events, Integer viewer) {
        Set<Card> visible = new HashSet<>(HistoryEvents.board(events));
        events.stream().filter(CardsShown.class::isInstance).map(CardsShown.class::cast)
                .forEach(e -> visible.addAll(e.cards()));
        List<Card> own = events.stream().filter(HoleCardsDealt.class::isInstance).map(HoleCardsDealt.class::cast)
                .filter(e -> viewer != null && e.seat() == viewer).flatMap(e -> e.cards().stream()).toList();
        visible.addAll(own);

        Set<Card> printed = cardsIn(text);
        assertThat(printed).as("cards in the text").isEqualTo(visible);
        if (!own.isEmpty()) {
            assertThat(text).containsOnlyOnce("Dealt to ").contains("[" + own.get(0) + " " + own.get(1) + "]\n");
        } else {
            assertThat(text).doesNotContain("Dealt to");
        }

        Set<Card> hidden = new HashSet<>();
        events.stream().filter(HoleCardsDealt.class::isInstance).map(HoleCardsDealt.class::cast)
                .forEach(e -> hidden.addAll(e.cards()));
        hidden.removeAll(visible);
        for (Card c : hidden) {
            assertThat(text).as("hidden hole card %s", c)
                    .doesNotContainPattern("(?<![A-Za-z0-9])" + c + "(?![A-Za-z0-9])");
        }

        HandStarted started = (HandStarted) events.get(0);
        String deck = started.deck().stream().map(Card::toString).reduce((a, b) -> a + " " + b).orElseThrow();
        assertThat(text).doesNotContain(deck).doesNotContain(started.deck().toString());
        assertThat(printed.size()).isLessThan(52);
    }

    static Set<Card> cardsIn(String text) {
        Set<Card> cards = new HashSet<>();
        Matcher m = BRACKETS.matcher(text);
        while (m.find()) {
            if (EASTERN_TIME.matcher(m.group(1)).matches()) {
                continue;
            }
            cards.addAll(Card.parseAll(m.group(1)));
        }
        return cards;
    }
}
