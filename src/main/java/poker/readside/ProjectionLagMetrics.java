package poker.readside;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.infra.Metrics;

/**
 * {@code poker_projection_lag_events{projection}} and {@code poker_projection_lag_seconds{projection}}:
 * how far each projection is behind the journal, from the same query as {@code GET /api/admin/projections}
 * ({@link ProjectionAdmin#statuses()}), summed over its slices (events) or their worst (seconds). Asked at
 * scrape time, at most once per {@code minInterval} (so a client that hammers /metrics cannot hammer the
 * database), and not at all while the store is down: the values are then NaN, not stale.
 */
public final class ProjectionLagMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLagMetrics.class);

    /** One projection's lag over all its slices. */
    record Lag(long events, double seconds) {
    }

    private final Callable<List<ProjectionAdmin.Status>> statuses;
    private final BooleanSupplier storeUp;
    private final MeterRegistry registry;
    private final long minIntervalMillis;
    private final LongSupplier clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Lag> latest = Map.of();
    private long refreshedAt = Long.MIN_VALUE;

    ProjectionLagMetrics(Callable<List<ProjectionAdmin.Status>> statuses, BooleanSupplier storeUp,
                         MeterRegistry registry, long minIntervalMillis, LongSupplier clock) {
        this.statuses = statuses;
        this.storeUp = storeUp;
        this.registry = registry;
        this.minIntervalMillis = minIntervalMillis;
        this.clock = clock;
    }

    /** Registers the refresh with {@code metrics}: once a second at most. */
    public static void register(Metrics metrics, ProjectionAdmin admin, BooleanSupplier storeUp) {
        ProjectionLagMetrics lag = new ProjectionLagMetrics(admin::statuses, storeUp, metrics.registry(), 1000,
                System::currentTimeMillis);
        metrics.beforeScrape(lag::refresh);
    }

    /** Reads the lag again unless it was read less than the interval ago; one caller at a time. */
    synchronized void refresh() {
        long now = clock.getAsLong();
        if (refreshedAt != Long.MIN_VALUE && now - refreshedAt < minIntervalMillis) {
            return;
        }
        refreshedAt = now;
        if (!storeUp.getAsBoolean()) {
            latest = Map.of();
            return;
        }
        try {
            latest = perProjection(statuses.call());
        } catch (Exception e) {
            log.debug("Projection lag not read: {}", e.toString());
            latest = Map.of();
        }
        latest.keySet().forEach(this::ensureGauges);
    }

    /** Events behind summed over the slices; seconds: the slice whose oldest unread event waited longest. */
    static Map<String, Lag> perProjection(List<ProjectionAdmin.Status> statuses) {
        Map<String, Lag> out = new HashMap<>();
        for (ProjectionAdmin.Status s : statuses) {
            out.merge(s.name(), new Lag(s.lag().events(), s.lag().seconds()),
                    (a, b) -> new Lag(a.events() + b.events(), Math.max(a.seconds(), b.seconds())));
        }
        return out;
    }

    private void ensureGauges(String projection) {
        if (!registered.add(projection)) {
            return;
        }
        Gauge.builder("poker.projection.lag.events", () -> value(projection, true))
                .description("Journal events this projection has not processed yet (all its slices)")
                .tag("projection", projection).strongReference(true).register(registry);
        Gauge.builder("poker.projection.lag.seconds", () -> value(projection, false))
                .description("How long the oldest event this projection has not processed has waited")
                .tag("projection", projection).strongReference(true).register(registry);
    }

    private double value(String projection, boolean events) {
        Lag lag = latest.get(projection);
        if (lag == null) {
            return Double.NaN;
        }
        return events ? lag.events() : lag.seconds();
    }
}
