package poker.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.StackedDeck;
import poker.domain.table.TableCommand.Act;
import poker.domain.table.TableCommand.LeaveTable;
import poker.domain.table.TableCommand.SitIn;
import poker.domain.table.TableCommand.SitOut;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeaving;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.ParticipantSatOut;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableEvent.TurnClockStarted;

/** Hands at a table: the engine's events inside the table's journal, the clock, sitting out and leaving. */
class TableHandsTest {

    static final String TABLE = "t-hands";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final TableSettings SETTINGS = new TableSettings("Hands", 5, 10, 6, 100, 2000, 20);
    static final List<String> SALTS = DeckCommitment.newSalts(new java.util.SplittableRandom(36));

    private TableState state = TableState.empty(TABLE);
    private final List<TableEvent> journal = new ArrayList<>();

    TableHandsTest seat(String player, int seat, long chips) {
        if (!state.created()) {
            record(List.of(new TableCreated(TABLE, SETTINGS, "creator", NOW)));
        }
        record(List.of(new ParticipantJoined("p-" + player, player, TABLE, chips, seat, false)));
        return this;
    }

    private List<TableEvent> record(List<TableEvent> events) {
        for (TableEvent e : events) {
            state = state.apply(e);
            journal.add(e);
        }
        return events;
    }

    private List<TableEvent> accept(Decision<TableEvent> decision) {
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Accepted.class);
        return record(decision.eventsOrThrow());
    }

    private List<TableEvent> start(List<Card> deck) {
        return accept(TableDecider.startHand(state, deck, SALTS, NOW));
    }

    private List<TableEvent> act(String player, ActionType action, long amount) {
        return accept(TableDecider.decide(state, new Act(player, state.hand().handNumber(), action, amount), NOW));
    }

    private static List<HandEvent> handEvents(List<TableEvent> events) {
        return events.stream().filter(e -> e instanceof HandProgressed).map(e -> ((HandProgressed) e).event()).toList();
    }

    private long chips(String player) {
        return state.participantOf(player).orElseThrow().chips();
    }

    @Test
    void aHandStartsWithBlindsHoleCardsAndTheFirstTurnClock() {
        seat("alice", 1, 1000).seat("bob", 2, 1000);
        assertThat(TableDecider.canStartHand(state)).isTrue();
        List<TableEvent> events = start(StackedDeck.deck(List.of(2, 1), Map.of(1, "AsAd", 2, "KsKd"), "2c7d9hJsQc"));

        assertThat(events.get(0)).isEqualTo(new TableEvent.DeckSalted(TABLE, 1, SALTS));
        HandEvent.HandStarted started = (HandEvent.HandStarted) ((HandProgressed) events.get(1)).event();
        DeckCommitment published = DeckCommitment.of(started.deck(), SALTS);
        assertThat(started.commitment()).isEqualTo(published.commitment());
        assertThat(started.leaves()).hasSize(52).isEqualTo(published.leaves());
        assertThat(started.button()).as("heads-up: the first button is the lowest seat").isEqualTo(1);
        assertThat(handEvents(events)).filteredOn(e -> e instanceof HandEvent.BlindPosted).hasSize(2);
        assertThat(events.get(events.size() - 1))
                .isEqualTo(new TurnClockStarted(TABLE, 1, 1, NOW.plusSeconds(20)));
        assertThat(state.clock()).isEqualTo(new TurnClock(1, 1, NOW.plusSeconds(20)));
        assertThat(TableDecider.canStartHand(state)).isFalse();
    }

    @Test
    void aHandWonByAFoldEndsClosedWithoutRevealingTheDeckAndStacksUpdated() {
        seat("alice", 1, 1000).seat("bob", 2, 1000);
        List<Card> deck = Deck.shuffled(new java.util.SplittableRandom(7));
        start(deck);
        List<TableEvent> events = act("alice", ActionType.FOLD, 0);

        assertThat(handEvents(events)).last().isInstanceOf(HandEvent.HandEnded.class);
        assertThat(events.get(events.size() - 1)).isEqualTo(new HandClosed(TABLE, 1));
        assertThat(journal).noneMatch(e -> e instanceof TableEvent.DeckRevealed);
        assertThat(chips("alice")).isEqualTo(995);
        assertThat(chips("bob")).isEqualTo(1005);
        assertThat(state.hand()).isNull();
        assertThat(state.clock()).isNull();
        assertThat(state.handsPlayed()).isEqualTo(1);
        assertThat(TableDecider.canStartHand(state)).isTrue();
    }

    @Test
    void headsUpTheButtonAlternatesSoNobodyPostsTheBigBlindTwice() {
        seat("alice", 1, 1000).seat("bob", 4, 1000);
        List<Integer> bigBlinds = new ArrayList<>();
        for (int hand = 0; hand < 4; hand++) {
            start(Deck.shuffled(new java.util.SplittableRandom(hand)));
            bigBlinds.add(state.hand().bigBlindSeat());
            String onTurn = state.seat(state.hand().toAct()).orElseThrow().playerId();
            act(onTurn, ActionType.FOLD, 0);
        }
        assertThat(bigBlinds).containsExactly(4, 1, 4, 1);
    }

    @Test
    void theClockChecksOrFoldsAtTheDeadlineAndTwoTimeoutsInARowSitOut() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        start(Deck.shuffled(new java.util.SplittableRandom(1)));
        TurnClock clock = state.clock();
        String late = state.seat(clock.seatNumber()).orElseThrow().playerId();

        assertThat(TableDecider.timeout(state, clock.handNumber(), clock.seatNumber(),
                clock.deadline().minusMillis(1)).eventsOrThrow()).as("not yet").isEmpty();
        List<TableEvent> first = accept(TableDecider.timeout(state, clock.handNumber(), clock.seatNumber(),
                clock.deadline()));
        assertThat(handEvents(first).get(0)).isEqualTo(new HandEvent.PlayerFolded(clock.seatNumber(), "timeout"));
        assertThat(state.participantOf(late).orElseThrow().timeouts()).isEqualTo(1);
        assertThat(first).noneMatch(e -> e instanceof ParticipantSatOut);

        // play the hand out, then let the same player time out again in the next hand
        while (state.hand() != null) {
            TurnClock c = state.clock();
            accept(TableDecider.timeout(state, c.handNumber(), c.seatNumber(), c.deadline()));
        }
        start(Deck.shuffled(new java.util.SplittableRandom(2)));
        while (state.hand() != null && !state.seat(state.clock().seatNumber()).orElseThrow().playerId().equals(late)) {
            String onTurn = state.seat(state.clock().seatNumber()).orElseThrow().playerId();
            act(onTurn, ActionType.CALL, 0);
        }
        TurnClock second = state.clock();
        List<TableEvent> events = accept(TableDecider.timeout(state, second.handNumber(), second.seatNumber(),
                second.deadline()));
        assertThat(events).contains(new ParticipantSatOut("p-" + late, TABLE, second.seatNumber(), "timeout"));
        assertThat(state.participantOf(late).orElseThrow().sittingOut()).isTrue();
        assertThat(accept(TableDecider.decide(state, new SitIn(late), NOW))).hasSize(1);
        assertThat(state.participantOf(late).orElseThrow().timeouts()).isZero();
    }

    @Test
    void aPlayerLeavingMidHandIsFoldedAtTheirTurnAndLeavesWhenItEnds() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        start(Deck.shuffled(new java.util.SplittableRandom(3)));
        int onTurn = state.hand().toAct();
        String next = state.participants().stream()
                .filter(p -> p.seatNumber() != onTurn && !state.hand().seat(p.seatNumber()).folded())
                .filter(p -> p.seatNumber() == state.hand().clockwiseAfter(onTurn).get(0).seat())
                .findFirst().orElseThrow().playerId();
        long before = chips(next);

        List<TableEvent> leaving = accept(TableDecider.decide(state, new LeaveTable(next), NOW));
        assertThat(leaving).containsExactly(new ParticipantLeaving("p-" + next, next, TABLE,
                state.participantOf(next).orElseThrow().seatNumber()));

        String first = state.seat(onTurn).orElseThrow().playerId();
        List<TableEvent> afterTurn = act(first, ActionType.CALL, 0);
        assertThat(handEvents(afterTurn)).contains(new HandEvent.PlayerFolded(
                state.participants().stream().filter(p -> p.playerId().equals(next)).findFirst()
                        .map(Participant::seatNumber).orElse(-1), null));
        while (state.hand() != null) {
            String player = state.seat(state.clock().seatNumber()).orElseThrow().playerId();
            act(player, state.hand().toCall(state.clock().seatNumber()) > 0 ? ActionType.CALL : ActionType.CHECK, 0);
        }
        ParticipantLeft left = (ParticipantLeft) journal.stream().filter(e -> e instanceof ParticipantLeft)
                .findFirst().orElseThrow();
        assertThat(left.playerId()).isEqualTo(next);
        assertThat(left.chipsReturned()).isLessThanOrEqualTo(before);
        assertThat(state.participantOf(next)).isEmpty();
    }

    @Test
    void aBustedPlayerSitsOutAndCannotSitInWithoutChips() {
        seat("alice", 1, 100).seat("bob", 2, 1000);
        start(StackedDeck.deck(List.of(2, 1), Map.of(1, "7c2d", 2, "AsAd"), "KhKs3c8d9s"));
        act("alice", ActionType.ALL_IN, 0);
        List<TableEvent> end = act("bob", ActionType.CALL, 0);
        assertThat(end).contains(new ParticipantSatOut("p-alice", TABLE, 1, "busted"));
        assertThat(chips("alice")).isZero();
        assertThat(chips("bob")).isEqualTo(1100);
        Decision<TableEvent> sitIn = TableDecider.decide(state, new SitIn("alice"), NOW);
        assertThat(((Decision.Rejected<TableEvent>) sitIn).rejection().code()).isEqualTo("no_chips");
        assertThat(TableDecider.canStartHand(state)).isFalse();
    }

    @Test
    void actionsAreCheckedForSeatTurnAndHand() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        start(Deck.shuffled(new java.util.SplittableRandom(4)));
        int onTurn = state.hand().toAct();
        String notOnTurn = state.participants().stream().filter(p -> p.seatNumber() != onTurn)
                .findFirst().orElseThrow().playerId();
        assertThat(code(new Act(notOnTurn, 1, ActionType.CALL, 0))).isEqualTo("not_your_turn");
        assertThat(code(new Act("stranger", 1, ActionType.CALL, 0))).isEqualTo("not_seated");
        String player = state.seat(onTurn).orElseThrow().playerId();
        assertThat(code(new Act(player, 2, ActionType.CALL, 0))).isEqualTo("hand_over");
        assertThat(code(new Act(player, 1, ActionType.CHECK, 0))).isEqualTo("illegal_action");
        assertThat(code(new Act(player, 1, ActionType.RAISE, 15))).isEqualTo("amount_out_of_range");
    }

    @Test
    void sittingOutBetweenHandsLeavesThePlayerOutOfTheNextDeal() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        accept(TableDecider.decide(state, new SitOut("carl"), NOW));
        start(Deck.shuffled(new java.util.SplittableRandom(5)));
        assertThat(state.hand().seats()).extracting(s -> s.playerId()).containsExactly("alice", "bob");
        assertThat(Duration.between(NOW, state.clock().deadline())).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void replayingTheJournalRebuildsTheSameTable() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        for (int hand = 0; hand < 3; hand++) {
            start(Deck.shuffled(new java.util.SplittableRandom(10 + hand)));
            while (state.hand() != null) {
                String player = state.seat(state.clock().seatNumber()).orElseThrow().playerId();
                act(player, state.hand().toCall(state.clock().seatNumber()) > 0 ? ActionType.CALL : ActionType.CHECK,
                        0);
            }
        }
        assertThat(TableState.replay(TABLE, journal)).isEqualTo(state);
        assertThat(state.participants().stream().mapToLong(Participant::chips).sum()).isEqualTo(3000);
    }

    // --- rule 12: cash-game blinds

    /** Plays the hand in play to its end: whoever is on turn checks when free, else folds. */
    private void playOut() {
        while (state.hand() != null) {
            int seat = state.clock().seatNumber();
            String player = state.seat(seat).orElseThrow().playerId();
            act(player, state.hand().toCall(seat) > 0 ? ActionType.FOLD : ActionType.CHECK, 0);
        }
    }

    private List<TableEvent> deal(int seed) {
        return start(Deck.shuffled(new java.util.SplittableRandom(seed)));
    }

    private List<String> dealtIn() {
        return state.hand().seats().stream().map(s -> s.playerId()).toList();
    }

    private List<HandEvent.BlindPosted> blinds(List<TableEvent> events) {
        return handEvents(events).stream().filter(e -> e instanceof HandEvent.BlindPosted)
                .map(e -> (HandEvent.BlindPosted) e).toList();
    }

    @Test
    void aNewcomerSeatedMidOrbitWaitsAndIsDealtInAsTheBigBlind() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        accept(TableDecider.decide(state, new TableCommand.JoinParticipant("p-erin", "erin", 1000, 5), NOW));

        deal(2); // button 2, small blind 3, big blind 4: the big blind has not reached seat 5
        assertThat(dealtIn()).containsExactly("alice", "bob", "carl", "dave");
        playOut();
        List<TableEvent> third = deal(3); // button 3, small blind 4, big blind 5: erin's

        assertThat(dealtIn()).contains("erin");
        assertThat(state.hand().bigBlindSeat()).isEqualTo(5);
        assertThat(blinds(third)).containsExactly(new HandEvent.BlindPosted(4, HandEvent.Blind.SMALL, 5),
                new HandEvent.BlindPosted(5, HandEvent.Blind.BIG, 10));
    }

    @Test
    void aPlayerBackAfterMissingTheBigBlindWaitsForItByDefault() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        accept(TableDecider.decide(state, new SitOut("dave"), NOW));
        deal(2); // button 2, small blind 3, big blind 1: it passes dave's seat 4
        playOut();
        accept(TableDecider.decide(state, new SitIn("dave"), NOW));

        deal(3); // button 3, small blind 1, big blind 2
        assertThat(dealtIn()).doesNotContain("dave");
        playOut();
        deal(4); // button 1, small blind 2, big blind 3
        assertThat(dealtIn()).doesNotContain("dave");
        playOut();
        List<TableEvent> fifth = deal(5); // button 2, small blind 3, big blind 4: dave's, nothing more owed

        assertThat(dealtIn()).contains("dave");
        assertThat(blinds(fifth)).containsExactly(new HandEvent.BlindPosted(3, HandEvent.Blind.SMALL, 5),
                new HandEvent.BlindPosted(4, HandEvent.Blind.BIG, 10));
    }

    private List<HandEvent> posts(List<TableEvent> events) {
        return handEvents(events).stream()
                .filter(e -> e instanceof HandEvent.BlindPosted || e instanceof HandEvent.AntePosted).toList();
    }

    private static HandEvent.BlindPosted posted(int seat, HandEvent.Blind blind, long amount) {
        return new HandEvent.BlindPosted(seat, blind, amount);
    }

    private long chipsOnTheTable() {
        return state.participants().stream().mapToLong(Participant::chips).sum();
    }

    private List<ActionType> legal() {
        return poker.domain.holdem.HoldemEngine.legalActions(state.hand()).stream().map(a -> a.action()).toList();
    }

    private String onTurn() {
        return state.seat(state.clock().seatNumber()).orElseThrow().playerId();
    }

    @Test
    void aNewcomerWhoPostsIsDealtInAtOnceWithALiveBigBlindAndTheOptionToCheck() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000)
                .seat("erin", 5, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        List<TableEvent> joined = accept(TableDecider.decide(state,
                new TableCommand.JoinParticipant("p-finn", "finn", 1000, 6, false), NOW));
        assertThat(joined).containsExactly(new ParticipantJoined("p-finn", "finn", TABLE, 1000, 6, false, false));

        List<TableEvent> second = deal(2); // button 2, small blind 3, big blind 4; finn posts a big blind too

        assertThat(dealtIn()).containsExactly("alice", "bob", "carl", "dave", "erin", "finn");
        assertThat(posts(second)).containsExactly(posted(3, HandEvent.Blind.SMALL, 5),
                posted(4, HandEvent.Blind.BIG, 10), posted(6, HandEvent.Blind.EXTRA_BIG, 10));
        assertThat(state.hand().seat(6).bet()).as("live: finn's bet").isEqualTo(10);
        act("erin", ActionType.CALL, 0);
        assertThat(onTurn()).isEqualTo("finn");
        assertThat(legal()).as("nobody raised: the option").contains(ActionType.CHECK, ActionType.RAISE)
                .doesNotContain(ActionType.CALL);
        act("finn", ActionType.CHECK, 0);
        act("alice", ActionType.FOLD, 0);
        act("bob", ActionType.FOLD, 0);
        act("carl", ActionType.CALL, 0);
        List<TableEvent> flop = act("dave", ActionType.CHECK, 0);

        assertThat(handEvents(flop)).last().isInstanceOf(HandEvent.FlopDealt.class);
        assertThat(state.hand().pots()).containsExactly(new poker.domain.holdem.Pot(40, List.of(3, 4, 5, 6)));
        playOut();
        assertThat(chipsOnTheTable()).isEqualTo(6000);
        assertThat(state.participantOf("finn").orElseThrow().owesBlinds()).isFalse();
    }

    @Test
    void aTableStartingWithNewcomersDealsEveryoneInWithoutExtraPosts() {
        record(List.of(new TableEvent.TableCreated(TABLE, SETTINGS, "creator", NOW)));
        accept(TableDecider.decide(state, new TableCommand.JoinParticipant("p-alice", "alice", 1000, 1), NOW));
        assertThat(TableDecider.canStartHand(state)).isFalse();
        accept(TableDecider.decide(state, new TableCommand.JoinParticipant("p-bob", "bob", 1000, 3, false), NOW));
        assertThat(state.participants()).extracting(Participant::status).containsExactly("waiting", "active");

        List<TableEvent> first = deal(1);

        assertThat(dealtIn()).containsExactly("alice", "bob");
        assertThat(posts(first)).containsExactly(posted(1, HandEvent.Blind.SMALL, 5), posted(3, HandEvent.Blind.BIG, 10));
        assertThat(state.participants()).allSatisfy(p -> {
            assertThat(p.owesBlinds()).isFalse();
            assertThat(p.status()).isEqualTo("active");
        });
        playOut();
        accept(TableDecider.decide(state, new TableCommand.JoinParticipant("p-carl", "carl", 1000, 2), NOW));
        deal(2); // heads-up: button 3 posts the small blind, alice the big blind; carl (seat 2) waits
        assertThat(dealtIn()).containsExactly("alice", "bob");
        assertThat(state.hand().bigBlindSeat()).isEqualTo(1);
    }

    /** Button, small blind and big blind seats of the hand in play. */
    private List<Integer> positions() {
        return List.of(state.hand().button(), state.hand().smallBlindSeat(), state.hand().bigBlindSeat());
    }

    @Test
    void fromHeadsUpTheBigBlindMovesOnToANewcomerAndTheBlindsGoRoundInTurn() {
        seat("alice", 1, 1000).seat("bob", 2, 1000);
        deal(1);
        assertThat(positions()).as("heads-up: alice's button posts the small blind").containsExactly(1, 1, 2);
        playOut();
        accept(TableDecider.decide(state, new TableCommand.JoinParticipant("p-carl", "carl", 1000, 3), NOW));

        deal(2);
        assertThat(dealtIn()).containsExactly("alice", "bob", "carl");
        assertThat(positions()).as("carl's big blind, bob's small, alice keeps the button").containsExactly(1, 2, 3);
        playOut();
        deal(3);
        assertThat(positions()).containsExactly(2, 3, 1);
        playOut();
        deal(4);
        assertThat(positions()).as("each has had each blind once").containsExactly(3, 1, 2);
    }

    @Test
    void withTwoInTheGameThePostersSeatAfterTheLastBigBlindTakesTheNextOne() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000);
        deal(1);
        assertThat(positions()).containsExactly(1, 2, 3);
        playOut();
        accept(TableDecider.decide(state, new LeaveTable("alice"), NOW));
        accept(TableDecider.decide(state, new TableCommand.JoinParticipant("p-dave", "dave", 1000, 1, false), NOW));

        List<TableEvent> second = deal(2);

        assertThat(positions()).as("carl, big blind last hand, posts the small blind; dave the big one")
                .containsExactly(2, 3, 1);
        assertThat(posts(second)).containsExactly(posted(3, HandEvent.Blind.SMALL, 5), posted(1, HandEvent.Blind.BIG, 10));
    }

    @Test
    void withTwoInTheGameAPosterWhereTheButtonWouldBeWaitsAndTakesTheNextBigBlind() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        deal(2); // button 2, small blind 3, big blind 4
        playOut();
        deal(3);
        assertThat(positions()).as("alice's big blind").containsExactly(3, 4, 1);
        playOut();
        accept(TableDecider.decide(state, new SitOut("alice"), NOW));
        deal(4); // button 4, small blind 2 (passing alice: she misses it), big blind 3
        playOut();
        accept(TableDecider.decide(state, new LeaveTable("bob"), NOW));
        accept(TableDecider.decide(state, new SitIn("alice", false), NOW));
        assertThat(state.participantOf("alice").orElseThrow().blindsDue())
                .isEqualTo(Participant.BlindsDue.MISSED_SMALL);

        deal(5);
        assertThat(positions()).as("carl and dave in the game: carl's button posts the small blind")
                .containsExactly(3, 3, 4);
        assertThat(dealtIn()).as("alice sits where a third player's button is: she waits for the big blind")
                .containsExactly("carl", "dave");
        playOut();
        List<TableEvent> sixth = deal(6);

        assertThat(positions()).as("the big blind moves on from dave to alice").containsExactly(3, 4, 1);
        assertThat(posts(sixth)).as("her big blind settles what she owed")
                .containsExactly(posted(4, HandEvent.Blind.SMALL, 5), posted(1, HandEvent.Blind.BIG, 10));
        playOut();
        deal(7);
        assertThat(positions()).as("then round in turn: the big blind to carl, the next after alice")
                .containsExactly(4, 1, 3);
    }

    @Test
    void aPlayerBackAfterMissingTheBigBlindPostsItLiveAndTheSmallBlindDead() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        accept(TableDecider.decide(state, new SitOut("dave"), NOW));
        List<TableEvent> second = deal(2); // button 2, small blind 3, big blind 1: passes dave's seat

        assertThat(second.get(0)).isEqualTo(new TableEvent.BlindMissed(TABLE, "p-dave", 4, 2, HandEvent.Blind.BIG));
        assertThat(second.get(1)).isInstanceOf(TableEvent.DeckSalted.class);
        assertThat(state.participantOf("dave").orElseThrow().blindsDue())
                .isEqualTo(Participant.BlindsDue.MISSED_BIG);
        playOut();
        assertThat(accept(TableDecider.decide(state, new SitIn("dave", false), NOW)))
                .containsExactly(new TableEvent.ParticipantSatIn("p-dave", TABLE, 4, false));

        deal(3); // button 3, small blind 1, big blind 2
        assertThat(dealtIn()).as("between the button and the small blind: waits for the button to pass")
                .doesNotContain("dave");
        playOut();
        List<TableEvent> fourth = deal(4); // button 1, small blind 2, big blind 3; dave posts both

        assertThat(dealtIn()).contains("dave");
        assertThat(posts(fourth)).containsExactly(posted(2, HandEvent.Blind.SMALL, 5), posted(3, HandEvent.Blind.BIG, 10),
                posted(4, HandEvent.Blind.EXTRA_BIG, 10), posted(4, HandEvent.Blind.DEAD_SMALL, 5));
        assertThat(state.hand().seat(4).bet()).as("the big blind is live").isEqualTo(10);
        assertThat(state.hand().seat(4).stack()).isEqualTo(985);
        assertThat(state.hand().collectedPots()).as("the small blind is dead money in the pot")
                .containsExactly(new poker.domain.holdem.Pot(5, List.of(1, 2, 3, 4)));
        assertThat(onTurn()).isEqualTo("dave");
        assertThat(legal()).contains(ActionType.CHECK);
        act("dave", ActionType.CHECK, 0);
        act("alice", ActionType.FOLD, 0);
        act("bob", ActionType.CALL, 0);
        act("carl", ActionType.CHECK, 0);
        assertThat(state.hand().pots()).containsExactly(new poker.domain.holdem.Pot(35, List.of(2, 3, 4)));
        playOut();

        List<HandEvent> hand = handEvents(journal.subList(journal.indexOf(fourth.get(0)), journal.size()));
        assertThat(hand.stream().filter(e -> e instanceof HandEvent.HandWon)
                .mapToLong(e -> ((HandEvent.HandWon) e).amount()).sum()).as("the pot won").isEqualTo(35);
        assertThat(chipsOnTheTable()).isEqualTo(4000);
        assertThat(TableState.replay(TABLE, journal)).isEqualTo(state);
    }

    @Test
    void aPlayerBackAfterMissingOnlyTheSmallBlindPostsItDead() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        accept(TableDecider.decide(state, new SitOut("carl"), NOW));
        List<TableEvent> second = deal(2); // button 2, small blind 4 (passing carl), big blind 1
        assertThat(second).filteredOn(e -> e instanceof TableEvent.BlindMissed)
                .containsExactly(new TableEvent.BlindMissed(TABLE, "p-carl", 3, 2, HandEvent.Blind.SMALL));
        playOut();
        accept(TableDecider.decide(state, new SitIn("carl", false), NOW));

        List<TableEvent> third = deal(3); // button 4, small blind 1, big blind 2; carl posts the small blind dead

        assertThat(posts(third)).containsExactly(posted(1, HandEvent.Blind.SMALL, 5), posted(2, HandEvent.Blind.BIG, 10),
                posted(3, HandEvent.Blind.DEAD_SMALL, 5));
        assertThat(state.hand().seat(3).bet()).as("dead: not carl's bet").isZero();
        assertThat(legal()).as("carl must still call the big blind").contains(ActionType.CALL)
                .doesNotContain(ActionType.CHECK);
        playOut();
        assertThat(chipsOnTheTable()).isEqualTo(4000);
    }

    @Test
    void aPlayerWhoseChipsWouldAllGoInDeadWaitsForTheBigBlindInstead() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 5);
        record(List.of(new ParticipantSatOut("p-dave", TABLE, 4, "requested"),
                new TableEvent.BlindMissed(TABLE, "p-dave", 4, 1, HandEvent.Blind.SMALL)));
        accept(TableDecider.decide(state, new SitIn("dave", false), NOW));

        deal(1); // button 1, small blind 2, big blind 3
        assertThat(dealtIn()).as("all in on a dead small blind, dave could win nothing").doesNotContain("dave");
        playOut();
        List<TableEvent> second = deal(2); // button 2, small blind 3, big blind 4: dave's, live

        assertThat(posts(second)).containsExactly(posted(3, HandEvent.Blind.SMALL, 5), posted(4, HandEvent.Blind.BIG, 5));
        assertThat(state.participantOf("dave").orElseThrow().owesBlinds()).isFalse();
    }

    @Test
    void aPlayerBackBeforeTheBlindsReachedThemOwesNothing() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        accept(TableDecider.decide(state, new SitOut("alice"), NOW));
        List<TableEvent> second = deal(2); // button 2, small blind 3, big blind 4: only the button passed alice
        assertThat(second).noneMatch(e -> e instanceof TableEvent.BlindMissed);
        playOut();

        assertThat(accept(TableDecider.decide(state, new SitIn("alice", false), NOW)))
                .containsExactly(new TableEvent.ParticipantSatIn("p-alice", TABLE, 1, null));
        List<TableEvent> third = deal(3); // button 3, small blind 4, big blind 1: alice's turn, nothing extra

        assertThat(dealtIn()).contains("alice");
        assertThat(posts(third)).containsExactly(posted(4, HandEvent.Blind.SMALL, 5), posted(1, HandEvent.Blind.BIG, 10));
    }

    @Test
    void aPlayerWaitingForTheBigBlindMayChooseToPostInstead() {
        seat("alice", 1, 1000).seat("bob", 2, 1000).seat("carl", 3, 1000).seat("dave", 4, 1000);
        deal(1); // button 1, small blind 2, big blind 3
        playOut();
        accept(TableDecider.decide(state, new TableCommand.JoinParticipant("p-erin", "erin", 1000, 6), NOW));
        assertThat(statusOf(state, "erin")).isEqualTo("waiting");
        assertThat(accept(TableDecider.decide(state, new SitIn("erin"), NOW))).as("already waiting").isEmpty();
        assertThat(accept(TableDecider.decide(state, new SitIn("erin", false), NOW)))
                .containsExactly(new TableEvent.ParticipantSatIn("p-erin", TABLE, 6, false));
        assertThat(statusOf(state, "erin")).isEqualTo("active");

        List<TableEvent> second = deal(2); // button 2, small blind 3, big blind 4: erin posts at seat 6

        assertThat(dealtIn()).containsExactly("alice", "bob", "carl", "dave", "erin");
        assertThat(posts(second)).containsExactly(posted(3, HandEvent.Blind.SMALL, 5), posted(4, HandEvent.Blind.BIG, 10),
                posted(6, HandEvent.Blind.EXTRA_BIG, 10));
    }

    private static String statusOf(TableState table, String player) {
        return poker.domain.table.view.TableView.of(table, player).seats().stream()
                .filter(s -> s.playerId().equals(player)).findFirst().orElseThrow().status();
    }

    private String code(TableCommand command) {
        Decision<TableEvent> d = TableDecider.decide(state, command, NOW);
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<TableEvent>) d).rejection().code();
    }
}
