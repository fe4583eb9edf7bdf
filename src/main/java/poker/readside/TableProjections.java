package poker.readside;

import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.ExactlyOnceProjection;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import poker.domain.table.TableEvent;

/**
 * Starts the read-side projections of Table Management: each runs as a ShardedDaemonProcess with
 * one instance per tag slice, exactly once (rows and offset in one transaction).
 */
public final class TableProjections {

    public static final String PARTICIPANTS = "participants";
    public static final String TABLE_STATS = "table_stats";
    public static final String LOBBY = "lobby";

    private TableProjections() {
    }

    public static void init(ActorSystem<?> system, DataSource dataSource, int tagSlices) {
        start(system, dataSource, tagSlices, PARTICIPANTS, ParticipantsProjectionHandler::new);
        start(system, dataSource, tagSlices, TABLE_STATS, TableStatsProjectionHandler::new);
        start(system, dataSource, tagSlices, LOBBY, LobbyProjectionHandler::new);
    }

    private static void start(ActorSystem<?> system, DataSource dataSource, int tagSlices, String name,
                              Supplier<JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession>> handler) {
        ShardedDaemonProcess.get(system).init(
                ProjectionBehavior.Command.class,
                name,
                tagSlices,
                slice -> ProjectionBehavior.create(projection(system, dataSource, name, "table-" + slice, handler)),
                ShardedDaemonProcessSettings.create(system),
                Optional.of(ProjectionBehavior.stopMessage()));
    }

    private static ExactlyOnceProjection<Offset, EventEnvelope<TableEvent>> projection(
            ActorSystem<?> system, DataSource dataSource, String name, String tag,
            Supplier<JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession>> handler) {
        SourceProvider<Offset, EventEnvelope<TableEvent>> source =
                EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
        return JdbcProjection.exactlyOnce(ProjectionId.of(name, tag), source,
                () -> new PooledJdbcSession(dataSource), handler, system);
    }
}
