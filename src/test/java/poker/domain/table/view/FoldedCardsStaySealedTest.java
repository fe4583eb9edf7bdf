package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.StackedDeck;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.view.CompletedHandView.PerPosition;

/**
 * Carl folds 7c 2s preflop; Alice and Bob check it down. During the hand and after it, Bob and a
 * spectator never get Carl's cards nor the salts of their positions (1 and 4) — from any event,
 * table view, snapshot deck or the completed hand. Carl sees and can verify his own cards; a
 * moderator can, once the hand has ended.
 */
class FoldedCardsStaySealedTest {

    static final List<String> SALTS = DeckCommitment.newSalts(new java.util.SplittableRandom(76));
    /** Button alice (1): dealt bob, carl, alice, bob, carl, alice. */
    static final List<Card> DECK = StackedDeck.deck(List.of(2, 3, 1),
            Map.of(1, "AhAd", 2, "KhKd", 3, "7c2s"), "As9c4d3hJs");
    static final List<String> CARLS = List.of("7c", "2s");
    static final List<String> CARLS_SALTS = List.of(SALTS.get(1), SALTS.get(4));

    private final TablePlay play = new TablePlay();
    private final DeckCommitment published = DeckCommitment.of(DECK, SALTS);

    private List<HandEvent> playTheHand() {
        play.seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        play.start(DECK, SALTS);
        play.act("alice", ActionType.RAISE, 30);
        play.act("bob", ActionType.CALL, 0);
        play.act("carl", ActionType.FOLD, 0);
        for (int street = 0; street < 3; street++) {
            play.act("bob", ActionType.CHECK, 0);
            play.act("alice", ActionType.CHECK, 0);
        }
        assertThat(play.state.hand()).as("the hand has ended").isNull();
        List<HandEvent> hand = new ArrayList<>();
        play.steps.forEach(s -> {
            if (s.event() instanceof HandProgressed p) {
                hand.add(p.event());
            }
        });
        return hand;
    }

    /** Everything a viewer got over the socket (frames and snapshots at any moment) and from /hands/1. */
    private String everythingSeenBy(String viewer, List<HandEvent> hand, boolean reviewer) {
        StringBuilder seen = new StringBuilder();
        for (TablePlay.Step step : play.steps) {
            seen.append(ViewJson.write(EventView.of(step.event(), viewer, step.before())));
            if (step.after().created()) {
                seen.append(ViewJson.write(TableView.of(step.after(), viewer)));
            }
            seen.append(ViewJson.write(DeckView.of(step.after(), viewer)));
        }
        seen.append(ViewJson.write(CompletedHandView.of(TablePlay.TABLE, TablePlay.NOW, TablePlay.NOW, hand,
                new PerPosition(SALTS), viewer, reviewer)));
        return seen.toString();
    }

    @Test
    void theOtherPlayerAndASpectatorNeverGetTheFoldersCards() {
        List<HandEvent> hand = playTheHand();
        for (String viewer : new String[] {"bob", null}) {
            String seen = everythingSeenBy(viewer, hand, false);
            assertThat(HiddenCards.leaked(seen, CARLS)).as("viewer %s", viewer).isEmpty();
            CARLS_SALTS.forEach(salt -> assertThat(seen).as("viewer %s", viewer).doesNotContain(salt));
        }
    }

    @Test
    void aModeratorSeesNothingLiveAndEverythingOnceTheHandEnded() {
        List<HandEvent> hand = playTheHand();
        StringBuilder live = new StringBuilder();
        for (TablePlay.Step step : play.steps) {
            live.append(ViewJson.write(EventView.of(step.event(), "mod", step.before())));
            if (step.after().created()) {
                live.append(ViewJson.write(TableView.of(step.after(), "mod")));
            }
            live.append(ViewJson.write(DeckView.of(step.after(), "mod")));
        }
        assertThat(HiddenCards.leaked(live.toString(), CARLS)).isEmpty();

        CompletedHandView review = CompletedHandView.of(TablePlay.TABLE, TablePlay.NOW, TablePlay.NOW, hand,
                new PerPosition(SALTS), "mod", true);
        assertThat(review.deckCommitment().openings())
                .contains(new Opening(1, Card.parse("7c"), SALTS.get(1)), new Opening(4, Card.parse("2s"), SALTS.get(4)));
        assertThat(review.deckCommitment().verified()).isTrue();
    }

    @Test
    void theFolderSeesAndVerifiesHisOwnCardsDuringAndAfterTheHand() {
        List<HandEvent> hand = playTheHand();
        TablePlay.Step dealtToCarl = play.steps.stream()
                .filter(s -> s.event() instanceof HandProgressed p && p.event() instanceof HandEvent.HoleCardsDealt d
                        && d.seat() == 3)
                .findFirst().orElseThrow();
        Map<String, Object> event = EventView.of(dealtToCarl.event(), "carl", dealtToCarl.before());
        assertThat(event.get("cards")).isEqualTo(CARLS);
        assertThat(event.get("openings")).isEqualTo(List.of(
                Map.of("position", 1, "card", "7c", "salt", SALTS.get(1)),
                Map.of("position", 4, "card", "2s", "salt", SALTS.get(4))));

        TablePlay.Step afterFold = play.steps.stream()
                .filter(s -> s.event() instanceof HandProgressed p && p.event() instanceof HandEvent.PlayerFolded)
                .findFirst().orElseThrow();
        DeckView snapshot = DeckView.of(afterFold.after(), "carl");
        assertThat(snapshot.openings()).extracting(Opening::position).containsExactly(1, 4);
        assertThat(published.verifies(snapshot.openings())).isTrue();
        assertThat(snapshot.verified()).isTrue();

        CompletedHandView after = CompletedHandView.of(TablePlay.TABLE, TablePlay.NOW, TablePlay.NOW, hand,
                new PerPosition(SALTS), "carl", false);
        assertThat(after.yourCards()).isEqualTo(CARLS);
        assertThat(after.deckCommitment().openings()).extracting(o -> o.card().toString()).containsAll(CARLS);
        assertThat(after.deckCommitment().verified()).isTrue();
    }
}
