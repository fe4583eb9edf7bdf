package poker.readside;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.TournamentEvent.Payout;
import poker.infra.Jackson;

/**
 * Reads of the Tournament Management read side (API.md "Tournaments"). Plain JDBC; callers run it off
 * the default dispatcher. The records are the JSON the API serves; the live socket builds the same
 * ones from the journal ({@link TournamentView}).
 */
public final class TournamentQueries {

    /** The current blind level; {@code endsAt} when the next one begins. */
    public record Level(int number, long smallBlind, long bigBlind, long ante, Instant endsAt) {
    }

    public record LobbyEntry(String tournamentId, String name, String status, long buyIn, long fee, int entrants,
                             int remaining, int maxPlayers, long prizePool, Instant startAt, boolean startWhenFull,
                             Level level) {
    }

    /** A table in play (broken tables are left out) and how many entries sit there. */
    public record TableEntry(String tableId, int tableNumber, int players) {
    }

    public record Detail(String tournamentId, String name, String status, long buyIn, long fee, long startingStack,
                         int seatsPerTable, int minPlayers, int maxPlayers, Instant startAt, boolean startWhenFull,
                         List<BlindLevel> levels, int lateRegistrationLevels, int maxReentries, int actionSeconds,
                         String createdBy, Instant createdAt, boolean registrationOpen, int entrants, int remaining,
                         long averageStack, long prizePool, long prizesPaid, Level level, List<TableEntry> tables,
                         List<Payout> payouts, boolean handForHand, Instant startedAt, Instant endedAt,
                         String winnerEntryId, String cancelReason) {
    }

    /** A line of the standings; {@code place}/{@code prize} once known, {@code prizePaid} once credited. */
    public record Standing(String entryId, String playerId, String displayName, int entryNumber, long chips,
                           String tableId, Integer seatNumber, String status, Integer place, Long prize,
                           Long prizePaid) {
    }

    /** Where the caller plays now: their latest entry. */
    public record MyEntry(String entryId, int entryNumber, String tableId, Integer seatNumber, String status,
                          long chips, @JsonInclude(JsonInclude.Include.NON_NULL) Integer place,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long prize) {
    }

    /** What the chip audit needs of one tournament. */
    public record AuditRow(String tournamentId, String status, long startingStack, int entries, long chips,
                           long buyIns, long fees, long prizesPaid) {
    }

    private static final TypeReference<List<BlindLevel>> LEVELS = new TypeReference<>() {
    };

    private static final String LOBBY_COLUMNS = "tournament_id, name, status, buy_in, fee, entrants, remaining,"
            + " max_players, prize_pool, start_at, start_when_full, level, small_blind, big_blind, ante, level_ends_at";

    private final DataSource dataSource;

    public TournamentQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of the lobby in creation order (keyset: creation time, then id), optionally of one
     * status: at most {@code limit} tournaments created after {@code after}, or from the start. Empty
     * when {@code after} is not a tournament of the lobby.
     */
    public Optional<List<LobbyEntry>> lobby(int limit, Optional<String> after, Optional<String> status)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (after.isPresent() && !exists(c, after.get())) {
                return Optional.empty();
            }
            List<String> where = new ArrayList<>();
            if (after.isPresent()) {
                where.add("(created_at, tournament_id) > (SELECT created_at, tournament_id FROM tournaments"
                        + " WHERE tournament_id = ?)");
            }
            if (status.isPresent()) {
                where.add("status = ?");
            }
            String sql = "SELECT " + LOBBY_COLUMNS + " FROM tournaments"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY created_at, tournament_id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (after.isPresent()) {
                    ps.setString(i++, after.get());
                }
                if (status.isPresent()) {
                    ps.setString(i++, status.get());
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<LobbyEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new LobbyEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9),
                                instant(rs.getTimestamp(10)), rs.getBoolean(11), level(rs, 12)));
                    }
                    return Optional.of(out);
                }
            }
        }
    }

    public Optional<Detail> detail(String tournamentId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // one snapshot of the tournament's rows
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return detail(c, tournamentId);
            } finally {
                c.rollback();
            }
        }
    }

    private Optional<Detail> detail(Connection c, String tournamentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, status, buy_in, fee, starting_stack,"
                + " seats_per_table, min_players, max_players, start_at, start_when_full, levels,"
                + " late_registration_levels, max_reentries, action_seconds, created_by, created_at,"
                + " registration_open, entrants, remaining, prize_pool, prizes_paid, level, small_blind, big_blind,"
                + " ante, level_ends_at, hand_for_hand, started_at, ended_at, winner_entry_id, cancel_reason"
                + " FROM tournaments WHERE tournament_id = ?")) {
            ps.setString(1, tournamentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<BlindLevel> levels;
                try {
                    levels = Jackson.MAPPER.readValue(rs.getString(11), LEVELS);
                } catch (Exception e) {
                    levels = List.of();
                }
                long[] stacks = stacks(c, tournamentId);
                long average = stacks[1] == 0 ? 0 : stacks[0] / stacks[1];
                return Optional.of(new Detail(tournamentId, rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        instant(rs.getTimestamp(9)), rs.getBoolean(10), levels, rs.getInt(12), rs.getInt(13),
                        rs.getInt(14), rs.getString(15), instant(rs.getTimestamp(16)), rs.getBoolean(17),
                        rs.getInt(18), rs.getInt(19), average, rs.getLong(20), rs.getLong(21), level(rs, 22),
                        tables(c, tournamentId), payouts(c, tournamentId), rs.getBoolean(27),
                        instant(rs.getTimestamp(28)), instant(rs.getTimestamp(29)), rs.getString(30),
                        rs.getString(31)));
            }
        }
    }

    /** Chips of the entries still in (registered or playing), and how many they are. */
    private static long[] stacks(Connection c, String tournamentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(chips), 0), count(*)"
                + " FROM tournament_entries WHERE tournament_id = ? AND status IN ('registered', 'playing')")) {
            ps.setString(1, tournamentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static List<TableEntry> tables(Connection c, String tournamentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.table_id, t.table_number,"
                + " (SELECT count(*) FROM tournament_entries e WHERE e.tournament_id = t.tournament_id"
                + "  AND e.table_id = t.table_id AND e.status = 'playing')"
                + " FROM tournament_tables t WHERE t.tournament_id = ? AND NOT t.broken ORDER BY t.table_number")) {
            ps.setString(1, tournamentId);
            try (ResultSet rs = ps.executeQuery()) {
                List<TableEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new TableEntry(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
                return out;
            }
        }
    }

    private static List<Payout> payouts(Connection c, String tournamentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT place, amount FROM tournament_payouts WHERE tournament_id = ? ORDER BY place")) {
            ps.setString(1, tournamentId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Payout> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Payout(rs.getInt(1), rs.getLong(2)));
                }
                return out;
            }
        }
    }

    /**
     * The standings: entries still in by chips (the winner first once finished), then the eliminated
     * by place; unregistered entries are left out. Empty when the tournament is unknown.
     */
    public Optional<List<Standing>> standings(String tournamentId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                if (!exists(c, tournamentId)) {
                    return Optional.empty();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT e.entry_id, e.player_id, u.display_name,"
                        + " e.entry_number, e.chips, e.table_id, e.seat_number, e.status, e.place, e.prize, e.prize_paid"
                        + " FROM tournament_entries e LEFT JOIN users u ON u.id = e.player_id"
                        + " WHERE e.tournament_id = ? AND e.status <> 'unregistered'"
                        + " ORDER BY e.status = 'eliminated', e.place NULLS LAST, e.chips DESC, e.registered_at,"
                        + " e.entry_id")) {
                    ps.setString(1, tournamentId);
                    try (ResultSet rs = ps.executeQuery()) {
                        List<Standing> out = new ArrayList<>();
                        while (rs.next()) {
                            out.add(new Standing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                    rs.getLong(5), rs.getString(6), (Integer) rs.getObject(7), rs.getString(8),
                                    (Integer) rs.getObject(9), (Long) rs.getObject(10), (Long) rs.getObject(11)));
                        }
                        return Optional.of(out);
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    /** {@code playerId}'s latest entry that counts (not unregistered); empty when they have none. */
    public Optional<MyEntry> entryOf(String tournamentId, String playerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT entry_id, entry_number, table_id, seat_number,"
                     + " status, chips, place, prize FROM tournament_entries WHERE tournament_id = ? AND player_id = ?"
                     + " AND status <> 'unregistered' ORDER BY entry_number DESC, registered_at DESC LIMIT 1")) {
            ps.setString(1, tournamentId);
            ps.setObject(2, UUID.fromString(playerId));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MyEntry(rs.getString(1), rs.getInt(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getLong(6), (Integer) rs.getObject(7),
                        (Long) rs.getObject(8)));
            }
        }
    }

    /** Who created the tournament (the read side's view); empty when it is unknown. */
    public Optional<String> createdBy(String tournamentId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT created_by FROM tournaments WHERE tournament_id = ?")) {
            ps.setString(1, tournamentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Tournaments {@code userId} created that have not started yet (what a creation quota bounds). */
    public int registeringCreatedBy(String userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM tournaments WHERE created_by = ? AND status = 'registering'")) {
            ps.setObject(1, UUID.fromString(userId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Per tournament, in creation order: what the chip audit checks (read in the caller's transaction). */
    public static List<AuditRow> auditRows(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.tournament_id, t.status, t.starting_stack,"
                + " count(e.entry_id) FILTER (WHERE e.status <> 'unregistered'),"
                + " coalesce(sum(e.chips) FILTER (WHERE e.status IN ('registered', 'playing')), 0),"
                + " coalesce(sum(e.buy_in) FILTER (WHERE e.status <> 'unregistered'), 0),"
                + " coalesce(sum(e.fee) FILTER (WHERE e.status <> 'unregistered'), 0),"
                + " t.prizes_paid"
                + " FROM tournaments t LEFT JOIN tournament_entries e ON e.tournament_id = t.tournament_id"
                + " GROUP BY t.tournament_id ORDER BY t.created_at, t.tournament_id");
             ResultSet rs = ps.executeQuery()) {
            List<AuditRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new AuditRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            }
            return out;
        }
    }

    private static boolean exists(Connection c, String tournamentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tournaments WHERE tournament_id = ?")) {
            ps.setString(1, tournamentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Level level(ResultSet rs, int first) throws SQLException {
        Integer number = (Integer) rs.getObject(first);
        if (number == null) {
            return null;
        }
        return new Level(number, rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
                instant(rs.getTimestamp(first + 4)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
