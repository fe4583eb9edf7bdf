package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class RequestLogTest {

    private final Logger access = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("poker.http.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach
    void release() {
        access.detachAppender(lines);
        access.setLevel(null);
        MDC.clear();
    }

    @Test
    void aFailedRequestLogsOneWarnLineWithItsFieldsAndLeavesTheMdcAsItWas() {
        HttpRequest request = HttpRequest.GET("/api/tables/t-1/live?token=secret-token")
                .addHeader(RawHeader.create("X-Request-Id", "req-7"));
        RequestLog log = RequestLog.of(request);
        log.user("u-1");
        MDC.put("other", "kept");
        log.completed(request, HttpResponse.create().withStatus(StatusCodes.SERVICE_UNAVAILABLE));

        assertThat(lines.list).hasSize(1);
        ILoggingEvent line = lines.list.get(0);
        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getFormattedMessage()).startsWith("GET /api/tables/t-1/live answered 503 after ")
                .doesNotContain("secret-token");
        assertThat(line.getMDCPropertyMap()).containsEntry("correlationId", "req-7").containsEntry("userId", "u-1");
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("other", "kept"));
    }

    @Test
    void aSuccessfulRequestLogsOnlyAtDebug() {
        HttpRequest request = HttpRequest.GET("/api/wallet");
        access.setLevel(Level.INFO);
        RequestLog.of(request).completed(request, HttpResponse.create());
        assertThat(lines.list).isEmpty();
        access.setLevel(Level.DEBUG);
        RequestLog.of(request).completed(request, HttpResponse.create());
        assertThat(lines.list).singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void theCallersIdIsTakenWhenSaneAndReplacedOtherwise() {
        assertThat(RequestLog.of(HttpRequest.GET("/").addHeader(RawHeader.create("X-Correlation-Id", "abc-1.2:3")))
                .correlationId()).isEqualTo("abc-1.2:3");
        assertThat(RequestLog.of(HttpRequest.GET("/").addHeader(RawHeader.create("X-Correlation-Id", "a b")))
                .correlationId()).matches("[0-9a-f-]{36}");
        assertThat(RequestLog.of(HttpRequest.GET("/").addHeader(RawHeader.create("X-Request-Id", "x".repeat(65))))
                .correlationId()).matches("[0-9a-f-]{36}");
        assertThat(RequestLog.of(HttpRequest.GET("/")).correlationId()).matches("[0-9a-f-]{36}");
    }
}
