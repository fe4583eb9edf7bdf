package poker.http;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.scaladsl.model.ErrorInfo;
import org.apache.pekko.http.scaladsl.model.StatusCode;
import org.apache.pekko.http.scaladsl.settings.ServerSettings;

/**
 * Answers requests that pekko-http refuses before routing (too long a URI, too large headers, an
 * unknown method, another HTTP version, a malformed request line or target) in the API's JSON error
 * format. Set as {@code pekko.http.server.parsing.error-handler}; pekko-http closes the connection
 * after this answer. The message is ours and never echoes the request.
 */
public final class JsonParsingErrorHandler extends ParsingErrorHandler {

    @Override
    public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
        // debug, not warning: scanners send such requests all day
        log.debug("Illegal request, answered {}: {}", status.intValue(), info.summary());
        return Json.error(error(status.intValue()));
    }

    static ApiError error(int status) {
        return switch (status) {
            case 413 -> new ApiError(StatusCodes.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "The request body is too large.", null);
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
}
