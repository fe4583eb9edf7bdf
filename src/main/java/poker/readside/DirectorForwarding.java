package poker.readside;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.AtLeastOnceProjection;
import org.apache.pekko.projection.javadsl.Handler;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import poker.domain.table.TableEvent;
import poker.domain.tournament.DirectorDecider;
import poker.domain.tournament.TournamentEvent;

/**
 * How events reach the {@code TournamentDirector}s: two projections, each a ShardedDaemonProcess with one
 * instance per tag slice, <em>at least once</em> with their offsets in PostgreSQL (pekko-projection-jdbc):
 * <ul>
 *   <li>{@value #TOURNAMENT_EVENTS} reads the tournament tags ("tournament-&lt;slice&gt;") and delivers each
 *       tournament event the director acts on ({@link DirectorDecider#relevant(TournamentEvent)}; the rest
 *       are the director's own decisions recorded back) to the tournament's director;</li>
 *   <li>{@value #TABLE_EVENTS} reads the table tags ("table-&lt;slice&gt;") and delivers only the events of
 *       tournament tables the director needs: {@code TournamentHandEnded}, which names its tournament.
 *       Everything else (cash tables, the play of hands) is passed over without a message.</li>
 * </ul>
 * Each delivery carries the event's persistence id and sequence number and completes when the director
 * acknowledges it, which it does after persisting what it made of it: the projection's offset moves only
 * past events the director holds. A crash redelivers from the stored offset (at least once); the director
 * drops what it has already seen by the last sequence number per persistence id in its state. Why not
 * exactly once: the director's journal and the offset table cannot share a transaction, and a
 * deduplicating receiver makes at-least-once exactly-once in effect. Why a projection and not a direct
 * message from the table: it survives restarts of either side, and the tables stay ignorant of directors.
 *
 * <p>Both are listed in the {@link ProjectionCatalog} so the admin view shows their offsets and lag. A
 * delivery that fails (the director unreachable, the ask timed out) fails the handler: the projection is
 * retried and restarted from its offset under the {@code pekko.projection} backoff, forever.
 */
public final class DirectorForwarding {

    public static final String TOURNAMENT_EVENTS = "director_tournament_events";
    public static final String TABLE_EVENTS = "director_table_events";

    /** One event for a director: exactly one of the two events is set. */
    public record Delivery(String persistenceId, long sequenceNr, TournamentEvent tournamentEvent,
                           TableEvent tableEvent) {
    }

    /** Delivers to the director of {@code tournamentId}; completes when it has acknowledged. */
    @FunctionalInterface
    public interface Director {
        CompletionStage<Done> deliver(String tournamentId, Delivery delivery);
    }

    private DirectorForwarding() {
    }

    public static void start(ActorSystem<?> system, DataSource dataSource, int tagSlices, Director director) {
        DirectorForwarding.<TournamentEvent>run(system, dataSource, tagSlices, "tournament", TOURNAMENT_EVENTS,
                () -> new TournamentEvents(director));
        DirectorForwarding.<TableEvent>run(system, dataSource, tagSlices, "table", TABLE_EVENTS,
                () -> new TableEvents(director));
    }

    /** Forwards the tournament events a director acts on. */
    static final class TournamentEvents extends Handler<EventEnvelope<TournamentEvent>> {
        private final Director director;

        TournamentEvents(Director director) {
            this.director = director;
        }

        @Override
        public CompletionStage<Done> process(EventEnvelope<TournamentEvent> envelope) {
            TournamentEvent event = envelope.event();
            if (!DirectorDecider.relevant(event)) {
                return CompletableFuture.completedFuture(Done.getInstance());
            }
            return director.deliver(event.tournamentId(),
                    new Delivery(envelope.persistenceId(), envelope.sequenceNr(), event, null));
        }
    }

    /** Forwards the tournament tables' hand ends; passes over everything else. */
    static final class TableEvents extends Handler<EventEnvelope<TableEvent>> {
        private final Director director;

        TableEvents(Director director) {
            this.director = director;
        }

        @Override
        public CompletionStage<Done> process(EventEnvelope<TableEvent> envelope) {
            Optional<String> tournament = DirectorDecider.tournamentOf(envelope.event());
            if (tournament.isEmpty()) {
                return CompletableFuture.completedFuture(Done.getInstance());
            }
            return director.deliver(tournament.get(),
                    new Delivery(envelope.persistenceId(), envelope.sequenceNr(), null, envelope.event()));
        }
    }

    private static <E> void run(ActorSystem<?> system, DataSource dataSource, int tagSlices, String tagPrefix,
                                String name, java.util.function.Supplier<Handler<EventEnvelope<E>>> handler) {
        ProjectionCatalog catalog = ProjectionCatalog.get(system);
        for (int slice = 0; slice < tagSlices; slice++) {
            catalog.add(new ProjectionInstance(name, tagPrefix + "-" + slice));
        }
        ShardedDaemonProcess.get(system).init(
                ProjectionBehavior.Command.class,
                name,
                tagSlices,
                slice -> {
                    String tag = tagPrefix + "-" + slice;
                    SourceProvider<Offset, EventEnvelope<E>> source = NotifiedTagSource.eventsByTag(system, tag);
                    AtLeastOnceProjection<Offset, EventEnvelope<E>> projection = JdbcProjection.atLeastOnceAsync(
                            ProjectionId.of(name, tag), source, () -> new PooledJdbcSession(dataSource), handler,
                            system);
                    return ProjectionBehavior.create(projection);
                },
                ShardedDaemonProcessSettings.create(system),
                Optional.of(ProjectionBehavior.stopMessage()));
    }
}
