package poker.http;

import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** An answer that is not a success: status, a stable code, a sentence for a person, and the field at fault. */
public final class ApiError extends RuntimeException {

    private final StatusCode status;
    private final String code;
    private final String field;
    private final Duration retryAfter;

    public ApiError(StatusCode status, String code, String message, String field) {
        this(status, code, message, field, null);
    }

    private ApiError(StatusCode status, String code, String message, String field, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** 429: a limit was reached; the client may try again after {@code retryAfter} (sent as Retry-After). */
    public static ApiError tooManyRequests(String code, String message, Duration retryAfter) {
        return new ApiError(StatusCodes.TOO_MANY_REQUESTS, code, message, null, retryAfter);
    }

    /** The same error, answered with a Retry-After header. */
    public ApiError withRetryAfter(Duration after) {
        return new ApiError(status, code, getMessage(), field, after);
    }

    public static ApiError invalidField(String field, String message) {
        return new ApiError(StatusCodes.BAD_REQUEST, "invalid_field", message, field);
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(StatusCodes.BAD_REQUEST, code, message, null);
    }

    public static ApiError unauthorized(String code, String message) {
        return new ApiError(StatusCodes.UNAUTHORIZED, code, message, null);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(StatusCodes.FORBIDDEN, "forbidden", message, null);
    }

    public static ApiError notFound(String message) {
        return new ApiError(StatusCodes.NOT_FOUND, "not_found", message, null);
    }

    public static ApiError conflict(String code, String message) {
        return new ApiError(StatusCodes.CONFLICT, code, message, null);
    }

    public static ApiError storeUnavailable() {
        return new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "store_unavailable",
                "The store is unavailable right now; try again shortly.", null);
    }

    public StatusCode status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
