package poker.readside;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The chip-conservation check, from the journal-fed read side. Chips enter by grants and deposits
 * (and tournament prizes) and leave by withdrawals; in between they are in wallets, on tables, or in
 * flight: debited for a buy-in but not yet seated or refunded, or left a table but not yet cashed out.
 */
public final class AuditQueries {

    public record Audit(long granted, long deposited, long prizes, long withdrawn, long walletBalances,
                        long tableChips, long buyInsInFlight, long cashOutsInFlight, long expected, long actual,
                        boolean balanced) {
    }

    private final DataSource dataSource;

    public AuditQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Audit audit() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // one snapshot of all read tables
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                long[] w = row(st, "SELECT coalesce(sum(granted),0), coalesce(sum(deposited),0),"
                        + " coalesce(sum(prizes),0), coalesce(sum(withdrawn),0), coalesce(sum(balance),0),"
                        + " coalesce(sum(bought_in),0), coalesce(sum(refunded),0), coalesce(sum(cashed_out),0)"
                        + " FROM wallet_balances", 8);
                long[] t = row(st, "SELECT coalesce(sum(chips_in),0), coalesce(sum(chips_out),0) FROM table_stats", 2);
                long tableChips = row(st, "SELECT coalesce(sum(chips),0) FROM participants", 1)[0];
                c.commit();
                long buyInsInFlight = w[5] - w[6] - t[0];
                long cashOutsInFlight = t[1] - w[7];
                long expected = w[0] + w[1] + w[2] - w[3];
                long actual = w[4] + tableChips + buyInsInFlight + cashOutsInFlight;
                boolean balanced = expected == actual && buyInsInFlight >= 0 && cashOutsInFlight >= 0;
                return new Audit(w[0], w[1], w[2], w[3], w[4], tableChips, buyInsInFlight, cashOutsInFlight,
                        expected, actual, balanced);
            }
        }
    }

    private static long[] row(Statement st, String sql, int columns) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long[] out = new long[columns];
            for (int i = 0; i < columns; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }
}
