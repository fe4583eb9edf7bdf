package poker.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from Maven-shipped binaries (zonky), keeping its data in a folder across
 * restarts, run durably, owned by one live server at a time, and restarted in place if it dies.
 *
 * <p>Start: take the folder's lock (a live owner means refuse), then clear what a crash left behind: a
 * PostgreSQL still running on the folder from a server that was killed is stopped cleanly; a pid file
 * naming no PostgreSQL of this folder (dead, a zombie, or a reused pid) is removed. A pid file naming a
 * live postmaster is never touched: it is PostgreSQL's own guard against two servers on one folder.
 *
 * <p>Died: a watchdog checks the postmaster every half second; when it is gone it starts PostgreSQL
 * again on the same folder and port (crash recovery replays the WAL, so every acknowledged commit is
 * there), retrying with backoff. Pools reconnect to the same port and the node recovers on its own; the
 * store-health probe keeps /ready false and the API at 503 meanwhile. Chosen over exiting the process
 * because a single node started with {@code mvn exec:java} has no supervisor to start it again.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    // crash recovery of a large journal takes longer than zonky's default 10 s
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(5);

    private final Path dataDir;
    private final DataFolderLock lock;
    private final int port;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile boolean closed;

    private EmbeddedDatabase(Path dataDir, DataFolderLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.postgres = postgres;
        this.port = postgres.getPort();
        this.postmaster = postmasterOf(dataDir);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts PostgreSQL on dataDir (port 0: a free one); refuses with {@link StartRefused} if a live server owns it. */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DataFolderLock lock = DataFolderLock.acquire(dir);
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = launch(dir, port);
            EmbeddedDatabase db;
            try {
                db = new EmbeddedDatabase(dir, lock, postgres);
            } catch (RuntimeException e) {
                closeQuietly(postgres);
                throw e;
            }
            log.info("Embedded PostgreSQL on port {} with data in {}", db.port, dir);
            db.watchdog.scheduleWithFixedDelay(db::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            return db;
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dir, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The server settings, each set on purpose. zonky's builder defaults to synchronous_commit=off and
     * passes -F (fsync=off) to postgres: fast for throw-away test databases, but then a commit is
     * acknowledged before it is on disk, and a crash loses acknowledged actions. Later -c options win
     * over -F, which start() checks by asking the running server.
     */
    static EmbeddedPostgres.Builder builder(Path dir, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // we stop it ourselves, after the actor system: its own hook would pull it from under the journal
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                // a commit returns only once its WAL is flushed to disk: acknowledged means durable
                .setServerConfig("synchronous_commit", "on")
                // flushes reach the disk (overrides zonky's -F); without it an OS crash or power loss corrupts
                .setServerConfig("fsync", "on")
                // whole pages in the WAL after a checkpoint, so a torn page write can be repaired on recovery
                .setServerConfig("full_page_writes", "on")
                // PostgreSQL's own log (why it did not start, its crash recovery) goes to files in <folder>/log,
                // one per weekday, each overwritten a week later. Without it the log goes to zonky, which
                // passes it to a logger that logback.xml silences, and an orphan's log to a dead pipe.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_filename", "postgresql-%a.log")
                .setServerConfig("log_rotation_age", "1d")
                .setServerConfig("log_rotation_size", "0")
                .setServerConfig("log_truncate_on_rotation", "on");
        // zonky's other defaults stay: timezone=UTC, max_connections=300, initdb -A trust -E UTF-8 (listens on localhost)
        if (port > 0) {
            builder.setPort(port);
        }
        return builder;
    }

    private static EmbeddedPostgres launch(Path dir, int port) throws IOException {
        clearCrashLeftovers(dir);
        EmbeddedPostgres pg = builder(dir, port).start();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            List<String> weak = Durability.weakSettings(c);
            if (!weak.isEmpty()) {
                pg.close();
                throw new IllegalStateException("embedded PostgreSQL is not durable: " + String.join(", ", weak));
            }
        } catch (SQLException e) {
            pg.close();
            throw new IOException("embedded PostgreSQL does not answer", e);
        }
        return pg;
    }

    /**
     * With this folder's lock held no live server of ours uses it, so any PostgreSQL still running on it
     * is an orphan of one that was killed: stop it cleanly. Then a pid file naming no live PostgreSQL of
     * this folder is stale; PostgreSQL would take a zombie's or a reused pid for a live server and refuse.
     */
    static void clearCrashLeftovers(Path dir) {
        Postmaster.running(dir).ifPresent(orphan -> {
            log.warn("PostgreSQL (pid {}) still runs on {}, left by a server that stopped without shutting it down;"
                    + " stopping it", orphan.pid(), dir);
            Postmaster.stop(orphan, STOP_WAIT);
            if (orphan.isAlive()) {
                throw new StartRefused("PostgreSQL (pid " + orphan.pid() + ") on " + dir
                        + " did not stop within " + STOP_WAIT.toSeconds() + " s; stop it, then start again.");
            }
        });
        // children of a killed postmaster notice its death and exit on their own, within moments
        List<ProcessHandle> leftovers = Postmaster.processesIn(dir);
        if (!Postmaster.awaitExit(leftovers, Duration.ofSeconds(10))) {
            throw new StartRefused("PostgreSQL processes " + leftovers.stream().filter(ProcessHandle::isAlive)
                    .map(p -> Long.toString(p.pid())).toList() + " still work in " + dir + "; stop them, then start again.");
        }
        Postmaster.pidInFile(dir).ifPresent(pid -> {
            try {
                Files.deleteIfExists(Postmaster.pidFile(dir));
                log.info("Removed a stale postmaster.pid: pid {} is not a PostgreSQL running on {}", pid, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ProcessHandle postmasterOf(Path dir) {
        return Postmaster.running(dir).orElseThrow(() ->
                new IllegalStateException("embedded PostgreSQL started but postmaster.pid names no live postgres"));
    }

    /** Runs on the watchdog thread: restarts PostgreSQL when its postmaster is gone. */
    private void watch() {
        if (closed || postmaster.isAlive()) {
            return;
        }
        long diedAt = System.nanoTime();
        log.error("Embedded PostgreSQL (pid {}) died; restarting it on {} port {}", postmaster.pid(), dataDir, port);
        Duration backoff = WATCH_INTERVAL;
        while (!closed) {
            try {
                restart();
                log.warn("Embedded PostgreSQL is back (pid {}) after {} ms", postmaster.pid(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - diedAt));
                return;
            } catch (Exception e) {
                log.error("Embedded PostgreSQL did not restart ({}); trying again in {} ms", e.getMessage(),
                        backoff.toMillis());
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_RESTART_BACKOFF) > 0 ? MAX_RESTART_BACKOFF
                    : backoff.multipliedBy(2);
        }
    }

    private synchronized void restart() throws IOException {
        if (closed) {
            return;
        }
        clearCrashLeftovers(dataDir);
        closeQuietly(postgres); // its postmaster is gone: this only releases zonky's own lock in the folder
        postgres = launch(dataDir, port);
        postmaster = postmasterOf(dataDir);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        try {
            watchdog.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeQuietly(postgres);
            Postmaster.running(dataDir).ifPresent(p ->
                    log.warn("Embedded PostgreSQL (pid {}) did not stop; it still runs on {}", p.pid(), dataDir));
            lock.close();
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }
}
