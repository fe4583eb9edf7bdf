package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.Handler;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.testkit.javadsl.ProjectionTestKit;
import org.apache.pekko.projection.testkit.javadsl.TestProjection;
import org.apache.pekko.projection.testkit.javadsl.TestSourceProvider;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The guard around every projection handler, run by Pekko's ProjectionTestKit with the retrying
 * recovery strategy: failures are recorded with the event's identity and attempt, cleared once the
 * instance gets past them, and an event an admin skipped (and only that one) is stepped over.
 */
class GuardedHandlerTest {

    static final ActorTestKit testKit = ActorTestKit.create(ConfigFactory.parseString("""
            pekko.actor.provider = local
            pekko.loglevel = WARNING
            pekko.projection.recovery-strategy { strategy = retry-and-fail, retries = 20, retry-delay = 10ms }
            """).withFallback(ConfigFactory.load()));
    static final ProjectionTestKit projectionTestKit = ProjectionTestKit.create(testKit.system());
    static final ProjectionInstance LOBBY_2 = new ProjectionInstance("lobby", "table-2");
    static final String TABLE = "Table|7c9e6679-7425-40de-944b-e07fc1f90ae7";
    static final PooledJdbcSession NO_SESSION = new PooledJdbcSession(null);

    @AfterAll
    static void stop() {
        testKit.shutdownTestKit();
    }

    /** The store as the guard sees it, in memory; counts how often it is consulted. */
    static final class InMemoryStore implements GuardedHandler.Store {
        record Failure(EventRef event, Long ordering, String message, int attempts) {
        }

        final Map<ProjectionInstance, Failure> failures = new ConcurrentHashMap<>();
        final Map<EventRef, Boolean> skips = new ConcurrentHashMap<>(); // event -> applied
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger skipLookups = new AtomicInteger();
        final AtomicInteger clears = new AtomicInteger();
        volatile EventRef adminSkipsAtThirdAttempt;

        @Override
        public Optional<GuardedHandler.Failing> failing(JdbcSession session, ProjectionInstance instance) {
            reads.incrementAndGet();
            return Optional.ofNullable(failures.get(instance))
                    .map(f -> new GuardedHandler.Failing(f.event(), f.ordering()));
        }

        @Override
        public int recordFailure(JdbcSession session, ProjectionInstance instance, EventRef event, Long ordering,
                                 String message) {
            Failure before = failures.get(instance);
            int attempts = before != null && before.event().equals(event) ? before.attempts() + 1 : 1;
            failures.put(instance, new Failure(event, ordering, message, attempts));
            if (event.equals(adminSkipsAtThirdAttempt) && attempts == 3) {
                skips.put(event, false);
            }
            return attempts;
        }

        @Override
        public boolean consumeSkip(JdbcSession session, ProjectionInstance instance, EventRef event) {
            skipLookups.incrementAndGet();
            return skips.replace(event, true) != null;
        }

        @Override
        public void clearFailure(JdbcSession session, ProjectionInstance instance) {
            clears.incrementAndGet();
            failures.remove(instance);
        }
    }

    /** A read model that takes every event of {@code TABLE} except those {@code fails} refuses. */
    static final class ReadModel extends JdbcHandler<EventEnvelope<String>, PooledJdbcSession> {
        final List<Long> applied;
        final Predicate<EventEnvelope<String>> fails;

        ReadModel(List<Long> applied, Predicate<EventEnvelope<String>> fails) {
            this.applied = applied;
            this.fails = fails;
        }

        @Override
        public void process(PooledJdbcSession session, EventEnvelope<String> envelope) {
            if (fails.test(envelope)) {
                throw new IllegalStateException("value too long for type character varying(64)");
            }
            applied.add(envelope.sequenceNr());
        }
    }

    static List<EventEnvelope<String>> events(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(seq -> EventEnvelope.create(Sequence.apply(100 + seq), TABLE, seq, "event " + seq,
                        1_700_000_000_000L + seq))
                .toList();
    }

    /** The guarded handler under test, run as a projection whose offsets survive a re-run (a restart). */
    static TestProjection<Offset, EventEnvelope<String>> projection(InMemoryStore store, ReadModel readModel,
                                                                  int events) {
        TestSourceProvider<Offset, EventEnvelope<String>> source = TestSourceProvider
                .<Offset, EventEnvelope<String>>create(Source.from(events(events)), EventEnvelope::offset)
                .withStartSourceFrom((stored, offset) -> ((Sequence) offset).value() <= ((Sequence) stored).value());
        return TestProjection.create(ProjectionId.of(LOBBY_2.name(), LOBBY_2.slice()), source,
                () -> inOneTransaction(new GuardedHandler<>(LOBBY_2, store, readModel)));
    }

    /** What JdbcProjection does around a JdbcHandler, minus the database. */
    static Handler<EventEnvelope<String>> inOneTransaction(GuardedHandler<String> handler) {
        return new Handler<>() {
            @Override
            public CompletionStage<Done> process(EventEnvelope<String> envelope) {
                try {
                    handler.process(NO_SESSION, envelope);
                    return CompletableFuture.completedFuture(Done.getInstance());
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
    }

    /** Runs until the recovery strategy gives up (the restart backoff is not part of the testkit). */
    static void failsAfterItsRetries(TestProjection<Offset, EventEnvelope<String>> projection, int passing) {
        projectionTestKit.runWithTestSink(projection, probe -> {
            probe.request(10);
            probe.expectNextN(passing);
            assertThat(probe.expectError()).hasMessageContaining("value too long");
        });
    }

    static void run(TestProjection<Offset, EventEnvelope<String>> projection, Runnable assertion) {
        projectionTestKit.run(projection, Duration.ofSeconds(10), assertion::run);
    }

    @Test
    void aFailingEventIsRecordedAndRetriedAndAfterTheAdminSkipsItTheInstanceMovesOn() {
        InMemoryStore store = new InMemoryStore();
        List<Long> applied = new CopyOnWriteArrayList<>();
        ReadModel readModel = new ReadModel(applied, e -> e.sequenceNr() == 3);
        TestProjection<Offset, EventEnvelope<String>> projection = projection(store, readModel, 5);
        EventRef poison = new EventRef(TABLE, 3);

        failsAfterItsRetries(projection, 2);
        InMemoryStore.Failure failure = store.failures.get(LOBBY_2);
        assertThat(failure.event()).isEqualTo(poison);
        assertThat(failure.ordering()).isEqualTo(103L);
        assertThat(failure.message()).isEqualTo("IllegalStateException: value too long for type character varying(64)");
        assertThat(failure.attempts()).isGreaterThanOrEqualTo(20);
        assertThat(applied).containsExactly(1L, 2L);

        // the admin skips it; the instance restarts (a new handler) from its stored offset
        store.skips.put(poison, false);
        run(projection, () -> {
            assertThat(applied).containsExactly(1L, 2L, 4L, 5L);
            assertThat(store.failures).isEmpty();
            assertThat(store.skips).containsEntry(poison, true);
        });
    }

    @Test
    void aSkipRecordedWhileTheInstanceRetriesIsTakenAtTheNextRetry() {
        InMemoryStore store = new InMemoryStore();
        List<Long> applied = new CopyOnWriteArrayList<>();
        store.adminSkipsAtThirdAttempt = new EventRef(TABLE, 2);
        run(projection(store, new ReadModel(applied, e -> e.sequenceNr() == 2), 4), () -> {
            assertThat(applied).containsExactly(1L, 3L, 4L);
            assertThat(store.failures).isEmpty();
            assertThat(store.skips).containsEntry(new EventRef(TABLE, 2), true);
        });
    }

    @Test
    void aSkipOfAnyOtherEventDoesNotReleaseTheInstance() {
        InMemoryStore store = new InMemoryStore();
        List<Long> applied = new CopyOnWriteArrayList<>();
        store.skips.put(new EventRef(TABLE, 4), false);
        store.skips.put(new EventRef("Table|another", 3), false);
        failsAfterItsRetries(projection(store, new ReadModel(applied, e -> e.sequenceNr() == 3), 5), 2);
        assertThat(store.failures.get(LOBBY_2).attempts()).isGreaterThanOrEqualTo(20);
        assertThat(applied).containsExactly(1L, 2L);
        assertThat(store.skips).containsOnly(Map.entry(new EventRef(TABLE, 4), false),
                Map.entry(new EventRef("Table|another", 3), false));
    }

    @Test
    void aPassingFailureIsClearedWhenTheEventGoesThrough() {
        InMemoryStore store = new InMemoryStore();
        List<Long> applied = new CopyOnWriteArrayList<>();
        AtomicInteger tries = new AtomicInteger();
        ReadModel flaky = new ReadModel(applied, e -> e.sequenceNr() == 2 && tries.incrementAndGet() <= 2);
        run(projection(store, flaky, 3), () -> {
            assertThat(applied).containsExactly(1L, 2L, 3L);
            assertThat(store.failures).isEmpty();
        });
        assertThat(store.clears.get()).isEqualTo(1);
        assertThat(store.skipLookups.get()).isEqualTo(2);
    }

    @Test
    void inTheNormalCaseTheStoreIsReadOnceNotPerEvent() {
        InMemoryStore store = new InMemoryStore();
        List<Long> applied = new CopyOnWriteArrayList<>();
        run(projection(store, new ReadModel(applied, e -> false), 200), () -> assertThat(applied).hasSize(200));
        assertThat(store.reads.get()).isEqualTo(1);
        assertThat(store.skipLookups.get()).isZero();
        assertThat(store.clears.get()).isZero();
    }
}
