package poker.readside;

import java.sql.PreparedStatement;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.table.TableEvent;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.TableCreated;

/** table_stats: counters and chip totals per table. Increments, so an event applied twice would show. */
public final class TableStatsProjectionHandler extends JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession> {

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<TableEvent> envelope) throws Exception {
        TableEvent event = envelope.event();
        if (event instanceof TableCreated) {
            update(session, "INSERT INTO table_stats (table_id, participant_count, hand_count) VALUES (?, 0, 0)",
                    event.tableId());
        } else if (event instanceof ParticipantJoined e) {
            update(session, "UPDATE table_stats SET participant_count = participant_count + 1,"
                    + " chips_in = chips_in + " + e.chips() + " WHERE table_id = ?", event.tableId());
        } else if (event instanceof ParticipantLeft e) {
            update(session, "UPDATE table_stats SET participant_count = participant_count - 1,"
                    + " chips_out = chips_out + " + e.chipsReturned() + " WHERE table_id = ?", event.tableId());
        } else if (event instanceof HandProgressed e && e.event() instanceof HandEvent.HandEnded) {
            update(session, "UPDATE table_stats SET hand_count = hand_count + 1 WHERE table_id = ?", event.tableId());
        }
    }

    private static void update(PooledJdbcSession session, String sql, String tableId) throws Exception {
        session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, UUID.fromString(tableId));
                return ps.executeUpdate();
            }
        });
    }
}
