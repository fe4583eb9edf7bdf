package poker.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool for this application's own SQL (users, read side), and the schema migrations. */
public final class Database {

    /** pgjdbc's switch for the server's error detail in exception messages (default true). */
    public static final String NO_ROW_IN_ERRORS = "logServerErrorDetail";

    private Database() {
    }

    public static HikariDataSource pool(DatabaseSettings settings) {
        return pool(settings, "poker");
    }

    /**
     * @param applicationName what the sessions show as {@code application_name}: the node's, so that a
     *                        node the cluster downed can have its sessions ended ({@link NodeFence})
     */
    public static HikariDataSource pool(DatabaseSettings settings, String applicationName) {
        HikariConfig config = new HikariConfig();
        config.addDataSourceProperty("ApplicationName", applicationName);
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        // Fail fast when the store is down: callers answer 503 instead of hanging.
        config.setConnectionTimeout(3_000);
        config.setPoolName("poker");
        // PostgreSQL's error detail repeats the failing row ("Failing row contains (...)"): a failed
        // hand-history insert would put a deck and hole cards into a log line. Keep it out of messages.
        config.addDataSourceProperty(NO_ROW_IN_ERRORS, "false");
        return new HikariDataSource(config);
    }

    /** Applies db/migration; on a database that is already current this changes nothing. */
    public static void migrate(DataSource dataSource) {
        org.flywaydb.core.api.output.MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        org.slf4j.LoggerFactory.getLogger(Database.class).info("Schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }

    /** A JDBC URL fit for a log line: no query parameters (they may carry a password), no user info. */
    public static String withoutCredentials(String url) {
        return url.replaceFirst("\\?.*", "").replaceFirst("//[^/@]*@", "//");
    }
}
