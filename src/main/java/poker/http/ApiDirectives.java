package poker.http;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import poker.user.User;
import poker.user.UserRepository;

/** Directives every resource uses: bearer-token auth, JSON bodies, blocking JDBC off the default dispatcher. */
public abstract class ApiDirectives extends AllDirectives {

    protected final UserRepository users;
    protected final Executor blockingExecutor;

    protected ApiDirectives(UserRepository users, Executor blockingExecutor) {
        this.users = users;
        this.blockingExecutor = blockingExecutor;
    }

    /** Runs JDBC (or any blocking call) on the blocking dispatcher. */
    protected <T> CompletionStage<T> blocking(Callable<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, blockingExecutor);
    }

    /** Completes with the response, or with the mapped error if the stage failed. */
    protected Route respond(CompletionStage<HttpResponse> response) {
        return completeWithFuture(response.exceptionally(ErrorMapping::toResponse));
    }

    protected Route respond(Supplier<HttpResponse> response) {
        try {
            return complete(response.get());
        } catch (RuntimeException e) {
            return complete(ErrorMapping.toResponse(e));
        }
    }

    /** The request body as a JSON object; malformed JSON is a 400 before {@code inner} runs. */
    protected Route jsonBody(Function<Fields, Route> inner) {
        return entity(Unmarshaller.entityToString(), body -> {
            Fields fields;
            try {
                fields = Json.object(body);
            } catch (ApiError e) {
                return complete(Json.error(e));
            }
            return inner.apply(fields);
        });
    }

    /** The caller from {@code Authorization: Bearer <token>}; 401 without a live token. */
    protected Route authenticated(Function<User, Route> inner) {
        return optionalHeaderValueByName("Authorization", header -> {
            Optional<String> token = bearerToken(header);
            if (token.isEmpty()) {
                return complete(Json.error(ApiError.unauthorized("unauthorized",
                        "Sign in first: send Authorization: Bearer <token>.")));
            }
            return authenticatedWith(token.get(), inner);
        });
    }

    protected Route authenticatedWith(String token, Function<User, Route> inner) {
        return onComplete(blocking(() -> users.authenticate(token)), result -> {
            if (result.isFailure()) {
                return complete(ErrorMapping.toResponse(result.failed().get()));
            }
            return result.get()
                    .map(inner)
                    .orElseGet(() -> complete(Json.error(ApiError.unauthorized("invalid_token",
                            "The token is unknown, expired or revoked."))));
        });
    }

    /** The caller if a live token came with the request; public reads show more to their owner. */
    protected Route optionalUser(Function<Optional<User>, Route> inner) {
        return optionalHeaderValueByName("Authorization", header -> {
            Optional<String> token = bearerToken(header);
            if (token.isEmpty()) {
                return inner.apply(Optional.empty());
            }
            return onComplete(blocking(() -> users.authenticate(token.get())), result -> result.isFailure()
                    ? complete(ErrorMapping.toResponse(result.failed().get()))
                    : inner.apply(result.get()));
        });
    }

    protected static Optional<String> bearerToken(Optional<String> header) {
        return header
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }
}
