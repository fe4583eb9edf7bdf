package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.readside.TableQueries;
import poker.table.TableEntity;
import poker.user.User;
import poker.user.UserRepository;

/** /api/tables: create, lobby, table info, join, leave, participants, stats. */
public final class TableRoutes extends ApiDirectives {

    static final long MAX_CHIPS = 1_000_000_000_000L;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ClusterSharding sharding;
    private final TableQueries queries;
    private final Duration askTimeout;
    private final Clock clock;

    public TableRoutes(ActorSystem<?> system, UserRepository users, TableQueries queries, Executor blockingExecutor,
                       Duration askTimeout, Clock clock) {
        super(users, blockingExecutor);
        this.sharding = ClusterSharding.get(system);
        this.queries = queries;
        this.askTimeout = askTimeout;
        this.clock = clock;
    }

    public Route routes() {
        return pathPrefix("tables", () -> concat(
                pathEnd(() -> concat(
                        get(() -> respond(blocking(() -> Json.ok(queries.lobby())))),
                        post(() -> authenticated(user -> jsonBody(body -> create(user, body)))))),
                pathPrefix(segment(), rawId -> tableId(rawId, this::tableRoutes))));
    }

    private Route tableRoutes(String tableId) {
        return concat(
                pathEnd(() -> get(() -> respond(blocking(() -> found(queries.table(tableId), "table"))))),
                path("participants", () -> concat(
                        get(() -> respond(blocking(() -> found(queries.participants(tableId), "table")))),
                        post(() -> authenticated(user -> jsonBody(body -> join(user, tableId, body)))))),
                path(segment("participants").slash("me"), () ->
                        delete(() -> authenticated(user -> leave(user, tableId)))),
                path("stats", () ->
                        get(() -> respond(blocking(() -> found(queries.stats(tableId), "table"))))));
    }

    private Route create(User user, Fields body) {
        TableSettings settings;
        try {
            String name = body.requireString("name", 1, 64).strip();
            if (name.isEmpty()) {
                throw ApiError.invalidField("name", "name must not be blank.");
            }
            long smallBlind = body.requireLong("smallBlind", 1, MAX_CHIPS);
            long bigBlind = body.requireLong("bigBlind", 1, MAX_CHIPS);
            if (bigBlind < smallBlind) {
                throw ApiError.invalidField("bigBlind", "bigBlind must be at least smallBlind.");
            }
            int maxSeats = body.requireInt("maxSeats", 2, 10);
            long minBuyIn = body.requireLong("minBuyIn", 1, MAX_CHIPS);
            if (minBuyIn < bigBlind) {
                throw ApiError.invalidField("minBuyIn", "minBuyIn must be at least one big blind.");
            }
            long maxBuyIn = body.requireLong("maxBuyIn", 1, MAX_CHIPS);
            if (maxBuyIn < minBuyIn) {
                throw ApiError.invalidField("maxBuyIn", "maxBuyIn must be at least minBuyIn.");
            }
            int actionSeconds = body.optionalInt("actionSeconds", 5, 300).orElse(20);
            settings = new TableSettings(name, smallBlind, bigBlind, maxSeats, minBuyIn, maxBuyIn, actionSeconds);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        String tableId = UUID.randomUUID().toString();
        return respond(execute(tableId, new TableCommand.CreateTable(tableId, settings, user.id(), clock.instant()),
                events -> Json.response(StatusCodes.CREATED, Map.of("tableId", tableId))));
    }

    private Route join(User user, String tableId, Fields body) {
        long buyIn;
        Optional<Integer> seat;
        try {
            buyIn = body.requireLong("buyIn", 1, MAX_CHIPS);
            seat = body.optionalInt("seatNumber", 1, 10);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        TableCommand command = new TableCommand.JoinParticipant(UUID.randomUUID().toString(), user.id(), buyIn,
                seat.orElse(null));
        return respond(execute(tableId, command, events -> {
            TableEvent.ParticipantJoined joined = (TableEvent.ParticipantJoined) events.get(0);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("participantId", joined.participantId());
            out.put("seatNumber", joined.seatNumber());
            out.put("chips", joined.chips());
            return Json.response(StatusCodes.CREATED, out);
        }));
    }

    private Route leave(User user, String tableId) {
        return respond(execute(tableId, new TableCommand.LeaveTable(user.id()), events -> {
            TableEvent.ParticipantLeft left = (TableEvent.ParticipantLeft) events.get(0);
            return Json.ok(Map.of("chipsReturned", left.chipsReturned()));
        }));
    }

    /** Asks the table entity; a rejection becomes its mapped error, stored events become {@code onAccepted}. */
    private CompletionStage<HttpResponse> execute(String tableId, TableCommand command,
                                                  Function<List<TableEvent>, HttpResponse> onAccepted) {
        return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Reply>ask(replyTo -> new TableEntity.Execute(command, replyTo), askTimeout)
                .thenApply(reply -> {
                    if (reply instanceof TableEntity.Accepted accepted) {
                        return onAccepted.apply(accepted.events());
                    }
                    return Json.error(ErrorMapping.fromRejection(((TableEntity.Rejected) reply).rejection()));
                });
    }

    private Route tableId(String raw, Function<String, Route> inner) {
        if (!UUID_TEXT.matcher(raw).matches()) {
            return complete(Json.error(ApiError.notFound("There is no table " + raw + ".")));
        }
        return inner.apply(raw.toLowerCase());
    }

    private static HttpResponse found(Optional<?> value, String what) {
        return value.<HttpResponse>map(Json::ok)
                .orElseGet(() -> Json.error(new ApiError(StatusCodes.NOT_FOUND, what + "_not_found",
                        "There is no such " + what + ".", null)));
    }
}
