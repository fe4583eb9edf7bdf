package poker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HandState;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.SeatSetup;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;
import poker.domain.table.view.CompletedHandView;

/**
 * A log line prints a record through {@code toString}: the deck order, the salts and hole cards must
 * not be in it (ARCHITECTURE.md, "Hidden information": no log line shows them while a hand is live).
 */
class SecretsStayOutOfToStringTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final List<Card> DECK = Deck.shuffled(new SplittableRandom(11));
    static final List<String> SALTS = DeckCommitment.newSalts(new SplittableRandom(12));

    /** The deck order as a string of the first dozen cards, in any of the forms a printed list takes. */
    private static void holdsNoSecret(Object printed) {
        String text = String.valueOf(printed);
        assertThat(text).as("the deck order").doesNotContain(DECK.subList(0, 6).toString())
                .doesNotContain(DECK.subList(10, 16).toString().replace("[", "").replace("]", ""));
        for (String salt : SALTS) {
            assertThat(text).as("a salt").doesNotContain(salt);
        }
    }

    private static TableState tableWithAHandInPlay() {
        String id = "t-secret";
        TableState state = TableState.replay(id, List.of(
                new TableEvent.TableCreated(id, new TableSettings("S", 5, 10, 6, 100, 2000, 20), "c", NOW),
                new TableEvent.ParticipantJoined("p-a", "a", id, 1000, 1, false),
                new TableEvent.ParticipantJoined("p-b", "b", id, 1000, 2, false)));
        for (TableEvent e : TableDecider.startHand(state, DECK, SALTS, NOW).eventsOrThrow()) {
            state = state.apply(e);
        }
        return state;
    }

    @Test
    void aTableWithAHandInPlayPrintsNeitherDeckNorSaltsNorHoleCards() {
        TableState table = tableWithAHandInPlay();
        assertThat(table.hand().deck()).isEqualTo(DECK);

        holdsNoSecret(table);
        holdsNoSecret(table.hand());
        for (var seat : table.hand().seats()) {
            assertThat(table.toString()).doesNotContain(seat.holeCards().toString());
            assertThat(seat.toString()).doesNotContain(seat.holeCards().toString());
        }
        assertThat(table.toString()).contains("t-secret");
    }

    @Test
    void theHandsSetupAndStartPrintNoDeck() {
        HandSetup setup = HandSetup.cash(1, List.of(SeatSetup.of(1, "a", 1000), SeatSetup.of(2, "b", 1000)), 1, 5, 10,
                DECK, "c0ffee");
        HandEvent.HandStarted started = (HandEvent.HandStarted) HoldemEngine.start(setup).get(0);

        holdsNoSecret(setup);
        holdsNoSecret(started);
        holdsNoSecret(new TableEvent.HandProgressed("t", started));
        holdsNoSecret(HandState.started(started));
        assertThat(started.toString()).contains("c0ffee");
    }

    @Test
    void dealtHoleCardsAndFirstSchemeSaltsPrintNoSecret() {
        HandEvent.HoleCardsDealt dealt = new HandEvent.HoleCardsDealt(3, DECK.subList(0, 2));
        assertThat(dealt.toString()).doesNotContain(DECK.get(0).toString() + ", " + DECK.get(1));
        TableEvent.HandSalted salted = new TableEvent.HandSalted("t", 1, SALTS.get(0));
        holdsNoSecret(salted);
        holdsNoSecret(new TableEvent.DeckSalted("t", 1, SALTS));
        holdsNoSecret(new TableEvent.DeckRevealed("t", 1, DECK, SALTS.get(0), "c"));
        holdsNoSecret(new CompletedHandView.PerPosition(SALTS));
        holdsNoSecret(new CompletedHandView.FirstScheme(SALTS.get(0), true));
    }
}
