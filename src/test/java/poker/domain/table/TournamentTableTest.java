package poker.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.StackedDeck;
import poker.domain.table.TableCommand.Act;
import poker.domain.table.TableCommand.CloseTable;
import poker.domain.table.TableCommand.CreateTable;
import poker.domain.table.TableCommand.JoinParticipant;
import poker.domain.table.TableCommand.LeaveTable;
import poker.domain.table.TableCommand.PermitHand;
import poker.domain.table.TableCommand.RemoveEntry;
import poker.domain.table.TableCommand.SeatEntry;
import poker.domain.table.TableCommand.SitIn;
import poker.domain.table.TableCommand.SitOut;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandPermitted;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.HandStack;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.ParticipantSatIn;
import poker.domain.table.TableEvent.ParticipantSatOut;
import poker.domain.table.TableEvent.TableClosed;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableEvent.TournamentHandEnded;

/**
 * A tournament's table, driven by its director: given events, when a command (or a deal, or a timeout),
 * then events or a rejection. Seating, removal, permits, closing; hands at the permit's stakes with
 * everyone with chips dealt in; the report after each hand and the eliminations.
 */
class TournamentTableTest {

    static final String TABLE = "7a0b6c1e-0000-4000-8000-000000000001";
    static final String TOURNAMENT = "tourney-1";
    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final TableSettings SETTINGS = new TableSettings("Tourney 1 / 1", 10, 20, 6, 0, 0, 20, TOURNAMENT);
    static final TableSettings CASH = new TableSettings("Cash", 5, 10, 6, 100, 1000, 20);
    static final List<String> SALTS = DeckCommitment.newSalts(new java.util.SplittableRandom(9));

    static final String ALICE = uid("alice");
    static final String BOB = uid("bob");
    static final String CAROL = uid("carol");
    static final String DAVE = uid("dave");

    static String uid(String name) {
        return UUID.nameUUIDFromBytes(("user-" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private TableState state = TableState.empty(TABLE);
    private final List<TableEvent> journal = new ArrayList<>();

    static String pid(String player) {
        return UUID.nameUUIDFromBytes(("entry-" + player).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private TournamentTableTest given(TableEvent... events) {
        for (TableEvent e : events) {
            state = state.apply(e);
            journal.add(e);
        }
        return this;
    }

    private TournamentTableTest created() {
        return given(new TableCreated(TABLE, SETTINGS, "director", NOW));
    }

    private TournamentTableTest seated(String player, int seat, long chips) {
        return given(new ParticipantJoined(pid(player), player, TABLE, chips, seat, false));
    }

    private TournamentTableTest permitted(long hand, long smallBlind, long bigBlind, long ante) {
        return given(new HandPermitted(TABLE, hand, 1, smallBlind, bigBlind, ante));
    }

    private Decision<TableEvent> when(TableCommand command) {
        return TableDecider.decide(state, command, NOW);
    }

    private List<TableEvent> accept(Decision<TableEvent> decision) {
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Accepted.class);
        List<TableEvent> events = decision.eventsOrThrow();
        events.forEach(this::given);
        return events;
    }

    private static String rejected(Decision<TableEvent> decision) {
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Rejected.class);
        return decision.rejectionOrThrow().code();
    }

    private List<TableEvent> deal(List<Card> deck) {
        return accept(TableDecider.startHand(state, deck, SALTS, NOW));
    }

    private List<TableEvent> deal() {
        return deal(Deck.shuffled(new java.util.SplittableRandom(state.handsPlayed() + 17)));
    }

    private List<TableEvent> act(String player, ActionType action, long amount) {
        return accept(when(new Act(player, state.hand().handNumber(), action, amount)));
    }

    /** Whoever is on turn checks when free, else folds, until the hand is over. */
    private List<TableEvent> passiveToTheEnd() {
        List<TableEvent> events = new ArrayList<>();
        while (state.handLive()) {
            int seat = state.hand().toAct();
            String player = state.seat(seat).orElseThrow().playerId();
            events.addAll(act(player, state.hand().toCall(seat) == 0 ? ActionType.CHECK : ActionType.FOLD, 0));
        }
        return events;
    }

    private static List<HandEvent> handEvents(List<TableEvent> events) {
        return events.stream().filter(e -> e instanceof HandProgressed).map(e -> ((HandProgressed) e).event()).toList();
    }

    private static HandEvent.HandStarted started(List<TableEvent> events) {
        return (HandEvent.HandStarted) handEvents(events).get(0);
    }

    private long chips(String player) {
        return state.participantOf(player).orElseThrow().chips();
    }

    // --- the table's routes are closed to players

    @Test
    void playersCannotJoinOrLeaveATournamentTable() {
        created().seated(ALICE, 1, 1000);
        assertThat(rejected(when(new JoinParticipant(pid(BOB), BOB, 500, null)))).isEqualTo("tournament_table");
        assertThat(rejected(when(new LeaveTable(ALICE)))).isEqualTo("tournament_table");
    }

    @Test
    void sittingOutAndInWorkAsAtACashTableOwingNothing() {
        created().seated(ALICE, 1, 1000);
        assertThat(accept(when(new SitOut(ALICE))))
                .containsExactly(new ParticipantSatOut(pid(ALICE), TABLE, 1, "requested"));
        assertThat(accept(when(new SitIn(ALICE)))).containsExactly(new ParticipantSatIn(pid(ALICE), TABLE, 1));
        assertThat(state.participantOf(ALICE).orElseThrow().owesBlinds()).isFalse();
    }

    @Test
    void aTournamentTableIdIsAUuidForTheReadSide() {
        state = TableState.empty("tourney-1-3");
        assertThat(rejected(when(new CreateTable("tourney-1-3", SETTINGS, uid("director"), NOW))))
                .isEqualTo("invalid_table_id");
        state = TableState.empty(TABLE);
        assertThat(rejected(when(new CreateTable(TABLE, SETTINGS, "director", NOW)))).isEqualTo("invalid_created_by");
        assertThat(accept(when(new CreateTable(TABLE, SETTINGS, uid("director"), NOW)))).hasSize(1);
        assertThat(rejected(when(new SeatEntry(pid(ALICE), "alice", 1000, 1)))).isEqualTo("invalid_player_id");
    }

    // --- SeatEntry

    @Test
    void theDirectorSeatsAnEntryWithChipsOwingNoBlinds() {
        created();
        assertThat(accept(when(new SeatEntry(pid(ALICE), ALICE, 3000, 4)))).containsExactly(
                new ParticipantJoined(pid(ALICE), ALICE, TABLE, 3000, 4, false));
        Participant alice = state.participantOf(ALICE).orElseThrow();
        assertThat(alice.blindsDue()).isEqualTo(Participant.BlindsDue.NONE);
        assertThat(alice.ready()).isTrue();
    }

    @Test
    void aRepeatedSeatingIsAnsweredWithTheFirstEvenAfterHandsChangedTheStack() {
        created();
        ParticipantJoined first = (ParticipantJoined) accept(when(new SeatEntry(pid(ALICE), ALICE, 1000, 1))).get(0);
        seated(BOB, 2, 1000).permitted(1, 10, 20, 0);
        deal();
        passiveToTheEnd();
        assertThat(chips(ALICE)).isNotEqualTo(1000);

        SeatEntry again = new SeatEntry(pid(ALICE), ALICE, 1000, 1);
        assertThat(TableDecider.repeatOf(state, again)).contains(first);
        assertThat(when(again).eventsOrThrow()).as("nothing new is stored").isEmpty();
    }

    @Test
    void seatingIsRefusedOnATakenSeatAtACashTableAndAtAClosedOne() {
        created().seated(ALICE, 1, 1000);
        assertThat(rejected(when(new SeatEntry(pid(BOB), BOB, 1000, 1)))).isEqualTo("seat_taken");
        assertThat(rejected(when(new SeatEntry(pid(BOB), BOB, 1000, 7)))).isEqualTo("invalid_seat");
        assertThat(rejected(when(new SeatEntry("bob-at-1", BOB, 1000, 2)))).isEqualTo("invalid_participant_id");
        assertThat(rejected(when(new SeatEntry(pid("alice2"), ALICE, 1000, 2)))).isEqualTo("already_seated");

        given(new TableClosed(TABLE, "broken"));
        assertThat(rejected(when(new SeatEntry(pid(BOB), BOB, 1000, 2)))).isEqualTo("table_closed");

        state = TableState.empty(TABLE).apply(new TableCreated(TABLE, CASH, "c", NOW));
        assertThat(rejected(when(new SeatEntry(pid(BOB), BOB, 1000, 2)))).isEqualTo("not_a_tournament_table");
        assertThat(rejected(when(new RemoveEntry(pid(BOB), null, "move")))).isEqualTo("not_a_tournament_table");
        assertThat(rejected(when(new PermitHand(1, 1, 10, 20, 0)))).isEqualTo("not_a_tournament_table");
        assertThat(when(new CloseTable("done")).eventsOrThrow()).as("an empty cash table closes")
                .containsExactly(new TableClosed(TABLE, "done"));
        state = state.apply(new ParticipantJoined(pid(BOB), BOB, TABLE, 1000, 2, false));
        assertThat(rejected(when(new CloseTable("done")))).as("not with a player seated").isEqualTo("table_not_empty");
    }

    @Test
    void anEntrySeatedDuringAHandIsDealtInFromTheNext() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).permitted(1, 10, 20, 0);
        deal();
        accept(when(new SeatEntry(pid(CAROL), CAROL, 1000, 3)));
        passiveToTheEnd();
        permitted(2, 10, 20, 0);
        assertThat(started(deal()).seats()).extracting(s -> s.playerId()).contains(CAROL);
    }

    // --- RemoveEntry

    @Test
    void removalTakesTheChipsAndSaysWhereTheEntryGoes() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).seated(CAROL, 3, 1000).permitted(1, 10, 20, 0);
        deal();
        assertThat(rejected(when(new RemoveEntry(pid(CAROL), "other-table", "balance")))).isEqualTo("hand_in_play");
        passiveToTheEnd();
        long carol = chips(CAROL);

        ParticipantLeft left = new ParticipantLeft(pid(CAROL), CAROL, TABLE, 3, carol, "other-table", "balance");
        assertThat(accept(when(new RemoveEntry(pid(CAROL), "other-table", "balance")))).containsExactly(left);
        assertThat(state.participantOf(CAROL)).isEmpty();
        assertThat(rejected(when(new RemoveEntry(pid("nobody"), null, "balance")))).isEqualTo("not_seated");
    }

    @Test
    void aRepeatedRemovalIsAnsweredWithTheOriginalChipsLongAfter() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).seated(CAROL, 3, 777);
        List<TableEvent> removed = accept(when(new RemoveEntry(pid(CAROL), "t-2", "break")));
        // the table goes on: hands, other seatings and removals
        permitted(1, 10, 20, 0);
        deal();
        passiveToTheEnd();
        accept(when(new SeatEntry(pid(DAVE), DAVE, 500, 3)));
        accept(when(new RemoveEntry(pid(DAVE), null, "break")));

        RemoveEntry again = new RemoveEntry(pid(CAROL), "t-2", "break");
        assertThat(TableDecider.repeatOf(state, again)).contains(removed.get(0));
        assertThat(((ParticipantLeft) removed.get(0)).chipsReturned()).isEqualTo(777);
        assertThat(when(again).eventsOrThrow()).as("nothing new is stored").isEmpty();
        assertThat(TableState.replay(TABLE, journal).removals()).containsKeys(pid(CAROL), pid(DAVE));
        assertThat(rejected(when(new SeatEntry(pid(CAROL), CAROL, 777, 3)))).isEqualTo("already_joined");
    }

    @Test
    void theRemovalsAreBounded() {
        created();
        for (int i = 0; i < TableState.REMOVAL_WINDOW + 5; i++) {
            accept(when(new SeatEntry(pid("p" + i), uid("p" + i), 100, 1)));
            accept(when(new RemoveEntry(pid("p" + i), null, "move")));
        }
        assertThat(state.removals()).hasSize(TableState.REMOVAL_WINDOW).doesNotContainKey(pid("p0"))
                .containsKey(pid("p" + (TableState.REMOVAL_WINDOW + 4)));
    }

    // --- PermitHand and when a hand may start

    @Test
    void aTournamentTableDealsNoHandWithoutItsPermit() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000);
        assertThat(TableDecider.canStartHand(state)).isFalse();
        assertThat(rejected(TableDecider.startHand(state, Deck.shuffled(new java.util.SplittableRandom(1)), SALTS, NOW)))
                .isEqualTo("cannot_start_hand");

        HandPermitted permit = new HandPermitted(TABLE, 1, 3, 50, 100, 100);
        assertThat(accept(when(new PermitHand(1, 3, 50, 100, 100)))).containsExactly(permit);
        assertThat(state.permit()).isEqualTo(permit);
        assertThat(TableDecider.canStartHand(state)).isTrue();
    }

    @Test
    void aPermitForAHandAlreadyPermittedOrPlayedStoresNothing() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000);
        HandPermitted first = (HandPermitted) accept(when(new PermitHand(1, 1, 10, 20, 0))).get(0);
        assertThat(when(new PermitHand(1, 2, 20, 40, 0)).eventsOrThrow()).isEmpty();
        assertThat(TableDecider.repeatOf(state, new PermitHand(1, 2, 20, 40, 0))).contains(first);
        assertThat(rejected(when(new PermitHand(3, 1, 10, 20, 0)))).isEqualTo("hand_not_next");
        assertThat(rejected(when(new PermitHand(2, 1, 0, 0, 0)))).isEqualTo("invalid_stakes");

        deal();
        assertThat(rejected(when(new PermitHand(2, 1, 10, 20, 0)))).as("not during hand 1").isEqualTo("hand_not_next");
        passiveToTheEnd();
        assertThat(TableDecider.canStartHand(state)).as("hand 1's permit is spent").isFalse();
        assertThat(when(new PermitHand(1, 1, 10, 20, 0)).eventsOrThrow()).as("hand 1 was played").isEmpty();
        assertThat(TableDecider.repeatOf(state, new PermitHand(1, 1, 10, 20, 0))).as("nor answered as a repeat")
                .contains(first);
        assertThat(accept(when(new PermitHand(2, 2, 20, 40, 5)))).hasSize(1);
        assertThat(TableDecider.canStartHand(state)).isTrue();
    }

    @Test
    void aHandStartsWithTwoWithChipsSittingOutOrNotButNotWithOne() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).permitted(1, 10, 20, 0);
        given(new ParticipantSatOut(pid(ALICE), TABLE, 1, "requested"),
                new ParticipantSatOut(pid(BOB), TABLE, 2, "requested"));
        assertThat(TableDecider.canStartHand(state)).as("both sitting out: still dealt").isTrue();

        state = TableState.empty(TABLE);
        created().seated(ALICE, 1, 1000).permitted(1, 10, 20, 0);
        assertThat(TableDecider.canStartHand(state)).isFalse();
    }

    // --- hands at the permit's stakes

    @Test
    void theHandIsDealtAtThePermitsBlindsAndBigBlindAnte() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).seated(CAROL, 3, 1000).permitted(1, 50, 100, 100);
        List<HandEvent> events = handEvents(deal());
        HandEvent.HandStarted started = (HandEvent.HandStarted) events.get(0);
        assertThat(started.button()).isEqualTo(1);
        assertThat(started.smallBlindSeat()).isEqualTo(2);
        assertThat(started.bigBlindSeat()).isEqualTo(3);
        assertThat(started.ante()).isEqualTo(100);
        assertThat(events).contains(new HandEvent.BlindPosted(2, HandEvent.Blind.SMALL, 50),
                new HandEvent.BlindPosted(3, HandEvent.Blind.BIG, 100), new HandEvent.AntePosted(3, 100));
        assertThat(journal).noneMatch(e -> e instanceof TableEvent.BlindMissed);
        assertThat(state.hand().potTotal()).isEqualTo(250);
    }

    @Test
    void aShortBigBlindPaysTheBlindFirstAndTheRestOfTheAnte() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).seated(CAROL, 3, 130).permitted(1, 50, 100, 100);
        List<HandEvent> events = handEvents(deal());
        assertThat(events).contains(new HandEvent.BlindPosted(3, HandEvent.Blind.BIG, 100),
                new HandEvent.AntePosted(3, 30));
        List<TableEvent> rest = passiveToTheEnd();
        long total = state.participants().stream().mapToLong(Participant::chips).sum();
        assertThat(total).isEqualTo(2130);
        assertThat(rest).anyMatch(e -> e instanceof TournamentHandEnded);
    }

    @Test
    void playersSittingOutAreDealtInPostAndAreCheckedWhenFreeElseFolded() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).seated(CAROL, 3, 1000).permitted(1, 10, 20, 0);
        given(new ParticipantSatOut(pid(CAROL), TABLE, 3, "requested"));
        List<TableEvent> dealt = deal();
        assertThat(started(dealt).seats()).extracting(s -> s.playerId()).containsExactly(ALICE, BOB, CAROL);
        assertThat(handEvents(dealt)).contains(new HandEvent.BlindPosted(3, HandEvent.Blind.BIG, 20));

        act(ALICE, ActionType.CALL, 0);
        List<TableEvent> afterBob = act(BOB, ActionType.CALL, 0);
        assertThat(handEvents(afterBob)).as("the big blind sitting out checks its option")
                .contains(new HandEvent.PlayerChecked(3, null));
        assertThat(state.hand().street()).isEqualTo(poker.domain.holdem.Street.FLOP);

        act(BOB, ActionType.CHECK, 0);
        assertThat(state.hand().toAct()).as("carol, sitting out, checked the flop too").isEqualTo(1);
        act(ALICE, ActionType.BET, 40);
        List<TableEvent> bobFolds = act(BOB, ActionType.FOLD, 0);
        assertThat(handEvents(bobFolds)).as("then carol, facing the bet, is folded")
                .contains(new HandEvent.PlayerFolded(3, null));
        assertThat(state.hand()).as("alice won uncontested").isNull();
        assertThat(chips(CAROL)).isEqualTo(980);
    }

    @Test
    void theButtonMovesToTheNextSeatWithChipsAndTheBlindsFollow() {
        created().seated(ALICE, 1, 1000).seated(BOB, 3, 1000).seated(CAROL, 5, 1000);
        List<int[]> positions = new ArrayList<>();
        for (int hand = 1; hand <= 4; hand++) {
            permitted(hand, 10, 20, 0);
            HandEvent.HandStarted s = started(deal());
            positions.add(new int[] {s.button(), s.smallBlindSeat(), s.bigBlindSeat()});
            passiveToTheEnd();
        }
        assertThat(positions).containsExactly(new int[] {1, 3, 5}, new int[] {3, 5, 1}, new int[] {5, 1, 3},
                new int[] {1, 3, 5});
    }

    @Test
    void headsUpTheButtonPostsTheSmallBlindAndNobodyPostsTheBigBlindTwiceInARow() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).seated(CAROL, 3, 1000);
        permitted(1, 10, 20, 0);
        HandEvent.HandStarted first = started(deal()); // button 1, bb 3
        assertThat(first.bigBlindSeat()).isEqualTo(3);
        passiveToTheEnd();
        accept(when(new RemoveEntry(pid(ALICE), "t-2", "balance")));
        int lastBig = 3;
        for (int hand = 2; hand <= 5; hand++) {
            permitted(hand, 10, 20, 0);
            HandEvent.HandStarted s = started(deal());
            assertThat(s.smallBlindSeat()).isEqualTo(s.button());
            assertThat(s.bigBlindSeat()).as("hand %d", hand).isNotEqualTo(lastBig);
            lastBig = s.bigBlindSeat();
            passiveToTheEnd();
        }
    }

    // --- the end of a hand

    @Test
    void aHandEndsWithItsReportThenTheEliminations() {
        created().seated(ALICE, 1, 100).seated(BOB, 2, 1000).permitted(1, 10, 20, 0);
        deal(StackedDeck.deck(List.of(2, 1), Map.of(1, "7c2d", 2, "AsAd"), "KhQh9s4c3d"));
        act(ALICE, ActionType.ALL_IN, 0);
        List<TableEvent> end = act(BOB, ActionType.CALL, 0);

        int closed = end.indexOf(new HandClosed(TABLE, 1));
        assertThat(closed).isGreaterThanOrEqualTo(0);
        assertThat(end.subList(closed, end.size())).containsExactly(
                new HandClosed(TABLE, 1),
                new TournamentHandEnded(TABLE, TOURNAMENT, 1, List.of(
                        new HandStack(pid(ALICE), ALICE, 100, 0),
                        new HandStack(pid(BOB), BOB, 1000, 1100)), 1, 2),
                new ParticipantLeft(pid(ALICE), ALICE, TABLE, 1, 0, null, "eliminated"));
        assertThat(journal).noneMatch(e -> e instanceof ParticipantSatOut);
        assertThat(state.participants()).extracting(Participant::playerId).containsExactly(BOB);
        assertThat(TableDecider.repeatOf(state, new RemoveEntry(pid(ALICE), "t-2", "balance")))
                .as("a removal of the eliminated learns they left with nothing")
                .contains(new ParticipantLeft(pid(ALICE), ALICE, TABLE, 1, 0, null, "eliminated"));
    }

    @Test
    void twoTimeoutsSitAPlayerOutWhoIsStillDealtInAndBlindedAway() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).seated(CAROL, 3, 1000);
        for (int hand = 1; hand <= 2; hand++) {
            permitted(hand, 10, 20, 0);
            deal();
            while (state.handLive()) {
                TurnClock clock = state.clock();
                if (state.seat(clock.seatNumber()).orElseThrow().playerId().equals(ALICE)) {
                    accept(TableDecider.timeout(state, clock.handNumber(), clock.seatNumber(), clock.deadline()));
                } else {
                    String player = state.seat(clock.seatNumber()).orElseThrow().playerId();
                    act(player, state.hand().toCall(clock.seatNumber()) == 0 ? ActionType.CHECK : ActionType.CALL, 0);
                }
            }
        }
        assertThat(journal).contains(new ParticipantSatOut(pid(ALICE), TABLE, 1, "timeout"));
        permitted(3, 10, 20, 0);
        List<TableEvent> dealt = deal();
        assertThat(started(dealt).seats()).extracting(s -> s.playerId()).contains(ALICE);
        passiveToTheEnd();
        assertThat(journal).noneMatch(e -> e instanceof TableEvent.TurnClockStarted t && t.handNumber() == 3
                && t.seatNumber() == 1);
    }

    // --- CloseTable

    @Test
    void aClosedTableRefusesEverythingButARepeatedCloseAndDealsNoMore() {
        created().seated(ALICE, 1, 1000).seated(BOB, 2, 1000).permitted(1, 10, 20, 0);
        deal();
        assertThat(rejected(when(new CloseTable("finished")))).isEqualTo("hand_in_play");
        passiveToTheEnd();
        permitted(2, 10, 20, 0);
        TableClosed closed = new TableClosed(TABLE, "finished");
        assertThat(accept(when(new CloseTable("finished")))).containsExactly(closed);

        assertThat(TableDecider.canStartHand(state)).isFalse();
        assertThat(when(new CloseTable("again")).eventsOrThrow()).isEmpty();
        assertThat(TableDecider.repeatOf(state, new CloseTable("again"))).contains(closed);
        for (TableCommand command : List.<TableCommand>of(new SitOut(ALICE), new SitIn(ALICE),
                new Act(ALICE, 2, ActionType.FOLD, 0), new SeatEntry(pid(CAROL), CAROL, 10, 3),
                new RemoveEntry(pid(ALICE), null, "x"), new PermitHand(3, 1, 10, 20, 0),
                new JoinParticipant(pid(DAVE), DAVE, 100, null), new LeaveTable(BOB))) {
            assertThat(rejected(when(command))).as("%s", command).isEqualTo("table_closed");
        }
        assertThat(TableState.replay(TABLE, journal)).isEqualTo(state);
    }

    @Test
    void repeatOfKnowsNothingOfCommandsNotYetDone() {
        created().seated(ALICE, 1, 1000);
        assertThat(TableDecider.repeatOf(state, new SeatEntry(pid(BOB), BOB, 100, 2))).isEmpty();
        assertThat(TableDecider.repeatOf(state, new RemoveEntry(pid(ALICE), null, "x"))).isEmpty();
        assertThat(TableDecider.repeatOf(state, new PermitHand(1, 1, 10, 20, 0))).isEmpty();
        assertThat(TableDecider.repeatOf(state, new CloseTable("x"))).isEqualTo(Optional.empty());
    }
}
