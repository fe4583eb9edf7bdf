package poker.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server run from Maven-shipped binaries, keeping its data in a folder across restarts. */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            // A server killed without shutdown leaves its pid file; the server it names is gone.
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // we stop it ourselves, after the actor system: its own hook would pull it from under the journal
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dataDir);
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDir, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
