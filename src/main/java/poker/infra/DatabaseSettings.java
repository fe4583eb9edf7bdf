package poker.infra;

import com.typesafe.config.Config;
import java.nio.file.Path;

/** Where the database is: an external URL, or (url empty) an embedded PostgreSQL in dataDir. */
public record DatabaseSettings(String url, String user, String password, int poolSize, Path dataDir, int embeddedPort) {

    public static DatabaseSettings from(Config config) {
        Config db = config.getConfig("poker.db");
        String dir = db.getString("data-dir");
        Path dataDir = dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".poker", "pgdata")
                : Path.of(dir);
        return new DatabaseSettings(db.getString("url"), db.getString("user"), db.getString("password"),
                db.getInt("pool-size"), dataDir, db.getInt("embedded-port"));
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public DatabaseSettings withConnection(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, poolSize, dataDir, embeddedPort);
    }
}
