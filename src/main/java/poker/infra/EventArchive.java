package poker.infra;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.stream.javadsl.Sink;
import poker.domain.Rejection;

/**
 * The event archive: an entity's events moved out of the hot journal into {@code event_archive}
 * (migration V20), one gzip-compressed segment per archived run, and read back as if they had never left.
 *
 * <p>What may move: the events of one persistence id up to its latest snapshot (recovery starts from the
 * snapshot and never reads them), once every projection reading their tags has committed an offset past
 * them. A closed table and a finished tournament take a final snapshot with their last event, so all
 * their events move; a live table moves what its latest snapshot covers. The journal keeps the entity's
 * highest row whatever happens, so the journal's highest sequence number, which the entity's next write
 * follows, never goes back.
 *
 * <p>Who reads it: the replay and history endpoints, the live sockets catching up, the hand-history
 * projection and a projection rebuild, through {@link #events} and {@link #forEachTagged}. A server that
 * has not {@link #attach attached} its database (an entity test) reads the journal alone.
 */
public final class EventArchive implements Extension {

    /** The frame format of a segment (see {@link #encode}). */
    static final short FORMAT = 1;
    /** The advisory lock archiving takes exclusively and a rebuild shared. */
    static final String LOCK = "poker.event_archive";

    public record Archived(String persistenceId, long fromSeq, long toSeq, int events, long rawBytes,
                           long storedBytes) {
    }

    public sealed interface Outcome {
    }

    public record Done(Archived archived) implements Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    /** The archive and the hot journal, in rows and bytes (payloads only for the journal's rows). */
    public record Summary(long segments, long entities, long archivedEvents, long rawBytes, long storedBytes,
                          long journalEvents, long journalTableBytes, long archiveTableBytes) {
    }

    /** One journal row as it was stored. */
    record Row(long ordering, long sequenceNr, String writer, long writeTimestamp, String adapterManifest,
               int serializerId, String manifest, byte[] payload, Integer metaSerializerId, String metaManifest,
               byte[] metaPayload, List<String> tags) {
    }

    private static final ExtensionId<EventArchive> ID = new ExtensionId<>() {
        @Override
        public EventArchive createExtension(ActorSystem<?> system) {
            return new EventArchive(system);
        }
    };

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventArchive.class);

    private final ActorSystem<?> system;
    private volatile DataSource dataSource;
    private volatile Executor blocking;
    private volatile Function<String, Set<String>> projectionsOfTag;
    private final java.util.concurrent.atomic.AtomicBoolean roundRunning = new java.util.concurrent.atomic.AtomicBoolean();

    private EventArchive(ActorSystem<?> system) {
        this.system = system;
    }

    public static EventArchive get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    /**
     * The server's database: from now on reads include the archive and {@link #archive} works.
     *
     * @param projectionsOfTag the names of the projections that read a tag (every one of them must be past
     *                         an event before it moves)
     */
    public void attach(DataSource dataSource, Executor blocking, Function<String, Set<String>> projectionsOfTag) {
        this.blocking = blocking;
        this.projectionsOfTag = projectionsOfTag;
        this.dataSource = dataSource;
    }

    private JdbcReadJournal journal() {
        return PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    }

    // ---------------------------------------------------------------- reading

    /**
     * The events of {@code persistenceId} from {@code fromSeq} to {@code toSeq} (inclusive), from the
     * archive and the journal as one, in order. The journal is read first and the archive after: an
     * archiving that moves rows in between is seen by the second read, so nothing falls in the gap. When the
     * journal alone gave them all, without a hole, the archive is not asked.
     */
    public CompletionStage<List<EventEnvelope>> events(String persistenceId, long fromSeq, long toSeq) {
        CompletionStage<List<EventEnvelope>> hot = journal().currentEventsByPersistenceId(persistenceId, fromSeq, toSeq)
                .runWith(Sink.seq(), system);
        DataSource db = dataSource;
        if (db == null) {
            return hot;
        }
        return hot.thenCompose(fromJournal -> contiguousFrom(fromJournal, fromSeq)
                ? java.util.concurrent.CompletableFuture.completedFuture(fromJournal)
                : CompletableFuture.supplyAsync(() -> {
            List<EventEnvelope> cold = archived(persistenceId, fromSeq, toSeq);
            if (cold.isEmpty()) {
                return fromJournal;
            }
            TreeMap<Long, EventEnvelope> all = new TreeMap<>();
            cold.forEach(e -> all.put(e.sequenceNr(), e));
            fromJournal.forEach(e -> all.put(e.sequenceNr(), e));
            return List.copyOf(all.values());
        }, blocking));
    }

    /**
     * The journal gave every event from {@code fromSeq} on without a hole: the archive has nothing to add
     * (it only ever holds an entity's first events, and at most the journal's first row again).
     */
    private static boolean contiguousFrom(List<EventEnvelope> events, long fromSeq) {
        return !events.isEmpty() && events.get(0).sequenceNr() == Math.max(1, fromSeq)
                && events.get(events.size() - 1).sequenceNr() - events.get(0).sequenceNr() == events.size() - 1;
    }

    /** The highest sequence number of {@code persistenceId} in the archive (0: none archived). */
    public long archivedTo(String persistenceId) {
        DataSource db = dataSource;
        if (db == null) {
            return 0;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT coalesce(max(to_seq), 0) FROM event_archive WHERE persistence_id = ?")) {
            ps.setString(1, persistenceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event archive", e);
        }
    }

    /** The archived events of {@code persistenceId} between the two sequence numbers (inclusive), in order. */
    public List<EventEnvelope> archived(String persistenceId, long fromSeq, long toSeq) {
        DataSource db = dataSource;
        if (db == null) {
            return List.of();
        }
        List<EventEnvelope> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT format, segment FROM event_archive"
                     + " WHERE persistence_id = ? AND to_seq >= ? AND from_seq <= ? ORDER BY from_seq")) {
            ps.setString(1, persistenceId);
            ps.setLong(2, fromSeq);
            ps.setLong(3, toSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (Row row : decode(rs.getShort(1), rs.getBytes(2))) {
                        if (row.sequenceNr() >= fromSeq && row.sequenceNr() <= toSeq) {
                            out.add(envelope(persistenceId, row));
                        }
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read the event archive of " + persistenceId, e);
        }
        return out;
    }

    /**
     * Keeps archiving away until the returned handle is closed (a projection rebuild, from before its read
     * of the archive until it has read the journal): a session-level shared lock on a connection of its own.
     */
    public AutoCloseable holdArchiving() throws SQLException {
        DataSource db = dataSource;
        if (db == null) {
            return () -> {
            };
        }
        Connection c = db.getConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock_shared(hashtext(?))")) {
            ps.setString(1, LOCK);
            ps.execute();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return () -> {
            try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock_shared(hashtext(?))")) {
                ps.setString(1, LOCK);
                ps.execute();
            }
        };
    }

    /** Archived events carrying one of {@code tags} (not counting a row the journal still holds too). */
    public long countTagged(Collection<String> tags) throws SQLException {
        DataSource db = dataSource;
        if (db == null) {
            return 0;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT coalesce(sum(event_count), 0) FROM event_archive WHERE tags && ?")) {
            ps.setArray(1, c.createArrayOf("varchar", tags.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Every archived event tagged {@code tag}, segment by segment in journal order, handed over in groups of
     * at most {@code groupSize} (one entity's events in sequence order; a projection rebuild feeds them to
     * its handler before it reads the journal).
     */
    public void forEachTagged(String tag, int groupSize, Consumer<List<EventEnvelope>> group)
            throws SQLException, IOException {
        DataSource db = dataSource;
        if (db == null) {
            return;
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT persistence_id, format, segment FROM event_archive"
                    + " WHERE tags && ? ORDER BY first_ordering")) {
                ps.setFetchSize(16);
                ps.setArray(1, c.createArrayOf("varchar", new Object[] {tag}));
                try (ResultSet rs = ps.executeQuery()) {
                    List<EventEnvelope> batch = new ArrayList<>(groupSize);
                    while (rs.next()) {
                        String pid = rs.getString(1);
                        List<Row> rows = decode(rs.getShort(2), rs.getBytes(3));
                        // the entity's highest row stays in the journal too: the rebuild reads it there
                        Set<Long> inJournal = inJournal(c, pid, rows.get(0).sequenceNr(),
                                rows.get(rows.size() - 1).sequenceNr());
                        for (Row row : rows) {
                            if (!row.tags().contains(tag) || inJournal.contains(row.sequenceNr())) {
                                continue;
                            }
                            batch.add(envelope(pid, row));
                            if (batch.size() == groupSize) {
                                group.accept(batch);
                                batch = new ArrayList<>(groupSize);
                            }
                        }
                    }
                    if (!batch.isEmpty()) {
                        group.accept(batch);
                    }
                }
            }
            c.commit();
        }
    }

    private static Set<Long> inJournal(Connection c, String persistenceId, long from, long to) throws SQLException {
        Set<Long> out = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence_number FROM event_journal"
                + " WHERE persistence_id = ? AND sequence_number BETWEEN ? AND ?")) {
            ps.setString(1, persistenceId);
            ps.setLong(2, from);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private EventEnvelope envelope(String persistenceId, Row row) {
        Serialization serialization = SerializationExtension.get(system.classicSystem());
        Object event = serialization.deserialize(row.payload(), row.serializerId(), row.manifest()).get();
        return new EventEnvelope(Sequence.apply(row.ordering()), persistenceId, row.sequenceNr(), event,
                row.writeTimestamp());
    }

    // ---------------------------------------------------------------- archiving

    /**
     * Moves the events of {@code persistenceId} that its latest snapshot covers, and that every projection
     * of their tags has read, into one new archive segment: one transaction, under a lock per persistence
     * id (two nodes archiving the same entity wait for each other). The journal keeps its highest row.
     */
    public Outcome archive(String persistenceId) throws SQLException {
        DataSource db = dataSource;
        if (db == null) {
            throw new IllegalStateException("the event archive has no database attached");
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome outcome = archive(c, persistenceId);
                if (outcome instanceof Done) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Outcome archive(Connection c, String persistenceId) throws SQLException {
        // one archiving at a time, and none while a projection rebuild reads the archive (it holds the lock
        // shared: an event moved between its read of the archive and its read of the journal would be missed)
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return refused("archive_busy", "Another archiving or a projection rebuild is running: nothing"
                            + " moved; try again later.");
                }
            }
        }
        long archivedTo = single(c, "SELECT coalesce(max(to_seq), 0) FROM event_archive WHERE persistence_id = ?",
                persistenceId);
        long highest = single(c, "SELECT coalesce(max(sequence_number), 0) FROM event_journal WHERE persistence_id = ?",
                persistenceId);
        if (highest == 0 && archivedTo == 0) {
            return refused("entity_not_found", "The journal has no events of " + persistenceId + ".");
        }
        long snapshot = single(c, "SELECT coalesce(max(sequence_number), 0) FROM snapshot WHERE persistence_id = ?",
                persistenceId);
        long upTo = Math.min(snapshot, highest);
        if (upTo <= archivedTo) {
            return refused("nothing_to_archive", persistenceId + " has no snapshot past its archived events"
                    + " (archived to " + archivedTo + ", latest snapshot at " + snapshot + ", journal at " + highest
                    + "): only events a snapshot covers move.");
        }
        List<Row> rows = rows(c, persistenceId, archivedTo, upTo);
        if (rows.size() != upTo - archivedTo) {
            return refused("journal_gap", "The journal holds " + rows.size() + " of the events " + (archivedTo + 1)
                    + ".." + upTo + " of " + persistenceId + ": nothing moved.");
        }
        long lastOrdering = rows.stream().mapToLong(Row::ordering).max().orElseThrow();
        Set<String> tags = new TreeSet<>();
        rows.forEach(r -> tags.addAll(r.tags()));
        for (String tag : tags) {
            String behind = projectionBehind(c, tag, lastOrdering);
            if (behind != null) {
                return refused("projections_behind", "Projection " + behind + " has not read every event of "
                        + persistenceId + " up to " + upTo + " yet: nothing moved; try again later.");
            }
        }
        byte[] segment;
        try {
            segment = encode(rows);
        } catch (IOException e) {
            throw new IllegalStateException("could not encode an archive segment", e);
        }
        long raw = rows.stream().mapToLong(r -> r.payload().length
                + (r.metaPayload() == null ? 0 : r.metaPayload().length)).sum();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_archive (persistence_id, from_seq, to_seq,"
                + " event_count, first_ordering, last_ordering, tags, raw_bytes, stored_bytes, format, segment)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, persistenceId);
            ps.setLong(2, archivedTo + 1);
            ps.setLong(3, upTo);
            ps.setInt(4, rows.size());
            ps.setLong(5, rows.stream().mapToLong(Row::ordering).min().orElseThrow());
            ps.setLong(6, lastOrdering);
            ps.setArray(7, c.createArrayOf("varchar", tags.toArray()));
            ps.setLong(8, raw);
            ps.setLong(9, segment.length);
            ps.setShort(10, FORMAT);
            ps.setBytes(11, segment);
            ps.executeUpdate();
        }
        // also the highest row an earlier archiving kept, once it is no longer the highest
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM event_journal WHERE persistence_id = ?"
                + " AND sequence_number <= ? AND sequence_number < ?")) {
            ps.setString(1, persistenceId);
            ps.setLong(2, upTo);
            ps.setLong(3, highest);
            ps.executeUpdate();
        }
        return new Done(new Archived(persistenceId, archivedTo + 1, upTo, rows.size(), raw, segment.length));
    }

    /** The first projection of {@code tag} whose committed offset is before {@code ordering}; null if none. */
    private String projectionBehind(Connection c, String tag, long ordering) throws SQLException {
        Set<String> expected = new TreeSet<>(projectionsOfTag.apply(tag));
        if (expected.isEmpty()) {
            return "(none runs for tag " + tag + ")";
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT projection_name, current_offset"
                + " FROM pekko_projection_offset_store WHERE projection_key = ? AND manifest = 'SEQ'")) {
            ps.setString(1, tag);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (expected.contains(rs.getString(1)) && Long.parseLong(rs.getString(2)) >= ordering) {
                        expected.remove(rs.getString(1));
                    }
                }
            }
        }
        return expected.isEmpty() ? null : expected.iterator().next();
    }

    private static List<Row> rows(Connection c, String persistenceId, long after, long upTo) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT j.ordering, j.sequence_number, j.writer,"
                + " j.write_timestamp, j.adapter_manifest, j.event_ser_id, j.event_ser_manifest, j.event_payload,"
                + " j.meta_ser_id, j.meta_ser_manifest, j.meta_payload,"
                + " ARRAY(SELECT t.tag FROM event_tag t WHERE t.event_id = j.ordering ORDER BY t.tag)"
                + " FROM event_journal j WHERE j.persistence_id = ? AND j.sequence_number > ?"
                + " AND j.sequence_number <= ? AND NOT j.deleted ORDER BY j.sequence_number FOR UPDATE")) {
            ps.setString(1, persistenceId);
            ps.setLong(2, after);
            ps.setLong(3, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int metaId = rs.getInt(9);
                    Integer metaSerializer = rs.wasNull() ? null : metaId;
                    Array tags = rs.getArray(12);
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getInt(6), rs.getString(7), rs.getBytes(8), metaSerializer, rs.getString(10),
                            rs.getBytes(11), List.of((String[]) tags.getArray())));
                }
            }
        }
        return rows;
    }

    private static long single(Connection c, String sql, String persistenceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, persistenceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Outcome refused(String code, String message) {
        return new Refused(Rejection.of(code, message));
    }

    // ---------------------------------------------------------------- candidates and totals

    /**
     * Persistence ids of the given entity types (the part before '|') that have a snapshot past their
     * archived events, with how many events would move, most first; at most {@code limit}.
     */
    public Map<String, Long> candidates(Collection<String> entityTypes, long minEvents, boolean onlyFinal, int limit)
            throws SQLException {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT s.persistence_id, s.seq - coalesce(a.to_seq, 0)"
                     + " FROM (SELECT persistence_id, max(sequence_number) AS seq FROM snapshot"
                     + "       WHERE split_part(persistence_id, '|', 1) = ANY (?) GROUP BY persistence_id) s"
                     + " LEFT JOIN (SELECT persistence_id, max(to_seq) AS to_seq FROM event_archive"
                     + "            GROUP BY persistence_id) a ON a.persistence_id = s.persistence_id"
                     + " WHERE s.seq - coalesce(a.to_seq, 0) >= ?"
                     + " AND (NOT ? OR s.seq >= (SELECT max(j.sequence_number) FROM event_journal j"
                     + "                         WHERE j.persistence_id = s.persistence_id))"
                     + " ORDER BY 2 DESC LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("varchar", entityTypes.toArray()));
            ps.setLong(2, Math.max(1, minEvents));
            ps.setBoolean(3, onlyFinal);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    public Summary summary() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long segments;
            long entities;
            long events;
            long raw;
            long stored;
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT persistence_id),"
                    + " coalesce(sum(event_count), 0), coalesce(sum(raw_bytes), 0), coalesce(sum(stored_bytes), 0)"
                    + " FROM event_archive")) {
                rs.next();
                segments = rs.getLong(1);
                entities = rs.getLong(2);
                events = rs.getLong(3);
                raw = rs.getLong(4);
                stored = rs.getLong(5);
            }
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM event_journal),"
                    + " pg_total_relation_size('event_journal') + pg_total_relation_size('event_tag'),"
                    + " pg_total_relation_size('event_archive')")) {
                rs.next();
                return new Summary(segments, entities, events, raw, stored, rs.getLong(1), rs.getLong(2),
                        rs.getLong(3));
            }
        }
    }

    // ---------------------------------------------------------------- the schedule

    /**
     * Archives on a schedule ({@code poker.archive}): every interval, the entities whose final snapshot
     * covers their journal, then those whose latest snapshot covers at least {@code min-events} not yet
     * archived. Every node runs it; archiving takes a lock, so two never move the same events.
     */
    public void schedule(com.typesafe.config.Config config) {
        if (!config.getBoolean("auto")) {
            return;
        }
        java.time.Duration interval = config.getDuration("interval");
        List<String> types = config.getStringList("entity-types");
        long minEvents = config.getLong("min-events");
        int batch = config.getInt("batch");
        java.time.Duration first = interval.dividedBy(2).plusMillis(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(Math.max(1, interval.toMillis() / 2)));
        org.apache.pekko.actor.Cancellable task = system.scheduler().scheduleWithFixedDelay(first, interval,
                () -> blocking.execute(() -> {
                    if (roundRunning.compareAndSet(false, true)) {
                        try {
                            runRound(types, minEvents, batch);
                        } finally {
                            roundRunning.set(false);
                        }
                    }
                }), system.executionContext());
        system.getWhenTerminated().thenRun(task::cancel);
    }

    /** One round of the schedule; returns the events moved. */
    public long runRound(List<String> types, long minEvents, int batch) {
        long moved = 0;
        int entities = 0;
        try {
            Map<String, Long> candidates = new java.util.LinkedHashMap<>(candidates(types, 1, true, batch));
            candidates(types, minEvents, false, batch).forEach(candidates::putIfAbsent);
            for (String persistenceId : candidates.keySet()) {
                if (archive(persistenceId) instanceof Done done) {
                    moved += done.archived().events();
                    entities++;
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Archiving round stopped: {}", e.toString());
        }
        if (entities > 0) {
            log.info("Archived {} events of {} entities", moved, entities);
        }
        return moved;
    }

    // ---------------------------------------------------------------- segment format

    /**
     * Format 1: gzip of a frame stream: the row count, then per row its ordering, sequence number, write
     * timestamp, writer, adapter manifest ("" for none), serializer id, manifest, payload (length and bytes),
     * metadata (a flag, then serializer id, manifest and payload), and tags (count, then each).
     */
    static byte[] encode(List<Row> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(rows.size());
            for (Row r : rows) {
                out.writeLong(r.ordering());
                out.writeLong(r.sequenceNr());
                out.writeLong(r.writeTimestamp());
                out.writeUTF(r.writer());
                out.writeUTF(r.adapterManifest() == null ? "" : r.adapterManifest());
                out.writeInt(r.serializerId());
                out.writeUTF(r.manifest());
                out.writeInt(r.payload().length);
                out.write(r.payload());
                out.writeBoolean(r.metaSerializerId() != null);
                if (r.metaSerializerId() != null) {
                    out.writeInt(r.metaSerializerId());
                    out.writeUTF(r.metaManifest() == null ? "" : r.metaManifest());
                    byte[] meta = r.metaPayload() == null ? new byte[0] : r.metaPayload();
                    out.writeInt(meta.length);
                    out.write(meta);
                }
                out.writeShort(r.tags().size());
                for (String tag : r.tags()) {
                    out.writeUTF(tag);
                }
            }
        }
        return bytes.toByteArray();
    }

    static List<Row> decode(short format, byte[] segment) throws IOException {
        if (format != FORMAT) {
            throw new IOException("unknown archive segment format " + format);
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(segment)))) {
            int count = in.readInt();
            List<Row> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long ordering = in.readLong();
                long seq = in.readLong();
                long timestamp = in.readLong();
                String writer = in.readUTF();
                String adapter = in.readUTF();
                int serializer = in.readInt();
                String manifest = in.readUTF();
                byte[] payload = in.readNBytes(in.readInt());
                Integer metaSerializer = null;
                String metaManifest = null;
                byte[] metaPayload = null;
                if (in.readBoolean()) {
                    metaSerializer = in.readInt();
                    metaManifest = in.readUTF();
                    metaPayload = in.readNBytes(in.readInt());
                }
                int tagCount = in.readShort();
                List<String> tags = new ArrayList<>(tagCount);
                for (int t = 0; t < tagCount; t++) {
                    tags.add(in.readUTF());
                }
                rows.add(new Row(ordering, seq, writer, timestamp, adapter.isEmpty() ? null : adapter, serializer,
                        manifest, payload, metaSerializer, metaManifest, metaPayload, List.copyOf(tags)));
            }
            return rows;
        }
    }
}
