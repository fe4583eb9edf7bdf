package poker.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads of the Wallet read side. */
public final class WalletQueries {

    public record Balance(long balance) {
    }

    public record LedgerEntry(String transactionId, String kind, long amount, long balance, String tableId,
                              String reference, Instant occurredAt) {
    }

    private final DataSource dataSource;

    public WalletQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Balance> balance(String userId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT balance FROM wallet_balances WHERE user_id = ?")) {
            ps.setObject(1, UUID.fromString(userId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Balance(rs.getLong(1))) : Optional.empty();
            }
        }
    }

    /** Newest first. */
    public List<LedgerEntry> ledger(String userId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT transaction_id, kind, amount, balance, table_id,"
                     + " reference, occurred_at FROM wallet_ledger WHERE user_id = ? ORDER BY seq DESC LIMIT ?")) {
            ps.setObject(1, UUID.fromString(userId));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<LedgerEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new LedgerEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
                return out;
            }
        }
    }
}
