package poker.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import poker.domain.Rejection;

/**
 * The operators' view of the read side: for every projection instance, how far it got (its
 * committed journal ordering), how far behind the journal it is, and the event it is failing on;
 * and the audited command that skips that event. All from PostgreSQL, so every node answers alike.
 */
public final class ProjectionAdmin {

    /** Events of the slice after the committed offset, and how long the oldest of them has waited. */
    public record Lag(long events, double seconds) {
    }

    public record LastError(String message, Instant failedAt, Instant firstFailedAt, String persistenceId,
                            long sequenceNr, Long ordering, int attempts) {
    }

    /** {@code offset} is null until the instance has committed one (it then reads the slice from its start). */
    public record Status(String name, String slice, Long offset, Instant offsetUpdatedAt, Lag lag,
                         LastError lastError) {
    }

    public record Skip(long id, String name, String slice, String persistenceId, long sequenceNr,
                       String failureMessage, String reason, String skippedBy, String skippedByUsername,
                       Instant skippedAt, Instant appliedAt) {
    }

    public sealed interface SkipOutcome {
    }

    public record Skipped(Skip skip) implements SkipOutcome {
    }

    public record Refused(Rejection rejection) implements SkipOutcome {
    }

    private static final String SKIP_COLUMNS = "id, projection_name, slice, persistence_id, sequence_nr,"
            + " failure_message, reason, skipped_by, skipped_by_username, skipped_at, applied_at";

    private final DataSource dataSource;
    private final Supplier<List<ProjectionInstance>> instances;

    public ProjectionAdmin(DataSource dataSource, Supplier<List<ProjectionInstance>> instances) {
        this.dataSource = dataSource;
        this.instances = instances;
    }

    public List<Status> statuses() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // one snapshot: offsets, failures and the journal as of one moment
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                Map<ProjectionInstance, Long> offsets = new HashMap<>();
                Map<ProjectionInstance, Instant> offsetTimes = new HashMap<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT projection_name,"
                        + " projection_key, current_offset, last_updated FROM pekko_projection_offset_store"
                        + " WHERE manifest = 'SEQ'")) {
                    while (rs.next()) {
                        ProjectionInstance instance = new ProjectionInstance(rs.getString(1), rs.getString(2));
                        offsets.put(instance, Long.parseLong(rs.getString(3)));
                        offsetTimes.put(instance, Instant.ofEpochMilli(rs.getLong(4)));
                    }
                }
                Map<ProjectionInstance, LastError> errors = new HashMap<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT projection_name,"
                        + " slice, message, last_failed_at, first_failed_at, persistence_id, sequence_nr,"
                        + " event_ordering, attempts FROM projection_failures")) {
                    while (rs.next()) {
                        long ordering = rs.getLong(8);
                        errors.put(new ProjectionInstance(rs.getString(1), rs.getString(2)), new LastError(
                                rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                                rs.getString(6), rs.getLong(7), rs.wasNull() ? null : ordering, rs.getInt(9)));
                    }
                }
                long now = System.currentTimeMillis();
                List<Status> out = new ArrayList<>();
                for (ProjectionInstance instance : instances.get()) {
                    Long offset = offsets.get(instance);
                    out.add(new Status(instance.name(), instance.slice(), offset, offsetTimes.get(instance),
                            lag(c, instance.slice(), offset == null ? 0 : offset, now), errors.get(instance)));
                }
                return out;
            } finally {
                c.rollback();
            }
        }
    }

    /** Served by the index event_tag (tag, event_id). */
    private static Lag lag(Connection c, String tag, long offset, long now) throws SQLException {
        long events;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM event_tag WHERE tag = ? AND event_id > ?")) {
            ps.setString(1, tag);
            ps.setLong(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                events = rs.getLong(1);
            }
        }
        if (events == 0) {
            return new Lag(0, 0);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT j.write_timestamp FROM event_tag t"
                + " JOIN event_journal j ON j.ordering = t.event_id"
                + " WHERE t.tag = ? AND t.event_id > ? ORDER BY t.event_id LIMIT 1")) {
            ps.setString(1, tag);
            ps.setLong(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                long oldest = rs.next() ? rs.getLong(1) : now;
                return new Lag(events, Math.max(0, now - oldest) / 1000.0);
            }
        }
    }

    /**
     * An admin skips the event {@code instance} is failing on: only that event (anything else is
     * refused, so a stale or mistyped request cannot drop a good event), recorded with who and why.
     * The instance steps over it at its next retry, in the transaction that commits its offset.
     */
    public SkipOutcome skip(ProjectionInstance instance, EventRef event, String reason, String adminId,
                            String adminUsername) throws SQLException {
        if (!instances.get().contains(instance)) {
            return new Refused(Rejection.of("projection_not_found",
                    "There is no projection " + instance.name() + " reading " + instance.slice() + "."));
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SkipOutcome outcome = skip(c, instance, event, reason, adminId, adminUsername);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static SkipOutcome skip(Connection c, ProjectionInstance instance, EventRef event, String reason,
                                    String adminId, String adminUsername) throws SQLException {
        String failureMessage;
        try (PreparedStatement ps = c.prepareStatement("SELECT persistence_id, sequence_nr, message"
                + " FROM projection_failures WHERE projection_name = ? AND slice = ? FOR UPDATE")) {
            ps.setString(1, instance.name());
            ps.setString(2, instance.slice());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Refused(Rejection.of("not_failing_event", "Projection " + instance.name() + " on "
                            + instance.slice() + " is not failing on any event; nothing to skip."));
                }
                EventRef failing = new EventRef(rs.getString(1), rs.getLong(2));
                if (!failing.equals(event)) {
                    return new Refused(Rejection.of("not_failing_event", "Projection " + instance.name() + " on "
                            + instance.slice() + " is failing on " + failing.persistenceId() + " seq "
                            + failing.sequenceNr() + ", not on that event."));
                }
                failureMessage = rs.getString(3);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO projection_skips (projection_name, slice,"
                + " persistence_id, sequence_nr, failure_message, reason, skipped_by, skipped_by_username,"
                + " skipped_at) VALUES (?, ?, ?, ?, ?, ?, ?::uuid, ?, now())"
                + " ON CONFLICT (projection_name, slice, persistence_id, sequence_nr) DO NOTHING"
                + " RETURNING " + SKIP_COLUMNS)) {
            ps.setString(1, instance.name());
            ps.setString(2, instance.slice());
            ps.setString(3, event.persistenceId());
            ps.setLong(4, event.sequenceNr());
            ps.setString(5, failureMessage);
            ps.setString(6, reason);
            ps.setString(7, adminId);
            ps.setString(8, adminUsername);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Refused(Rejection.of("already_skipped", "That event is already skipped; projection "
                            + instance.name() + " on " + instance.slice() + " steps over it at its next retry."));
                }
                return new Skipped(skipOf(rs));
            }
        }
    }

    /** The audit of skips, newest first. */
    public List<Skip> skips(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + SKIP_COLUMNS
                     + " FROM projection_skips ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Skip> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(skipOf(rs));
                }
            }
            return out;
        }
    }

    private static Skip skipOf(ResultSet rs) throws SQLException {
        return new Skip(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                Optional.ofNullable(rs.getTimestamp(11)).map(Timestamp::toInstant).orElse(null));
    }
}
