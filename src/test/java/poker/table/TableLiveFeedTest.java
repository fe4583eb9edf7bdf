package poker.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import poker.domain.table.TableCommand;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;
import poker.support.EntityTestKit;

/** The table publishes what it stored ({@link TableFeeds}), also after a failed write restarted it. */
class TableLiveFeedTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    /**
     * A failed write restarts the entity (backoff). The topic actor the table publishes on is its child; had
     * the restart stopped it, every later write would go to a stopped actor and the table's sockets would get
     * events only from the hub's journal check every 10 s. (Checked while looking for the stalled sockets
     * after a restart: the child survives the restart.)
     */
    @Test
    void writesArePushedAgainAfterAFailedWriteRestartedTheTable() {
        String tableId = "live-" + System.nanoTime();
        TestProbe<TableFeeds.Stored> pushed = TESTKIT.createTestProbe();
        ActorRef<Topic.Command<TableFeeds.Stored>> listener = TESTKIT.spawn(
                Topic.create(TableFeeds.Stored.class, TableFeeds.topicName(tableId)));
        listener.tell(Topic.subscribe(pushed.ref()));
        ActorRef<TableEntity.Command> table = TESTKIT.spawn(TableEntity.create(tableId, "table-0",
                new TableEntity.Environment(Clock.systemUTC(), TableEntity.Dealer.secure(), Duration.ofHours(1))));
        TestProbe<TableEntity.Reply> replies = TESTKIT.createTestProbe();
        run(table, replies, new TableCommand.CreateTable(tableId,
                new TableSettings("Live", 5, 10, 6, 100, 5000, 30), "c", Instant.now()));
        run(table, replies, new TableCommand.JoinParticipant("p-ann", "ann", 500, null));
        assertThat(writesUntilPushed(table, replies, pushed)).as("pushed before the failure").isPositive();

        PersistenceTestKit.create(TESTKIT.system()).failNextPersisted();
        table.tell(new TableEntity.Execute(new TableCommand.JoinParticipant("p-bob", "bob", 500, null),
                replies.ref()));
        // restarted (backoff from 200 ms) and recovered: it answers again
        TestProbe<TableState> state = TESTKIT.createTestProbe();
        state.awaitAssert(Duration.ofSeconds(10), () -> {
            table.tell(new TableEntity.GetState(state.ref()));
            return state.expectMessageClass(TableState.class, Duration.ofMillis(300));
        });

        assertThat(writesUntilPushed(table, replies, pushed)).as("pushed after the restart").isPositive();
    }

    /** The journal position of the write's last event. */
    private static long run(ActorRef<TableEntity.Command> table, TestProbe<TableEntity.Reply> replies,
                            TableCommand command) {
        table.tell(new TableEntity.Execute(command, replies.ref()));
        TableEntity.Reply reply = replies.expectMessageClass(TableEntity.Reply.class, Duration.ofSeconds(5));
        assertThat(reply).isInstanceOf(TableEntity.Accepted.class);
        return ((TableEntity.Accepted) reply).sequenceNr();
    }

    /**
     * Ann sits out and in, a write at a time (at most 6), until one is pushed; the number of writes it took
     * (0: none was pushed).
     */
    private static int writesUntilPushed(ActorRef<TableEntity.Command> table, TestProbe<TableEntity.Reply> replies,
                                         TestProbe<TableFeeds.Stored> pushed) {
        for (int write = 1; write <= 6; write++) {
            TableState now = askState(table);
            boolean out = now.participantOf("ann").map(p -> p.sittingOut()).orElse(false);
            long seq = run(table, replies, out ? new TableCommand.SitIn("ann", null) : new TableCommand.SitOut("ann"));
            // earlier writes' pushes are skipped; this one's, if lost (a new topic's first publishes can precede
            // its first listing), is not waited for: the next write tries again
            long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < until) {
                TableFeeds.Stored stored;
                try {
                    stored = pushed.expectMessageClass(TableFeeds.Stored.class, Duration.ofMillis(100));
                } catch (AssertionError nothingYet) {
                    continue;
                }
                if (stored.lastSeq() == seq) {
                    return write;
                }
                assertThat(stored.lastSeq()).as("pushes in order").isLessThan(seq);
            }
        }
        return 0;
    }

    private static TableState askState(ActorRef<TableEntity.Command> table) {
        TestProbe<TableState> state = TESTKIT.createTestProbe();
        table.tell(new TableEntity.GetState(state.ref()));
        return state.expectMessageClass(TableState.class, Duration.ofSeconds(5));
    }
}
