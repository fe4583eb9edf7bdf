package poker.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.HashMap;
import java.util.Map;
import poker.PokerServer;

/** Starts a whole node (cluster, entities, projections, HTTP) on a test database, on free ports. */
public final class TestServer {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password";

    private TestServer() {
    }

    public static PokerServer start(TestDatabase.Db db) {
        return start(db, Map.of());
    }

    /**
     * Every test client is 127.0.0.1: per-address limits would count the whole suite as one client; and tests
     * create many tables as one user (the quota tests, AbuseLimitsIT, set their own limits).
     */
    public static final Map<String, Object> LIMITS_OFF = Map.of(
            "poker.limits.login-attempts-per-address", 0,
            "poker.limits.registrations-per-address", 0,
            "poker.limits.tables-per-user", 0,
            "poker.limits.empty-tables-per-user", 0);

    public static PokerServer start(TestDatabase.Db db, Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("poker.db.url", db.url());
        settings.put("poker.db.user", db.user());
        settings.put("poker.db.password", db.password());
        settings.put("poker.http.interface", "127.0.0.1");
        settings.put("poker.http.port", 0);
        settings.put("poker.management.enabled", false);
        settings.put("poker.passwords.bcrypt-cost", 4);
        // tests archive on purpose only (EventArchiveIT): their checks read event_journal directly
        settings.put("poker.archive.auto", "off");
        settings.put("pekko.remote.artery.canonical.port", 0);
        settings.put("pekko.loglevel", "WARNING");
        // no hands unless a test asks for them: seats and wallets stay still
        settings.put("poker.table.hand-pause", "1h");
        settings.put("poker.admin.username", ADMIN);
        settings.put("poker.admin.password", ADMIN_PASSWORD);
        settings.putAll(LIMITS_OFF);
        settings.putAll(overrides);
        Config config = ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load());
        return PokerServer.start(config);
    }
}
