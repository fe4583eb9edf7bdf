package poker.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Binds the API: every resource under /api, the operators' routes beside it ({@code /metrics}), the
 * browser client's static files ({@link WebRoutes}: {@code /}, {@code /app.js}, ...), and every failure
 * answered as a JSON error body.
 */
public final class HttpServer extends AllDirectives {

    private final Route api;
    private Route operations;

    /** storeUp: the store-health probe; while it says down, every API call but the index answers 503 at once. */
    public HttpServer(BooleanSupplier storeUp, Route... resources) {
        Route all = concat(resources[0], java.util.Arrays.copyOfRange(resources, 1, resources.length));
        this.api = pathPrefix("api", () -> concat(
                pathEnd(() -> get(() -> complete(Json.ok(ApiIndex.INDEX)))),
                extractRequestContext(request -> storeUp.getAsBoolean() ? all
                        : complete(Json.error(ApiError.storeUnavailable())))));
    }

    /** Routes outside /api (no auth, not behind the store-health 503): {@code /metrics}. */
    public HttpServer withOperations(Route operations) {
        this.operations = operations;
        return this;
    }

    public Route route() {
        ExceptionHandler exceptions = ExceptionHandler.newBuilder()
                .matchAny(t -> extractRequestContext(ctx -> complete(RequestLog.of(ctx)
                        .map(log -> log.withMdc(() -> ErrorMapping.toResponse(t)))
                        .orElseGet(() -> ErrorMapping.toResponse(t)))))
                .build();
        Route web = new WebRoutes().routes();
        Route all = operations == null ? concat(api, web) : concat(operations, api, web);
        Route inner = withRequestTimeoutResponse(ErrorMapping::timedOut,
                () -> handleExceptions(exceptions, () -> handleRejections(ErrorMapping.rejections(), () -> all)));
        return logged(inner);
    }

    /** Gives each request its {@link RequestLog} (correlation id, later the user), echoes the id, logs the answer. */
    private Route logged(Route inner) {
        return extractRequest(request -> {
            RequestLog log = RequestLog.of(request);
            return mapRequest(r -> r.addAttribute(RequestLog.KEY, log),
                    () -> respondWithHeader(log.header(),
                            () -> mapResponse(response -> log.completed(request, response), () -> inner)));
        });
    }

    /** Binds the route, each connection behind {@link RequestHeadTimeout} ({@code poker.http.request-head-timeout}). */
    public CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port) {
        Duration headTimeout = system.settings().config().getDuration("poker.http.request-head-timeout");
        return Http.get(system).newServerAt(host, port)
                .bindFlow(RequestHeadTimeout.around(route().flow(system), headTimeout));
    }

    public static int port(ServerBinding binding) {
        InetSocketAddress address = binding.localAddress();
        return address.getPort();
    }
}
