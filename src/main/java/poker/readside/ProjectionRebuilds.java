package poker.readside;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.projection.ProjectionBehavior;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.javadsl.ProjectionManagement;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.apache.pekko.projection.jdbc.javadsl.JdbcProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.domain.Rejection;
import poker.infra.EventArchive;

/**
 * Rebuilds one read model from the journal while the old one keeps serving, then switches.
 *
 * <ol>
 * <li>A shadow schema {@code rebuild_<name>} gets empty copies of the projection's tables
 *     ({@code LIKE ... INCLUDING ALL}).</li>
 * <li>The projection's own handler runs as a second projection, {@code rebuild-<name>}, on the same
 *     tags from offset zero, on sessions whose search path puts the shadow schema first: its rows go
 *     to the copies, its offsets to the offset store under its own name.</li>
 * <li>Once it is within {@link #switchLag} events of the journal, the live projection is paused on
 *     every slice (ProjectionManagement: stops it, stored, cluster-wide), then the rebuild; in one
 *     transaction the old tables move to a schema {@code replaced_<name>_<time>} (kept for the
 *     operator to compare or drop), the copies move into public, and the rebuild's offsets become
 *     the live projection's. The live projection resumes from there.</li>
 * </ol>
 * Reads go to public the whole time, complete throughout; the switch takes the tables' locks for an
 * instant. Progress is counted by the rebuild's status observer (events committed) against the
 * events tagged for the projection (those at the start, plus those written since).
 *
 * <p>The rebuild runs on the node that was asked and its status lives there; if that node stops, the
 * rebuild is gone (start it again: the shadow is dropped and refilled). If it stops during the
 * switch itself, the live projection stays paused until resumed (see the README, "Rebuilding a read model").
 */
public final class ProjectionRebuilds {

    public static final String RUNNING = "running";
    public static final String SWITCHING = "switching";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** A rebuild as the API shows it. {@code secondsLeft} is null while no rate is known. */
    public record Status(String id, String name, String state, long eventsDone, long eventsTotal,
                         double eventsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt,
                         String replacedSchema, String error) {
    }

    public sealed interface Outcome {
    }

    public record Started(Status status) implements Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")
            .withZone(ZoneOffset.UTC);
    /** The window the rate (and so the time left) is measured over. */
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(60);

    private final ActorSystem<?> system;
    private final DataSource dataSource;
    private final ProjectionCatalog catalog;
    private final Duration tick;
    private final long switchLag;
    private final int groupSize;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * {@code tick}: how often progress is measured; {@code switchLag}: events behind at most when it
     * switches; {@code groupSize}: events per transaction of the rebuild.
     */
    public ProjectionRebuilds(ActorSystem<?> system, DataSource dataSource, Duration tick, long switchLag,
                              int groupSize) {
        this.system = system;
        this.dataSource = dataSource;
        this.catalog = ProjectionCatalog.get(system);
        this.tick = tick;
        this.switchLag = switchLag;
        this.groupSize = groupSize;
    }

    public static String rebuildName(String name) {
        return "rebuild-" + name;
    }

    public static String shadowSchema(String name) {
        return "rebuild_" + name;
    }

    public synchronized Outcome start(String name) {
        Optional<ProjectionDefinition> definition = catalog.definition(name);
        if (!exists(name)) {
            return new Refused(Rejection.of("projection_not_found", "There is no projection " + name + "."));
        }
        if (definition.isEmpty() || !definition.get().rebuildable() || !IDENTIFIER.matcher(name).matches()
                || !definition.get().tables().stream().allMatch(t -> IDENTIFIER.matcher(t).matches())) {
            return new Refused(Rejection.of("not_rebuildable", "Projection " + name
                    + " has effects outside its own tables; replaying it would repeat them."));
        }
        Rebuild current = rebuilds.get(name);
        if (current != null && !current.finished()) {
            return new Refused(Rejection.of("rebuild_running", "Projection " + name + " is being rebuilt (rebuild "
                    + current.id + ", " + current.state + ")."));
        }
        Rebuild rebuild = new Rebuild(definition.get(), name + "-" + Instant.now().toEpochMilli() + "-"
                + sequence.incrementAndGet());
        rebuilds.put(name, rebuild);
        Thread thread = new Thread(rebuild::run, "rebuild-" + name);
        thread.setDaemon(true);
        thread.start();
        return new Started(rebuild.status());
    }

    /** The latest rebuild of {@code name} on this node, if any. */
    public Optional<Status> status(String name) {
        return Optional.ofNullable(rebuilds.get(name)).map(Rebuild::status);
    }

    /**
     * The instances of the rebuilds in progress on this node ({@code rebuild-<name>} per slice): the
     * admin list shows their offsets, lag and failures, and a failing event of theirs can be skipped.
     */
    public List<ProjectionInstance> instances() {
        List<ProjectionInstance> out = new ArrayList<>();
        rebuilds.values().stream().filter(r -> !r.finished()).forEach(r -> r.slices.forEach(
                slice -> out.add(new ProjectionInstance(rebuildName(r.definition.name()), slice))));
        return out;
    }

    /** A projection of this node's catalog (rebuildable or not). */
    public boolean exists(String name) {
        return catalog.definition(name).isPresent()
                || catalog.instances().stream().anyMatch(instance -> instance.name().equals(name));
    }

    private record Sample(long nanos, long done) {
    }

        private final class Rebuild {
        final ProjectionDefinition definition;
        final String id;
        final String shadow;
        final List<String> slices;
        final Instant startedAt = Instant.now();
        final AtomicLong processed = new AtomicLong();
        final ArrayDeque<Sample> samples = new ArrayDeque<>();
        final List<ActorRef<ProjectionBehavior.Command>> instances = new ArrayList<>();

        volatile String state = RUNNING;
        volatile long total;
        volatile double rate;
        volatile Long secondsLeft;
        volatile Instant finishedAt;
        volatile String replacedSchema;
        volatile String error;

        /** Events the rebuild had not reached when it stopped: the live projection takes them after the switch. */
        volatile long handedOver;
        long journalMaxAtStart;
        long totalAtStart;

        Rebuild(ProjectionDefinition definition, String id) {
            this.definition = definition;
            this.id = id;
            this.shadow = shadowSchema(definition.name());
            this.slices = definition.slices();
        }

        boolean finished() {
            return state.equals(DONE) || state.equals(FAILED);
        }

        Status status() {
            return new Status(id, definition.name(), state, processed.get(), Math.max(total, processed.get()), rate,
                    secondsLeft, startedAt, finishedAt, replacedSchema, error);
        }

        void run() {
            String name = definition.name();
            EventArchive archive = EventArchive.get(system);
            try (AutoCloseable archivingHeld = archive.holdArchiving()) {
                prepare();
                countAtStart();
                long archived = archive.countTagged(slices);
                total = totalAtStart + archived;
                log.info("Rebuilding projection {}: {} events in the journal, {} in the archive", name, totalAtStart,
                        archived);
                totalAtStart += feedArchive(archive);
                total = totalAtStart;
                startInstances();
                long startNanos = System.nanoTime();
                samples.addLast(new Sample(startNanos, 0));
                while (true) {
                    Thread.sleep(tick.toMillis());
                    try {
                        measure();
                        if (total - processed.get() <= switchLag && behind() <= switchLag) {
                            break;
                        }
                    } catch (SQLException e) {
                        // the store is briefly away: the projections retry on their own, measure again next tick
                        log.warn("Rebuild of projection {} could not measure its progress: {}", name, e.toString());
                    }
                }
                state = SWITCHING;
                switchOver();
                total = processed.get() + handedOver;
                secondsLeft = 0L;
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                rate = seconds > 0 ? processed.get() / seconds : 0;
                finishedAt = Instant.now();
                state = DONE;
                log.info("Rebuilt projection {}: {} events in {} s ({} events/s); the old tables are in schema {}",
                        name, processed.get(), String.format("%.1f", seconds), Math.round(rate), replacedSchema);
            } catch (Throwable e) {
                error = GuardedHandler.describe(e);
                log.warn("Rebuild of projection {} failed: {}", name, error, e);
                stopInstances();
                dropShadow();
                finishedAt = Instant.now();
                state = FAILED;
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The shadow schema with empty copies of the tables; nothing left of an earlier rebuild. */
        void prepare() throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
                    st.execute("CREATE SCHEMA " + shadow);
                    for (String table : definition.tables()) {
                        st.execute("CREATE TABLE " + shadow + "." + table + " (LIKE public." + table
                                + " INCLUDING ALL)");
                    }
                }
                clearRebuildRows(c);
                c.commit();
            }
        }

        void clearRebuildRows(Connection c) throws SQLException {
            for (String table : List.of("pekko_projection_offset_store", "pekko_projection_management")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE projection_name = ?")) {
                    ps.setString(1, rebuildName(definition.name()));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM projection_failures WHERE projection_name = ?")) {
                ps.setString(1, rebuildName(definition.name()));
                ps.executeUpdate();
            }
        }

        void countAtStart() throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT coalesce(max(ordering), 0) FROM event_journal")) {
                    rs.next();
                    journalMaxAtStart = rs.getLong(1);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM event_tag WHERE tag = ANY (?) AND event_id <= ?")) {
                    ps.setArray(1, c.createArrayOf("varchar", slices.toArray()));
                    ps.setLong(2, journalMaxAtStart);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        totalAtStart = rs.getLong(1);
                    }
                }
            }
            total = totalAtStart;
        }

        /** Events tagged for the projection so far, the rate over the last seconds and the time left. */
        void measure() throws SQLException {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT count(*) FROM event_tag WHERE tag = ANY (?) AND event_id > ?")) {
                Array tags = c.createArrayOf("varchar", slices.toArray());
                ps.setArray(1, tags);
                ps.setLong(2, journalMaxAtStart);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = totalAtStart + rs.getLong(1);
                }
            }
            long now = System.nanoTime();
            long done = processed.get();
            samples.addLast(new Sample(now, done));
            while (samples.size() > 2 && now - samples.peekFirst().nanos() > RATE_WINDOW_NANOS) {
                samples.removeFirst();
            }
            Sample first = samples.peekFirst();
            double seconds = (now - first.nanos()) / 1e9;
            if (seconds > 0 && samples.size() >= 2) {
                rate = (done - first.done()) / seconds;
                long left = Math.max(0, total - done);
                secondsLeft = rate > 0 ? (long) Math.ceil(left / rate) : null;
            }
        }

        /** Events of the projection's tags after the rebuild's committed offsets, from the store itself. */
        long behind() throws SQLException {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_tag t"
                         + " LEFT JOIN pekko_projection_offset_store o ON o.projection_name = ? AND o.projection_key = t.tag"
                         + " AND o.manifest = 'SEQ'"
                         + " WHERE t.tag = ANY (?) AND t.event_id > coalesce(o.current_offset::bigint, 0)")) {
                ps.setString(1, rebuildName(definition.name()));
                ps.setArray(2, c.createArrayOf("varchar", slices.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        /**
         * The archived events of the projection's tags first (they are no longer in the journal), through
         * the projection's handler into the shadow tables, one transaction per group; returns how many.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        long feedArchive(EventArchive archive) throws Exception {
            long fed = 0;
            for (String slice : slices) {
                GroupedHandler handler = new GroupedHandler((JdbcHandler) definition.handler().get());
                handler.start();
                long[] count = {0};
                try {
                    archive.forEachTagged(slice, groupSize, envelopes -> {
                        List<EventEnvelope<Object>> group = envelopes.stream()
                                .map(e -> EventEnvelope.create(e.offset(), e.persistenceId(), e.sequenceNr(),
                                        e.event(), e.timestamp()))
                                .toList();
                        PooledJdbcSession session = new PooledJdbcSession(dataSource, shadow + ", public");
                        try {
                            handler.process(session, group);
                            session.commit();
                        } catch (Exception e) {
                            throw new IllegalStateException("archived events of " + group.get(0).persistenceId()
                                    + " from #" + group.get(0).sequenceNr() + ": " + e, e);
                        } finally {
                            try {
                                session.close();
                            } catch (java.sql.SQLException e) {
                                log.warn("could not close a rebuild session: {}", e.toString());
                            }
                        }
                        count[0] += group.size();
                        processed.addAndGet(group.size());
                    });
                } finally {
                    handler.stop();
                }
                fed += count[0];
            }
            return fed;
        }

        /**
         * One instance per slice, each committing its rows and offset per group of envelopes (one
         * transaction for up to {@code groupSize} events) rather than per event as the live one does.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        void startInstances() {
            String rebuildName = rebuildName(definition.name());
            ProjectionFailures failures = new ProjectionFailures();
            StatusObserver observer = counter();
            for (String slice : slices) {
                ProjectionInstance instance = new ProjectionInstance(rebuildName, slice);
                Supplier<JdbcHandler> handler = () -> new GroupedHandler(new GuardedHandler(instance, failures,
                        (JdbcHandler) definition.handler().get()));
                var projection = JdbcProjection.groupedWithin(ProjectionId.of(rebuildName, slice),
                                NotifiedTagSource.<Object>eventsByTag(system, slice),
                                () -> new PooledJdbcSession(dataSource, shadow + ", public"),
                                (Supplier) handler, system)
                        .withGroup(groupSize, Duration.ofMillis(200))
                        .withStatusObserver(observer);
                instances.add(system.systemActorOf(ProjectionBehavior.create(projection),
                        rebuildName + "-" + slice + "-" + id, Props.empty()));
            }
        }

        /** Counts envelopes whose rows and offset are committed. */
        <E> StatusObserver<EventEnvelope<E>> counter() {
            return ReadSideProgress.afterEach((id, envelope) -> processed.incrementAndGet());
        }

        void switchOver() throws Exception {
            String name = definition.name();
            ProjectionManagement management = ProjectionManagement.get(system);
            List<ProjectionId> live = slices.stream().map(s -> ProjectionId.of(name, s)).toList();
            List<ProjectionId> rebuild = slices.stream().map(s -> ProjectionId.of(rebuildName(name), s)).toList();
            try {
                awaitAll(live.stream().map(management::pause).toList());
                awaitAll(rebuild.stream().map(management::pause).toList());
                handedOver = behind();
                swapTables();
            } finally {
                // resumed whatever happened: from the rebuild's offsets after a switch, from its own before
                awaitAll(live.stream().map(management::resume).toList());
                stopInstances();
            }
        }

        void awaitAll(List<? extends java.util.concurrent.CompletionStage<?>> stages) throws Exception {
            CompletableFuture.allOf(stages.stream().map(java.util.concurrent.CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new)).get(OPERATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        /** One transaction: old tables aside, copies into public, the rebuild's offsets to the live projection. */
        void swapTables() throws SQLException {
            String name = definition.name();
            String replaced = "replaced_" + name + "_" + STAMP.format(Instant.now());
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL lock_timeout = '20s'");
                    st.execute("CREATE SCHEMA " + replaced);
                    for (String table : definition.tables()) {
                        st.execute("LOCK TABLE public." + table + " IN ACCESS EXCLUSIVE MODE");
                        st.execute("ALTER TABLE public." + table + " SET SCHEMA " + replaced);
                        st.execute("ALTER TABLE " + shadow + "." + table + " SET SCHEMA public");
                        renameIndexesLike(c, replaced, table);
                    }
                    st.execute("DROP SCHEMA " + shadow);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM pekko_projection_offset_store WHERE projection_name = ?")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO pekko_projection_offset_store"
                        + " (projection_name, projection_key, current_offset, manifest, mergeable, last_updated)"
                        + " SELECT ?, projection_key, current_offset, manifest, mergeable, ?"
                        + " FROM pekko_projection_offset_store WHERE projection_name = ?")) {
                    ps.setString(1, name);
                    ps.setLong(2, System.currentTimeMillis());
                    ps.setString(3, rebuildName(name));
                    ps.executeUpdate();
                }
                clearRebuildRows(c);
                c.commit();
            }
            replacedSchema = replaced;
        }

        /**
         * The copies' indexes get generated names; each takes the name of the old index with the same
         * definition, so the migrations' {@code CREATE INDEX IF NOT EXISTS <name>} still find them.
         */
        void renameIndexesLike(Connection c, String oldSchema, String table) throws SQLException {
            Map<String, String> oldNames = indexes(c, oldSchema, table);
            Map<String, String> newNames = indexes(c, "public", table);
            Map<String, String> renames = new HashMap<>();
            newNames.forEach((definitionText, newName) -> {
                String oldName = oldNames.get(definitionText);
                if (oldName != null && !oldName.equals(newName)) {
                    renames.put(newName, oldName);
                }
            });
            try (Statement st = c.createStatement()) {
                // through temporary names: a new index may carry a name another one wants
                for (String newName : renames.keySet()) {
                    st.execute("ALTER INDEX public.\"" + newName + "\" RENAME TO \"" + newName + "_rb\"");
                }
                for (Map.Entry<String, String> e : renames.entrySet()) {
                    st.execute("ALTER INDEX public.\"" + e.getKey() + "_rb\" RENAME TO \"" + e.getValue() + "\"");
                }
            }
        }

        /** Index definition without its name and table (e.g. {@code UNIQUE INDEX ON USING btree (id)}) to name. */
        Map<String, String> indexes(Connection c, String schema, String table) throws SQLException {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ic.relname, pg_get_indexdef(i.indexrelid)"
                    + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
                    + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND t.relname = ?")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(2).replaceFirst("INDEX \\S+ ON \\S+ ", "INDEX ON "), rs.getString(1));
                    }
                }
            }
            return out;
        }

        void stopInstances() {
            instances.forEach(ref -> ref.tell(ProjectionBehavior.stopMessage()));
            instances.clear();
        }

        void dropShadow() {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
                c.setAutoCommit(false);
                clearRebuildRows(c);
                c.commit();
            } catch (SQLException e) {
                log.warn("Could not drop the shadow schema {}: {}", shadow, e.toString());
            }
        }
    }
}
