package poker.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** User Management: accounts and sessions in plain Postgres tables (CRUD, no journal). Blocking JDBC. */
public final class UserRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Passwords passwords;
    private final Duration sessionTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final List<Consumer<String>> logoutListeners = new CopyOnWriteArrayList<>();

    public UserRepository(DataSource dataSource, Passwords passwords, Duration sessionTtl, Clock clock) {
        this.dataSource = dataSource;
        this.passwords = passwords;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
    }

    /** Creates an account, hashing the password here (start-up paths; the API hashes on {@link PasswordHasher}). */
    public User register(String username, String password, String displayName, String role) throws SQLException {
        return create(username, passwords.hash(password), displayName, role);
    }

    /** Creates an account whose password is already hashed; {@link UsernameTakenException} if the name is taken. */
    public User create(String username, String passwordHash, String displayName, String role) throws SQLException {
        User user = new User(UUID.randomUUID().toString(), username, displayName, role);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO users (id, username, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.fromString(user.id()));
            ps.setString(2, username);
            ps.setString(3, displayName);
            ps.setString(4, passwordHash);
            ps.setString(5, role);
            ps.executeUpdate();
            return user;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new UsernameTakenException(username);
            }
            throw e;
        }
    }

    /** What a login checks a password against; empty for an unknown username. */
    public record Credentials(String userId, String passwordHash) {

        /** Leaves the hash out: it must not reach a log. */
        @Override
        public String toString() {
            return "Credentials[userId=" + userId + "]";
        }
    }

    public Optional<Credentials> credentials(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, password_hash FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Credentials(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** A new session for a user whose password was checked. */
    public Session openSession(String userId) throws SQLException {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expiresAt = clock.instant().plus(sessionTtl).truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)")) {
            ps.setString(1, tokenHash(token));
            ps.setObject(2, UUID.fromString(userId));
            ps.setTimestamp(3, Timestamp.from(expiresAt));
            ps.executeUpdate();
        }
        return new Session(token, userId, expiresAt);
    }

    /** The user of a live (unexpired, unrevoked) token. */
    public Optional<User> authenticate(String token) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT u.id, u.username, u.display_name, u.role FROM sessions s JOIN users u ON u.id = s.user_id"
                             + " WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?")) {
            ps.setString(1, tokenHash(token));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(user(rs));
            }
        }
    }

    /** When a live token of this user stops working: now for a live session, empty for a dead one. */
    public Optional<Instant> sessionExpiry(String token) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT expires_at FROM sessions"
                     + " WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?")) {
            ps.setString(1, tokenHash(token));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
            }
        }
    }

    /**
     * Revokes the token; then, if it was live, tells each logout listener its {@link #sessionKey}
     * (the live sockets close on it).
     */
    public void logout(String token) throws SQLException {
        int revoked;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, tokenHash(token));
            revoked = ps.executeUpdate();
        }
        if (revoked > 0) {
            String key = sessionKey(token);
            logoutListeners.forEach(listener -> listener.accept(key));
        }
    }

    /** Called with a session's {@link #sessionKey} after its token was revoked. */
    public void onLogout(Consumer<String> listener) {
        logoutListeners.add(listener);
    }

    /** A name for the session of {@code token} that does not give the token away (its hash). */
    public static String sessionKey(String token) {
        return tokenHash(token);
    }

    public Optional<User> findByUsername(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, username, display_name, role FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(user(rs));
            }
        }
    }

    /** Display names by user id, for the ids that exist. */
    public Map<String, String> displayNames(Collection<String> userIds) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, display_name FROM users WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", userIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** A user from a row of (id, username, display_name, role). */
    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    static String tokenHash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
