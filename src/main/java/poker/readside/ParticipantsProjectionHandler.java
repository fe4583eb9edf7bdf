package poker.readside;

import java.sql.PreparedStatement;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;

/** participants: one row per seated participant; a leave removes the row. */
public final class ParticipantsProjectionHandler extends JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession> {

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<TableEvent> envelope) throws Exception {
        TableEvent event = envelope.event();
        if (event instanceof ParticipantJoined e) {
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO participants (id, player_id, table_id, chips, seat_number, status) "
                                + "VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, UUID.fromString(e.participantId()));
                    ps.setObject(2, UUID.fromString(e.playerId()));
                    ps.setObject(3, UUID.fromString(e.tableId()));
                    ps.setLong(4, e.chips());
                    ps.setInt(5, e.seatNumber());
                    ps.setString(6, e.status());
                    return ps.executeUpdate();
                }
            });
        } else if (event instanceof ParticipantLeft e) {
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM participants WHERE id = ?")) {
                    ps.setObject(1, UUID.fromString(e.participantId()));
                    return ps.executeUpdate();
                }
            });
        }
    }
}
