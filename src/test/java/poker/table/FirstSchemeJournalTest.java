package poker.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.DeckRevealed;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.HandSalted;
import poker.domain.table.TableState;
import poker.domain.table.view.CompletedHandView;
import poker.domain.table.view.CompletedHandView.FirstScheme;
import poker.domain.table.view.EventView;
import poker.domain.table.view.HiddenCards;
import poker.infra.Jackson;
import poker.support.EntityTestKit;

/**
 * Events are forever: a hand the first version stored (HandSalted, HandStarted without leaves,
 * DeckRevealed — {@code journal/first-scheme-hand.jsonl}, written by that version's serializer)
 * still reads, replays, shows its old {@code deckReveal} and verifies. A first-scheme hand still in
 * play when the new version starts ends without revealing its deck to anyone but reviewers.
 *
 * <p>The stored hand: alice (seat 1) AhAd, bob (2) KhKd, carl (3) folds 7c2s; board As 9c 4d 3h Js.
 */
class FirstSchemeJournalTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final String TABLE = "0b1d7e2a-5c4f-4a8e-9d3b-6f2e1c0a9b87";
    static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    static final String SALT = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
    static final List<String> CARLS = List.of("7c", "2s");

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    /** The stored journal, read with the table-event serializer (id 9001) the journal uses. */
    static List<TableEvent> storedJournal() throws IOException {
        Serialization serialization = SerializationExtension.get(TESTKIT.system());
        List<TableEvent> events = new ArrayList<>();
        try (InputStream in = FirstSchemeJournalTest.class.getResourceAsStream("/journal/first-scheme-hand.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    events.add((TableEvent) serialization.deserialize(line.getBytes(StandardCharsets.UTF_8), 9001, "")
                            .get());
                }
            }
        }
        return events;
    }

    private static List<HandEvent> handEvents(List<TableEvent> events) {
        return events.stream().filter(e -> e instanceof HandProgressed).map(e -> ((HandProgressed) e).event())
                .toList();
    }

    @Test
    void aStoredFirstSchemeHandReplaysShowsItsDeckRevealAndVerifies() throws Exception {
        List<TableEvent> journal = storedJournal();
        assertThat(journal).hasSize(37);
        assertThat(journal.get(4)).isEqualTo(new HandSalted(TABLE, 1, SALT));
        HandEvent.HandStarted started = (HandEvent.HandStarted) handEvents(journal).get(0);
        assertThat(started.leaves()).as("stored before leaves existed").isNull();
        DeckRevealed revealed = (DeckRevealed) journal.get(journal.size() - 1);
        assertThat(Deck.verify(revealed.commitment(), revealed.deck(), java.util.HexFormat.of().parseHex(SALT)))
                .isTrue();

        TableState state = TableState.replay(TABLE, journal);
        assertThat(state.hand()).isNull();
        assertThat(state.handsPlayed()).isEqualTo(1);
        assertThat(state.salt()).isNull();
        assertThat(state.participantOf(ALICE).orElseThrow().chips()).isEqualTo(1040);

        // the socket replays it as it was published then
        assertThat(EventView.of(journal.get(4), null, null)).containsEntry("type", "DeckSealed")
                .doesNotContainKey("salt");
        assertThat(EventView.of(revealed, null, null)).containsEntry("salt", SALT).containsKey("deck");

        CompletedHandView view = CompletedHandView.of(TABLE, Instant.EPOCH, Instant.EPOCH, handEvents(journal),
                new FirstScheme(SALT, true), null, false);
        assertThat(view.deckCommitment()).isNull();
        assertThat(view.deckReveal().verified()).isTrue();
        assertThat(view.deckReveal().commitment()).isEqualTo(revealed.commitment());
        assertThat(view.deckReveal().deck()).isEqualTo(revealed.deck().stream().map(Card::toString).toList());
        assertThat(new FirstScheme("00".repeat(32), true)).satisfies(forged -> assertThat(CompletedHandView.of(TABLE,
                Instant.EPOCH, Instant.EPOCH, handEvents(journal), forged, null, false).deckReveal().verified())
                .isFalse());
    }

    /**
     * The table entity recovers from the stored journal cut before alice's last check on the river:
     * a first-scheme hand in play. It ends with HandClosed (its deck stays sealed), and the next hand
     * is sealed per position.
     */
    @Test
    void aFirstSchemeHandInPlayAtTheUpgradeEndsWithoutRevealingItsDeck() throws Exception {
        List<TableEvent> journal = storedJournal();
        int lastCheck = journal.size() - 6; // alice's river check, then shown, shown, won, ended, revealed
        assertThat(journal.get(lastCheck)).isInstanceOf(HandProgressed.class);
        assertThat(((HandProgressed) journal.get(lastCheck)).event()).isEqualTo(new HandEvent.PlayerChecked(1, null));
        List<TableEvent> storedBefore = journal.subList(0, lastCheck);

        List<String> nextSalts = DeckCommitment.newSalts(new java.util.SplittableRandom(8));
        TableEntity.Dealer dealer = new TableEntity.Dealer() {
            @Override
            public List<Card> shuffle() {
                return Deck.shuffled(new java.util.SplittableRandom(9));
            }

            @Override
            public List<String> salts() {
                return nextSalts;
            }
        };
        Clock beforeTheDeadline = Clock.fixed(Instant.parse("2026-11-20T18:00:10Z"), ZoneOffset.UTC);
        var kit = EventSourcedBehaviorTestKit.<TableEntity.Command, TableEvent, TableState>create(TESTKIT.system(),
                TableEntity.create(TABLE, "table-0", new TableEntity.Environment(beforeTheDeadline, dealer,
                        Duration.ofMillis(50))));
        kit.initialize(storedBefore.toArray(new TableEvent[0]));
        TableState live = kit.<TableState>runCommand(TableEntity.GetState::new).reply();
        assertThat(live.handLive()).isTrue();
        assertThat(live.salt()).isEqualTo(SALT);
        assertThat(live.salts()).isNull();

        kit.<TableEntity.Reply>runCommand(r -> new TableEntity.Execute(
                new TableCommand.Act(ALICE, 1, ActionType.CHECK, 0), r));
        TestProbe<TableState> probe = TESTKIT.createTestProbe();
        probe.awaitAssert(Duration.ofSeconds(10), () -> {
            TableState s = kit.<TableState>runCommand(TableEntity.GetState::new).reply();
            assertThat(s.hand()).as("the next hand is dealt").isNotNull();
            assertThat(s.hand().handNumber()).isEqualTo(2);
            return s;
        });

        List<TableEvent> after = newEvents(storedBefore.size());
        assertThat(after).noneMatch(e -> e instanceof DeckRevealed);
        assertThat(after).contains(new TableEvent.HandClosed(TABLE, 1));
        assertThat(after).contains(new TableEvent.DeckSalted(TABLE, 2, nextSalts));
        HandEvent.HandStarted second = after.stream()
                .filter(e -> e instanceof HandProgressed p && p.event() instanceof HandEvent.HandStarted)
                .map(e -> (HandEvent.HandStarted) ((HandProgressed) e).event()).findFirst().orElseThrow();
        assertThat(second.leaves()).isEqualTo(DeckCommitment.of(second.deck(), nextSalts).leaves());

        // nothing of hand 1 after the upgrade shows carl's folded cards to a spectator or to bob
        List<TableEvent> endOfHandOne = after.subList(0, after.indexOf(new TableEvent.HandClosed(TABLE, 1)) + 1);
        TableState before = TableState.replay(TABLE, storedBefore);
        for (TableEvent e : endOfHandOne) {
            for (String viewer : new String[] {null, "b0b00000-0000-4000-8000-000000000002"}) {
                String json = Jackson.MAPPER.writeValueAsString(EventView.of(e, viewer, before));
                assertThat(HiddenCards.leaked(json, CARLS)).as(json).isEmpty();
            }
            before = before.apply(e);
        }
        List<TableEvent> handOne = new ArrayList<>(storedBefore);
        handOne.addAll(endOfHandOne);

        // its history: the deck only for a reviewer, and it verifies under the first scheme
        List<HandEvent> hand = handEvents(handOne);
        assertThat(hand.get(hand.size() - 1)).isInstanceOf(HandEvent.HandEnded.class);
        CompletedHandView spectator = CompletedHandView.of(TABLE, Instant.EPOCH, Instant.EPOCH, hand,
                new FirstScheme(SALT, false), null, false);
        assertThat(spectator.deckReveal()).isNull();
        assertThat(spectator.deckCommitment()).isNull();
        CompletedHandView review = CompletedHandView.of(TABLE, Instant.EPOCH, Instant.EPOCH, hand,
                new FirstScheme(SALT, false), "mod", true);
        assertThat(review.deckReveal().verified()).isTrue();
        assertThat(review.deckReveal().deck()).containsAll(CARLS);
    }

    private static List<TableEvent> newEvents(int from) {
        List<TableEvent> all = PersistenceTestKit.create(TESTKIT.system())
                .<TableEvent>persistedInStorage("Table|" + TABLE).stream().map(o -> (TableEvent) o).toList();
        return all.subList(from, all.size());
    }
}
