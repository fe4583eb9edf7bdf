package poker.readside;

import java.sql.PreparedStatement;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.SeatSetup;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.ParticipantSatIn;
import poker.domain.table.TableEvent.ParticipantSatOut;

/**
 * participants: one row per seated participant with the stack after the last hand and the status (active,
 * sitting_out, waiting for the big blind); a leave removes the row.
 */
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
                    ps.setString(6, StorableText.of(e.status()));
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
        } else if (event instanceof ParticipantSatOut e) {
            status(session, e.participantId(), TableDecider.SITTING_OUT);
        } else if (event instanceof ParticipantSatIn e) {
            // back owing blinds and waiting for the big blind (rule 12), or in the game
            status(session, e.participantId(),
                    Boolean.TRUE.equals(e.waitForBigBlind()) ? TableDecider.WAITING : TableDecider.ACTIVE);
        } else if (event instanceof HandProgressed e && e.event() instanceof HandEvent.HandStarted started) {
            // dealt in: a player who waited for the big blind is in the game now
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE participants SET status = ?"
                        + " WHERE table_id = ? AND seat_number = ? AND player_id = ? AND status = ?")) {
                    for (SeatSetup seat : started.seats()) {
                        ps.setString(1, TableDecider.ACTIVE);
                        ps.setObject(2, UUID.fromString(e.tableId()));
                        ps.setInt(3, seat.seat());
                        ps.setObject(4, UUID.fromString(seat.playerId()));
                        ps.setString(5, TableDecider.WAITING);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        } else if (event instanceof HandProgressed e && e.event() instanceof HandEvent.HandEnded ended) {
            // stacks change only when a hand ends; chips in a live hand still count in the pre-hand stack
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE participants SET chips = ? WHERE table_id = ? AND seat_number = ?")) {
                    for (HandEvent.SeatStack stack : ended.stacks()) {
                        ps.setLong(1, stack.stack());
                        ps.setObject(2, UUID.fromString(e.tableId()));
                        ps.setInt(3, stack.seat());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        }
    }

    private static void status(PooledJdbcSession session, String participantId, String status) throws Exception {
        session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE participants SET status = ? WHERE id = ?")) {
                ps.setString(1, status);
                ps.setObject(2, UUID.fromString(participantId));
                return ps.executeUpdate();
            }
        });
    }
}
