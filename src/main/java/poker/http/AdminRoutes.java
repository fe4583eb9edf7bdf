package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.readside.EventRef;
import poker.readside.ProjectionAdmin;
import poker.readside.ProjectionInstance;
import poker.user.User;
import poker.user.UserRepository;

/**
 * /api/admin/projections (admins): every projection instance with its offset, lag and the error
 * it is stuck on; the audited skip of that one event; the audit of skips.
 */
public final class AdminRoutes extends ApiDirectives {

    private final ProjectionAdmin projections;

    public AdminRoutes(UserRepository users, Executor blockingExecutor, ProjectionAdmin projections) {
        super(users, blockingExecutor);
        this.projections = projections;
    }

    public Route routes() {
        return pathPrefix(segment("admin").slash("projections"), () -> concat(
                pathEnd(() -> get(() -> admin(admin -> respond(blocking(() -> Json.ok(projections.statuses())))))),
                path("skips", () -> get(() -> admin(admin ->
                        respond(blocking(() -> Json.ok(projections.skips(100))))))),
                path(segment().slash(segment()).slash("skip"), (name, slice) -> post(() -> admin(admin ->
                        jsonBody(body -> skip(admin, new ProjectionInstance(name, slice), body)))))));
    }

    private Route skip(User admin, ProjectionInstance instance, Fields body) {
        EventRef event;
        String reason;
        try {
            event = new EventRef(body.requireString("persistenceId", 1, 255),
                    body.requireLong("sequenceNr", 1, Long.MAX_VALUE));
            reason = body.requireString("reason", 1, 1000).strip();
            if (reason.isEmpty()) {
                throw ApiError.invalidField("reason", "reason must say why the event is skipped.");
            }
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        return respond(blocking(() -> {
            ProjectionAdmin.SkipOutcome outcome =
                    projections.skip(instance, event, reason, admin.id(), admin.username());
            return outcome instanceof ProjectionAdmin.Skipped skipped
                    ? Json.response(StatusCodes.CREATED, skipped.skip())
                    : Json.error(ErrorMapping.fromRejection(((ProjectionAdmin.Refused) outcome).rejection()));
        }));
    }
}
