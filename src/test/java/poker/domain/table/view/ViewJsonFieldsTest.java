package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.ActionType;

/** The wire names, as API.md spells them: the views serialized with the HTTP layer's mapper. */
class ViewJsonFieldsTest {

    static final List<String> TABLE = List.of("tableId", "name", "smallBlind", "bigBlind", "ante", "maxSeats",
            "status", "button", "handNumber", "street", "board", "pots", "seats", "toAct", "legalActions", "you",
            "commitment", "tournamentId", "level");
    static final List<String> SEAT = List.of("seatNumber", "playerId", "displayName", "chips", "bet", "status",
            "cards");
    static final List<String> POT = List.of("amount", "eligibleSeats");
    static final List<String> TO_ACT = List.of("seatNumber", "playerId", "deadline");
    static final List<String> ACTION = List.of("action", "min", "max");
    static final List<String> YOU = List.of("seatNumber", "playerId");
    static final List<String> DECK = List.of("handNumber", "commitment", "leaves", "openings", "verified");
    static final List<String> OPENING = List.of("position", "card", "salt");

    /** Every event type a hand at a table produces, with its fields in the viewer's event. */
    static final Map<String, List<String>> EVENTS = Map.ofEntries(
            Map.entry("TableCreated", List.of("type", "tableId", "settings", "createdBy", "createdAt")),
            Map.entry("ParticipantJoined", List.of("type", "participantId", "playerId", "tableId", "chips",
                    "initialChips", "seatNumber", "sittingOut", "status", "waitForBigBlind")),
            Map.entry("ParticipantLeft", List.of("type", "participantId", "playerId", "tableId", "seatNumber",
                    "chipsReturned", "movedTo", "reason")),
            Map.entry("HandPermitted", List.of("type", "tableId", "handNumber", "level", "smallBlind", "bigBlind",
                    "ante")),
            Map.entry("TournamentHandEnded", List.of("type", "tableId", "tournamentId", "handNumber", "stacks", "button",
                    "bigBlindSeat")),
            Map.entry("TableClosed", List.of("type", "tableId", "reason")),
            Map.entry("ParticipantLeaving", List.of("type", "participantId", "playerId", "tableId", "seatNumber")),
            Map.entry("ParticipantSatOut", List.of("type", "participantId", "tableId", "seatNumber", "reason")),
            Map.entry("ParticipantSatIn", List.of("type", "participantId", "tableId", "seatNumber", "waitForBigBlind")),
            Map.entry("BlindMissed", List.of("type", "tableId", "participantId", "seatNumber", "handNumber", "blind")),
            Map.entry("DeckSealed", List.of("type", "tableId", "handNumber")),
            Map.entry("TurnClockStarted", List.of("type", "tableId", "handNumber", "seatNumber", "deadline")),
            Map.entry("DeckRevealed", List.of("type", "tableId", "handNumber", "deck", "salt", "commitment")),
            Map.entry("HandClosed", List.of("type", "tableId", "handNumber")),
            Map.entry("HandStarted", List.of("type", "tableId", "handNumber", "button", "smallBlindSeat",
                    "bigBlindSeat", "smallBlind", "bigBlind", "ante", "seats", "commitment", "leaves", "notDealtIn")),
            Map.entry("BlindPosted", List.of("type", "tableId", "seat", "blind", "amount")),
            Map.entry("AntePosted", List.of("type", "tableId", "seat", "amount")),
            Map.entry("HoleCardsDealt", List.of("type", "tableId", "seat", "cards", "openings")),
            Map.entry("PlayerFolded", List.of("type", "tableId", "seat", "reason")),
            Map.entry("PlayerChecked", List.of("type", "tableId", "seat", "reason")),
            Map.entry("BetPlaced", List.of("type", "tableId", "seat", "action", "added", "totalBet", "stackAfter",
                    "reason")),
            Map.entry("FlopDealt", List.of("type", "tableId", "cards", "openings")),
            Map.entry("TurnDealt", List.of("type", "tableId", "card", "openings")),
            Map.entry("RiverDealt", List.of("type", "tableId", "card", "openings")),
            Map.entry("UncalledBetReturned", List.of("type", "tableId", "seat", "amount")),
            Map.entry("CardsShown", List.of("type", "tableId", "seat", "cards", "openings")),
            Map.entry("HandMucked", List.of("type", "tableId", "seat")),
            Map.entry("HandWon", List.of("type", "tableId", "pot", "seat", "amount", "hand")),
            Map.entry("HandEnded", List.of("type", "tableId", "handNumber", "stacks")));

    /** Checks a serialized table view against API.md, down to the nested objects. */
    static void assertTableShape(JsonNode table) {
        assertThat(ViewJson.names(table)).containsExactlyElementsOf(TABLE);
        assertThat(table.get("board").isArray()).isTrue();
        assertThat(table.get("legalActions").isArray()).isTrue();
        for (JsonNode seat : table.get("seats")) {
            assertThat(ViewJson.names(seat)).containsExactlyElementsOf(SEAT);
            assertThat(seat.get("cards").isNull() || seat.get("cards").isArray()).isTrue();
            assertThat(seat.get("status").asText()).isIn("active", "folded", "all_in", "sitting_out", "waiting");
        }
        for (JsonNode pot : table.get("pots")) {
            assertThat(ViewJson.names(pot)).containsExactlyElementsOf(POT);
        }
        for (JsonNode action : table.get("legalActions")) {
            assertThat(ViewJson.names(action)).containsExactlyElementsOf(ACTION);
            assertThat(action.get("action").asText()).isIn("fold", "check", "call", "bet", "raise", "all_in");
        }
        if (!table.get("toAct").isNull()) {
            assertThat(ViewJson.names(table.get("toAct"))).containsExactlyElementsOf(TO_ACT);
            assertThat(table.get("toAct").get("deadline").isTextual()).isTrue();
        }
        if (!table.get("you").isNull()) {
            assertThat(ViewJson.names(table.get("you"))).containsExactlyElementsOf(YOU);
        }
        assertThat(table.get("status").asText()).isIn("waiting", "playing");
        assertThat(table.get("street").isNull() || List.of("preflop", "flop", "turn", "river", "showdown")
                .contains(table.get("street").asText())).isTrue();
    }

    static void assertEventShape(JsonNode event) {
        String type = event.get("type").asText();
        assertThat(EVENTS).as("a known event type").containsKey(type);
        assertThat(ViewJson.names(event)).as(type).containsExactlyElementsOf(EVENTS.get(type));
    }

    @Test
    void everyTableViewAndEventViewOfAPlayedHandHasTheApiNames() {
        TablePlay play = new TablePlay();
        play.seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        play.start(TableViewTest.DECK, TableViewTest.SALTS);
        play.act("alice", ActionType.RAISE, 30);
        play.act("bob", ActionType.CALL, 0);
        play.act("carl", ActionType.FOLD, 0);
        play.act("bob", ActionType.CHECK, 0);
        play.act("alice", ActionType.BET, 20);
        play.act("bob", ActionType.CALL, 0);
        play.act("bob", ActionType.CHECK, 0);
        play.act("alice", ActionType.CHECK, 0);
        play.act("bob", ActionType.BET, 100);
        play.act("alice", ActionType.ALL_IN, 0);
        play.act("bob", ActionType.FOLD, 0);

        int tables = 0;
        int events = 0;
        for (TablePlay.Step step : play.steps) {
            for (String viewer : new String[] {null, "alice", "bob", "carl"}) {
                if (step.after().created()) {
                    assertTableShape(ViewJson.tree(TableView.of(step.after(), viewer)));
                    tables++;
                }
                JsonNode event = ViewJson.tree(EventView.of(step.event(), viewer, step.before()));
                assertEventShape(event);
                if (event.has("openings") && !event.get("openings").isNull()) {
                    event.get("openings").forEach(o -> assertThat(ViewJson.names(o)).containsExactlyElementsOf(OPENING));
                }
                if (step.after().hand() != null) {
                    JsonNode deck = ViewJson.tree(DeckView.of(step.after(), viewer));
                    assertThat(ViewJson.names(deck)).containsExactlyElementsOf(DECK);
                    assertThat(deck.get("leaves")).hasSize(52);
                    assertThat(deck.get("verified").asBoolean()).isTrue();
                    deck.get("openings").forEach(o -> assertThat(ViewJson.names(o)).containsExactlyElementsOf(OPENING));
                }
                events++;
            }
        }
        assertThat(tables).isGreaterThan(100);
        assertThat(events).isGreaterThan(100);
    }

    @Test
    void theTableOnTurnHasEveryNestedObjectAndNullsAreWrittenNotDropped() {
        TablePlay play = new TablePlay();
        play.seat("alice", 1, 1000).seat("bob", 2, 1000);
        JsonNode waiting = ViewJson.tree(TableView.of(play.state, null));
        assertTableShape(waiting);
        for (String field : List.of("button", "handNumber", "street", "toAct", "you", "commitment")) {
            assertThat(waiting.has(field)).as(field).isTrue();
            assertThat(waiting.get(field).isNull()).as(field).isTrue();
        }
        assertThat(waiting.get("seats").get(0).get("cards").isNull()).isTrue();

        play.start(TableViewTest.DECK, TableViewTest.SALTS);
        JsonNode onTurn = ViewJson.tree(TableView.of(play.state, play.onTurn()));
        assertTableShape(onTurn);
        assertThat(onTurn.get("toAct").get("deadline").asText()).isEqualTo("2026-11-27T12:00:20Z");
        assertThat(onTurn.get("legalActions").size()).isGreaterThan(1);
        assertThat(onTurn.get("pots").size()).isGreaterThanOrEqualTo(1);
        assertThat(onTurn.get("you").get("playerId").asText()).isEqualTo(play.onTurn());
        assertThat(onTurn.get("handNumber").asLong()).isEqualTo(1);
        assertThat(onTurn.get("pots").get(0).get("eligibleSeats").isArray()).isTrue();
    }
}
