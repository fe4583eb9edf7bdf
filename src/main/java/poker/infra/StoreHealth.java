package poker.infra;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is the store answering, as this node sees it? A probe opens a fresh connection to the journal's
 * database and runs SELECT 1 with a short timeout, every interval (poker.store-health). The HTTP layer
 * answers 503 at once while it is down instead of letting each request wait for a timeout, and /ready
 * says not ready ({@link StoreReadinessCheck}). Down takes {@code failures-to-down} failed probes in a row:
 * under a burst of requests a fresh connection can take longer than the probe's timeout while the store
 * is answering every pooled connection, and one such probe must not turn every request away. A fresh connection, not a pooled one: that is what a
 * request needs when the pools have lost theirs, and it cannot block on a starved pool.
 */
public final class StoreHealth implements Extension {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    private static final ExtensionId<StoreHealth> ID = new ExtensionId<>() {
        @Override
        public StoreHealth createExtension(ActorSystem<?> system) {
            return new StoreHealth(system);
        }
    };

    private final String url;
    private final Properties connection = new Properties();
    private final ScheduledExecutorService probe;
    // up at first: the server has just migrated the schema through the same database
    private volatile boolean up = true;
    private volatile long downSince;
    private final int failuresToDown;
    private int failuresInARow;

    private StoreHealth(ActorSystem<?> system) {
        Config db = system.settings().config().getConfig("pekko-persistence-jdbc.shared-databases.slick.db");
        Config settings = system.settings().config().getConfig("poker.store-health");
        Duration interval = settings.getDuration("interval");
        this.failuresToDown = Math.max(1, settings.getInt("failures-to-down"));
        // pgjdbc takes whole seconds; 0 would mean no timeout at all
        String timeoutSeconds = Long.toString(Math.max(1, settings.getDuration("timeout").toSeconds()));
        this.url = db.getString("url");
        connection.setProperty("user", db.getString("user"));
        connection.setProperty("password", db.getString("password"));
        connection.setProperty("connectTimeout", timeoutSeconds);
        connection.setProperty("loginTimeout", timeoutSeconds);
        connection.setProperty("socketTimeout", timeoutSeconds);
        connection.setProperty("ApplicationName", "poker-store-health");
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poker-store-health");
            t.setDaemon(true);
            return t;
        });
        probe.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        system.getWhenTerminated().thenRun(probe::shutdownNow);
    }

    public static StoreHealth get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    public boolean isUp() {
        return up;
    }

    private void check() {
        String problem = null;
        try (Connection c = DriverManager.getConnection(url, connection); Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        } catch (Exception e) {
            problem = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        }
        failuresInARow = problem == null ? 0 : failuresInARow + 1;
        if (problem != null && failuresInARow < failuresToDown) {
            // one slow connection under a burst is not an outage: the next probe decides
            log.debug("Store probe failed ({}), {} of {} before the node calls the store down", problem,
                    failuresInARow, failuresToDown);
            return;
        }
        if (problem == null && !up) {
            up = true;
            log.info("Store reachable again after {} s; the API answers again",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSince));
        } else if (problem != null && up) {
            up = false;
            downSince = System.nanoTime();
            log.warn("Store unavailable ({}): the API answers 503 store_unavailable and /ready is false until it is back",
                    problem);
        }
    }
}
