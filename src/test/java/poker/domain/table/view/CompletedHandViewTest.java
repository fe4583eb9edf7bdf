package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.StackedDeck;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.view.CompletedHandView.PerPosition;

/** A completed hand for each reader: shown cards public, own cards private, a muck stays a muck. */
class CompletedHandViewTest {

    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    static final List<String> SALTS = DeckCommitment.newSalts(new java.util.SplittableRandom(21));

    /** Button alice (1), blinds bob (2) and carol (3); dealt 2, 3, 1. */
    static final List<Card> DECK = StackedDeck.deck(List.of(2, 3, 1),
            Map.of(1, "9c8d", 2, "QsQd", 3, "Ac7h"), "2c7dThJs5h");

    /** Bob shows queens and wins; Carol mucks Ac7h; Alice folds 9c8d on the flop. */
    private static final List<HandEvent> HAND = play();

    private static List<HandEvent> play() {
        TablePlay play = new TablePlay();
        play.seat("alice", 1, 500).seat("bob", 2, 500).seat("carol", 3, 500);
        play.start(DECK, SALTS);
        play.act("alice", CALL, 0);
        play.act("bob", CALL, 0);
        play.act("carol", CHECK, 0);
        play.act("bob", CHECK, 0);
        play.act("carol", BET, 20);
        play.act("alice", FOLD, 0);
        play.act("bob", CALL, 0);
        play.act("bob", CHECK, 0);
        play.act("carol", CHECK, 0);
        play.act("bob", BET, 40);
        play.act("carol", CALL, 0);
        assertThat(play.state.hand()).as("the hand is over").isNull();
        List<HandEvent> events = new ArrayList<>();
        play.steps.forEach(s -> {
            if (s.event() instanceof HandProgressed p) {
                events.add(p.event());
            }
        });
        return events;
    }

    private static CompletedHandView view(String viewer) {
        return CompletedHandView.of("t1", START, START.plusSeconds(30), HAND, new PerPosition(SALTS), viewer, false);
    }

    @SuppressWarnings("unchecked")
    private static List<String> dealtTo(CompletedHandView view, int seat) {
        for (Map<String, Object> action : view.actions()) {
            if (action.get("type").equals("HoleCardsDealt") && action.get("seat").equals(seat)) {
                assertThat(action).containsKey("cards");
                return (List<String>) action.get("cards");
            }
        }
        throw new AssertionError("seat " + seat + " was not dealt in");
    }

    private static List<String> opened(CompletedHandView view) {
        return view.deckCommitment().openings().stream().map(o -> o.card().toString()).toList();
    }

    @Test
    void theMuckingPlayerSeesTheirOwnCardsAndNobodyElseDoes() {
        assertThat(HAND).anyMatch(e -> e instanceof HandEvent.HandMucked m && m.seat() == 3);
        CompletedHandView carol = view("carol");
        assertThat(carol.yourCards()).containsExactly("Ac", "7h");
        assertThat(dealtTo(carol, 3)).containsExactly("Ac", "7h");
        assertThat(dealtTo(carol, 1)).isNull();
        assertThat(opened(carol)).contains("Ac", "7h").doesNotContain("9c", "8d");

        for (String reader : new String[] {"alice", "bob", null}) {
            CompletedHandView other = view(reader);
            assertThat(dealtTo(other, 3)).as("reader %s", reader).isNull();
            assertThat(other.shown()).extracting(CompletedHandView.Shown::cards)
                    .noneMatch(cards -> cards.contains("Ac") || cards.contains("7h"));
            assertThat(opened(other)).as("reader %s", reader).doesNotContain("Ac", "7h");
            assertThat(HiddenCards.leaked(ViewJson.write(other), List.of("Ac", "7h"))).as("reader %s", reader)
                    .isEmpty();
        }
        assertThat(view(null).yourCards()).isNull();
        assertThat(view("bob").shown()).containsExactly(new CompletedHandView.Shown(2, List.of("Qs", "Qd")));
    }

    @Test
    void boardPotsWinnersAndTheOpeningsEachReaderMayCheck() {
        CompletedHandView view = view(null);
        assertThat(view.board()).containsExactly("2c", "7d", "Th", "Js", "5h");
        assertThat(view.pot()).isEqualTo(150);
        assertThat(view.winners()).containsExactly(new CompletedHandView.Winner("bob", 150));
        assertThat(view.pots()).hasSize(1);
        assertThat(view.pots().get(0).winners()).extracting(CompletedHandView.Share::seatNumber).containsExactly(2);
        assertThat(view.seats()).extracting(CompletedHandView.Seat::playerId).containsExactly("alice", "bob", "carol");
        assertThat(view.actions()).allSatisfy(a -> assertThat(a).doesNotContainKey("deck"));
        assertThat(view.actions().get(0)).containsEntry("type", "HandStarted").containsKey("commitment")
                .containsKey("leaves");

        assertThat(view.deckReveal()).as("no whole deck for a hand sealed per position").isNull();
        DeckCommitment published = DeckCommitment.of(DECK, SALTS);
        assertThat(view.deckCommitment().commitment()).isEqualTo(published.commitment());
        assertThat(view.deckCommitment().leaves()).isEqualTo(published.leaves());
        assertThat(view.deckCommitment().verified()).isTrue();
        // a spectator: the board (positions 7, 8, 9, 11, 13) and bob's shown queens (0 and 3)
        assertThat(view.deckCommitment().openings()).extracting(Opening::position)
                .containsExactly(0, 3, 7, 8, 9, 11, 13);
        assertThat(opened(view)).containsExactly("Qs", "Qd", "2c", "7d", "Th", "Js", "5h");
        assertThat(opened(view("alice"))).containsExactly("Qs", "9c", "Qd", "8d", "2c", "7d", "Th", "Js", "5h");
    }

    @Test
    void aModeratorReviewingTheEndedHandOpensTheWholeDeck() {
        CompletedHandView review = CompletedHandView.of("t1", START, START, HAND, new PerPosition(SALTS), "mod", true);
        assertThat(review.deckCommitment().openings()).hasSize(52)
                .extracting(Opening::position).containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 52).boxed().toList());
        assertThat(opened(review)).containsAll(List.of("9c", "8d", "Ac", "7h")).hasSize(52);
        assertThat(review.deckCommitment().verified()).isTrue();
        assertThat(review.yourCards()).isNull();
        assertThat(dealtTo(review, 3)).as("the actions stay as a non-player sees them").isNull();
    }

    @Test
    void aSaltThatDoesNotMatchItsLeafIsNotVerified() {
        List<String> forged = new ArrayList<>(SALTS);
        forged.set(7, "00".repeat(DeckCommitment.SALT_BYTES)); // the first flop card's salt
        CompletedHandView view = CompletedHandView.of("t1", START, START, HAND, new PerPosition(forged), null, false);
        assertThat(view.deckCommitment().verified()).isFalse();

        List<String> unseen = new ArrayList<>(SALTS);
        unseen.set(1, "00".repeat(DeckCommitment.SALT_BYTES)); // carol's first card: not opened to a spectator
        assertThat(CompletedHandView.of("t1", START, START, HAND, new PerPosition(unseen), null, false)
                .deckCommitment().verified()).as("only the openings given are checked").isTrue();
        assertThat(CompletedHandView.of("t1", START, START, HAND, new PerPosition(unseen), "mod", true)
                .deckCommitment().verified()).as("a reviewer checks them all").isFalse();
    }
}
