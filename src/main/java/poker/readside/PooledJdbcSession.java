package poker.readside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One transaction of a projection on a pooled connection: the handler's rows and the offset are
 * written on this connection and committed together (exactly once). A rebuild ({@link ProjectionRebuilds})
 * gives a search path: every transaction then starts with {@code SET LOCAL search_path}, so the
 * handler's unqualified table names land in the shadow schema while the offset store, failures and
 * skips (only in public) stay where they are; LOCAL ends with the transaction, so the pooled
 * connection goes back to the pool as it came.
 *
 * <p>Statements a handler sends with {@link #update} can go in batches: while {@link #batching} is on they are
 * queued, and sent in their order at {@link #flush}, {@link #withConnection} or the commit, each run of
 * statements of one text as one JDBC batch (one round trip).
 */
public final class PooledJdbcSession implements JdbcSession {

    private final DataSource dataSource;
    /** null: the connection's default search path. */
    private final String searchPath;
    private Connection connection;
    private boolean searchPathSet;
    private boolean batching;
    private final List<Queued> pending = new ArrayList<>();

    private record Queued(String sql, Binder binder) {
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    public PooledJdbcSession(DataSource dataSource) {
        this(dataSource, null);
    }

    /** {@code searchPath} is trusted text (schema names the caller checked), e.g. {@code rebuild_lobby, public}. */
    public PooledJdbcSession(DataSource dataSource, String searchPath) {
        this.dataSource = dataSource;
        this.searchPath = searchPath;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        if (searchPath != null && !searchPathSet) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL search_path TO " + searchPath);
            }
            searchPathSet = true;
        }
        return connection;
    }

    @Override
    public <R> R withConnection(Function<Connection, R> func) throws Exception {
        flush();
        return func.apply(connection());
    }

    /** Runs a statement that returns no rows: at once, or queued while {@link #batching} is on. */
    public void update(String sql, Binder binder) throws SQLException {
        if (batching) {
            pending.add(new Queued(sql, binder));
            return;
        }
        flush();
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        }
    }

    /**
     * Whether {@link #update} queues its statements instead of running them. Queued statements go at
     * {@link #flush}, {@link #withConnection} or the commit, and a rollback drops them.
     */
    public void batching(boolean on) {
        batching = on;
    }

    /** Sends the queued statements in their order: each run of statements of one text in one JDBC batch. */
    public void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        List<Queued> queued = List.copyOf(pending);
        pending.clear();
        int from = 0;
        while (from < queued.size()) {
            String sql = queued.get(from).sql();
            int to = from;
            while (to < queued.size() && queued.get(to).sql().equals(sql)) {
                to++;
            }
            try (PreparedStatement ps = connection().prepareStatement(sql)) {
                for (int i = from; i < to; i++) {
                    queued.get(i).binder().bind(ps);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            from = to;
        }
    }

    @Override
    public void commit() throws SQLException {
        flush();
        if (connection != null) {
            searchPathSet = false;
            connection.commit();
        }
    }

    @Override
    public void rollback() throws SQLException {
        pending.clear();
        if (connection != null) {
            searchPathSet = false;
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        pending.clear();
        batching = false;
        if (connection != null) {
            connection.close();
            connection = null;
            searchPathSet = false;
        }
    }
}
