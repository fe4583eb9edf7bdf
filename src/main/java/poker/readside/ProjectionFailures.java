package poker.readside;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * {@link GuardedHandler.Store} in PostgreSQL ({@code projection_failures}, {@code projection_skips}),
 * so every node sees the same failures and skips whichever node runs the instance. Every statement
 * runs on the handler's session.
 */
public final class ProjectionFailures implements GuardedHandler.Store {

    @Override
    public Optional<GuardedHandler.Failing> failing(JdbcSession session, ProjectionInstance instance)
            throws Exception {
        return session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT persistence_id, sequence_nr, event_ordering"
                    + " FROM projection_failures WHERE projection_name = ? AND slice = ?")) {
                ps.setString(1, instance.name());
                ps.setString(2, instance.slice());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long ordering = rs.getLong(3);
                    return Optional.of(new GuardedHandler.Failing(new EventRef(rs.getString(1), rs.getLong(2)),
                            rs.wasNull() ? null : ordering));
                }
            }
        });
    }

    @Override
    public int recordFailure(JdbcSession session, ProjectionInstance instance, EventRef event, Long ordering,
                             String message) throws Exception {
        return session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO projection_failures AS f"
                    + " (projection_name, slice, persistence_id, sequence_nr, event_ordering, message, attempts,"
                    + " first_failed_at, last_failed_at) VALUES (?, ?, ?, ?, ?, ?, 1, now(), now())"
                    + " ON CONFLICT (projection_name, slice) DO UPDATE SET"
                    + " attempts = CASE WHEN f.persistence_id = EXCLUDED.persistence_id"
                    + "   AND f.sequence_nr = EXCLUDED.sequence_nr THEN f.attempts + 1 ELSE 1 END,"
                    + " first_failed_at = CASE WHEN f.persistence_id = EXCLUDED.persistence_id"
                    + "   AND f.sequence_nr = EXCLUDED.sequence_nr THEN f.first_failed_at ELSE now() END,"
                    + " persistence_id = EXCLUDED.persistence_id, sequence_nr = EXCLUDED.sequence_nr,"
                    + " event_ordering = EXCLUDED.event_ordering, message = EXCLUDED.message,"
                    + " last_failed_at = now()"
                    + " RETURNING attempts")) {
                ps.setString(1, instance.name());
                ps.setString(2, instance.slice());
                ps.setString(3, StorableText.of(event.persistenceId()));
                ps.setLong(4, event.sequenceNr());
                if (ordering == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, ordering);
                }
                ps.setString(6, message);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public boolean consumeSkip(JdbcSession session, ProjectionInstance instance, EventRef event) throws Exception {
        return session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE projection_skips"
                    + " SET applied_at = coalesce(applied_at, now())"
                    + " WHERE projection_name = ? AND slice = ? AND persistence_id = ? AND sequence_nr = ?")) {
                ps.setString(1, instance.name());
                ps.setString(2, instance.slice());
                ps.setString(3, StorableText.of(event.persistenceId()));
                ps.setLong(4, event.sequenceNr());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void clearFailure(JdbcSession session, ProjectionInstance instance) throws Exception {
        session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM projection_failures WHERE projection_name = ? AND slice = ?")) {
                ps.setString(1, instance.name());
                ps.setString(2, instance.slice());
                return ps.executeUpdate();
            }
        });
    }
}
