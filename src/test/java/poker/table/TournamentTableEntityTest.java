package poker.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.ActionType;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;
import poker.support.EntityTestKit;

/**
 * A tournament table through its entity: seated by the director, it deals only with a permit (and is
 * quiet, so it may leave memory, while it waits for one), reports each hand, lets entries be removed
 * between hands and answers retries with the first outcome, and refuses everything once closed. The
 * kit checks that every event, reply and state (the snapshot) serializes.
 */
class TournamentTableEntityTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final Duration PAUSE = Duration.ofMillis(50);
    static final TableSettings SETTINGS = new TableSettings("T1", 10, 20, 6, 0, 0, 30, "tourney-e");

    static final String A = uid("a");
    static final String B = uid("b");
    static final String C = uid("c");
    static final String X = uid("x");

    static String uid(String name) {
        return UUID.nameUUIDFromBytes(("user-" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private EventSourcedBehaviorTestKit<TableEntity.Command, TableEvent, TableState> kit;
    private TestProbe<ActorRef<TableEntity.Command>> passivate;
    private String tableId;

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    @BeforeEach
    void setUp() {
        tableId = UUID.randomUUID().toString();
        passivate = TESTKIT.createTestProbe();
        kit = EventSourcedBehaviorTestKit.create(TESTKIT.system(), TableEntity.create(tableId, "table-0",
                new TableEntity.Environment(Clock.systemUTC(), TableEntity.Dealer.secure(), PAUSE),
                new TableEntity.Passivation(Duration.ofMillis(300), passivate.ref()::tell, () -> { })));
        run(new TableCommand.CreateTable(tableId, SETTINGS, uid("director"), Instant.now()));
    }

    static String pid(String player) {
        return UUID.nameUUIDFromBytes(("e-" + player).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private TableEntity.Reply run(TableCommand command) {
        return kit.<TableEntity.Reply>runCommand(r -> new TableEntity.Execute(command, r)).reply();
    }

    private TableState state() {
        return kit.<TableState>runCommand(TableEntity.GetState::new).reply();
    }

    private TableState awaitState(Predicate<TableState> condition) {
        TestProbe<TableState> probe = TESTKIT.createTestProbe();
        return probe.awaitAssert(Duration.ofSeconds(10), () -> {
            TableState s = state();
            assertThat(condition.test(s)).as("state %s", s).isTrue();
            return s;
        });
    }

    private static List<TableEvent> accepted(TableEntity.Reply reply) {
        assertThat(reply).as("%s", reply).isInstanceOf(TableEntity.Accepted.class);
        return ((TableEntity.Accepted) reply).events();
    }

    private static String rejected(TableEntity.Reply reply) {
        assertThat(reply).as("%s", reply).isInstanceOf(TableEntity.Rejected.class);
        return ((TableEntity.Rejected) reply).rejection().code();
    }

    /** Everyone on turn folds (or checks when free) until the hand ends. */
    private void playOut() {
        while (true) {
            TableState s = awaitState(t -> t.hand() == null || t.clock() != null);
            if (s.hand() == null) {
                return;
            }
            int seat = s.clock().seatNumber();
            String player = s.seat(seat).orElseThrow().playerId();
            run(new TableCommand.Act(player, s.hand().handNumber(),
                    s.hand().toCall(seat) == 0 ? ActionType.CHECK : ActionType.FOLD, 0));
        }
    }

    @Test
    void seatedEntriesWaitQuietlyForAPermitThenPlayTheHandToItsReport() {
        TableEvent seated = accepted(run(new TableCommand.SeatEntry(pid(A), A, 1500, 1))).get(0);
        accepted(run(new TableCommand.SeatEntry(pid(B), B, 1500, 4)));
        accepted(run(new TableCommand.SeatEntry(pid(C), C, 1500, 6)));
        // a repeat of the seating answers the first, storing nothing
        TableEntity.Accepted repeat = (TableEntity.Accepted) run(new TableCommand.SeatEntry(pid(A), A, 1500, 1));
        assertThat(repeat.events()).containsExactly(seated);
        assertThat(repeat.sequenceNr()).isEqualTo(4);

        // no permit: no hand, and the table is quiet (it may passivate; the director's next command wakes it)
        passivate.expectMessageClass(ActorRef.class, Duration.ofSeconds(5));
        assertThat(state().hand()).isNull();

        accepted(run(new TableCommand.PermitHand(1, 2, 25, 50, 50)));
        TableState dealt = awaitState(s -> s.hand() != null);
        assertThat(dealt.hand().bigBlind()).isEqualTo(50);
        assertThat(dealt.hand().ante()).isEqualTo(50);
        playOut();

        TableState after = awaitState(s -> s.handsPlayed() == 1 && s.hand() == null);
        assertThat(after.participants().stream().mapToLong(p -> p.chips()).sum()).isEqualTo(4500);
        List<TableEvent> journal = org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit
                .create(TESTKIT.system()).<TableEvent>persistedInStorage("Table|" + tableId).stream()
                .map(o -> (TableEvent) o).toList();
        assertThat(journal).filteredOn(e -> e instanceof TableEvent.TournamentHandEnded).singleElement()
                .satisfies(e -> {
                    TableEvent.TournamentHandEnded report = (TableEvent.TournamentHandEnded) e;
                    assertThat(report.tournamentId()).isEqualTo("tourney-e");
                    assertThat(report.handNumber()).isEqualTo(1);
                    assertThat(report.stacks()).hasSize(3);
                });
        // the permit is spent: quiet again, no second hand
        passivate.expectMessageClass(ActorRef.class, Duration.ofSeconds(5));
        assertThat(state().handsPlayed()).isEqualTo(1);
        assertThat(state().hand()).isNull();
    }

    @Test
    void anEntryIsRemovedBetweenHandsAndARetriedRemovalLearnsTheChips() {
        run(new TableCommand.SeatEntry(pid(A), A, 1000, 1));
        run(new TableCommand.SeatEntry(pid(B), B, 1000, 2));
        run(new TableCommand.SeatEntry(pid(C), C, 1000, 3));
        run(new TableCommand.PermitHand(1, 1, 10, 20, 0));
        awaitState(s -> s.hand() != null);
        assertThat(rejected(run(new TableCommand.RemoveEntry(pid(C), "other", "balance")))).isEqualTo("hand_in_play");
        playOut();
        long chips = awaitState(s -> s.hand() == null && s.handsPlayed() == 1).participantOf(C).orElseThrow().chips();

        TableEntity.Accepted removed = (TableEntity.Accepted) run(new TableCommand.RemoveEntry(pid(C), "other",
                "balance"));
        TableEvent.ParticipantLeft left = new TableEvent.ParticipantLeft(pid(C), C, tableId, 3, chips, "other",
                "balance");
        assertThat(removed.events()).containsExactly(left);
        TableEntity.Accepted again = (TableEntity.Accepted) run(new TableCommand.RemoveEntry(pid(C), "other",
                "balance"));
        assertThat(again.events()).containsExactly(left);
        assertThat(again.sequenceNr()).isEqualTo(removed.sequenceNr());

        // and after a restart (journal replayed, or snapshot loaded) it still does
        kit.restart();
        assertThat(accepted(run(new TableCommand.RemoveEntry(pid(C), "other", "balance")))).containsExactly(left);
    }

    @Test
    void aClosedTableRefusesEverything() {
        run(new TableCommand.SeatEntry(pid(A), A, 1000, 1));
        run(new TableCommand.SeatEntry(pid(B), B, 1000, 2));
        TableEvent closed = accepted(run(new TableCommand.CloseTable("broken"))).get(0);
        assertThat(closed).isEqualTo(new TableEvent.TableClosed(tableId, "broken"));
        assertThat(accepted(run(new TableCommand.CloseTable("broken")))).containsExactly(closed);
        assertThat(rejected(run(new TableCommand.PermitHand(1, 1, 10, 20, 0)))).isEqualTo("table_closed");
        assertThat(rejected(run(new TableCommand.SitOut(A)))).isEqualTo("table_closed");
        assertThat(rejected(run(new TableCommand.JoinParticipant(pid(X), X, 100, null)))).isEqualTo("table_closed");
        passivate.expectMessageClass(ActorRef.class, Duration.ofSeconds(5));
        assertThat(state().hand()).isNull();
    }

    @Test
    void playersCannotJoinOrLeaveThroughTheTable() {
        run(new TableCommand.SeatEntry(pid(A), A, 1000, 1));
        assertThat(rejected(run(new TableCommand.JoinParticipant(pid(B), B, 100, null))))
                .isEqualTo("tournament_table");
        assertThat(rejected(run(new TableCommand.LeaveTable(A)))).isEqualTo("tournament_table");
    }
}
