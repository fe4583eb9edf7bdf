package poker.readside;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.table.TableEvent;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableEvent.DeckRevealed;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableSettings;

/**
 * lobby_tables: the tables a player can browse, with their terms, seats taken, whether a hand is on, and
 * the tournament a table belongs to (null for a cash table).
 */
public final class LobbyProjectionHandler extends JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession> {

    public static final String WAITING = "waiting";
    public static final String PLAYING = "playing";
    /** Closed: broken or finished tournament tables, and cash tables an admin closed once empty. */
    public static final String CLOSED = "closed";

    private static void status(PooledJdbcSession session, String tableId, String status) throws Exception {
        session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE lobby_tables SET status = ? WHERE table_id = ?")) {
                ps.setString(1, status);
                ps.setObject(2, UUID.fromString(tableId));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<TableEvent> envelope) throws Exception {
        TableEvent event = envelope.event();
        if (event instanceof TableCreated e) {
            TableSettings s = e.settings();
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO lobby_tables (table_id, name, small_blind, big_blind, min_buy_in, max_buy_in,"
                                + " max_seats, action_seconds, seats_taken, status, created_by, created_at,"
                                + " tournament_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")) {
                    ps.setObject(1, UUID.fromString(e.tableId()));
                    ps.setString(2, StorableText.of(s.name()));
                    ps.setLong(3, s.smallBlind());
                    ps.setLong(4, s.bigBlind());
                    ps.setLong(5, s.minBuyIn());
                    ps.setLong(6, s.maxBuyIn());
                    ps.setInt(7, s.maxSeats());
                    ps.setInt(8, s.actionSeconds());
                    ps.setString(9, WAITING);
                    ps.setObject(10, UUID.fromString(e.createdBy()));
                    ps.setTimestamp(11, Timestamp.from(e.createdAt()));
                    ps.setString(12, s.tournamentId() == null ? null : StorableText.of(s.tournamentId()));
                    return ps.executeUpdate();
                }
            });
        } else if (event instanceof HandProgressed e && e.event() instanceof HandEvent.HandStarted) {
            status(session, event.tableId(), PLAYING);
        } else if (event instanceof HandClosed || event instanceof DeckRevealed) {
            status(session, event.tableId(), WAITING);
        } else if (event instanceof TableEvent.TableClosed) {
            status(session, event.tableId(), CLOSED);
        } else if (event instanceof ParticipantJoined || event instanceof ParticipantLeft) {
            int delta = event instanceof ParticipantJoined ? 1 : -1;
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE lobby_tables SET seats_taken = seats_taken + ? WHERE table_id = ?")) {
                    ps.setInt(1, delta);
                    ps.setObject(2, UUID.fromString(event.tableId()));
                    return ps.executeUpdate();
                }
            });
        }
    }
}
