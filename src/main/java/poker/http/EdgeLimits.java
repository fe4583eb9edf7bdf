package poker.http;

import com.typesafe.config.Config;
import java.time.Clock;
import java.time.Duration;

/**
 * The abuse limits of the HTTP edge ({@code poker.limits}, {@code poker.live}, {@code poker.http} in
 * http.conf), with the in-memory rate limiters they need; one instance per node, shared by the routes.
 */
public record EdgeLimits(
        boolean trustForwardedFor,
        RateLimiter loginFailuresPerAccount,
        RateLimiter loginAttemptsPerAddress,
        RateLimiter registrationsPerAddress,
        RateLimiter tablesPerUser,
        int emptyTablesPerUser,
        LiveSocketLimits live) {

    /** Limits of the live-table socket. */
    public record LiveSocketLimits(int maxSocketsPerUser, long maxMessageBytes, int maxMessagesPerSecond,
                                   Duration messageTimeout) {
    }

    public static EdgeLimits from(Config config, Clock clock) {
        Config limits = config.getConfig("poker.limits");
        Config live = config.getConfig("poker.live");
        Duration login = limits.getDuration("login-window");
        return new EdgeLimits(
                config.getBoolean("poker.http.trust-forwarded-for"),
                new RateLimiter(limits.getInt("login-failures-per-account"), login, clock),
                new RateLimiter(limits.getInt("login-attempts-per-address"), login, clock),
                new RateLimiter(limits.getInt("registrations-per-address"), limits.getDuration("registration-window"),
                        clock),
                new RateLimiter(limits.getInt("tables-per-user"), limits.getDuration("table-window"), clock),
                limits.getInt("empty-tables-per-user"),
                new LiveSocketLimits(live.getInt("max-sockets-per-user"), live.getBytes("max-message-size"),
                        live.getInt("max-messages-per-second"), live.getDuration("message-timeout")));
    }
}
