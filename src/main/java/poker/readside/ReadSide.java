package poker.readside;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ShardedDaemonProcessSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.Projection;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;

/**
 * Runs a projection as a ShardedDaemonProcess with one instance per tag slice
 * ({@code <prefix>-0 .. <prefix>-(n-1)}), exactly once: rows and offset commit in one transaction.
 * Every handler runs inside a {@link GuardedHandler} (failures recorded for the admin view, admin
 * skips honoured), and every instance is listed in the {@link ProjectionCatalog}.
 */
public final class ReadSide {

    private ReadSide() {
    }

    public static <E> void start(ActorSystem<?> system, DataSource dataSource, ReadSideProgress progress,
                                 String tagPrefix, int tagSlices, String name,
                                 Supplier<JdbcHandler<EventEnvelope<E>, PooledJdbcSession>> handler) {
        start(system, dataSource, progress, tagPrefix, tagSlices, name, List.of(), handler);
    }

    /**
     * {@code tables}: the read-model tables this projection's handler alone writes; with them the
     * projection can be rebuilt from the journal ({@link ProjectionRebuilds}).
     */
    public static <E> void start(ActorSystem<?> system, DataSource dataSource, ReadSideProgress progress,
                                 String tagPrefix, int tagSlices, String name, List<String> tables,
                                 Supplier<JdbcHandler<EventEnvelope<E>, PooledJdbcSession>> handler) {
        ProjectionCatalog catalog = ProjectionCatalog.get(system);
        catalog.define(new ProjectionDefinition(name, tagPrefix, tagSlices, tables, handler));
        for (int slice = 0; slice < tagSlices; slice++) {
            catalog.add(new ProjectionInstance(name, tagPrefix + "-" + slice));
        }
        ProjectionFailures failures = new ProjectionFailures();
        ShardedDaemonProcess.get(system).init(
                ProjectionBehavior.Command.class,
                name,
                tagSlices,
                slice -> {
                    ProjectionInstance instance = new ProjectionInstance(name, tagPrefix + "-" + slice);
                    return ProjectionBehavior.create(
                            projection(system, dataSource, instance,
                                    () -> new GuardedHandler<>(instance, failures, handler.get()))
                                    .withStatusObserver(progress.<E>observer()));
                },
                ShardedDaemonProcessSettings.create(system),
                Optional.of(ProjectionBehavior.stopMessage()));
    }

    /**
     * Exactly once, a group of events a transaction: the events one read of the tag brings (up to
     * {@code poker.read-side.group-max}, gathered for at most {@code group-within}) go through the handler and
     * commit with their offset together, one commit a group instead of one an event.
     *
     * <p>Failures: the recovery strategy and restart backoff of {@code pekko.projection} in
     * persistence.conf retry the failing group, forever, with exponential backoff; the guard names the event.
     */
    private static <E> Projection<EventEnvelope<E>> projection(
            ActorSystem<?> system, DataSource dataSource, ProjectionInstance instance,
            Supplier<JdbcHandler<EventEnvelope<E>, PooledJdbcSession>> handler) {
        SourceProvider<Offset, EventEnvelope<E>> source =
                NotifiedTagSource.eventsByTag(system, instance.slice());
        com.typesafe.config.Config settings = system.settings().config().getConfig("poker.read-side");
        return JdbcProjection.groupedWithin(ProjectionId.of(instance.name(), instance.slice()), source,
                        () -> new PooledJdbcSession(dataSource), () -> new GroupedHandler<>(handler.get()), system)
                .withGroup(settings.getInt("group-max"), settings.getDuration("group-within"));
    }
}
