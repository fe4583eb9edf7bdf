package poker.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.TestRules;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentSettings;
import poker.domain.tournament.TournamentState;
import poker.support.EntityTestKit;

/** The tournament entity: replies, storage, the start timer and the level clock across restarts. */
class TournamentEntityTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    static final Instant START = T0.plus(Duration.ofHours(1));
    static final List<BlindLevel> LEVELS = List.of(new BlindLevel(10, 20, 0, 10), new BlindLevel(20, 40, 0, 10));

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static TournamentSettings settings(int lateLevels) {
        return new TournamentSettings("Sunday", 100, 10, 1000, 9, 2, 9, START, false, LEVELS, lateLevels, 0, 20);
    }

    final ManualClock clock = new ManualClock(T0);

    EventSourcedBehaviorTestKit<TournamentEntity.Command, TournamentEvent, TournamentState> kit(String id) {
        return kit(id, TournamentEntity.Passivation.none());
    }

    EventSourcedBehaviorTestKit<TournamentEntity.Command, TournamentEvent, TournamentState> kit(
            String id, TournamentEntity.Passivation passivation) {
        var kit = EventSourcedBehaviorTestKit.<TournamentEntity.Command, TournamentEvent, TournamentState>create(
                TESTKIT.system(), TournamentEntity.create(id, "tournament-0",
                        new TournamentEntity.Environment(clock, TestRules.INSTANCE), passivation));
        kit.clear();
        return kit;
    }

    static EventSourcedBehaviorTestKit.CommandResultWithReply<TournamentEntity.Command, TournamentEvent,
            TournamentState, TournamentEntity.Reply> run(
            EventSourcedBehaviorTestKit<TournamentEntity.Command, TournamentEvent, TournamentState> kit,
            TournamentCommand command) {
        return kit.runCommand(replyTo -> new TournamentEntity.Execute(command, replyTo));
    }

    static TournamentState awaitState(
            EventSourcedBehaviorTestKit<TournamentEntity.Command, TournamentEvent, TournamentState> kit,
            Predicate<TournamentState> done) {
        TestProbe<Object> probe = TESTKIT.createTestProbe();
        return probe.awaitAssert(Duration.ofSeconds(10), () -> {
            TournamentState state = kit.getState();
            assertThat(done.test(state)).as("state %s", state).isTrue();
            return state;
        });
    }

    @Test
    void acceptedCommandsAreStoredRepeatsAndRefusalsStoreNothing() {
        var kit = kit("t-basic");
        var created = run(kit, new TournamentCommand.CreateTournament("t-basic", settings(0), "admin", T0));
        assertThat(created.reply()).isEqualTo(new TournamentEntity.Accepted(List.of(created.event()), 1));

        var registered = run(kit, new TournamentCommand.Register("e1", "p1", "entry-e1", T0));
        assertThat(registered.event()).isInstanceOf(TournamentEvent.PlayerRegistered.class);

        var repeat = run(kit, new TournamentCommand.Register("e1", "p1", "entry-e1", T0.plusSeconds(3)));
        assertThat(repeat.hasNoEvents()).isTrue();
        assertThat(repeat.reply()).isEqualTo(new TournamentEntity.Accepted(List.of(registered.event()), 2));

        var refused = run(kit, new TournamentCommand.Register("e2", "p1", "entry-e2", T0));
        assertThat(refused.hasNoEvents()).isTrue();
        assertThat(((TournamentEntity.Rejected) refused.reply()).rejection().code()).isEqualTo("already_registered");

        var nothing = run(kit, new TournamentCommand.OpenTable("x", 1));
        assertThat(((TournamentEntity.Rejected) nothing.reply()).rejection().code())
                .isEqualTo("tournament_not_running");
    }

    /** The start timer is in the state: a node that was down at startAt starts the tournament on recovery. */
    @Test
    void theStartTimerSurvivesARestart() {
        var kit = kit("t-start");
        run(kit, new TournamentCommand.CreateTournament("t-start", settings(0), "admin", T0));
        run(kit, new TournamentCommand.Register("e1", "p1", "entry-e1", T0));
        run(kit, new TournamentCommand.Register("e2", "p2", "entry-e2", T0));
        assertThat(kit.getState().registering()).isTrue();

        clock.now = START.plusSeconds(2);
        kit.restart();
        TournamentState started = awaitState(kit, TournamentState::running);
        assertThat(started.level()).isEqualTo(1);
        assertThat(started.startedAt()).isEqualTo(START.plusSeconds(2));
        assertThat(started.levelEndsAt()).isEqualTo(START.plusSeconds(2).plus(Duration.ofMinutes(10)));
        assertThat(started.registrationOpen()).isFalse();
    }

    @Test
    void belowTheMinimumAtStartTimeTheTournamentIsCancelled() {
        var kit = kit("t-few");
        run(kit, new TournamentCommand.CreateTournament("t-few", settings(0), "admin", T0));
        run(kit, new TournamentCommand.Register("e1", "p1", "entry-e1", T0));
        clock.now = START;
        kit.restart();
        TournamentState cancelled = awaitState(kit, TournamentState::over);
        assertThat(cancelled.status()).isEqualTo(TournamentState.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("not_enough_players");
    }

    /** A start time already here when the tournament is created fires at once, no restart needed. */
    @Test
    void theStartTimerFiresWhenDue() {
        var kit = kit("t-now");
        TournamentSettings now = new TournamentSettings("Now", 0, 0, 1000, 9, 2, 9, T0, false, LEVELS, 0, 0, 20);
        run(kit, new TournamentCommand.CreateTournament("t-now", now, "admin", T0));
        assertThat(awaitState(kit, TournamentState::over).cancelReason()).isEqualTo("not_enough_players");
    }

    /** The level clock is in the state: after a restart past a level's end, the next level begins. */
    @Test
    void theLevelClockSurvivesARestartAndClosesLateRegistration() {
        var kit = kit("t-levels");
        run(kit, new TournamentCommand.CreateTournament("t-levels", settings(1), "admin", T0));
        run(kit, new TournamentCommand.Register("e1", "p1", "entry-e1", T0));
        run(kit, new TournamentCommand.Register("e2", "p2", "entry-e2", T0));
        clock.now = START;
        run(kit, new TournamentCommand.Start(true, START));
        assertThat(kit.getState().registrationOpen()).isTrue();

        clock.now = START.plus(Duration.ofMinutes(11));
        kit.restart();
        TournamentState second = awaitState(kit, s -> s.level() == 2);
        assertThat(second.levelEndsAt()).isEqualTo(START.plus(Duration.ofMinutes(21)));
        assertThat(second.registrationOpen()).isFalse();
        assertThat(second.payouts()).isEqualTo(TestRules.INSTANCE.payouts(2, 200));

        clock.now = START.plus(Duration.ofMinutes(40));
        kit.restart();
        TournamentState third = awaitState(kit, s -> s.level() == 3);
        assertThat(third.levelEndsAt()).isEqualTo(START.plus(Duration.ofMinutes(50)));
    }

    @Test
    void recoversFromSnapshotPlusEventsAfterMoreThanAHundredEvents() {
        var kit = kit("t-many");
        run(kit, new TournamentCommand.CreateTournament("t-many", settings(0), "admin", T0));
        for (int i = 0; i < 60; i++) {
            run(kit, new TournamentCommand.Register("e" + i, "p" + i, "entry-e" + i, T0));
            if (i < 58) {
                run(kit, new TournamentCommand.Unregister("p" + i, T0, "e" + i));
            }
        }
        TournamentState before = kit.getState();
        assertThat(before.remaining()).isEqualTo(2);
        assertThat(SnapshotTestKit.create(TESTKIT.system()).persistedInStorage("Tournament|t-many"))
                .as("a snapshot was taken at event 100").isNotEmpty();
        assertThat(kit.restart().state()).isEqualTo(before);
    }

    @Test
    void aTournamentThatDoesNotExistAnswersAndAsksTheShardToStopIt() {
        TestProbe<ActorRef<TournamentEntity.Command>> passivate = TESTKIT.createTestProbe();
        var kit = kit("t-nowhere", new TournamentEntity.Passivation(Duration.ofHours(1), passivate.ref()::tell,
                () -> { }));
        var reply = run(kit, new TournamentCommand.Start(true, T0));
        assertThat(((TournamentEntity.Rejected) reply.reply()).rejection().code()).isEqualTo("tournament_not_found");
        passivate.expectMessageClass(ActorRef.class);
    }

    @Test
    void aCancelledTournamentPassivatesAfterTheIdleTime() {
        TestProbe<ActorRef<TournamentEntity.Command>> passivate = TESTKIT.createTestProbe();
        var kit = kit("t-idle", new TournamentEntity.Passivation(Duration.ofMillis(100), passivate.ref()::tell,
                () -> { }));
        run(kit, new TournamentCommand.CreateTournament("t-idle", settings(0), "admin", T0));
        passivate.expectNoMessage(Duration.ofMillis(300));
        run(kit, new TournamentCommand.Cancel("admin", T0));
        passivate.expectMessageClass(ActorRef.class, Duration.ofSeconds(5));
    }

    /** Stored payloads must stay readable: the journal holds these exact bytes. */
    @Test
    void readsStoredEventsByTheirStableTypeNames() throws Exception {
        Serialization serialization = SerializationExtension.get(TESTKIT.system().classicSystem());
        var serializer = serialization.serializerFor(TournamentEvent.class);
        assertThat(serializer.identifier()).isEqualTo(9007);
        assertThat(serialization.serializerFor(TournamentState.class).identifier()).isEqualTo(9008);
        String stored = "{\"type\":\"HandFinished\",\"tournamentId\":\"t1\",\"tableId\":\"tA\",\"handNumber\":4,"
                + "\"stacks\":[{\"entryId\":\"e1\",\"chips\":1500}]}";
        Object event = serialization.deserialize(stored.getBytes(StandardCharsets.UTF_8), serializer.identifier(), "")
                .get();
        assertThat(event).isEqualTo(new TournamentEvent.HandFinished("t1", "tA", 4,
                List.of(new TournamentEvent.EntryStack("e1", 1500))));

        var registered = new TournamentEvent.PlayerRegistered("t1", "e1", "p1", 1, "entry-e1", 100, 10, false, T0);
        String json = new String(serialization.serialize(registered).get(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"type\":\"PlayerRegistered\"").doesNotContain("poker.");
    }
}
