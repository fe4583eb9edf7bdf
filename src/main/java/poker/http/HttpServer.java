package poker.http;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.Rejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;

/** Binds the API: every resource under /api, and every failure answered as a JSON error body. */
public final class HttpServer extends AllDirectives {

    private final Route api;

    /** storeUp: the store-health probe; while it says down, every API call answers 503 at once. */
    public HttpServer(BooleanSupplier storeUp, Route... resources) {
        Route all = concat(resources[0], java.util.Arrays.copyOfRange(resources, 1, resources.length));
        this.api = pathPrefix("api", () -> extractRequestContext(request -> storeUp.getAsBoolean() ? all
                : complete(Json.error(ApiError.storeUnavailable()))));
    }

    public Route route() {
        RejectionHandler rejections = RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, rs -> complete(Json.error(new ApiError(StatusCodes.METHOD_NOT_ALLOWED,
                        "method_not_allowed", "This resource does not take that method.", null))))
                .handleNotFound(complete(Json.error(ApiError.notFound("There is nothing at this address."))))
                .handleAll(Rejection.class, rs -> complete(Json.error(ApiError.badRequest("bad_request",
                        "The request could not be read."))))
                .build();
        ExceptionHandler exceptions = ExceptionHandler.newBuilder()
                .matchAny(t -> complete(ErrorMapping.toResponse(t)))
                .build();
        return handleExceptions(exceptions, () -> handleRejections(rejections, () -> api));
    }

    public CompletionStage<ServerBinding> bind(ActorSystem<?> system, String host, int port) {
        return Http.get(system).newServerAt(host, port).bind(route());
    }

    public static int port(ServerBinding binding) {
        InetSocketAddress address = binding.localAddress();
        return address.getPort();
    }
}
