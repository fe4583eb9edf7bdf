package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.junit.jupiter.api.Test;
import poker.user.PasswordHasher;

/** The shipped HTTP settings hold together, and the edge's errors have their statuses and codes. */
class HttpSettingsTest {

    static final Config CONFIG = ConfigFactory.load();

    static Duration duration(String path) {
        return CONFIG.getDuration(path);
    }

    @Test
    void liveSocketsArePingedWellInsideTheIdleTimeout() {
        Duration idle = duration("pekko.http.server.idle-timeout");
        Duration ping = duration("pekko.http.server.websocket.periodic-keep-alive-max-idle");
        assertThat(ping).isLessThanOrEqualTo(idle.dividedBy(2));
    }

    @Test
    void timeoutsNestAsPekkoHttpAdvises() {
        Duration idle = duration("pekko.http.server.idle-timeout");
        // a response times out before the connection idles out (pekko-http reference.conf)
        assertThat(duration("pekko.http.server.request-timeout")).isLessThan(idle);
        // our own waits end before pekko's request timeout
        assertThat(duration("poker.ask-timeout").plus(duration("poker.strong-consistency-timeout")))
                .isLessThan(duration("pekko.http.server.request-timeout"));
        assertThat(duration("poker.http.request-head-timeout")).isLessThan(idle);
        assertThat(duration("poker.http.body-timeout")).isLessThan(idle);
        assertThat(duration("pekko.http.server.linger-timeout")).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void limitsAreTheEdgesOwn() {
        assertThat(CONFIG.getBoolean("pekko.http.server.remote-address-attribute")).isTrue();
        assertThat(CONFIG.getBoolean("poker.http.trust-forwarded-for")).isFalse();
        assertThat(CONFIG.getString("pekko.http.server.parsing.error-handler"))
                .isEqualTo(JsonParsingErrorHandler.class.getName());
        assertThat(CONFIG.getBytes("pekko.http.server.parsing.max-content-length"))
                .isEqualTo(CONFIG.getBytes("poker.http.max-body-size"));
        EdgeLimits limits = EdgeLimits.from(CONFIG, java.time.Clock.systemUTC());
        assertThat(limits.live().maxMessageBytes()).isEqualTo(64 * 1024);
        assertThat(limits.live().maxSocketsPerUser()).isEqualTo(8);
        assertThat(limits.loginFailuresPerAccount().enabled()).isTrue();
        assertThat(limits.loginAttemptsPerAddress().enabled()).isTrue();
        assertThat(limits.registrationsPerAddress().enabled()).isTrue();
        assertThat(limits.tablesPerUser().enabled()).isTrue();
    }

    @Test
    void aFullHashingQueueIs503WithRetryAfter() {
        HttpResponse response = ErrorMapping.toResponse(new java.util.concurrent.CompletionException(
                newBusy()));
        assertThat(response.status().intValue()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).hasValueSatisfying(h -> assertThat(h.value()).isEqualTo("1"));
    }

    @Test
    void aTimeoutThatIsNotTheStoreStaysA503StoreUnavailable() {
        // unchanged: a timed-out ask is the store; only a body read timeout is a 408 (ErrorMapping.bodyNotRead)
        assertThat(ErrorMapping.toResponse(new TimeoutException()).status().intValue()).isEqualTo(503);
    }

    @Test
    void aBodyThatTimesOutIsTheClients408AndTheConnectionCloses() {
        HttpResponse response = ErrorMapping.bodyNotRead(new java.util.concurrent.CompletionException(
                new TimeoutException()));
        assertThat(response.status().intValue()).isEqualTo(408);
        assertThat(response.getHeader("Connection")).hasValueSatisfying(h -> assertThat(h.value()).isEqualTo("close"));
    }

    @Test
    void theRetryAfterOfA429IsWholeSecondsRoundedUp() {
        HttpResponse response = Json.error(ApiError.tooManyRequests("too_many_attempts", "Wait.",
                Duration.ofMillis(1500)));
        assertThat(response.status().intValue()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).hasValueSatisfying(h -> assertThat(h.value()).isEqualTo("2"));
    }

    @Test
    void utf8LengthCountsBytesNotChars() {
        assertThat(LiveTableRoutes.utf8Length("abc")).isEqualTo(3);
        assertThat(LiveTableRoutes.utf8Length("é")).isEqualTo(2);
        assertThat(LiveTableRoutes.utf8Length("€")).isEqualTo(3);
        assertThat(LiveTableRoutes.utf8Length("🂡")).isEqualTo(4);
    }

    private static PasswordHasher.Busy newBusy() {
        try (PasswordHasher full = new PasswordHasher(new poker.user.Passwords(4), 1, 1)) {
            full.close();
            try {
                full.hash("x").toCompletableFuture().join();
            } catch (java.util.concurrent.CompletionException e) {
                return (PasswordHasher.Busy) e.getCause();
            }
        }
        throw new AssertionError("a closed pool refuses work");
    }
}
