package poker.http;

import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The browser client: static files from the jar's {@code web/} folder ({@code src/main/resources/web}),
 * {@code /} answering {@code index.html}. GET (and HEAD, which pekko-http answers as a GET) only; a path that names no file falls through, so
 * the usual JSON 404 answers it. Content-Type comes from the file extension; every file is sent with
 * {@code Cache-Control: no-cache} (the browser revalidates with Last-Modified, so a new server version is
 * picked up at once).
 */
public final class WebRoutes extends AllDirectives {

    private static final String ROOT = "web";

    public Route routes() {
        // other methods pass without a rejection of their own: a POST to an unknown address stays a 404
        return extractMethod(method -> !method.equals(HttpMethods.GET) ? reject()
                : respondWithHeaders(List.of(CacheControl.create(CacheDirectives.NO_CACHE)), () -> concat(
                        pathEndOrSingleSlash(() -> getFromResource(ROOT + "/index.html")),
                        // not under /api, no dot files
                        pathPrefix("api", () -> reject()),
                        extractUnmatchedPath(path -> path.toString().contains("/.") ? reject()
                                : getFromResourceDirectory(ROOT)))));
    }
}
