package poker.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;
import poker.support.EntityTestKit;

class TableEntityTest {

    /** No hand starts in these tests: they are about seats, recovery and serialization. */
    static final TableEntity.Environment NO_HANDS = new TableEntity.Environment(
            java.time.Clock.systemUTC(), TableEntity.Dealer.secure(), java.time.Duration.ofHours(1));

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final String TABLE = "3f1c1d5e-0000-4000-8000-000000000001";
    static final TableSettings SETTINGS = new TableSettings("Main", 5, 10, 2, 100, 1000, 20);

    private EventSourcedBehaviorTestKit<TableEntity.Command, TableEvent, TableState> kit;

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    @BeforeEach
    void setUp() {
        kit = EventSourcedBehaviorTestKit.create(TESTKIT.system(), TableEntity.create(TABLE, "table-0", NO_HANDS));
        kit.clear();
    }

    private EventSourcedBehaviorTestKit.CommandResultWithReply<TableEntity.Command, TableEvent, TableState, TableEntity.Reply>
            run(TableCommand command) {
        return kit.runCommand(replyTo -> new TableEntity.Execute(command, replyTo));
    }

    @Test
    void acceptedCommandsAreStoredAndReplied() {
        var created = run(new TableCommand.CreateTable(TABLE, SETTINGS, "u1", Instant.parse("2026-11-27T10:00:00Z")));
        assertThat(created.event()).isInstanceOf(TableEvent.TableCreated.class);
        assertThat(created.reply()).isEqualTo(new TableEntity.Accepted(List.of(created.event()), 1));

        var joined = run(new TableCommand.JoinParticipant("p1", "u1", 500, null));
        assertThat(joined.event()).isEqualTo(new ParticipantJoined("p1", "u1", TABLE, 500, 1, false, true));
        assertThat(((TableEntity.Accepted) joined.reply()).sequenceNr()).isEqualTo(2);
        assertThat(joined.state().participants()).hasSize(1);
    }

    @Test
    void rejectedCommandsStoreNothing() {
        run(new TableCommand.CreateTable(TABLE, SETTINGS, "u1", Instant.parse("2026-11-27T10:00:00Z")));
        run(new TableCommand.JoinParticipant("p1", "u1", 500, null));
        run(new TableCommand.JoinParticipant("p2", "u2", 500, null));

        var full = run(new TableCommand.JoinParticipant("p3", "u3", 500, null));
        assertThat(full.hasNoEvents()).isTrue();
        assertThat(full.reply()).isInstanceOf(TableEntity.Rejected.class);
        assertThat(((TableEntity.Rejected) full.reply()).rejection().code()).isEqualTo("table_full");

        var unknownTable = EventSourcedBehaviorTestKit.<TableEntity.Command, TableEvent, TableState>create(
                TESTKIT.system(), TableEntity.create("other", "table-0", NO_HANDS))
                .<TableEntity.Reply>runCommand(r -> new TableEntity.Execute(new TableCommand.LeaveTable("u1"), r));
        assertThat(unknownTable.hasNoEvents()).isTrue();
        assertThat(((TableEntity.Rejected) unknownTable.reply()).rejection().code()).isEqualTo("table_not_found");
    }

    @Test
    void recoversFromSnapshotPlusEventsAfterMoreThanAHundredEvents() {
        run(new TableCommand.CreateTable(TABLE, SETTINGS, "u1", Instant.parse("2026-11-27T10:00:00Z")));
        for (int i = 0; i < 65; i++) {
            run(new TableCommand.JoinParticipant("p" + i, "u" + i, 100 + i, null));
            if (i < 64) {
                run(new TableCommand.LeaveTable("u" + i));
            }
        }
        run(new TableCommand.JoinParticipant("last", "u-last", 999, 2));
        TableState before = kit.getState();
        assertThat(before.participants()).extracting(p -> p.playerId()).containsExactly("u64", "u-last");

        SnapshotTestKit snapshots = SnapshotTestKit.create(TESTKIT.system());
        assertThat(snapshots.persistedInStorage("Table|" + TABLE))
                .as("a snapshot was taken at event 100").isNotEmpty();

        var restarted = kit.restart();
        assertThat(restarted.state()).isEqualTo(before);
        var after = run(new TableCommand.JoinParticipant("x", "u-x", 500, null));
        assertThat(((TableEntity.Rejected) after.reply()).rejection().code()).isEqualTo("table_full");
    }

    /** Stored payloads must stay readable: the journal holds these exact bytes. */
    @Test
    void readsStoredEventPayloadsByTheirStableTypeNames() throws Exception {
        Serialization serialization = SerializationExtension.get(TESTKIT.system().classicSystem());
        String stored = "{\"type\":\"ParticipantJoined\",\"participantId\":\"p1\",\"playerId\":\"u1\","
                + "\"tableId\":\"t1\",\"chips\":500,\"initialChips\":500,\"seatNumber\":3,"
                + "\"sittingOut\":false,\"status\":\"active\"}";
        var serializer = serialization.serializerFor(TableEvent.class);
        Object event = serialization.deserialize(stored.getBytes(StandardCharsets.UTF_8), serializer.identifier(), "")
                .get();
        assertThat(event).isEqualTo(new ParticipantJoined("p1", "u1", "t1", 500, 3, false));

        var created = new TableEvent.TableCreated("t1", SETTINGS, "u1", Instant.parse("2026-11-27T10:00:00Z"));
        byte[] bytes = serialization.serialize(created).get();
        // no class name in the manifest, only the table events' version (TableEventMigration; "" before it)
        assertThat(Serializers.manifestFor(serialization.findSerializerFor(created), created)).isEqualTo("#2");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"type\":\"TableCreated\"")
                .doesNotContain("poker.");
        assertThat(serialization.findSerializerFor(created).identifier()).isEqualTo(9001);
    }

    @Test
    void aTableThatDoesNotExistAnswersAndAsksTheShardToStopIt() {
        TestProbe<ActorRef<TableEntity.Command>> passivate = TESTKIT.createTestProbe();
        var nowhere = EventSourcedBehaviorTestKit.<TableEntity.Command, TableEvent, TableState>create(TESTKIT.system(),
                TableEntity.create("nowhere", "table-0", NO_HANDS,
                        new TableEntity.Passivation(Duration.ofHours(1), passivate.ref()::tell, () -> { })));

        TableEntity.Snapshot snapshot = nowhere.<TableEntity.Snapshot>runCommand(TableEntity.GetSnapshot::new).reply();
        assertThat(snapshot.state().created()).isFalse();
        passivate.expectMessageClass(ActorRef.class);
        var leave = nowhere.<TableEntity.Reply>runCommand(r -> new TableEntity.Execute(new TableCommand.LeaveTable("u1"), r));
        assertThat(((TableEntity.Rejected) leave.reply()).rejection().code()).isEqualTo("table_not_found");
        passivate.expectMessageClass(ActorRef.class);
    }

    @Test
    void aQuietTableAsksTheShardToStopItAfterTheIdleTime() {
        TestProbe<ActorRef<TableEntity.Command>> passivate = TESTKIT.createTestProbe();
        var quiet = EventSourcedBehaviorTestKit.<TableEntity.Command, TableEvent, TableState>create(TESTKIT.system(),
                TableEntity.create("quiet", "table-0", NO_HANDS,
                        new TableEntity.Passivation(Duration.ofMillis(100), passivate.ref()::tell, () -> { })));
        quiet.<TableEntity.Reply>runCommand(r -> new TableEntity.Execute(
                new TableCommand.CreateTable("quiet", SETTINGS, "u1", Instant.parse("2026-11-27T10:00:00Z")), r));
        quiet.<TableEntity.Reply>runCommand(r -> new TableEntity.Execute(new TableCommand.JoinParticipant("p1", "u1", 500, null), r));

        passivate.expectMessageClass(ActorRef.class, Duration.ofSeconds(5));
    }

    @Test
    void aTableThatGotSomethingToRunWhilePassivatingStopsAndWakesItselfUp() {
        TestProbe<ActorRef<TableEntity.Command>> passivate = TESTKIT.createTestProbe();
        TestProbe<String> woken = TESTKIT.createTestProbe();
        TestProbe<TableEntity.Reply> replies = TESTKIT.createTestProbe();
        ActorRef<TableEntity.Command> table = TESTKIT.spawn(TableEntity.create("racing", "table-0", NO_HANDS,
                new TableEntity.Passivation(Duration.ofMillis(100), passivate.ref()::tell,
                        () -> woken.ref().tell("wake"))));
        table.tell(new TableEntity.Execute(new TableCommand.CreateTable("racing", SETTINGS, "u1",
                Instant.parse("2026-11-27T10:00:00Z")), replies.ref()));
        table.tell(new TableEntity.Execute(new TableCommand.JoinParticipant("p1", "u1", 500, null), replies.ref()));
        replies.receiveSeveralMessages(2);
        passivate.expectMessage(Duration.ofSeconds(5), table);

        // a join already on its way: now two players sit in and a hand is to be dealt
        table.tell(new TableEntity.Execute(new TableCommand.JoinParticipant("p2", "u2", 500, null), replies.ref()));
        table.tell(TableEntity.Stop.INSTANCE);
        assertThat(replies.receiveMessage()).isInstanceOf(TableEntity.Accepted.class);
        woken.expectMessage("wake");
        replies.expectTerminated(table);
    }

    /**
     * A snapshot stored before joins were bounded: every participant id that ever joined, in a set's
     * order. It loads whole (a retry of any of them is still recognised) and is cut to the latest
     * {@link TableState#JOIN_WINDOW} at the next join.
     */
    @Test
    void readsAStoredSnapshotWithEveryJoinedIdAndBoundsItAtTheNextJoin() throws Exception {
        Serialization serialization = SerializationExtension.get(TESTKIT.system().classicSystem());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            joined.append(i == 0 ? "" : ",").append("\"old-").append((i * 7919) % 400).append('"');
        }
        String stored = "{\"tableId\":\"t1\",\"settings\":{\"name\":\"Main\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":2,\"minBuyIn\":100,\"maxBuyIn\":1000,\"actionSeconds\":20},"
                + "\"participants\":[{\"participantId\":\"old-3\",\"playerId\":\"u3\",\"seatNumber\":1,"
                + "\"chips\":480,\"initialChips\":500,\"sittingOut\":false,\"status\":\"active\",\"timeouts\":0,"
                + "\"leaving\":false}],"
                + "\"joinedIds\":[" + joined + "],\"handsPlayed\":12,\"button\":1,\"lastBigBlind\":2,"
                + "\"hand\":null,\"salt\":null,\"clock\":null}";
        var serializer = serialization.serializerFor(TableState.class);
        assertThat(serializer.identifier()).isEqualTo(9002);
        TableState old = (TableState) serialization.deserialize(stored.getBytes(StandardCharsets.UTF_8),
                serializer.identifier(), "").get();

        assertThat(old.joinedIds()).hasSize(400).contains("old-0", "old-399");
        assertThat(old.participants()).extracting(p -> p.chips()).containsExactly(480L);
        assertThat(TableDecider.decide(old, new TableCommand.JoinParticipant("old-17", "u17", 500, null),
                Instant.now()).rejectionOrThrow().code()).isEqualTo("already_joined");

        TableState next = old.apply(new ParticipantJoined("new-1", "u-new", "t1", 500, 2, false));
        assertThat(next.joinedIds()).hasSize(TableState.JOIN_WINDOW).endsWith("new-1");
        TableState reread = (TableState) serialization.deserialize(serialization.serialize(next).get(),
                serializer.identifier(), "").get();
        assertThat(List.copyOf(reread.joinedIds())).as("order survives a snapshot")
                .isEqualTo(List.copyOf(next.joinedIds()));
    }
}
