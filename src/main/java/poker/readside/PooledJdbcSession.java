package poker.readside;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 */
public final class PooledJdbcSession implements JdbcSession {

    private final DataSource dataSource;
    /** null: the connection's default search path. */
    private final String searchPath;
    private Connection connection;
    private boolean searchPathSet;

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
        return func.apply(connection());
    }

    @Override
    public void commit() throws SQLException {
        if (connection != null) {
            searchPathSet = false;
            connection.commit();
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (connection != null) {
            searchPathSet = false;
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
            searchPathSet = false;
        }
    }
}
