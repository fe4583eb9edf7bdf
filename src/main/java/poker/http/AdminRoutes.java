package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.domain.Rejection;
import poker.infra.EventArchive;
import poker.readside.EventRef;
import poker.readside.ProjectionAdmin;
import poker.readside.ProjectionInstance;
import poker.readside.ProjectionRebuilds;
import poker.user.User;
import poker.user.UserRepository;

/**
 * /api/admin/projections (admins): every projection instance with its offset, lag and the error
 * it is stuck on; the audited skip of that one event; the audit of skips; the rebuild of a read model
 * from the journal and its progress (the README, "Rebuilding a read model").
 */
public final class AdminRoutes extends ApiDirectives {

    private final ProjectionAdmin projections;
    private final ProjectionRebuilds rebuilds;
    private final EventArchive archive;

    public AdminRoutes(UserRepository users, Executor blockingExecutor, ProjectionAdmin projections,
                       ProjectionRebuilds rebuilds, EventArchive archive) {
        super(users, blockingExecutor);
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.archive = archive;
    }

    public Route routes() {
        return concat(projectionRoutes(), archiveRoutes());
    }

    /**
     * /api/admin/archive: GET the archive's and the hot journal's totals; POST {@code {"persistenceId"}}
     * moves the events that entity's latest snapshot covers into the archive (the README, "Archiving").
     */
    private Route archiveRoutes() {
        return path(segment("admin").slash("archive"), () -> concat(
                get(() -> admin(admin -> respond(blocking(() -> Json.ok(archive.summary()))))),
                post(() -> admin(admin -> jsonBody(body -> {
                    String persistenceId;
                    try {
                        persistenceId = body.requireString("persistenceId", 3, 255);
                        Fields.requirePlainText("persistenceId", persistenceId);
                        if (!persistenceId.contains("|")) {
                            throw ApiError.invalidField("persistenceId",
                                    "persistenceId is an entity type and id: e.g. Table|<tableId>.");
                        }
                    } catch (ApiError e) {
                        return complete(Json.error(e));
                    }
                    return respond(blocking(() -> {
                        EventArchive.Outcome outcome = archive.archive(persistenceId);
                        return outcome instanceof EventArchive.Done done ? Json.ok(done.archived())
                                : Json.error(ErrorMapping.fromRejection(((EventArchive.Refused) outcome).rejection()));
                    }));
                })))));
    }

    private Route projectionRoutes() {
        return pathPrefix(segment("admin").slash("projections"), () -> concat(
                pathEnd(() -> get(() -> admin(admin -> respond(blocking(() -> Json.ok(projections.statuses())))))),
                path("skips", () -> get(() -> admin(admin ->
                        respond(blocking(() -> Json.ok(projections.skips(100))))))),
                path(segment().slash("rebuild"), name -> concat(
                        post(() -> admin(admin -> optionalJsonBody(body -> respond(blocking(() -> startRebuild(name)))))),
                        get(() -> admin(admin -> complete(rebuildStatus(name)))))),
                path(segment().slash(segment()).slash("skip"), (name, slice) -> post(() -> admin(admin ->
                        jsonBody(body -> skip(admin, new ProjectionInstance(name, slice), body)))))));
    }

    private org.apache.pekko.http.javadsl.model.HttpResponse startRebuild(String name) {
        ProjectionRebuilds.Outcome outcome = rebuilds.start(name);
        return outcome instanceof ProjectionRebuilds.Started started
                ? Json.response(StatusCodes.ACCEPTED, started.status())
                : Json.error(ErrorMapping.fromRejection(((ProjectionRebuilds.Refused) outcome).rejection()));
    }

    private org.apache.pekko.http.javadsl.model.HttpResponse rebuildStatus(String name) {
        if (!rebuilds.exists(name)) {
            return Json.error(ErrorMapping.fromRejection(
                    Rejection.of("projection_not_found", "There is no projection " + name + ".")));
        }
        return rebuilds.status(name).map(Json::ok).orElseGet(() -> Json.error(ErrorMapping.fromRejection(
                Rejection.of("rebuild_not_found", "Projection " + name + " has not been rebuilt since this node"
                        + " started (a rebuild's status is kept by the node that runs it)."))));
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
