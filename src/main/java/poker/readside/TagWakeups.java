package poker.readside;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this node's projection streams when their tag has new events, so that an idle journal is not
 * polled. After each committed write the journal ({@link AnnouncingJournal}) hands this node the tags it wrote
 * ({@link #announce}): this node's streams of those tags wake at once, and one connection (application name
 * {@code poker-tag-announcer}) sends them to every node as a PostgreSQL NOTIFY, the distinct tags
 * comma-separated; the writes that commit while an announcement is on its way go together in the next one.
 * One other connection per node LISTENs and completes the waiting futures of the tags it hears ({@link #next}).
 * A notification reaches every node within milliseconds.
 *
 * <p>While the listening connection is down (a store outage, a restart of PostgreSQL) nothing can be missed
 * silently: {@link #waitLimit()} falls back to the short {@code poll-without-notify} interval, so the streams
 * poll as the read journal would, and every waiting stream is woken when listening starts again. A listening
 * connection that stops answering is found by a {@code SELECT 1} every {@code listener-check}.
 */
public final class TagWakeups implements Extension {

    private static final Logger log = LoggerFactory.getLogger(TagWakeups.class);

    /** The NOTIFY channel on which every node announces the tags its journal wrote. */
    public static final String CHANNEL = "poker_event_tags";

    private static final ExtensionId<TagWakeups> ID = new ExtensionId<>() {
        @Override
        public TagWakeups createExtension(ActorSystem<?> system) {
            return new TagWakeups(system);
        }
    };

    private final Map<String, CompletableFuture<Done>> waiting = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final Duration idlePoll;
    private final Duration pollWithoutNotify;
    private final Duration listenerCheck;
    private final Duration announceInterval;
    private final String url;
    private final Properties connection = new Properties();
    private final Properties announcerConnection = new Properties();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong announcements = new AtomicLong();
    /** Tags written and not yet announced to the other nodes; guarded by itself. */
    private final Set<String> unannounced = new LinkedHashSet<>();
    private final boolean announcing;
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile Connection current;

    private TagWakeups(ActorSystem<?> system) {
        Config settings = system.settings().config().getConfig("poker.read-side");
        Config db = system.settings().config().getConfig("pekko-persistence-jdbc.shared-databases.slick.db");
        this.enabled = settings.getBoolean("notify");
        this.idlePoll = settings.getDuration("idle-poll");
        this.pollWithoutNotify = settings.getDuration("poll-without-notify");
        this.listenerCheck = settings.getDuration("listener-check");
        this.announceInterval = settings.getDuration("announce-interval");
        this.url = db.getString("url");
        connection.setProperty("user", db.getString("user"));
        connection.setProperty("password", db.getString("password"));
        connection.setProperty("ApplicationName", "poker-tag-wakeups");
        connection.setProperty("connectTimeout", "5");
        // a check's SELECT 1 that gets no answer in this time ends the connection (whole seconds)
        connection.setProperty("socketTimeout", Long.toString(Math.max(5, listenerCheck.toSeconds() * 2)));
        announcerConnection.putAll(connection);
        announcerConnection.setProperty("ApplicationName", "poker-tag-announcer");
        this.announcing = enabled && !url.isEmpty();
        if (announcing) {
            Thread listener = new Thread(this::listenLoop, "poker-tag-wakeups");
            listener.setDaemon(true);
            listener.start();
            Thread announcer = new Thread(this::announceLoop, "poker-tag-announcer");
            announcer.setDaemon(true);
            announcer.start();
            system.getWhenTerminated().thenRun(this::stop);
        }
    }

    public static TagWakeups get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    /** Completes at the next notification naming {@code tag} (or when every stream is woken). */
    public CompletionStage<Done> next(String tag) {
        return waiting.computeIfAbsent(tag, t -> new CompletableFuture<>());
    }

    /**
     * How long a stream that has read everything waits for {@link #next} before it reads again anyway:
     * long while notifications flow, short while they cannot.
     */
    public Duration waitLimit() {
        return listening ? idlePoll : pollWithoutNotify;
    }

    /** Whether this node is listening for notifications now. */
    public boolean listening() {
        return listening;
    }

    /** Notifications received since the start (for tests and figures). */
    public long notifications() {
        return notifications.get();
    }

    /** Announcements sent to the other nodes since the start (for tests and figures). */
    public long announcements() {
        return announcements.get();
    }

    /**
     * {@code tags} have new committed events: this node's streams of them wake now, and every node's at the next
     * announcement. Never blocks. Only the journal ({@link AnnouncingJournal}) knows what committed.
     */
    void announce(Collection<String> tags) {
        tags.forEach(this::wake);
        if (announcing) {
            synchronized (unannounced) {
                unannounced.addAll(tags);
                unannounced.notifyAll();
            }
        }
    }

    void wake(String tag) {
        CompletableFuture<Done> f = waiting.remove(tag);
        if (f != null) {
            f.complete(Done.getInstance());
        }
    }

    void wakeAll() {
        waiting.keySet().forEach(this::wake);
    }

    private void listenLoop() {
        boolean warned = false;
        while (!stopped) {
            try (Connection c = DriverManager.getConnection(url, connection)) {
                current = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                // whatever was committed while nobody listened
                wakeAll();
                if (warned) {
                    log.info("Listening for journal notifications again; projections wake on new events");
                    warned = false;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastCheck = System.nanoTime();
                while (!stopped) {
                    PGNotification[] received = pg.getNotifications((int) Math.min(1000, listenerCheck.toMillis()));
                    if (received != null) {
                        for (PGNotification n : received) {
                            notifications.incrementAndGet();
                            for (String tag : n.getParameter().split(",")) {
                                wake(tag);
                            }
                        }
                    }
                    if (System.nanoTime() - lastCheck >= listenerCheck.toNanos()) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT 1");
                        }
                        lastCheck = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    break;
                }
                if (!warned) {
                    log.warn("Not listening for journal notifications ({}); projections poll every {} ms until it is back",
                            e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""),
                            pollWithoutNotify.toMillis());
                    warned = true;
                }
            } finally {
                listening = false;
                current = null;
                wakeAll();
            }
            sleepQuietly(Duration.ofSeconds(1));
        }
    }

    /**
     * Sends the unannounced tags, one NOTIFY at a time, each in a transaction of its own (autocommit): those
     * transactions queue on PostgreSQL's notify lock, the journal's do not. A failed announcement keeps its tags
     * for the next connection.
     */
    private void announceLoop() {
        boolean warned = false;
        while (!stopped) {
            try (Connection c = DriverManager.getConnection(url, announcerConnection);
                 PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                if (warned) {
                    log.info("Announcing new journal events to the other nodes again");
                    warned = false;
                }
                while (!stopped) {
                    String payload = takeUnannounced();
                    if (payload == null) {
                        continue;
                    }
                    try {
                        notify.setString(2, payload);
                        notify.executeQuery().close();
                        announcements.incrementAndGet();
                    } catch (SQLException e) {
                        announce(List.of(payload.split(",")));
                        throw e;
                    }
                    // the writes of the next few milliseconds go together: one announcement, not one per write
                    sleepQuietly(announceInterval);
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    break;
                }
                if (!warned) {
                    log.warn("Cannot announce new journal events to the other nodes ({}); their projections find them"
                                    + " within {} s", e.getMessage() == null ? e.toString()
                                    : e.getMessage().lines().findFirst().orElse(""), idlePoll.toSeconds());
                    warned = true;
                }
            }
            sleepQuietly(Duration.ofSeconds(1));
        }
    }

    /** The unannounced tags as one payload, emptied; null after a second with none. */
    private String takeUnannounced() {
        synchronized (unannounced) {
            if (unannounced.isEmpty()) {
                try {
                    unannounced.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                    return null;
                }
            }
            if (unannounced.isEmpty()) {
                return null;
            }
            String payload = String.join(",", unannounced);
            unannounced.clear();
            return payload;
        }
    }

    private void stop() {
        stopped = true;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on the way out
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
