package poker.infra;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's metrics: one Micrometer registry per actor system (so per node, and per server when a
 * test runs several in one JVM), rendered by {@code GET /metrics} in the Prometheus text format.
 * An actor-system extension rather than a constructor argument because the entities and sagas that
 * count are built by sharding from {@code init(system, ...)}; it is no static global either.
 *
 * <p>Labels are bounded on purpose: entity types, command and event class names, rejection codes,
 * projection names. Never a user, table, tournament id or token (cardinality, and secrets).
 */
public final class Metrics implements Extension {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    private static final ExtensionId<Metrics> ID = new ExtensionId<>() {
        @Override
        public Metrics createExtension(ActorSystem<?> system) {
            Metrics metrics = new Metrics();
            system.getWhenTerminated().thenRun(metrics::close);
            return metrics;
        }
    };

    /** Persist latency buckets: a journal write is a few ms; a slow store shows in the top ones. */
    private static final Duration[] PERSIST_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();

    /** Package-private for tests; the server's is {@link #get}. */
    Metrics() {
    }

    public static Metrics get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The content type of {@link #scrape()}: Prometheus text exposition format 0.0.4 (what {@code scrape()} writes). */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /** Refreshes what is computed at scrape time (a hook that fails leaves its values as they were), then renders. */
    public String scrape() {
        for (Runnable hook : beforeScrape) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                log.debug("A metrics refresh failed: {}", e.toString());
            }
        }
        return registry.scrape();
    }

    /** Runs before every scrape: for values that cost a query, refreshed only when someone looks. */
    public void beforeScrape(Runnable hook) {
        beforeScrape.add(hook);
    }

    /** JVM memory, GC, threads, classes, CPU and uptime (Micrometer's binders). */
    public void bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        closeables.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The meters of one kind of event-sourced entity ({@code table}, {@code wallet}, {@code tournament}). */
    public EntityMeter entity(String entityType) {
        // one meter per type, shared by its entities: the gauge of entities in memory counts them all
        return meters.computeIfAbsent(entityType, EntityMeter::new);
    }

    private final java.util.concurrent.ConcurrentHashMap<String, EntityMeter> meters =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Counts a saga's end: {@code poker_saga_outcomes_total{saga, outcome}}. */
    public void sagaOutcome(String saga, String outcome) {
        Counter.builder("poker.saga.outcomes")
                .description("Sagas that ended, by saga and final outcome")
                .tags("saga", saga, "outcome", outcome)
                .register(registry).increment();
    }

    /** Counts {@code poker_hands_started_total} / {@code poker_hands_finished_total}. */
    public void handStarted() {
        Counter.builder("poker.hands.started").description("Hands dealt on this node").register(registry).increment();
    }

    public void handFinished() {
        Counter.builder("poker.hands.finished").description("Hands ended and cleared on this node")
                .register(registry).increment();
    }

    /** A gauge read at scrape time, e.g. open sockets: {@code name{kind}}. */
    public void gauge(String name, String description, String kindLabel, String kind,
                      java.util.function.Supplier<Number> value) {
        Gauge.builder(name, value).description(description).tags(kindLabel, kind).strongReference(true)
                .register(registry);
    }

    private void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("Closing a metrics binder failed: {}", e.toString());
            }
        }
        registry.close();
    }

    /**
     * What one entity type counts, at its single seam: the handler of {@code Execute} (commands and
     * their outcome), its persist (events and latency), and its lifecycle (entities in memory).
     */
    public final class EntityMeter {
        private final String entity;
        private final Counter events;
        private final Timer persistLatency;
        private final AtomicInteger active = new AtomicInteger();

        private EntityMeter(String entity) {
            this.entity = entity;
            this.events = Counter.builder("poker.events.persisted")
                    .description("Events written to the journal by this node's entities")
                    .tag("entity", entity).register(registry);
            this.persistLatency = Timer.builder("poker.persist.latency")
                    .description("From a command or timer reaching the entity to its events being persisted")
                    .tag("entity", entity)
                    .serviceLevelObjectives(PERSIST_BUCKETS)
                    .register(registry);
            Gauge.builder("poker.entities.active", active, AtomicInteger::get)
                    .description("Entities of this type in memory on this node")
                    .tag("entity", entity).strongReference(true).register(registry);
        }

        public void accepted(Object command) {
            count(command, "accepted", "none");
        }

        /** A retry answered with the original outcome: nothing new stored. */
        public void repeated(Object command) {
            count(command, "repeated", "none");
        }

        public void rejected(Object command, String reasonCode) {
            count(command, "rejected", reasonCode);
        }

        private void count(Object command, String outcome, String reason) {
            Counter.builder("poker.commands")
                    .description("Commands handled by this node's entities, by outcome and rejection reason")
                    .tags("entity", entity, "command", commandName(command), "outcome", outcome,
                            "reason", reasonLabel(reason))
                    .register(registry).increment();
        }

        /** {@code events} were persisted; the handler started at {@code startNanos} ({@link System#nanoTime}). */
        public void persisted(long startNanos, int eventCount) {
            events.increment(eventCount);
            persistLatency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }

        /** One entity's presence in {@code poker_entities_active}; used from its actor only. */
        public Presence presence() {
            return new Presence();
        }

        /** Up once recovered, down once stopped or restarting; each counted once however often called. */
        public final class Presence {
            private boolean present;

            public void up() {
                if (!present) {
                    present = true;
                    active.incrementAndGet();
                }
            }

            public void down() {
                if (present) {
                    present = false;
                    active.decrementAndGet();
                }
            }
        }
    }

    /** A rejection code as a label: codes are fixed words ({@code table_full}); anything else is "other". */
    static String reasonLabel(String code) {
        return code != null && code.matches("[a-z][a-z0-9_]{0,47}") ? code : "other";
    }

    /** {@code JoinParticipant} for {@code TableCommand.JoinParticipant}: a class name, never a value. */
    static String commandName(Object command) {
        return command == null ? "unknown" : command.getClass().getSimpleName();
    }
}
