package poker.readside;

import java.sql.PreparedStatement;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.TableCreated;

/** table_stats: counters per table. Increments, so an event applied twice would show. */
public final class TableStatsProjectionHandler extends JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession> {

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<TableEvent> envelope) throws Exception {
        TableEvent event = envelope.event();
        String sql;
        if (event instanceof TableCreated) {
            sql = "INSERT INTO table_stats (table_id, participant_count, hand_count) VALUES (?, 0, 0)";
        } else if (event instanceof ParticipantJoined) {
            sql = "UPDATE table_stats SET participant_count = participant_count + 1 WHERE table_id = ?";
        } else if (event instanceof ParticipantLeft) {
            sql = "UPDATE table_stats SET participant_count = participant_count - 1 WHERE table_id = ?";
        } else {
            return;
        }
        session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, UUID.fromString(event.tableId()));
                return ps.executeUpdate();
            }
        });
    }
}
