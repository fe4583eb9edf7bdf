package poker.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /metrics}: this node's metrics in the Prometheus text format, outside {@code /api} and
 * without auth (like the management port's {@code /ready}), for a scraper. It answers while the store
 * is down too (then the values that come from the database are NaN). Rendering runs on the blocking
 * dispatcher: the projection lag it includes is a query.
 */
public final class MetricsRoutes extends AllDirectives {

    private final Supplier<String> scrape;
    private final ContentType contentType;
    private final Executor blockingExecutor;

    /** @param contentType the exposition format's content type, e.g. {@code text/plain; version=0.0.4; charset=utf-8} */
    public MetricsRoutes(Supplier<String> scrape, String contentType, Executor blockingExecutor) {
        this.scrape = scrape;
        this.contentType = ContentTypes.parse(contentType);
        this.blockingExecutor = blockingExecutor;
    }

    public Route routes() {
        return path("metrics", () -> get(() -> {
            CompletableFuture<HttpResponse> response = CompletableFuture.supplyAsync(scrape, blockingExecutor)
                    .thenApply(text -> HttpResponse.create().withEntity(
                            HttpEntities.create(contentType, text.getBytes(StandardCharsets.UTF_8))));
            return completeWithFuture(response.exceptionally(ErrorMapping::toResponse));
        }));
    }
}
