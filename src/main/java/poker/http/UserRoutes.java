package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.user.Passwords;
import poker.user.User;
import poker.user.UserRepository;


/** /api/users and /api/sessions: registration, login, logout, who am I. */
public final class UserRoutes extends ApiDirectives {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]{3,32}");

    public UserRoutes(UserRepository users, Executor blockingExecutor) {
        super(users, blockingExecutor);
    }

    public Route routes() {
        return concat(
                path("users", () -> post(() -> jsonBody(this::register))),
                path(segment("users").slash("me"), () -> get(() -> authenticated(user -> complete(Json.ok(view(user)))))),
                path("sessions", () -> post(() -> jsonBody(this::login))),
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

    private Route register(Fields body) {
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
        return respond(blocking(() -> Json.response(StatusCodes.CREATED,
                view(users.register(username, password, displayName, "player")))));
    }

    private Route login(Fields body) {
        String username;
        String password;
        try {
            username = body.requireString("username", 1, 64);
            password = body.requireString("password", 1, 1024);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        return respond(blocking(() -> users.login(username, password)
                .map(s -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("token", s.token());
                    out.put("userId", s.userId());
                    out.put("expiresAt", s.expiresAt().toString());
                    return Json.response(StatusCodes.CREATED, out);
                })
                .orElseGet(() -> Json.error(ApiError.unauthorized("invalid_credentials",
                        "Wrong username or password.")))));
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
