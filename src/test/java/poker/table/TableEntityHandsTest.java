package poker.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.StackedDeck;
import poker.domain.table.Participant;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;
import poker.support.EntityTestKit;

/** Whole hands through the table entity: its timers deal and run the clock, its journal replays them. */
class TableEntityHandsTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final Duration PAUSE = Duration.ofMillis(50);

    private final Deque<List<Card>> decks = new ArrayDeque<>();
    private EventSourcedBehaviorTestKit<TableEntity.Command, TableEvent, TableState> kit;
    private String tableId;

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    @BeforeEach
    void setUp() {
        tableId = "hands-" + System.nanoTime();
    }

    /** Decks come from the queue (then random ones): the deck is injected only here, in tests. */
    private void table(int actionSeconds, String... playersAndChips) {
        TableEntity.Dealer dealer = new TableEntity.Dealer() {
            @Override
            public List<Card> shuffle() {
                return decks.isEmpty() ? Deck.shuffled(new java.util.SplittableRandom(decks.size())) : decks.poll();
            }

            @Override
            public List<String> salts() {
                return DeckCommitment.newSalts(new java.util.SplittableRandom(decks.size()));
            }
        };
        kit = EventSourcedBehaviorTestKit.create(TESTKIT.system(), TableEntity.create(tableId, "table-0",
                new TableEntity.Environment(Clock.systemUTC(), dealer, PAUSE)));
        run(new TableCommand.CreateTable(tableId, new TableSettings("E", 5, 10, 6, 10, 5000, actionSeconds), "c",
                Instant.now()));
        for (int i = 0; i < playersAndChips.length; i += 2) {
            run(new TableCommand.JoinParticipant("p-" + playersAndChips[i], playersAndChips[i],
                    Long.parseLong(playersAndChips[i + 1]), null));
        }
    }

    private TableEntity.Reply run(TableCommand command) {
        return kit.<TableEntity.Reply>runCommand(r -> new TableEntity.Execute(command, r)).reply();
    }

    private TableState awaitState(java.util.function.Predicate<TableState> condition) {
        TestProbe<TableState> probe = TESTKIT.createTestProbe();
        return probe.awaitAssert(Duration.ofSeconds(10), () -> {
            TableState s = kit.runCommand(TableEntity.GetState::new).reply();
            assertThat(condition.test(s)).as("state %s", s).isTrue();
            return s;
        });
    }

    private TableEntity.Reply act(String player, ActionType action, long amount) {
        TableState s = kit.<TableState>runCommand(TableEntity.GetState::new).reply();
        return run(new TableCommand.Act(player, s.hand().handNumber(), action, amount));
    }

    private long chips(TableState s, String player) {
        return s.participantOf(player).map(Participant::chips).orElseThrow();
    }

    @Test
    void aFullHandToShowdown() {
        // button seat 1 (alice), sb bob (2), bb carl (3); alice acts first preflop
        decks.add(StackedDeck.deck(List.of(2, 3, 1), Map.of(1, "AhAd", 2, "KhKd", 3, "7c2s"), "As9c4d3hJs"));
        table(30, "alice", "1000", "bob", "1000", "carl", "1000");
        awaitState(s -> s.hand() != null && s.clock() != null);

        act("alice", ActionType.RAISE, 30);
        act("bob", ActionType.CALL, 0);
        act("carl", ActionType.FOLD, 0);
        for (int street = 0; street < 3; street++) {
            act("bob", ActionType.CHECK, 0);
            act("alice", ActionType.CHECK, 0);
        }
        TableState end = awaitState(s -> s.handsPlayed() == 1);
        assertThat(chips(end, "alice")).isEqualTo(1040);
        assertThat(chips(end, "bob")).isEqualTo(970);
        assertThat(chips(end, "carl")).isEqualTo(990);
        List<TableEvent> journal = PersistenceTestKit.create(TESTKIT.system())
                .<TableEvent>persistedInStorage("Table|" + tableId).stream().map(o -> (TableEvent) o).toList();
        assertThat(journal).anyMatch(e -> e instanceof TableEvent.HandProgressed h
                && h.event() instanceof HandEvent.CardsShown c && c.seat() == 1);
        assertThat(journal).anyMatch(e -> e instanceof TableEvent.DeckSalted)
                .anyMatch(e -> e instanceof TableEvent.HandClosed)
                .noneMatch(e -> e instanceof TableEvent.DeckRevealed);
    }

    @Test
    void aHandWonByFoldsAndTheNextOneIsDealtAfterThePause() {
        table(30, "alice", "1000", "bob", "1000");
        awaitState(s -> s.hand() != null && s.clock() != null);
        TableState s = kit.<TableState>runCommand(TableEntity.GetState::new).reply();
        String first = s.seat(s.hand().toAct()).orElseThrow().playerId();
        act(first, ActionType.FOLD, 0);
        TableState next = awaitState(t -> t.handsPlayed() == 1 && t.hand() != null);
        assertThat(next.hand().handNumber()).isEqualTo(2);
        assertThat(chips(next, "alice") + chips(next, "bob")).isEqualTo(2000);
    }

    @Test
    void threeWayAllInWithASidePot() {
        // alice (seat 1, button) 300 with aces, bob (2, sb) 1000 with kings, carl (3, bb) 1000 with queens
        decks.add(StackedDeck.deck(List.of(2, 3, 1), Map.of(1, "AhAd", 2, "KhKd", 3, "QhQd"), "2c7d9s3h4c"));
        table(30, "alice", "300", "bob", "1000", "carl", "1000");
        awaitState(s -> s.hand() != null && s.clock() != null);
        act("alice", ActionType.ALL_IN, 0);
        act("bob", ActionType.ALL_IN, 0);
        act("carl", ActionType.CALL, 0);
        TableState end = awaitState(s -> s.handsPlayed() == 1);
        assertThat(chips(end, "alice")).isEqualTo(900);
        assertThat(chips(end, "bob")).isEqualTo(1400);
        assertThat(chips(end, "carl")).isZero();
        assertThat(end.participantOf("carl").orElseThrow().sittingOut()).as("busted").isTrue();
    }

    @Test
    void theClockFoldsAPlayerWhoDoesNothing() {
        table(1, "alice", "1000", "bob", "1000");
        TableState dealt = awaitState(s -> s.hand() != null && s.clock() != null);
        int late = dealt.clock().seatNumber();
        TableState after = awaitState(s -> s.handsPlayed() >= 1);
        List<TableEvent> journal = PersistenceTestKit.create(TESTKIT.system())
                .<TableEvent>persistedInStorage("Table|" + tableId).stream().map(o -> (TableEvent) o).toList();
        assertThat(journal).anyMatch(e -> e instanceof TableEvent.HandProgressed h
                && h.event().equals(new HandEvent.PlayerFolded(late, "timeout")));
        assertThat(after.participants().stream().mapToLong(Participant::chips).sum()).isEqualTo(2000);
    }

    @Test
    void leavingMidHandFoldsAndLeavesWhenTheHandEnds() {
        table(30, "alice", "1000", "bob", "1000", "carl", "1000");
        TableState dealt = awaitState(s -> s.hand() != null && s.clock() != null);
        String onTurn = dealt.seat(dealt.hand().toAct()).orElseThrow().playerId();
        TableEntity.Accepted leaving = (TableEntity.Accepted) run(new TableCommand.LeaveTable(onTurn));
        assertThat(leaving.events()).first().isInstanceOf(TableEvent.ParticipantLeaving.class);
        assertThat(leaving.events()).anyMatch(e -> e instanceof TableEvent.HandProgressed h
                && h.event() instanceof HandEvent.PlayerFolded);
        TableState s = kit.<TableState>runCommand(TableEntity.GetState::new).reply();
        while (s.hand() != null && s.handsPlayed() == 0) {
            String player = s.seat(s.hand().toAct()).orElseThrow().playerId();
            act(player, s.hand().toCall(s.hand().toAct()) > 0 ? ActionType.CALL : ActionType.CHECK, 0);
            s = kit.<TableState>runCommand(TableEntity.GetState::new).reply();
        }
        TableState end = awaitState(t -> t.participantOf(onTurn).isEmpty());
        assertThat(end.participants()).hasSize(2);
    }

    @Test
    void aRestartMidHandContinuesTheSameHand() {
        table(30, "alice", "1000", "bob", "1000", "carl", "1000");
        TableState dealt = awaitState(s -> s.hand() != null && s.clock() != null);
        String first = dealt.seat(dealt.hand().toAct()).orElseThrow().playerId();
        act(first, ActionType.CALL, 0);
        TableState before = kit.<TableState>runCommand(TableEntity.GetState::new).reply();

        TableState recovered = kit.restart().state();
        assertThat(recovered).isEqualTo(before);
        assertThat(recovered.hand().handNumber()).isEqualTo(1);
        String next = recovered.seat(recovered.hand().toAct()).orElseThrow().playerId();
        assertThat(act(next, ActionType.CALL, 0)).isInstanceOf(TableEntity.Accepted.class);
        TableState after = kit.<TableState>runCommand(TableEntity.GetState::new).reply();
        assertThat(after.hand().handNumber()).isEqualTo(1);
        assertThat(after.clock()).isNotNull();
    }
}
