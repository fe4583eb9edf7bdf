package poker.http;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.pattern.AskTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.domain.Rejection;
import poker.user.PasswordHasher;
import poker.user.UsernameTakenException;

/** The one place where rejections and failures become HTTP statuses and JSON error bodies. */
public final class ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    /** A business-rule rejection from an aggregate: 409 with its code, except unknown ids and bad fields. */
    public static ApiError fromRejection(Rejection rejection) {
        if (rejection.code().endsWith("_not_found")) {
            return new ApiError(StatusCodes.NOT_FOUND, rejection.code(), rejection.message(), null);
        }
        if (rejection.field() != null) {
            return new ApiError(StatusCodes.BAD_REQUEST, rejection.code(), rejection.message(), rejection.field());
        }
        return ApiError.conflict(rejection.code(), rejection.message());
    }

    public static HttpResponse toResponse(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiError e) {
            return Json.error(e);
        }
        if (t instanceof PasswordHasher.Busy) {
            return Json.error(new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "server_busy",
                    "The server is busy signing others in; try again in a moment.", null)
                    .withRetryAfter(Duration.ofSeconds(1)));
        }
        if (t instanceof UsernameTakenException e) {
            return Json.error(ApiError.conflict("username_taken", e.getMessage()));
        }
        if (t instanceof SQLException || t instanceof AskTimeoutException || t instanceof TimeoutException) {
            log.warn("Store unavailable: {}", t.toString());
            return Json.error(ApiError.storeUnavailable());
        }
        log.error("Unexpected failure", t);
        return Json.error(new ApiError(StatusCodes.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side.", null));
    }

    static Map<String, Object> body(ApiError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        return body;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
