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
import poker.domain.wallet.WalletState;

/** Reads of the Wallet read side. */
public final class WalletQueries {

    public record Balance(long balance) {
    }

    public record LedgerEntry(String transactionId, String kind, long amount, long balance, String tableId,
                              String reference, Instant occurredAt) {
    }

    /**
     * What the ledger knows of one wallet transaction: its line, if the ledger has it, and how many of
     * the wallet's stored events the ledger has not processed yet.
     */
    public record LedgerLookup(Optional<LedgerEntry> entry, long eventsBehind) {

        /**
         * With no line and the ledger at most {@link WalletState#TRANSACTION_WINDOW} events behind the
         * wallet, any earlier transaction with this id lies among the wallet's latest events, which
         * the wallet itself remembers; further behind, nobody can tell yet.
         */
        public boolean walletRemembersTheRest() {
            return eventsBehind <= WalletState.TRANSACTION_WINDOW;
        }
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

    /** @param journalId the wallet's persistence id, whose stored events the ledger is compared with */
    public LedgerLookup lookup(String userId, String journalId, String transactionId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return lookup(c, userId, journalId, transactionId);
        }
    }

    /** The same on a connection of the caller's (a projection's transaction). */
    public static LedgerLookup lookup(Connection c, String userId, String journalId, String transactionId)
            throws SQLException {
        Optional<LedgerEntry> entry;
        try (PreparedStatement ps = c.prepareStatement("SELECT transaction_id, kind, amount, balance, table_id,"
                + " reference, occurred_at FROM wallet_ledger WHERE user_id = ? AND transaction_id = ?")) {
            ps.setObject(1, UUID.fromString(userId));
            ps.setString(2, transactionId);
            try (ResultSet rs = ps.executeQuery()) {
                entry = rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
        if (entry.isPresent()) {
            return new LedgerLookup(entry, 0);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT coalesce(max(sequence_number), 0) FROM event_journal WHERE persistence_id = ?)"
                        + " - (SELECT coalesce(max(seq), 0) FROM wallet_ledger WHERE user_id = ?)")) {
            ps.setString(1, journalId);
            ps.setObject(2, UUID.fromString(userId));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new LedgerLookup(Optional.empty(), rs.getLong(1));
            }
        }
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());
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
                    out.add(entry(rs));
                }
                return out;
            }
        }
    }
}
