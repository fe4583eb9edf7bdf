package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.history.PokerStarsHistoryParser.Action;
import poker.domain.history.PokerStarsHistoryParser.ParsedHand;
import poker.domain.history.PokerStarsHistoryParser.Street;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HandState;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.SeatSetup;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;

/** Real hands played through the engine, written out and compared line for line. */
class PokerStarsHistoryTest {

    private static String history(TestHand hand, Integer viewer) {
        return PokerStarsHistory.format(Scenarios.context(hand), hand.events(), viewer);
    }

    @Test
    void aHandWonByFoldsPreflopReturnsTheUncalledRaise() {
        String text = history(Scenarios.wonByFoldsPreflop(), 3);

        assertThat(text).isEqualTo("""
                PokerStars Hand #1234:  Hold'em No Limit (5/10) - 2026/11/27 10:00:00 UTC [2026/11/27 5:00:00 ET]
                Table 'Main' 6-max Seat #1 is the button
                Seat 1: alice (500 in chips)
                Seat 2: bob (400 in chips)
                Seat 3: carol (1000 in chips)
                Seat 5: dave (800 in chips)
                bob: posts small blind 5
                carol: posts big blind 10
                *** HOLE CARDS ***
                Dealt to carol [Ah Kd]
                dave: raises 20 to 30
                alice: folds
                bob: folds
                carol: raises 70 to 100
                dave: folds
                Uncalled bet (70) returned to carol
                carol collected 65 from pot
                carol: doesn't show hand
                *** SUMMARY ***
                Total pot 65 | Rake 0
                Seat 1: alice (button) folded before Flop (didn't bet)
                Seat 2: bob (small blind) folded before Flop
                Seat 3: carol (big blind) collected (65)
                Seat 5: dave folded before Flop
                """);

        ParsedHand hand = PokerStarsHistoryParser.parse(text);
        assertThat(hand.handId()).isEqualTo(1234);
        assertThat(hand.smallBlind()).isEqualTo(5);
        assertThat(hand.bigBlind()).isEqualTo(10);
        assertThat(hand.buttonSeat()).isEqualTo(1);
        assertThat(hand.dealt()).isEqualTo(Map.of("carol", Card.parseAll("Ah Kd")));
        assertThat(hand.actions().get(Street.PREFLOP)).containsExactly(
                new Action("dave", "raises", 20, 30, false),
                new Action("alice", "folds", 0, 0, false),
                new Action("bob", "folds", 0, 0, false),
                new Action("carol", "raises", 70, 100, false),
                new Action("dave", "folds", 0, 0, false));
        assertThat(hand.board()).isEmpty();
        assertThat(hand.collectedByPlayer()).isEqualTo(Map.of("carol", 65L));
        assertThat(hand.totalPot()).isEqualTo(65);
    }

    @Test
    void aShowdownWhereTheBeatenHandIsMucked() {
        String text = history(Scenarios.showdownWithMuck(), 3);

        assertThat(text).isEqualTo("""
                PokerStars Hand #1234:  Hold'em No Limit (5/10) - 2026/11/27 10:00:00 UTC [2026/11/27 5:00:00 ET]
                Table 'Main' 6-max Seat #1 is the button
                Seat 1: alice (500 in chips)
                Seat 2: bob (500 in chips)
                Seat 3: carol (500 in chips)
                bob: posts small blind 5
                carol: posts big blind 10
                *** HOLE CARDS ***
                Dealt to carol [Ac 7h]
                alice: calls 10
                bob: calls 5
                carol: checks
                *** FLOP *** [2c 7d Th]
                bob: checks
                carol: bets 20
                alice: folds
                bob: calls 20
                *** TURN *** [2c 7d Th] [Js]
                bob: checks
                carol: checks
                *** RIVER *** [2c 7d Th Js] [5h]
                bob: bets 40
                carol: calls 40
                *** SHOW DOWN ***
                bob: shows [Qs Qd] (a pair of Queens)
                carol: mucks hand
                bob collected 150 from pot
                *** SUMMARY ***
                Total pot 150 | Rake 0
                Board [2c 7d Th Js 5h]
                Seat 1: alice (button) folded on the Flop
                Seat 2: bob (small blind) showed [Qs Qd] and won (150) with a pair of Queens
                Seat 3: carol (big blind) mucked [Ac 7h]
                """);

        ParsedHand hand = PokerStarsHistoryParser.parse(text);
        assertThat(hand.actions().get(Street.FLOP)).containsExactly(
                new Action("bob", "checks", 0, 0, false),
                new Action("carol", "bets", 20, 0, false),
                new Action("alice", "folds", 0, 0, false),
                new Action("bob", "calls", 20, 0, false));
        assertThat(hand.actions().get(Street.RIVER)).hasSize(2);
        assertThat(hand.board()).isEqualTo(Card.parseAll("2c 7d Th Js 5h"));
        assertThat(hand.shown()).isEqualTo(Map.of("bob", Card.parseAll("Qs Qd")));
        assertThat(hand.mucked()).containsExactly("carol");
        assertThat(hand.collectedByPlayer()).isEqualTo(Map.of("bob", 150L));
    }

    @Test
    void aMuckedHandStaysHiddenFromEveryoneElse() {
        String text = history(Scenarios.showdownWithMuck(), 2);

        assertThat(text).contains("Dealt to bob [Qs Qd]", "carol: mucks hand", "Seat 3: carol (big blind) mucked\n")
                .doesNotContain("Ac", "7h");
    }

    @Test
    void anAllInWithASidePot() {
        String text = history(Scenarios.allInWithSidePot(), null);

        assertThat(text).isEqualTo("""
                PokerStars Hand #1234:  Hold'em No Limit (50/100) - 2026/11/27 10:00:00 UTC [2026/11/27 5:00:00 ET]
                Table 'Main' 6-max Seat #1 is the button
                Seat 1: alice (300 in chips)
                Seat 2: bob (700 in chips)
                Seat 3: carol (1500 in chips)
                bob: posts small blind 50
                carol: posts big blind 100
                *** HOLE CARDS ***
                alice: raises 200 to 300 and is all-in
                bob: raises 400 to 700 and is all-in
                carol: calls 600
                *** FLOP *** [2c 7d 9h]
                *** TURN *** [2c 7d 9h] [Jc]
                *** RIVER *** [2c 7d 9h Jc] [3s]
                *** SHOW DOWN ***
                bob: shows [Ks Kd] (a pair of Kings)
                carol: shows [Qs Qd] (a pair of Queens)
                alice: shows [As Ad] (a pair of Aces)
                bob collected 800 from side pot
                alice collected 900 from main pot
                *** SUMMARY ***
                Total pot 1700 Main pot 900. Side pot 800. | Rake 0
                Board [2c 7d 9h Jc 3s]
                Seat 1: alice (button) showed [As Ad] and won (900) with a pair of Aces
                Seat 2: bob (small blind) showed [Ks Kd] and won (800) with a pair of Kings
                Seat 3: carol (big blind) showed [Qs Qd] and lost with a pair of Queens
                """);

        ParsedHand hand = PokerStarsHistoryParser.parse(text);
        assertThat(hand.dealt()).isEmpty();
        assertThat(hand.actions().get(Street.PREFLOP)).containsExactly(
                new Action("alice", "raises", 200, 300, true),
                new Action("bob", "raises", 400, 700, true),
                new Action("carol", "calls", 600, 0, false));
        assertThat(hand.potBreakdown()).containsExactly(900L, 800L);
        assertThat(hand.collectedByPlayer()).isEqualTo(Map.of("alice", 900L, "bob", 800L));
        assertThat(hand.totalPot()).isEqualTo(1700);
    }

    @Test
    void aSplitPotGivesTheOddChipLeftOfTheButton() {
        String text = history(Scenarios.splitPot(), 1);

        assertThat(text).isEqualTo("""
                PokerStars Hand #1234:  Hold'em No Limit (25/50) - 2026/11/27 10:00:00 UTC [2026/11/27 5:00:00 ET]
                Table 'Main' 6-max Seat #3 is the button
                Seat 1: alice (1000 in chips)
                Seat 2: bob (1000 in chips)
                Seat 3: carol (1000 in chips)
                alice: posts small blind 25
                bob: posts big blind 50
                *** HOLE CARDS ***
                Dealt to alice [8c 8d]
                carol: raises 100 to 150
                alice: folds
                bob: calls 100
                *** FLOP *** [Ah Kh Qh]
                bob: checks
                carol: checks
                *** TURN *** [Ah Kh Qh] [Jh]
                bob: checks
                carol: checks
                *** RIVER *** [Ah Kh Qh Jh] [Th]
                bob: checks
                carol: checks
                *** SHOW DOWN ***
                bob: shows [2s 3d] (a Royal Flush)
                carol: shows [4c 5d] (a Royal Flush)
                bob collected 163 from pot
                carol collected 162 from pot
                *** SUMMARY ***
                Total pot 325 | Rake 0
                Board [Ah Kh Qh Jh Th]
                Seat 1: alice (small blind) folded before Flop
                Seat 2: bob (big blind) showed [2s 3d] and won (163) with a Royal Flush
                Seat 3: carol (button) showed [4c 5d] and won (162) with a Royal Flush
                """);

        ParsedHand hand = PokerStarsHistoryParser.parse(text);
        assertThat(hand.collectedByPlayer()).isEqualTo(Map.of("bob", 163L, "carol", 162L));
        assertThat(hand.totalPot()).isEqualTo(325);
    }

    @Test
    void namesComeFromTheContextAndCannotBreakALine() {
        TestHand hand = Scenarios.wonByFoldsPreflop();
        HistoryContext ctx = new HistoryContext(9, "Main", 6, Scenarios.STARTED,
                Map.of(1, "ali\nce", 2, "Bob Smith"));

        String text = PokerStarsHistory.format(ctx, hand.events(), null);

        assertThat(text).contains("Seat 1: ali ce (500 in chips)", "Seat 2: Bob Smith (400 in chips)",
                "Seat 3: player-3 (1000 in chips)");
        assertThat(PokerStarsHistoryParser.parse(text).seats()).hasSize(4);
    }

    @Test
    void aHandStillInPlayIsNotWritten() {
        TestHand hand = Scenarios.wonByFoldsPreflop();
        List<HandEvent> live = hand.events().subList(0, 8);

        assertThatThrownBy(() -> PokerStarsHistory.format(Scenarios.context(hand), live, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not over");
    }

    @Test
    void antesTimeoutsAndSittingOutPlayersAreWrittenAsPokerStarsDoes() {
        // tournament: button 1, small blind 2, big blind 3 posts the ante; seat 4 sits out, seat 1 times out
        List<SeatSetup> seats = List.of(
                SeatSetup.of(1, "p1", 1000), SeatSetup.of(2, "p2", 1000),
                SeatSetup.of(3, "p3", 1000), new SeatSetup(4, "p4", 1000, true));
        HandSetup setup = HandSetup.tournament(3, seats, 1, 2, 3, 50, 100,
                100, Card.all(), "c");
        List<HandEvent> events = new ArrayList<>(HoldemEngine.start(setup));
        HandState state = HandState.replay(events);
        events.addAll(HoldemEngine.timeout(state));
        state = HandState.replay(events);
        events.addAll(HoldemEngine.act(state, 2, ActionType.FOLD, 0)
                .eventsOrThrow());
        HistoryContext ctx = new HistoryContext(77, "Final", 9, Scenarios.STARTED, Map.of());

        String text = PokerStarsHistory.format(ctx, events, null);

        assertThat(text).isEqualTo("""
                PokerStars Hand #77:  Hold'em No Limit (50/100) - 2026/11/27 10:00:00 UTC [2026/11/27 5:00:00 ET]
                Table 'Final' 9-max Seat #1 is the button
                Seat 1: p1 (1000 in chips)
                Seat 2: p2 (1000 in chips)
                Seat 3: p3 (1000 in chips)
                Seat 4: p4 (1000 in chips) is sitting out
                p2: posts small blind 50
                p3: posts big blind 100
                p3: posts the ante 100
                *** HOLE CARDS ***
                p4: folds
                p1 has timed out
                p1: folds
                p2: folds
                Uncalled bet (50) returned to p3
                p3 collected 200 from pot
                p3: doesn't show hand
                *** SUMMARY ***
                Total pot 200 | Rake 0
                Seat 1: p1 (button) folded before Flop (didn't bet)
                Seat 2: p2 (small blind) folded before Flop
                Seat 3: p3 (big blind) collected (200)
                Seat 4: p4 folded before Flop (didn't bet)
                """);
        assertThat(PokerStarsHistoryParser.parse(text).posts()).hasSize(3);
    }

    @Test
    void newAndReturningPlayersPostsAreWrittenAsPokerStarsDoes() {
        String text = history(Scenarios.postsOfNewAndReturningPlayers(), 5);

        assertThat(text).isEqualTo("""
                PokerStars Hand #1234:  Hold'em No Limit (5/10) - 2026/11/27 10:00:00 UTC [2026/11/27 5:00:00 ET]
                Table 'Main' 6-max Seat #1 is the button
                Seat 1: alice (500 in chips)
                Seat 2: bob (500 in chips)
                Seat 3: carol (500 in chips)
                Seat 4: gail (800 in chips) is sitting out
                Seat 5: erin (400 in chips)
                Seat 6: finn (300 in chips)
                bob: posts small blind 5
                carol: posts big blind 10
                erin: posts small & big blinds 15
                finn: posts big blind 10
                *** HOLE CARDS ***
                Dealt to erin [Ah Ad]
                erin: checks
                finn: checks
                alice: folds
                bob: folds
                carol: checks
                *** FLOP *** [2c 7d Th]
                carol: checks
                erin: bets 20
                finn: folds
                carol: folds
                Uncalled bet (20) returned to erin
                erin collected 40 from pot
                erin: doesn't show hand
                *** SUMMARY ***
                Total pot 40 | Rake 0
                Board [2c 7d Th]
                Seat 1: alice (button) folded before Flop (didn't bet)
                Seat 2: bob (small blind) folded before Flop
                Seat 3: carol (big blind) folded on the Flop
                Seat 5: erin collected (40)
                Seat 6: finn folded on the Flop
                """);

        ParsedHand hand = PokerStarsHistoryParser.parse(text);
        assertThat(hand.seats()).extracting(PokerStarsHistoryParser.Seat::sittingOut)
                .containsExactly(false, false, false, true, false, false);
        assertThat(hand.posts()).extracting(p -> p.player() + " " + p.kind() + " " + p.amount())
                .containsExactly("bob small blind 5", "carol big blind 10", "erin small & big blinds 15",
                        "finn big blind 10");
        assertThat(hand.totalPot()).isEqualTo(40);
    }

    @Test
    void aDeadSmallBlindAloneReadsAsASecondSmallBlind() {
        TestHand played = TestHand.table().button(1).blinds(5, 10)
                .seat(1, "alice", 500, "9c8d").seat(2, "bob", 500, "7h2s").seat(3, "carol", 500, "QsJd")
                .seat(4, "dave", 500, "AhAd")
                .posts(4, HandEvent.Blind.DEAD_SMALL)
                .board("2c7dTh5h8s")
                .start()
                .act(4, CALL).act(1, FOLD).act(2, FOLD).act(3, CHECK)
                .act(3, CHECK).act(4, BET, 10).act(3, FOLD);

        String text = history(played, null);

        assertThat(text).contains("bob: posts small blind 5\ncarol: posts big blind 10\ndave: posts small blind 5\n"
                + "*** HOLE CARDS ***\ndave: calls 10\n");
        ParsedHand hand = PokerStarsHistoryParser.parse(text);
        assertThat(hand.totalPot()).as("the dead small blind is in the pot").isEqualTo(30);
        assertThat(hand.collectedByPlayer()).isEqualTo(Map.of("dave", 30L));
    }

    @Test
    void seatedPlayersNotDealtInAreListedAsSittingOut() {
        String table = "t-out";
        Instant now = Scenarios.STARTED;
        TableState state = TableState.replay(table, List.of(
                new TableEvent.TableCreated(table,
                        new TableSettings("Main", 5, 10, 6, 100, 2000, 20), "c", now),
                joined(table, "alice", 1, 1000), joined(table, "bob", 2, 1000), joined(table, "carl", 3, 700),
                new TableEvent.ParticipantSatOut("p-carl", table, 3, "requested")));
        List<TableEvent> dealt = TableDecider.startHand(state,
                Deck.shuffled(new SplittableRandom(3)),
                DeckCommitment.newSalts(new SplittableRandom(4)), now).eventsOrThrow();
        List<HandEvent> events = new ArrayList<>();
        for (TableEvent e : dealt) {
            state = state.apply(e);
            if (e instanceof TableEvent.HandProgressed p) {
                events.add(p.event());
            }
        }
        int onTurn = state.hand().toAct();
        events.addAll(HoldemEngine.act(state.hand(), onTurn, ActionType.FOLD, 0).eventsOrThrow());
        HistoryContext ctx = new HistoryContext(9, "Main", 6, now, Map.of(1, "alice", 2, "bob", 3, "carl"));

        String text = PokerStarsHistory.format(ctx, events, null);

        assertThat(text).contains("Seat 1: alice (1000 in chips)\nSeat 2: bob (1000 in chips)\n"
                + "Seat 3: carl (700 in chips) is sitting out\n");
        assertThat(text.substring(text.indexOf("*** SUMMARY ***"))).doesNotContain("carl");
        ParsedHand parsed = PokerStarsHistoryParser.parse(text);
        assertThat(parsed.seats()).extracting(PokerStarsHistoryParser.Seat::sittingOut).containsExactly(false, false, true);
    }

    private static TableEvent joined(String table, String player, int seat, long chips) {
        return new TableEvent.ParticipantJoined("p-" + player, player, table, chips, seat,
                false);
    }
}
