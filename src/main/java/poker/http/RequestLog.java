package poker.http;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One request's log fields: its correlation id (the caller's {@code X-Correlation-Id} or {@code X-Request-Id}
 * when it is a short plain token, else a new one; echoed back in {@code X-Correlation-Id}) and, once the
 * bearer token is checked, the caller's user id. Routes run on whatever thread completes their futures, so
 * the fields go into the MDC only around a log call ({@link #withMdc}), never left on a thread.
 *
 * <p>The access line ({@code poker.http.access}): every answer at DEBUG, a 5xx at WARN. It names the method and
 * the path, never the query string (a live socket may carry {@code ?token=}) nor a header or a body.
 */
public final class RequestLog {

    public static final String HEADER = "X-Correlation-Id";
    public static final String CORRELATION_ID = "correlationId";
    public static final String USER_ID = "userId";
    static final AttributeKey<RequestLog> KEY = AttributeKey.create("poker-request-log", RequestLog.class);

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger access = LoggerFactory.getLogger("poker.http.access");

    private final String correlationId;
    private final long startNanos = System.nanoTime();
    private volatile String userId;

    private RequestLog(String correlationId) {
        this.correlationId = correlationId;
    }

    /** The caller's correlation id if it is sane (letters, digits, {@code . _ : -}, at most 64), else a new one. */
    static RequestLog of(HttpRequest request) {
        String id = header(request, HEADER).or(() -> header(request, "X-Request-Id"))
                .filter(v -> SANE.matcher(v).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        return new RequestLog(id);
    }

    /** The request's log fields, present once {@link HttpServer#route} has seen the request. */
    static Optional<RequestLog> of(org.apache.pekko.http.javadsl.server.RequestContext ctx) {
        return ctx.getRequest().getAttribute(KEY);
    }

    private static Optional<String> header(HttpRequest request, String name) {
        return request.getHeader(name).map(h -> h.value().strip());
    }

    public String correlationId() {
        return correlationId;
    }

    void user(String id) {
        this.userId = id;
    }

    RawHeader header() {
        return RawHeader.create(HEADER, correlationId);
    }

    /** Runs a log call (or anything that logs) with this request's fields in the MDC, then takes them out. */
    public <T> T withMdc(Supplier<T> body) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        MDC.put(CORRELATION_ID, correlationId);
        if (userId != null) {
            MDC.put(USER_ID, userId);
        }
        try {
            return body.get();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    /** The access line of an answered request. */
    HttpResponse completed(HttpRequest request, HttpResponse response) {
        int status = response.status().intValue();
        boolean failed = status >= 500;
        if (failed ? access.isWarnEnabled() : access.isDebugEnabled()) {
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            String method = request.method().name();
            String path = request.getUri().path();
            withMdc(() -> {
                if (failed) {
                    access.warn("{} {} answered {} after {} ms", method, path, status, millis);
                } else {
                    access.debug("{} {} answered {} after {} ms", method, path, status, millis);
                }
                return null;
            });
        }
        return response;
    }
}
