package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.DeckRevealed;
import poker.domain.table.TableEvent.DeckSalted;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.HandSalted;
import poker.domain.table.TableState;

/** Each journal event as one viewer may see it, and the default deny for what nobody listed. */
class EventViewTest {

    private final TablePlay play = new TablePlay();

    private TablePlay.Step first(Class<?> type) {
        return play.steps.stream()
                .filter(s -> type.isInstance(s.event())
                        || s.event() instanceof HandProgressed p && type.isInstance(p.event()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }

    private static Map<String, Object> view(TablePlay.Step step, String viewer) {
        return EventView.of(step.event(), viewer, step.before());
    }

    private void playShowdown() {
        play.seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        play.start(TableViewTest.DECK, TableViewTest.SALTS);
        play.act("alice", ActionType.CALL, 0);
        play.act("bob", ActionType.CALL, 0);
        play.act("carl", ActionType.CHECK, 0);
        for (int street = 0; street < 3; street++) {
            play.act("bob", ActionType.CHECK, 0);
            play.act("carl", ActionType.CHECK, 0);
            play.act("alice", ActionType.CHECK, 0);
        }
    }

    @Test
    void theSaltsAreSealedNotSent() {
        playShowdown();
        TablePlay.Step salted = first(DeckSalted.class);
        for (String viewer : new String[] {null, "alice"}) {
            Map<String, Object> v = view(salted, viewer);
            assertThat(v).containsExactly(Map.entry("type", "DeckSealed"), Map.entry("tableId", TablePlay.TABLE),
                    Map.entry("handNumber", 1L));
            String json = ViewJson.write(v);
            TableViewTest.SALTS.forEach(salt -> assertThat(json).doesNotContain(salt));
        }
        assertThat(salted.event().toString()).as("not in a log line either")
                .doesNotContain(TableViewTest.SALTS.get(0));
    }

    @Test
    void aFirstSchemeSaltIsSealedToo() {
        Map<String, Object> v = EventView.of(new HandSalted("t", 4, "ab".repeat(32)), "alice", null);
        assertThat(v).containsExactly(Map.entry("type", "DeckSealed"), Map.entry("tableId", "t"),
                Map.entry("handNumber", 4L));
    }

    @Test
    void handStartedKeepsEverythingButTheDeckAndPublishesTheLeaves() {
        playShowdown();
        Map<String, Object> v = view(first(HandEvent.HandStarted.class), "alice");
        assertThat(v.keySet()).containsExactly("type", "tableId", "handNumber", "button", "smallBlindSeat",
                "bigBlindSeat", "smallBlind", "bigBlind", "ante", "seats", "commitment", "leaves", "notDealtIn");
        assertThat(v).containsEntry("type", "HandStarted").containsEntry("handNumber", 1L)
                .containsEntry("button", 1).containsEntry("smallBlindSeat", 2).containsEntry("bigBlindSeat", 3)
                .containsEntry("commitment", TableViewTest.COMMITMENT)
                .containsEntry("leaves", DeckCommitment.of(TableViewTest.DECK, TableViewTest.SALTS).leaves());
        assertThat(v.get("seats")).isEqualTo(List.of(
                Map.of("seat", 1, "playerId", "alice", "stack", 1000L, "sittingOut", false),
                Map.of("seat", 2, "playerId", "bob", "stack", 1000L, "sittingOut", false),
                Map.of("seat", 3, "playerId", "carl", "stack", 1000L, "sittingOut", false)));
        assertThat(HiddenCards.leaked(ViewJson.write(v), Card.all().stream().map(Card::toString).toList()))
                .isEmpty();
    }

    @Test
    void holeCardsGoOnlyToTheirOwner() {
        playShowdown();
        List<TablePlay.Step> dealt = play.steps.stream()
                .filter(s -> s.event() instanceof HandProgressed p && p.event() instanceof HandEvent.HoleCardsDealt)
                .toList();
        assertThat(dealt).hasSize(3);
        TablePlay.Step alices = dealt.stream()
                .filter(s -> ((HandEvent.HoleCardsDealt) ((HandProgressed) s.event()).event()).seat() == 1)
                .findFirst().orElseThrow();
        // dealt one at a time from the left of the button (seat 1): bob 0, carl 1, alice 2, bob 3, carl 4, alice 5
        assertThat(view(alices, "alice")).containsExactly(Map.entry("type", "HoleCardsDealt"),
                Map.entry("tableId", TablePlay.TABLE), Map.entry("seat", 1), Map.entry("cards", List.of("As", "Ad")),
                Map.entry("openings", List.of(opening(2, "As"), opening(5, "Ad"))));
        for (String other : new String[] {null, "bob", "carl", "stranger"}) {
            Map<String, Object> v = view(alices, other);
            assertThat(v.keySet()).containsExactly("type", "tableId", "seat", "cards", "openings");
            assertThat(v.get("cards")).as("seen by %s", other).isNull();
            assertThat(v.get("openings")).as("seen by %s", other).isNull();
        }
        assertThat(EventView.of(alices.event(), "alice", null).get("cards")).as("owner unknown: denied").isNull();
    }

    @Test
    void publicFactsPassAsTheyAre() {
        playShowdown();
        // six hole cards at positions 0..5, then burn 6, flop 7-9, burn 10, turn 11, burn 12, river 13
        assertThat(view(first(HandEvent.FlopDealt.class), null))
                .containsEntry("type", "FlopDealt").containsEntry("cards", List.of("3h", "8s", "9d"))
                .containsEntry("openings", List.of(opening(7, "3h"), opening(8, "8s"), opening(9, "9d")));
        assertThat(view(first(HandEvent.TurnDealt.class), null)).containsEntry("card", "Jc")
                .containsEntry("openings", List.of(opening(11, "Jc")));
        assertThat(view(first(HandEvent.RiverDealt.class), null)).containsEntry("card", "4s")
                .containsEntry("openings", List.of(opening(13, "4s")));
        assertThat(view(first(HandEvent.CardsShown.class), "carl"))
                .containsEntry("type", "CardsShown").containsEntry("seat", 2).containsEntry("cards", List.of("Ks", "Kd"))
                .containsEntry("openings", List.of(opening(0, "Ks"), opening(3, "Kd")));
        assertThat(view(first(HandEvent.BetPlaced.class), null)).containsExactly(Map.entry("type", "BetPlaced"),
                Map.entry("tableId", TablePlay.TABLE), Map.entry("seat", 1), Map.entry("action", "call"),
                Map.entry("added", 10L), Map.entry("totalBet", 10L), Map.entry("stackAfter", 990L),
                new java.util.AbstractMap.SimpleEntry<>("reason", null));
        assertThat(view(first(HandEvent.BlindPosted.class), null)).containsEntry("blind", "SMALL");
        assertThat(view(first(TableEvent.TurnClockStarted.class), null))
                .containsEntry("type", "TurnClockStarted").containsEntry("deadline", "2026-11-27T12:00:20Z");
        Map<String, Object> created = view(first(TableEvent.TableCreated.class), null);
        assertThat(created).containsEntry("createdAt", "2026-11-27T12:00:00Z");
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("name", "Views", "smallBlind", 5L, "bigBlind",
                10L, "maxSeats", 6, "minBuyIn", 10L, "maxBuyIn", 5000L, "actionSeconds", 20));
        settings.put("tournamentId", null); // a cash table
        assertThat(created.get("settings")).isEqualTo(settings);
        assertThat(view(first(HandEvent.HandEnded.class), null).get("stacks")).isEqualTo(List.of(
                Map.of("seat", 1, "stack", 1020L), Map.of("seat", 2, "stack", 990L), Map.of("seat", 3, "stack", 990L)));
    }

    @Test
    void theHandClosesWithoutRevealingAnything() {
        playShowdown();
        assertThat(play.steps).noneMatch(s -> s.event() instanceof DeckRevealed);
        assertThat(view(first(HandClosed.class), null)).containsExactly(Map.entry("type", "HandClosed"),
                Map.entry("tableId", TablePlay.TABLE), Map.entry("handNumber", 1L));
    }

    /** Old journals: the first scheme's reveal is what was published then, and still reads as it did. */
    @Test
    void aFirstSchemeDeckRevealedIsShownAsItWasPublished() {
        String salt = "ab".repeat(32);
        String commitment = Deck.commitment(TableViewTest.DECK, HexFormat.of().parseHex(salt));
        Map<String, Object> v = EventView.of(new DeckRevealed("t", 1, TableViewTest.DECK, salt, commitment), null,
                null);
        assertThat(v.keySet()).containsExactly("type", "tableId", "handNumber", "deck", "salt", "commitment");
        assertThat(v).containsEntry("salt", salt).containsEntry("commitment", commitment);
        assertThat(v.get("deck")).isEqualTo(TableViewTest.DECK.stream().map(Card::toString).toList());
    }

    private static Map<String, Object> opening(int position, String card) {
        assertThat(TableViewTest.DECK.get(position)).isEqualTo(Card.parse(card));
        return Map.of("position", position, "card", card, "salt", TableViewTest.SALTS.get(position));
    }

    // --- default deny: event shapes that do not exist (yet)

    record Nested(int seat, List<Card> holding, String note) {
    }

    record BurnCardDealt(String tableId, int seat, Card burn) {
    }

    record FutureEvent(String tableId, long handNumber, List<Card> remaining, String saltHex, String deckOrder,
                       List<Card> holeCards, Nested nested, List<Nested> many, Object opaque, TableState state,
                       Instant at) {
    }

    @Test
    void aFieldNobodyAllowedIsLeftOutWhenItHoldsCardsOrSoundsSecret() {
        Card as = Card.parse("As");
        Map<String, Object> burn = EventView.fields(new BurnCardDealt("t", 3, as), Set.of());
        assertThat(burn).containsExactly(Map.entry("tableId", "t"), Map.entry("seat", 3));

        // even a whole table with a live hand (deck, salt, hole cards, board) nested in an event
        play.seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        play.start(TableViewTest.DECK, TableViewTest.SALTS);
        play.act("alice", ActionType.CALL, 0);
        play.act("bob", ActionType.CALL, 0);
        play.act("carl", ActionType.CHECK, 0);
        assertThat(play.state.hand().board()).hasSize(3);

        FutureEvent future = new FutureEvent("t", 7, List.of(as), "ff", "AsKd", List.of(as),
                new Nested(2, List.of(as), "hi"), List.of(new Nested(4, List.of(as), "x")), new Object(),
                play.state, Instant.parse("2026-11-27T12:00:00Z"));
        Map<String, Object> v = EventView.fields(future, Set.of());
        assertThat(v).containsOnlyKeys("tableId", "handNumber", "nested", "many", "state", "at");
        assertThat(v.get("nested")).isEqualTo(Map.of("seat", 2, "note", "hi"));
        assertThat(v.get("many")).isEqualTo(List.of(Map.of("seat", 4, "note", "x")));
        assertThat(v.get("at")).isEqualTo("2026-11-27T12:00:00Z");
        String json = ViewJson.write(v);
        assertThat(json).doesNotContain("\"ff\"");
        TableViewTest.SALTS.forEach(salt -> assertThat(json).doesNotContain(salt));
        assertThat(HiddenCards.leaked(json, Card.all().stream().map(Card::toString).toList())).isEmpty();
        assertThat(json).contains("\"commitment\"").contains("\"participants\"");

        assertThat(EventView.fields(new BurnCardDealt("t", 3, as), Set.of("burn"))).containsEntry("burn", "As");
    }

    @Test
    void typeNamesAreTheStoredOnes() {
        assertThat(EventView.typeName(HandEvent.PlayerFolded.class)).isEqualTo("PlayerFolded");
        assertThat(EventView.typeName(TableEvent.ParticipantSatOut.class)).isEqualTo("ParticipantSatOut");
        assertThat(EventView.typeName(BurnCardDealt.class)).isEqualTo("BurnCardDealt");
    }
}
