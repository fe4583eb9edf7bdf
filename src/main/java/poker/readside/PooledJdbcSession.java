package poker.readside;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One transaction of a projection on a pooled connection: the handler's rows and the offset are
 * written on this connection and committed together (exactly once).
 */
public final class PooledJdbcSession implements JdbcSession {

    private final DataSource dataSource;
    private Connection connection;

    public PooledJdbcSession(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
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
            connection.commit();
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (connection != null) {
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
