package poker.http;

import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/** An answer that is not a success: status, a stable code, a sentence for a person, and the field at fault. */
public final class ApiError extends RuntimeException {

    private final StatusCode status;
    private final String code;
    private final String field;

    public ApiError(StatusCode status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
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
}
