package poker.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads of the Table Management read side. Plain JDBC; callers run it off the default dispatcher. */
public final class TableQueries {

    /** {@code tournamentId}: the tournament whose table this is, null for a cash table. */
    public record LobbyEntry(String tableId, String name, long smallBlind, long bigBlind, int maxSeats,
                             int seatsTaken, String status, String tournamentId) {
    }

    public record ParticipantView(String participantId, String playerId, int seatNumber, long chips, String status) {
    }

    public record TableInfo(String tableId, String name, long smallBlind, long bigBlind, int maxSeats,
                            long minBuyIn, long maxBuyIn, int actionSeconds, int seatsTaken, String status,
                            List<ParticipantView> participants, String tournamentId) {
    }

    public record TableStats(String tableId, int participantCount, int handCount) {
    }

    private static final String LOBBY_COLUMNS = "table_id, name, small_blind, big_blind, max_seats, seats_taken,"
            + " status, min_buy_in, max_buy_in, action_seconds, tournament_id";

    private final DataSource dataSource;

    public TableQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of the lobby in creation order (keyset: creation time, then table id): at most
     * {@code limit} tables created after table {@code after}, or from the start. Empty when
     * {@code after} is not a table of the lobby.
     */
    public Optional<List<LobbyEntry>> lobby(int limit, Optional<String> after) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (after.isPresent() && !exists(c, UUID.fromString(after.get()))) {
                return Optional.empty();
            }
            String where = after.isEmpty() ? ""
                    : " WHERE (created_at, table_id) > (SELECT created_at, table_id FROM lobby_tables WHERE table_id = ?)";
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + LOBBY_COLUMNS + " FROM lobby_tables" + where + " ORDER BY created_at, table_id LIMIT ?")) {
                int i = 1;
                if (after.isPresent()) {
                    ps.setObject(i++, UUID.fromString(after.get()));
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<LobbyEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new LobbyEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                                rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(11)));
                    }
                    return Optional.of(out);
                }
            }
        }
    }

    /** Tables {@code userId} created that nobody sits at (the lobby clutter a creation quota bounds). */
    public int emptyTablesCreatedBy(String userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM lobby_tables WHERE created_by = ? AND seats_taken = 0 AND status <> 'closed'")) {
            ps.setObject(1, UUID.fromString(userId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public Optional<TableInfo> table(String id) throws SQLException {
        UUID tableId = UUID.fromString(id);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + LOBBY_COLUMNS + " FROM lobby_tables WHERE table_id = ?")) {
            ps.setObject(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TableInfo(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getInt(5), rs.getLong(8), rs.getLong(9), rs.getInt(10), rs.getInt(6), rs.getString(7),
                        participants(c, tableId), rs.getString(11)));
            }
        }
    }

    /** Empty when the table is unknown to the read side. */
    public Optional<List<ParticipantView>> participants(String id) throws SQLException {
        UUID tableId = UUID.fromString(id);
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, tableId)) {
                return Optional.empty();
            }
            return Optional.of(participants(c, tableId));
        }
    }

    public Optional<TableStats> stats(String id) throws SQLException {
        UUID tableId = UUID.fromString(id);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT participant_count, hand_count FROM table_stats WHERE table_id = ?")) {
            ps.setObject(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TableStats(tableId.toString(), rs.getInt(1), rs.getInt(2)));
            }
        }
    }

    private static boolean exists(Connection c, UUID tableId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lobby_tables WHERE table_id = ?")) {
            ps.setObject(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<ParticipantView> participants(Connection c, UUID tableId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, player_id, seat_number, chips, status FROM participants WHERE table_id = ?"
                        + " ORDER BY seat_number")) {
            ps.setObject(1, tableId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ParticipantView> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new ParticipantView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                            rs.getString(5)));
                }
                return out;
            }
        }
    }
}
