package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.user.PasswordHasher;
import poker.user.Passwords;
import poker.user.Session;
import poker.user.User;
import poker.user.UserRepository;
import poker.user.UserRepository.Credentials;
import poker.wallet.WalletEntity;
import poker.wallet.Wallets;


/** /api/users and /api/sessions: registration, login, logout, who am I. */
public final class UserRoutes extends ApiDirectives {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{3,32}");

    private final Wallets wallets;
    private final Consistency consistency;
    private final PasswordHasher hasher;
    private final EdgeLimits limits;

    public UserRoutes(UserRepository users, Executor blockingExecutor, Wallets wallets, Consistency consistency,
                      PasswordHasher hasher, EdgeLimits limits) {
        super(users, blockingExecutor);
        this.wallets = wallets;
        this.consistency = consistency;
        this.hasher = hasher;
        this.limits = limits;
    }

    public Route routes() {
        return concat(
                path("users", () -> post(() -> strongParam(strong ->
                        clientAddress(limits.trustForwardedFor(), address ->
                                jsonBody(body -> register(address, body, strong)))))),
                path(segment("users").slash("me"), () -> get(() -> authenticated(user -> complete(Json.ok(view(user)))))),
                path("sessions", () -> post(() -> clientAddress(limits.trustForwardedFor(), address ->
                        jsonBody(body -> login(address, body))))),
                path(segment("sessions").slash("current"), () -> delete(() ->
                        optionalHeaderValueByName("Authorization", header -> bearerToken(header)
                                .map(token -> authenticatedWith(token, user ->
                                        respond(blocking(() -> {
                                            users.logout(token);
                                            return HttpResponse.create().withStatus(StatusCodes.NO_CONTENT);
                                        }))))
                                .orElseGet(() -> complete(Json.error(ApiError.unauthorized("unauthorized",
                                        "Sign in first: send Authorization: Bearer <token>."))))))));
    }

    /** Creates the account (at most so many per address), then opens its wallet with the play-money grant. */
    private Route register(String address, Fields body, boolean strong) {
        String username;
        String password;
        String displayName;
        try {
            username = body.requireString("username", 1, 64);
            if (!USERNAME.matcher(username).matches()) {
                throw ApiError.invalidField("username", "username must be 3 to 32 of a-z, 0-9 and _.");
            }
            password = body.requireString("password", 8, 1024);
            if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
                throw ApiError.invalidField("password", "password must be at most 72 bytes.");
            }
            displayName = body.optionalString("displayName", 1, 64).map(String::strip).orElse(username);
            if (displayName.isEmpty()) {
                throw ApiError.invalidField("displayName", "displayName must not be blank.");
            }
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        Optional<Duration> wait = limits.registrationsPerAddress().tryAcquire(address);
        if (wait.isPresent()) {
            return complete(Json.error(ApiError.tooManyRequests("too_many_attempts",
                    "Too many registrations from your address; try again later.", wait.get())));
        }
        return respond(hasher.hash(password)
                .thenCompose(hash -> blocking(() -> users.create(username, hash, displayName, "player")))
                .thenCompose(user -> wallets.open(user.id())
                        .handle((reply, failure) -> reply instanceof WalletEntity.Accepted opened
                                ? new Consistency.Written().wallet(user.id(), opened.sequenceNr())
                                // the wallet opens at the next login then
                                : new Consistency.Written().incomplete())
                        .thenCompose(written -> consistency.reply(strong, written, StatusCodes.CREATED, view(user)))));
    }

    /**
     * Checks the password off the HTTP threads and off the JDBC pool ({@link PasswordHasher}); refused
     * with 429 before any hashing when the address made too many attempts or the account too many
     * unsuccessful ones in the window. An attempt counts against the account when it starts, and a
     * success forgets the account's count: concurrent attempts cannot get more checks than the limit.
     */
    private Route login(String address, Fields body) {
        String username;
        String password;
        try {
            username = body.requireString("username", 1, 64);
            password = body.requireString("password", 1, 1024);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        Optional<Duration> wait = limits.loginAttemptsPerAddress().tryAcquire(address)
                .or(() -> limits.loginFailuresPerAccount().tryAcquire(username));
        if (wait.isPresent()) {
            return complete(Json.error(ApiError.tooManyRequests("too_many_attempts",
                    "Too many sign-in attempts; try again later.", wait.get())));
        }
        return respond(blocking(() -> users.credentials(username)).thenCompose(credentials ->
                hasher.verify(password, credentials.map(Credentials::passwordHash)).thenCompose(matches -> {
                    if (!matches) {
                        return CompletableFuture.completedFuture(Json.error(ApiError.unauthorized(
                                "invalid_credentials", "Wrong username or password.")));
                    }
                    limits.loginFailuresPerAccount().reset(username);
                    return blocking(() -> {
                        Session s = users.openSession(credentials.get().userId());
                        // a wallet whose opening failed at registration opens now; a no-op otherwise
                        wallets.open(s.userId());
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("token", s.token());
                        out.put("userId", s.userId());
                        out.put("expiresAt", s.expiresAt().toString());
                        return Json.response(StatusCodes.CREATED, out);
                    });
                })));
    }

    static Map<String, Object> view(User user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("username", user.username());
        out.put("displayName", user.displayName());
        out.put("role", user.role());
        return out;
    }
}
