package poker.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import poker.infra.EmbeddedDatabase;

/**
 * A real PostgreSQL for integration tests: an external server when POKER_TEST_DB_URL is set
 * (with POKER_TEST_DB_USER / POKER_TEST_DB_PASSWORD), else one embedded server per test JVM.
 * Each caller gets a fresh database of its own, so tests do not see each other's journal.
 */
public final class TestDatabase {

    public record Db(String url, String user, String password) {
    }

    private static String adminUrl;
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    private static synchronized void init() throws Exception {
        if (adminUrl != null) {
            return;
        }
        String external = System.getenv("POKER_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = envOr("POKER_TEST_DB_USER", "postgres");
            password = envOr("POKER_TEST_DB_PASSWORD", "");
        } else {
            Path dir = Files.createTempDirectory("poker-test-pg").resolve("pgdata");
            EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            adminUrl = embedded.jdbcUrl("postgres");
            user = "postgres";
            password = "";
        }
    }

    /** Creates an empty database and returns how to reach it. */
    public static Db fresh() {
        try {
            init();
            String name = "poker_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (java.sql.Connection c = DriverManager.getConnection(adminUrl, user, password);
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            String base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
            String query = adminUrl.contains("?") ? adminUrl.substring(adminUrl.indexOf('?')) : "";
            return new Db(base + name + query, user, password);
        } catch (Exception e) {
            throw new IllegalStateException("test database unavailable", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
