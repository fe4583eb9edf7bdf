package poker.http;

import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.ParsingErrorHandler;
import org.apache.pekko.http.javadsl.model.HttpResponse;
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
        return Json.error(ErrorMapping.parsingError(status.intValue()));
    }
}
