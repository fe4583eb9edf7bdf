package poker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

/**
 * The baseline: a plain CRUD wallet service in its own database of the same PostgreSQL. One row per wallet;
 * a deposit is {@code UPDATE wallet SET balance = balance + ? WHERE id = ?}, a debit the same with
 * {@code AND balance - ? >= 0} (no row updated: refused); one statement, one transaction (autocommit) per
 * command, on a HikariCP pool as large as the most callers. No history is kept (the event-sourced targets
 * keep every change).
 */
final class CrudTarget implements WalletTarget {

    static final String NAME = "crud";

    private final HikariDataSource pool;

    CrudTarget(String url, int poolSize) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setAutoCommit(true);
        config.setPoolName("bench-crud");
        this.pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS wallet (id VARCHAR(64) PRIMARY KEY, balance BIGINT NOT NULL"
                    + " CHECK (balance >= 0))");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "plain CRUD: UPDATE wallet SET balance = balance + ? WHERE id = ? [AND balance - ? >= 0],"
                + " one transaction per command, HikariCP";
    }

    @Override
    public void open(List<String> walletIds) throws Exception {
        try (Connection c = pool.getConnection();
             PreparedStatement st = c.prepareStatement("INSERT INTO wallet (id, balance) VALUES (?, ?)"
                     + " ON CONFLICT (id) DO NOTHING")) {
            c.setAutoCommit(false);
            for (String id : walletIds) {
                st.setString(1, id);
                st.setLong(2, WalletWorkload.GRANT);
                st.addBatch();
            }
            st.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Override
    public Outcome execute(String walletId, WalletWorkload.Command command) throws Exception {
        boolean debit = command.kind() == WalletWorkload.Kind.DEBIT;
        String sql = debit
                ? "UPDATE wallet SET balance = balance - ? WHERE id = ? AND balance - ? >= 0"
                : "UPDATE wallet SET balance = balance + ? WHERE id = ?";
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, command.amount());
            st.setString(2, walletId);
            if (debit) {
                st.setLong(3, command.amount());
            }
            int updated = st.executeUpdate();
            if (updated == 1) {
                return Outcome.ACCEPTED;
            }
            if (debit) {
                return Outcome.REJECTED;
            }
            throw new IllegalStateException("no wallet " + walletId);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
