package poker.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool for this application's own SQL (users, read side), and the schema migrations. */
public final class Database {

    private Database() {
    }

    public static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        // Fail fast when the store is down: callers answer 503 instead of hanging.
        config.setConnectionTimeout(3_000);
        config.setPoolName("poker");
        return new HikariDataSource(config);
    }

    /** Applies db/migration; on a database that is already current this changes nothing. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
