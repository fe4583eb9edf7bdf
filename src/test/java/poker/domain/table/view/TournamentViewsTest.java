package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.SeatState;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;

/**
 * What players see of a tournament table: its tournament and the current level's stakes in the table
 * view; the director's events (permits, hand reports, closing) as public facts that hide nothing.
 */
class TournamentViewsTest {

    static final String TABLE = "7a0b6c1e-0000-4000-8000-0000000000bb";
    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    static final TableSettings SETTINGS = new TableSettings("T", 10, 20, 6, 0, 0, 20, "tourney-v");
    static final String ALICE = "0a0a0a0a-0000-4000-8000-00000000000a";
    static final String BOB = "0b0b0b0b-0000-4000-8000-00000000000b";
    static final String CARL = "0c0c0c0c-0000-4000-8000-00000000000c";

    private TablePlay tournamentTable() {
        TablePlay play = new TablePlay();
        play.state = TableState.empty(TABLE);
        play.record(List.of(new TableCreated(TABLE, SETTINGS, "director", NOW),
                new ParticipantJoined(ALICE, "alice", TABLE, 1000, 1, false),
                new ParticipantJoined(BOB, "bob", TABLE, 1000, 2, false),
                new ParticipantJoined(CARL, "carl", TABLE, 1000, 3, false)));
        return play;
    }

    @Test
    void theTableViewShowsTheTournamentAndTheCurrentLevelsStakes() {
        TablePlay play = tournamentTable();
        TableView before = TableView.of(play.state, "alice");
        assertThat(before.tournamentId()).isEqualTo("tourney-v");
        assertThat(before.level()).as("no permit yet").isNull();

        play.command(new TableCommand.PermitHand(1, 4, 100, 200, 200));
        TableView permitted = TableView.of(play.state, "alice");
        assertThat(List.of(permitted.level(), permitted.smallBlind(), permitted.bigBlind(), permitted.ante()))
                .containsExactly(4, 100L, 200L, 200L);

        play.start(Deck.shuffled(new java.util.SplittableRandom(3)), DeckCommitment.newSalts(new java.util.SplittableRandom(3)));
        TableView dealt = TableView.of(play.state, "alice");
        assertThat(List.of(dealt.smallBlind(), dealt.bigBlind(), dealt.ante())).containsExactly(100L, 200L, 200L);

        JsonNode json = ViewJson.tree(dealt);
        ViewJsonFieldsTest.assertTableShape(json);
        assertThat(json.get("tournamentId").asText()).isEqualTo("tourney-v");
        assertThat(json.get("level").asInt()).isEqualTo(4);
    }

    @Test
    void aCashTableShowsNoTournamentAndItsOwnBlinds() {
        TablePlay play = new TablePlay();
        play.seat("alice", 1, 1000).seat("bob", 2, 1000);
        TableView view = TableView.of(play.state, null);
        assertThat(view.tournamentId()).isNull();
        assertThat(view.level()).isNull();
        assertThat(List.of(view.smallBlind(), view.bigBlind(), view.ante())).containsExactly(5L, 10L, 0L);
    }

    /**
     * A whole tournament hand, with a permit, a report, an elimination and the close, seen by every
     * player and a spectator: the director's events have the API names, and no view of any event shows
     * a card its viewer may not see (before the hand's showdown).
     */
    @Test
    void theDirectorsEventsAreShapedAndLeakNoCard() {
        TablePlay play = tournamentTable();
        play.command(new TableCommand.PermitHand(1, 1, 10, 20, 20));
        play.start(Deck.shuffled(new java.util.SplittableRandom(11)), DeckCommitment.newSalts(new java.util.SplittableRandom(11)));
        play.act("alice", ActionType.ALL_IN, 0);
        play.act("bob", ActionType.FOLD, 0);
        play.act("carl", ActionType.FOLD, 0);
        play.command(new TableCommand.RemoveEntry(CARL, "7a0b6c1e-0000-4000-8000-0000000000cc", "balance"));
        play.command(new TableCommand.CloseTable("broken"));

        Set<String> types = new HashSet<>();
        for (TablePlay.Step step : play.steps) {
            for (String viewer : new String[] {null, "alice", "bob", "carl"}) {
                Map<String, Object> view = EventView.of(step.event(), viewer, step.before());
                JsonNode event = ViewJson.tree(view);
                ViewJsonFieldsTest.assertEventShape(event);
                types.add(event.get("type").asText());
                String json = event.toString();
                assertThat(HiddenCards.leaked(json, hiddenFrom(step.before(), viewer))).as("%s to %s", json, viewer)
                        .isEmpty();
            }
        }
        assertThat(types).contains("HandPermitted", "TournamentHandEnded", "TableClosed", "ParticipantLeft");
        TableEvent report = play.steps.stream().map(TablePlay.Step::event)
                .filter(e -> e instanceof TableEvent.TournamentHandEnded).findFirst().orElseThrow();
        assertThat(EventView.of(report, null, null).get("stacks")).isEqualTo(List.of(
                Map.of("participantId", ALICE, "playerId", "alice", "startChips", 1000L, "endChips", 1050L),
                Map.of("participantId", BOB, "playerId", "bob", "startChips", 1000L, "endChips", 990L),
                Map.of("participantId", CARL, "playerId", "carl", "startChips", 1000L, "endChips", 960L)));
    }

    /** The hole cards of the hand in play that {@code viewer} may not see: others' (nobody shows in this hand). */
    private static Set<String> hiddenFrom(TableState state, String viewer) {
        Set<String> hidden = new HashSet<>();
        if (state.hand() == null) {
            return hidden;
        }
        for (SeatState s : state.hand().seats()) {
            if (!s.playerId().equals(viewer) && !s.shown()) {
                s.holeCards().stream().map(Card::toString).forEach(hidden::add);
            }
        }
        return hidden;
    }
}
