package poker.http;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.scaladsl.model.EntityStreamException;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.pattern.AskTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.domain.Rejection;
import poker.user.PasswordHasher;
import poker.user.UsernameTakenException;

/**
 * The one place where rejections and failures become HTTP statuses and JSON error bodies: the
 * aggregates' rejections, exceptions, pekko-http's route rejections, its request timeout and the
 * requests it refuses before routing, and request bodies that could not be read.
 */
public final class ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    /**
     * A business-rule rejection from an aggregate: 409 with its code, except unknown ids (404, any
     * {@code *_not_found}, e.g. {@code tournament_not_found}), {@code forbidden} (403) and bad fields (400).
     */
    public static ApiError fromRejection(Rejection rejection) {
        if (rejection.code().endsWith("_not_found")) {
            return new ApiError(StatusCodes.NOT_FOUND, rejection.code(), rejection.message(), null);
        }
        if (rejection.code().equals("forbidden")) {
            return new ApiError(StatusCodes.FORBIDDEN, rejection.code(), rejection.message(), null);
        }
        if (rejection.field() != null) {
            return new ApiError(StatusCodes.BAD_REQUEST, rejection.code(), rejection.message(), rejection.field());
        }
        return ApiError.conflict(rejection.code(), rejection.message());
    }

    public static HttpResponse toResponse(Throwable failure) {
        return Json.error(toError(failure));
    }

    /** A failure as the API names it (HTTP answers and live-socket error frames alike); unexpected ones are logged. */
    public static ApiError toError(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiError e) {
            return e;
        }
        if (t instanceof PasswordHasher.Busy) {
            return new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "server_busy",
                    "The server is busy signing others in; try again in a moment.", null)
                    .withRetryAfter(Duration.ofSeconds(1));
        }
        if (t instanceof UsernameTakenException e) {
            return ApiError.conflict("username_taken", e.getMessage());
        }
        if (t instanceof SQLException || t instanceof AskTimeoutException || t instanceof TimeoutException) {
            log.warn("Store unavailable: {}", t.toString());
            return ApiError.storeUnavailable();
        }
        log.error("Unexpected failure", t);
        return new ApiError(StatusCodes.INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side.",
                null);
    }

    /**
     * pekko-http's rejections (routes reject only by method; everything else they answer themselves):
     * 405, the router's 404, and 400 for anything else.
     */
    static RejectionHandler rejections() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, rs -> Directives.complete(Json.error(new ApiError(
                        StatusCodes.METHOD_NOT_ALLOWED, "method_not_allowed", "This resource does not take that method.",
                        null))))
                .handleNotFound(Directives.complete(Json.error(ApiError.notFound("There is nothing at this address."))))
                .handleAll(org.apache.pekko.http.javadsl.server.Rejection.class, rs -> Directives.complete(Json.error(ApiError.badRequest("bad_request",
                        "The request could not be read."))))
                .build();
    }

    /** pekko-http's request timeout ({@code pekko.http.server.request-timeout}): the backstop of every wait. */
    static HttpResponse timedOut(HttpRequest request) {
        return Json.error(new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "server_timeout",
                "The server did not answer in time; try again shortly.", null));
    }

    /** A request pekko-http refused before routing ({@link JsonParsingErrorHandler}), by the status it chose. */
    static ApiError parsingError(int status) {
        return switch (status) {
            case 413 -> payloadTooLarge();
            case 414 -> new ApiError(StatusCodes.URI_TOO_LONG, "uri_too_long", "The address is too long.", null);
            case 431 -> new ApiError(StatusCodes.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large",
                    "The request headers are too large or too many.", null);
            case 501 -> new ApiError(StatusCodes.NOT_IMPLEMENTED, "method_not_implemented",
                    "The server does not know that request method.", null);
            case 505 -> new ApiError(StatusCodes.HTTPVERSION_NOT_SUPPORTED, "http_version_not_supported",
                    "Only HTTP/1.0 and HTTP/1.1 are served.", null);
            case 400 -> ApiError.badRequest("bad_request", "The request could not be read as HTTP.");
            default -> new ApiError(StatusCodes.get(status), "bad_request", "The request could not be read.", null);
        };
    }

    /**
     * A JSON body that did not arrive whole ({@code toStrict} failed): here a timeout is the client's
     * (408), not the store's as in {@link #toResponse}. The rest of the body is never read, so the
     * connection closes.
     */
    static HttpResponse bodyNotRead(Throwable failure) {
        Throwable t = unwrap(failure);
        ApiError error;
        if (t instanceof TimeoutException) {
            error = new ApiError(StatusCodes.REQUEST_TIMEOUT, "request_timeout", "The request body did not arrive in time.",
                    null);
        } else if (t instanceof EntityStreamSizeException
                // what toStrict fails with past its byte limit (pekko-http has no finer type for it)
                || t instanceof EntityStreamException e && e.info().summary().equals("Request too large")) {
            error = payloadTooLarge();
        } else if (t instanceof EntityStreamException) {
            error = ApiError.badRequest("bad_request", "The request body could not be read.");
        } else {
            return toResponse(t);
        }
        return Json.error(error).addHeader(Connection.create("close"));
    }

    static ApiError payloadTooLarge() {
        return new ApiError(StatusCodes.PAYLOAD_TOO_LARGE, "payload_too_large", "The request body is too large.", null);
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

    /** The failure inside CompletionException and ExecutionException wrappers. */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
