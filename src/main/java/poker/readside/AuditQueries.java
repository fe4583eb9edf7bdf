package poker.readside;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The chip-conservation check, from the journal-fed read side. Chips enter by grants and deposits
 * and leave by withdrawals and tournament fees (the house's); in between they are in wallets, on cash
 * tables, in tournament prize pools, or in flight: debited for a buy-in but not yet seated or
 * refunded, left a table but not yet cashed out, debited for a tournament entry but not yet
 * registered, or unregistered (or cancelled) but not yet refunded.
 *
 * <p>Wallet side: {@code expected} (grants + deposits + prizes − withdrawals) must equal
 * {@code actual} (wallet balances + cash table chips + cash chips in flight + what wallets paid into
 * tournaments and did not get back); equivalently (API.md) wallet chips = grants + deposits − fees −
 * buy-ins held in prize pools + prizes paid, with the entries in flight. Tournament side, at every
 * tournament: its chips (the stacks of entries still in, an entry whose move is in flight at its last
 * known stack) = entries × starting stack; its prize pool = the entries' buy-ins; prizes awarded ≤ the
 * pool, and = the pool once finished (none when cancelled).
 */
public final class AuditQueries {

    /** One tournament's checks. */
    public record TournamentAudit(String tournamentId, String status, int entries, long startingStack,
                                  long expectedChips, long chips, boolean chipsBalanced, long prizePool, long fees,
                                  long prizesPaid, boolean prizesBalanced, boolean balanced) {
    }

    /**
     * {@code tournamentEntryDebits}/{@code tournamentEntryRefunds}: what wallets paid for entries and got
     * back; {@code tournamentFees}/{@code tournamentBuyIns}: what the tournaments hold of it (entries not
     * unregistered, of tournaments not cancelled); {@code tournamentEntriesInFlight}: the difference (≥ 0);
     * {@code chipsInPrizePools}: buy-ins held not yet credited as prizes (≥ 0);
     * {@code prizeCreditsInFlight}: prizes credited to wallets the tournaments have not recorded yet (≥ 0).
     */
    public record Audit(long granted, long deposited, long prizes, long withdrawn, long walletBalances,
                        long tableChips, long buyInsInFlight, long cashOutsInFlight, long expected, long actual,
                        boolean balanced, long tournamentEntryDebits, long tournamentEntryRefunds,
                        long tournamentFees, long tournamentBuyIns, long tournamentPrizesPaid,
                        long tournamentEntriesInFlight, long chipsInPrizePools, long prizeCreditsInFlight,
                        List<TournamentAudit> tournaments) {
    }

    /** The tables the tournaments opened: their chips are tournament chips, never wallet chips. */
    private static final String CASH_TABLE = " table_id::text NOT IN (SELECT table_id FROM tournament_tables)";

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
                        + " coalesce(sum(bought_in),0), coalesce(sum(refunded),0), coalesce(sum(cashed_out),0),"
                        + " coalesce(sum(tournament_entries),0), coalesce(sum(tournament_refunds),0)"
                        + " FROM wallet_balances", 10);
                long[] t = row(st, "SELECT coalesce(sum(chips_in),0), coalesce(sum(chips_out),0) FROM table_stats"
                        + " WHERE" + CASH_TABLE, 2);
                long tableChips = row(st, "SELECT coalesce(sum(chips),0) FROM participants WHERE" + CASH_TABLE, 1)[0];
                List<TournamentQueries.AuditRow> rows = TournamentQueries.auditRows(c);
                c.commit();
                return audit(w, t, tableChips, rows);
            }
        }
    }

    private static Audit audit(long[] w, long[] t, long tableChips, List<TournamentQueries.AuditRow> rows) {
        long buyInsInFlight = w[5] - w[6] - t[0];
        long cashOutsInFlight = t[1] - w[7];
        long entryDebits = w[8];
        long entryRefunds = w[9];
        long fees = 0;
        long buyIns = 0;
        long prizesPaid = 0;
        boolean tournamentsBalanced = true;
        List<TournamentAudit> tournaments = new ArrayList<>();
        for (TournamentQueries.AuditRow r : rows) {
            boolean cancelled = r.status().equals(TournamentProjectionHandler.CANCELLED);
            boolean finished = r.status().equals(TournamentProjectionHandler.FINISHED);
            long expectedChips = cancelled ? 0 : r.entries() * r.startingStack();
            long chips = cancelled ? 0 : r.chips();
            boolean chipsBalanced = chips == expectedChips;
            // a cancelled tournament owes every entry its buy-in and fee back: it holds nothing
            long pool = cancelled ? 0 : r.buyIns();
            boolean prizesBalanced = cancelled ? r.prizesPaid() == 0
                    : finished ? r.prizesPaid() == pool : r.prizesPaid() <= pool;
            if (!cancelled) {
                fees += r.fees();
                buyIns += r.buyIns();
            }
            prizesPaid += r.prizesPaid();
            boolean balanced = chipsBalanced && prizesBalanced;
            tournamentsBalanced &= balanced;
            tournaments.add(new TournamentAudit(r.tournamentId(), r.status(), r.entries(), r.startingStack(),
                    expectedChips, chips, chipsBalanced, pool, cancelled ? 0 : r.fees(), r.prizesPaid(),
                    prizesBalanced, balanced));
        }
        long entriesInFlight = entryDebits - entryRefunds - fees - buyIns;
        long chipsInPools = buyIns - w[2];
        long prizeCreditsInFlight = w[2] - prizesPaid;
        long expected = w[0] + w[1] + w[2] - w[3];
        long actual = w[4] + tableChips + buyInsInFlight + cashOutsInFlight + (entryDebits - entryRefunds);
        boolean balanced = expected == actual && buyInsInFlight >= 0 && cashOutsInFlight >= 0
                && entriesInFlight >= 0 && chipsInPools >= 0 && prizeCreditsInFlight >= 0 && tournamentsBalanced;
        return new Audit(w[0], w[1], w[2], w[3], w[4], tableChips, buyInsInFlight, cashOutsInFlight, expected, actual,
                balanced, entryDebits, entryRefunds, fees, buyIns, prizesPaid, entriesInFlight, chipsInPools,
                prizeCreditsInFlight, tournaments);
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
