package poker.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.table.TableCommand.CreateTable;
import poker.domain.table.TableCommand.JoinParticipant;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableCommand.LeaveTable;
import poker.domain.table.TableCommand.SitIn;
import poker.domain.table.TableEvent.ParticipantSatIn;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.TableCreated;

/** Given events, when a command, then events or a rejection: the table's rules without infrastructure. */
class TableDeciderTest {

    static final String TABLE = "t-1";
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final TableSettings SIX_MAX = new TableSettings("Main", 5, 10, 6, 200, 1000, 20);
    static final TableSettings HEADS_UP = new TableSettings("HU", 5, 10, 2, 200, 1000, 20);

    private final List<TableEvent> given = new ArrayList<>();

    private TableDeciderTest given(TableEvent... events) {
        given.addAll(List.of(events));
        return this;
    }

    private Decision<TableEvent> when(TableCommand command) {
        return TableDecider.decide(TableState.replay(TABLE, given), command, NOW);
    }

    private static TableCreated created(TableSettings settings) {
        return new TableCreated(TABLE, settings, "creator", NOW);
    }

    private static ParticipantJoined joined(String player, int seat, long chips) {
        return new ParticipantJoined("p-" + player, player, TABLE, chips, seat, false);
    }

    private static List<TableEvent> events(Decision<TableEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<TableEvent>) decision).events();
    }

    private static Rejection rejection(Decision<TableEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<TableEvent>) decision).rejection();
    }

    @Test
    void creatingATableRecordsItsTerms() {
        assertThat(events(when(new CreateTable(TABLE, SIX_MAX, "creator", NOW))))
                .containsExactly(created(SIX_MAX));
    }

    @Test
    void aTableIsCreatedOnlyOnce() {
        given(created(SIX_MAX));
        assertThat(rejection(when(new CreateTable(TABLE, SIX_MAX, "creator", NOW))).code()).isEqualTo("table_exists");
    }

    @Test
    void commandsToATableThatDoesNotExistAreRejected() {
        assertThat(rejection(when(new JoinParticipant("p-a", "a", 500, null))).code()).isEqualTo("table_not_found");
        assertThat(rejection(when(new LeaveTable("a"))).code()).isEqualTo("table_not_found");
    }

    @Test
    void joiningTakesTheLowestFreeSeatWithTheBuyInAsChips() {
        given(created(SIX_MAX), joined("a", 1, 500), joined("b", 3, 500));
        assertThat(events(when(new JoinParticipant("p-c", "c", 700, null))))
                .containsExactly(new ParticipantJoined("p-c", "c", TABLE, 700, 2, false, true));
    }

    @Test
    void joiningAChosenSeat() {
        given(created(SIX_MAX));
        assertThat(events(when(new JoinParticipant("p-a", "a", 200, 6))))
                .containsExactly(new ParticipantJoined("p-a", "a", TABLE, 200, 6, false, true));
    }

    @Test
    void aFullTableRejectsTheNextPlayer() {
        given(created(HEADS_UP), joined("a", 1, 500), joined("b", 2, 500));
        Rejection r = rejection(when(new JoinParticipant("p-c", "c", 500, null)));
        assertThat(r.code()).isEqualTo("table_full");
        assertThat(r.message()).contains("2 seats");
    }

    @Test
    void aTakenSeatCannotBeJoined() {
        given(created(SIX_MAX), joined("a", 4, 500));
        assertThat(rejection(when(new JoinParticipant("p-b", "b", 500, 4))).code()).isEqualTo("seat_taken");
    }

    @Test
    void aPlayerSitsOnlyOnceAtATable() {
        given(created(SIX_MAX), joined("a", 1, 500));
        assertThat(rejection(when(new JoinParticipant("p-a2", "a", 500, 2))).code()).isEqualTo("already_seated");
    }

    @Test
    void theBuyInMustBeWithinTheTableLimits() {
        given(created(SIX_MAX));
        assertThat(rejection(when(new JoinParticipant("p-a", "a", 199, null))).code()).isEqualTo("buy_in_out_of_range");
        assertThat(rejection(when(new JoinParticipant("p-a", "a", 1001, null))).code()).isEqualTo("buy_in_out_of_range");
        assertThat(events(when(new JoinParticipant("p-a", "a", 1000, null)))).hasSize(1);
        assertThat(events(when(new JoinParticipant("p-a", "a", 200, null)))).hasSize(1);
    }

    @Test
    void aSeatBeyondTheTableIsAnInvalidField() {
        given(created(HEADS_UP));
        Rejection r = rejection(when(new JoinParticipant("p-a", "a", 500, 3)));
        assertThat(r.code()).isEqualTo("invalid_seat");
        assertThat(r.field()).isEqualTo("seatNumber");
    }

    @Test
    void leavingReturnsTheStackAndFreesTheSeat() {
        given(created(HEADS_UP), joined("a", 1, 500), joined("b", 2, 300));
        assertThat(events(when(new LeaveTable("b"))))
                .containsExactly(new ParticipantLeft("p-b", "b", TABLE, 2, 300));
        given(new ParticipantLeft("p-b", "b", TABLE, 2, 300));
        assertThat(events(when(new JoinParticipant("p-c", "c", 500, null))))
                .extracting(e -> ((ParticipantJoined) e).seatNumber()).containsExactly(2);
    }

    @Test
    void onlyASeatedPlayerCanLeave() {
        given(created(SIX_MAX), joined("a", 1, 500));
        assertThat(rejection(when(new LeaveTable("b"))).code()).isEqualTo("not_seated");
    }

    @Test
    void replayingEventsRebuildsTheSameState() {
        List<TableEvent> history = List.of(created(SIX_MAX), joined("a", 1, 500), joined("b", 2, 400),
                new ParticipantLeft("p-a", "a", TABLE, 1, 500), joined("c", 1, 300));
        TableState state = TableState.replay(TABLE, history);
        assertThat(state.participants()).extracting(Participant::playerId).containsExactly("c", "b");
        assertThat(TableState.replay(TABLE, history)).isEqualTo(state);
    }

    @Test
    void aJoinRetriedAfterTheParticipantLeftIsRecognisedWhileItIsAmongTheLatestJoins() {
        given(created(HEADS_UP), joined("first", 1, 500), new ParticipantLeft("p-first", "first", TABLE, 1, 500));
        for (int i = 1; i < TableState.JOIN_WINDOW; i++) {
            given(joined("u" + i, 1, 500), new ParticipantLeft("p-u" + i, "u" + i, TABLE, 1, 500));
        }
        TableState state = TableState.replay(TABLE, given);
        assertThat(state.joinedIds()).hasSize(TableState.JOIN_WINDOW).first().isEqualTo("p-first");
        assertThat(rejection(when(new JoinParticipant("p-first", "first", 500, null))).code())
                .isEqualTo("already_joined");

        given(joined("last", 1, 500));
        assertThat(TableState.replay(TABLE, given).joinedIds())
                .as("bounded: the oldest join falls out").hasSize(TableState.JOIN_WINDOW)
                .doesNotContain("p-first").endsWith("p-last");
    }

    // --- rule 12: a newcomer waits for the big blind or posts one; a player back after missing blinds too

    @Test
    void aNewcomerWaitsForTheBigBlindUnlessChoosingToPost() {
        given(created(SIX_MAX), joined("a", 1, 500));
        assertThat(events(when(new JoinParticipant("p-b", "b", 500, 2))))
                .containsExactly(new ParticipantJoined("p-b", "b", TABLE, 500, 2, false, true));
        assertThat(events(when(new JoinParticipant("p-b", "b", 500, 2, false))))
                .containsExactly(new ParticipantJoined("p-b", "b", TABLE, 500, 2, false, false));
    }

    @Test
    void backAfterMissingABlindAPlayerWaitsForTheBigBlindOrPosts() {
        given(created(SIX_MAX), joined("a", 1, 500), joined("b", 2, 500), joined("c", 3, 500),
                new TableEvent.ParticipantSatOut("p-c", TABLE, 3, "requested"),
                new TableEvent.BlindMissed(TABLE, "p-c", 3, 4, HandEvent.Blind.SMALL));

        assertThat(events(when(new SitIn("c")))).containsExactly(new ParticipantSatIn("p-c", TABLE, 3, true));
        assertThat(events(when(new SitIn("c", true)))).containsExactly(new ParticipantSatIn("p-c", TABLE, 3, true));
        assertThat(events(when(new SitIn("c", false)))).containsExactly(new ParticipantSatIn("p-c", TABLE, 3, false));
    }

    @Test
    void backBeforeTheBlindsPassedAPlayerOwesNothing() {
        given(created(SIX_MAX), joined("a", 1, 500), joined("b", 2, 500),
                new TableEvent.ParticipantSatOut("p-b", TABLE, 2, "requested"));

        assertThat(events(when(new SitIn("b", true)))).containsExactly(new ParticipantSatIn("p-b", TABLE, 2, null));
        given(new ParticipantSatIn("p-b", TABLE, 2, null));
        assertThat(TableState.replay(TABLE, given).participantOf("b").orElseThrow())
                .satisfies(p -> assertThat(p.ready()).isTrue());
    }

    @Test
    void missedBlindsAddUpToBothButNeverMore() {
        given(created(SIX_MAX), joined("a", 1, 500), new TableEvent.ParticipantSatOut("p-a", TABLE, 1, "requested"));
        assertThat(due()).isEqualTo(Participant.BlindsDue.NONE);
        given(new TableEvent.BlindMissed(TABLE, "p-a", 1, 1, HandEvent.Blind.SMALL));
        assertThat(due()).isEqualTo(Participant.BlindsDue.MISSED_SMALL);
        given(new TableEvent.BlindMissed(TABLE, "p-a", 1, 3, HandEvent.Blind.BIG));
        assertThat(due()).isEqualTo(Participant.BlindsDue.MISSED_BIG);
        given(new TableEvent.BlindMissed(TABLE, "p-a", 1, 9, HandEvent.Blind.SMALL));
        assertThat(due()).isEqualTo(Participant.BlindsDue.MISSED_BIG);
    }

    private Participant.BlindsDue due() {
        return TableState.replay(TABLE, given).participantOf("a").orElseThrow().blindsDue();
    }
}
