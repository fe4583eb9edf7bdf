package poker.http;

import org.apache.pekko.http.javadsl.server.directives.RouteAdapter;
import org.apache.pekko.http.scaladsl.server.RequestContext;
import org.apache.pekko.http.scaladsl.server.RouteResult;
import poker.infra.Correlation;
import scala.concurrent.Future;
import scala.runtime.AbstractFunction1;
import com.typesafe.config.Config;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.headers.XForwardedFor;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import poker.user.User;
import poker.user.UserRepository;

/**
 * Directives every resource uses: bearer-token auth and the admin check, bounded JSON bodies, query
 * parameters (consistency, whole numbers), paged answers, the client's address, blocking JDBC off
 * the default dispatcher.
 */
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

    /**
     * The request body as a JSON object. It must be {@code application/json} (else 415), arrive whole
     * within {@code poker.http.body-timeout} of the head (else 408) and be at most
     * {@code poker.http.max-body-size} (else 413); malformed JSON is a 400 before {@code inner} runs.
     */
    protected Route jsonBody(Function<Fields, Route> inner) {
        return jsonBody(false, inner);
    }

    /** As {@link #jsonBody(Function)}, but no body at all (or an empty one) reads as {@code {}}: for optional bodies. */
    protected Route optionalJsonBody(Function<Fields, Route> inner) {
        return jsonBody(true, inner);
    }

    private Route jsonBody(boolean optional, Function<Fields, Route> inner) {
        return extractActorSystem(system -> extractRequestEntity(entity -> {
            if (!entity.isKnownEmpty() && !isJson(entity.getContentType().mediaType())) {
                return complete(Json.error(new ApiError(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                        "Send the body as JSON, with Content-Type: application/json.", null)));
            }
            Config config = system.settings().config();
            long timeout = config.getDuration("poker.http.body-timeout").toMillis();
            long maxBytes = config.getBytes("poker.http.max-body-size");
            if (entity.getContentLengthOption().orElse(0) > maxBytes) {
                // refused without reading it: the connection closes
                return complete(Json.error(ErrorMapping.payloadTooLarge()).addHeader(Connection.create("close")));
            }
            return onComplete(entity.toStrict(timeout, maxBytes, system), strict -> {
                if (strict.isFailure()) {
                    return complete(ErrorMapping.bodyNotRead(strict.failed().get()));
                }
                Fields fields;
                try {
                    String text = strict.get().getData().utf8String();
                    fields = Json.object(optional && text.isBlank() ? "{}" : text);
                } catch (ApiError e) {
                    return complete(Json.error(e));
                }
                return correlated(() -> inner.apply(fields));
            });
        }));
    }

    private static boolean isJson(MediaType type) {
        return type.mainType().equals("application") && type.subType().equals("json");
    }

    /**
     * The client's address for per-address limits: the TCP peer (pekko's remote-address attribute),
     * or with {@code trustForwardedFor} the last X-Forwarded-For entry (the one our own proxy appended),
     * as pekko parsed it (a header that is not a list of IP addresses counts the TCP peer). An IPv6
     * client counts by its /64 either way, since one subscriber holds a whole /64.
     */
    protected Route clientAddress(boolean trustForwardedFor, Function<String, Route> inner) {
        return extractRequest(request -> {
            Optional<RemoteAddress> client = trustForwardedFor
                    ? request.getHeader(XForwardedFor.class).flatMap(h -> {
                        RemoteAddress last = null;
                        for (RemoteAddress hop : h.getAddresses()) {
                            last = hop;
                        }
                        return Optional.ofNullable(last);
                    })
                    : Optional.empty();
            String address = client.or(() -> request.getAttribute(AttributeKeys.remoteAddress))
                    .flatMap(RemoteAddress::getAddress)
                    .map(ApiDirectives::addressKey)
                    .orElse("unknown");
            return inner.apply(address);
        });
    }

    static String addressKey(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
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
                    .map(user -> withUserLogged(user, inner))
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
                    : result.get().isPresent()
                    ? withUserLogged(result.get().get(), user -> inner.apply(Optional.of(user)))
                    : inner.apply(Optional.empty()));
        });
    }

    /** Puts the caller's id into the request's log fields (the access line of a failed request names it). */
    private Route withUserLogged(User user, Function<User, Route> inner) {
        return extractRequestContext(ctx -> {
            RequestLog.of(ctx).ifPresent(log -> log.user(user.id()));
            return correlated(() -> inner.apply(user));
        });
    }

    /**
     * Builds and runs {@code inner} with the request's correlation id set on the thread ({@link Correlation}),
     * so the entity commands it sends carry it. Called where a route resumes after waiting (the caller's
     * token checked, the body read): from there to the command the route runs on one thread.
     */
    protected static Route correlated(Supplier<Route> inner) {
        return RouteAdapter.asJava(new AbstractFunction1<RequestContext, Future<RouteResult>>() {
            @Override
            public Future<RouteResult> apply(RequestContext ctx) {
                String id = ctx.request().getAttribute(RequestLog.KEY).map(RequestLog::correlationId).orElse(null);
                return Correlation.during(id, () -> inner.get().asScala().apply(ctx));
            }
        });
    }

    /** The caller if an admin; 403 for anyone else, 401 without a live token. */
    protected Route admin(Function<User, Route> inner) {
        return authenticated(user -> user.isAdmin() ? inner.apply(user)
                : complete(Json.error(ApiError.forbidden("Only an admin may do this."))));
    }

    /** The {@code consistency} query parameter of a command ({@link Consistency#strong}); anything else is a 400. */
    protected Route strongParam(Function<Boolean, Route> inner) {
        return parameterOptional("consistency", value -> {
            boolean strong;
            try {
                strong = Consistency.strong(value);
            } catch (ApiError e) {
                return complete(Json.error(e));
            }
            return inner.apply(strong);
        });
    }

    /**
     * An optional whole-number query parameter within [min, max]; anything else (empty, not a number,
     * out of range) is a 400 naming it.
     */
    protected Route numberParam(String name, long min, long max, Function<Optional<Long>, Route> inner) {
        return parameterOptional(name, text -> {
            Optional<Long> value;
            try {
                value = wholeNumber(text, name, min, max);
            } catch (ApiError e) {
                return complete(Json.error(e));
            }
            return inner.apply(value);
        });
    }

    static Optional<Long> wholeNumber(Optional<String> text, String name, long min, long max) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(text.get());
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ApiError.invalidField(name, name + " must be a whole number"
                + (max == Long.MAX_VALUE ? ", " + min + " or more." : " from " + min + " to " + max + "."));
    }

    /** A page of a list, with {@code Link: <next>; rel="next"} when another page follows ({@code next} not null). */
    protected static HttpResponse paged(Object items, String next) {
        HttpResponse response = Json.ok(items);
        return next == null ? response : response.addHeader(RawHeader.create("Link", "<" + next + ">; rel=\"next\""));
    }

    protected static Optional<String> bearerToken(Optional<String> header) {
        return header
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }
}
