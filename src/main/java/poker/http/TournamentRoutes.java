package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentSettings;
import poker.readside.TournamentQueries;
import poker.tournament.Tournaments;
import poker.user.User;
import poker.user.UserRepository;

/**
 * /api/tournaments (API.md "Tournaments"): create, lobby, detail, register (the registration saga),
 * unregister (refunded), start, cancel, standings, the caller's entry; the live socket is in
 * {@link LiveTournamentRoutes}. Commands go to the {@link Tournaments} facade; reads come from the
 * tournament read side ({@link TournamentQueries}).
 */
public final class TournamentRoutes extends ApiDirectives {

    static final long MAX_CHIPS = TableRoutes.MAX_CHIPS;
    /** Starting stacks up to a billion: entries x stack stays far from overflowing a long. */
    static final long MAX_STARTING_STACK = 1_000_000_000L;
    static final int MAX_PLAYERS = 10_000;
    static final int MAX_LEVELS = 50;
    static final int MAX_LEVEL_MINUTES = 240;
    static final int MAX_REENTRIES = 10;
    /** How far ahead a start may be scheduled. */
    static final Duration MAX_START_AHEAD = Duration.ofDays(366);
    /** Sit-and-gos a player (not an admin) may have waiting for players at once. */
    static final int PLAYER_REGISTERING_TOURNAMENTS = 5;
    static final int LOBBY_PAGE_DEFAULT = 100;
    static final int LOBBY_PAGE_MAX = 200;
    static final Set<String> STATUSES = Set.of("registering", "running", "finished", "cancelled");
    static final String CANCELLED_BY_ADMIN = "cancelled_by_admin";

    /** The schedule of a tournament created without one: 10-minute levels, a big-blind ante from level 4. */
    public static final List<BlindLevel> DEFAULT_LEVELS = defaultLevels();

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final TournamentQueries queries;
    private final Tournaments tournaments;
    private final Consistency consistency;
    private final Clock clock;
    private final LiveTournamentRoutes live;

    public TournamentRoutes(ActorSystem<?> system, UserRepository users, TournamentQueries queries,
                            Tournaments tournaments, Consistency consistency, Executor blockingExecutor, Clock clock,
                            EdgeLimits limits) {
        super(users, blockingExecutor);
        this.queries = queries;
        this.tournaments = tournaments;
        this.consistency = consistency;
        this.clock = clock;
        this.live = new LiveTournamentRoutes(system, users, blockingExecutor, limits.live());
    }

    public Route routes() {
        return pathPrefix("tournaments", () -> concat(
                pathEnd(() -> concat(
                        get(this::lobby),
                        post(() -> authenticated(user -> strongParam(strong ->
                                jsonBody(body -> create(user, body, strong))))))),
                pathPrefix(segment(), raw -> tournamentId(raw, this::tournamentRoutes))));
    }

    private Route tournamentRoutes(String id) {
        return concat(
                pathEnd(() -> get(() -> respond(blocking(() -> found(queries.detail(id)))))),
                path("registrations", () -> post(() -> authenticated(user -> strongParam(strong ->
                        optionalJsonBody(body -> register(user, id, strong)))))),
                path(segment("registrations").slash("me"), () -> delete(() -> authenticated(user ->
                        strongParam(strong -> unregister(user, id, strong))))),
                path("start", () -> post(() -> authenticated(user -> strongParam(strong -> start(user, id, strong))))),
                path("cancel", () -> post(() -> admin(user -> strongParam(strong ->
                        optionalJsonBody(body -> cancel(id, body, strong)))))),
                path("standings", () -> get(() -> respond(blocking(() -> found(queries.standings(id)))))),
                path("me", () -> get(() -> authenticated(user -> respond(blocking(() -> me(user, id)))))),
                path("live", () -> live.live(id)));
    }

    /**
     * The lobby, one page at a time in creation order: {@code ?limit=} (1..200, default 100),
     * {@code ?after=<tournamentId>} (the last of the previous page) and {@code ?status=} (one of the
     * four). The body is the JSON array of API.md; {@code Link: <...>; rel="next"} names the next page.
     */
    private Route lobby() {
        return numberParam("limit", 1, LOBBY_PAGE_MAX, limit -> parameterOptional("after", after ->
                parameterOptional("status", status -> {
                    if (after.isPresent() && !ID.matcher(after.get()).matches()) {
                        return complete(Json.error(ApiError.invalidField("after", "after must be a tournament id.")));
                    }
                    if (status.isPresent() && !STATUSES.contains(status.get())) {
                        return complete(Json.error(ApiError.invalidField("status",
                                "status must be registering, running, finished or cancelled.")));
                    }
                    int pageSize = limit.orElse((long) LOBBY_PAGE_DEFAULT).intValue();
                    return respond(blocking(() -> queries.lobby(pageSize + 1, after, status)
                            .map(rows -> {
                                List<TournamentQueries.LobbyEntry> page = rows.subList(0, Math.min(pageSize, rows.size()));
                                return paged(page, rows.size() <= pageSize ? null
                                        : "/api/tournaments?limit=" + pageSize
                                        + status.map(s -> "&status=" + s).orElse("")
                                        + "&after=" + page.get(page.size() - 1).tournamentId());
                            })
                            .orElseGet(() -> Json.error(ApiError.invalidField("after",
                                    "after must be a tournament of the lobby.")))));
                })));
    }

    private Route create(User user, Fields body, boolean strong) {
        TournamentSettings settings;
        try {
            settings = settings(body, clock.instant());
            if (!user.isAdmin() && !settings.startWhenFull()) {
                throw ApiError.forbidden("Players may create sit-and-gos only (startWhenFull: true); "
                        + "scheduled tournaments are an admin's.");
            }
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        String tournamentId = UUID.randomUUID().toString();
        TournamentCommand command = new TournamentCommand.CreateTournament(tournamentId, settings, user.id(),
                clock.instant());
        if (user.isAdmin()) {
            return respond(execute(tournamentId, command, strong, StatusCodes.CREATED,
                    done -> Map.of("tournamentId", tournamentId)));
        }
        return respond(blocking(() -> queries.registeringCreatedBy(user.id())).thenCompose(waiting -> {
            if (waiting >= PLAYER_REGISTERING_TOURNAMENTS) {
                return CompletableFuture.completedFuture(Json.error(ApiError.conflict("tournament_quota_exceeded",
                        "You have " + waiting + " sit-and-gos waiting for players already; wait until they start.")));
            }
            return execute(tournamentId, command, strong, StatusCodes.CREATED,
                    done -> Map.of("tournamentId", tournamentId));
        }));
    }

    /** Reads and checks the creation body (API.md); every failure names its field. */
    static TournamentSettings settings(Fields body, Instant now) {
        String name = body.requireString("name", 1, 64).strip();
        if (name.isEmpty()) {
            throw ApiError.invalidField("name", "name must not be blank.");
        }
        long buyIn = body.requireLong("buyIn", 0, MAX_CHIPS);
        long fee = body.requireLong("fee", 0, MAX_CHIPS);
        long startingStack = body.requireLong("startingStack", 1, MAX_STARTING_STACK);
        int seatsPerTable = body.requireInt("seatsPerTable", 2, 10);
        int minPlayers = body.requireInt("minPlayers", 2, MAX_PLAYERS);
        int maxPlayers = body.requireInt("maxPlayers", 2, MAX_PLAYERS);
        if (maxPlayers < minPlayers) {
            throw ApiError.invalidField("maxPlayers", "maxPlayers must be at least minPlayers.");
        }
        Instant startAt = optionalInstant(body, "startAt").orElse(null);
        if (startAt != null && !startAt.isAfter(now)) {
            throw ApiError.invalidField("startAt", "startAt must be in the future.");
        }
        if (startAt != null && startAt.isAfter(now.plus(MAX_START_AHEAD))) {
            throw ApiError.invalidField("startAt", "startAt must be within a year.");
        }
        boolean startWhenFull = body.optionalBoolean("startWhenFull").orElse(false);
        if (startAt == null && !startWhenFull) {
            throw ApiError.invalidField("startAt", "startAt is required unless startWhenFull is true.");
        }
        List<BlindLevel> levels = levels(body).orElse(DEFAULT_LEVELS);
        if (startingStack < levels.get(0).bigBlind()) {
            throw ApiError.invalidField("startingStack", "startingStack must cover the first level's big blind.");
        }
        int lateLevels = body.optionalInt("lateRegistrationLevels", 0, levels.size()).orElse(0);
        int maxReentries = body.optionalInt("maxReentries", 0, MAX_REENTRIES).orElse(0);
        int actionSeconds = body.optionalInt("actionSeconds", 5, 300).orElse(20);
        return new TournamentSettings(name, buyIn, fee, startingStack, seatsPerTable, minPlayers, maxPlayers, startAt,
                startWhenFull, levels, lateLevels, maxReentries, actionSeconds);
    }

    private static Optional<Instant> optionalInstant(Fields body, String field) {
        return body.optionalString(field, 1, 64).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.invalidField(field, field + " must be an ISO-8601 instant such as 2030-01-31T18:00:00Z.");
            }
        });
    }

    /** {@code levels}: 1..50 of {@code {smallBlind, bigBlind, ante, minutes}}; a field at fault is named {@code levels[i].x}. */
    private static Optional<List<BlindLevel>> levels(Fields body) {
        JsonNode node = body.node("levels");
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw ApiError.invalidField("levels", "levels must be a list of {smallBlind, bigBlind, ante, minutes}.");
        }
        if (node.size() < 1 || node.size() > MAX_LEVELS) {
            throw ApiError.invalidField("levels", "levels must hold 1 to " + MAX_LEVELS + " levels.");
        }
        List<BlindLevel> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "levels[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw ApiError.invalidField(at, at + " must be an object {smallBlind, bigBlind, ante, minutes}.");
            }
            Fields level = new Fields(item);
            try {
                long smallBlind = level.requireLong("smallBlind", 1, MAX_CHIPS);
                long bigBlind = level.requireLong("bigBlind", 1, MAX_CHIPS);
                if (bigBlind < smallBlind) {
                    throw ApiError.invalidField("bigBlind", "bigBlind must be at least smallBlind.");
                }
                long ante = level.optionalLong("ante", 0, MAX_CHIPS).orElse(0L);
                if (ante > bigBlind) {
                    throw ApiError.invalidField("ante", "ante must be at most bigBlind.");
                }
                int minutes = level.requireInt("minutes", 1, MAX_LEVEL_MINUTES);
                out.add(new BlindLevel(smallBlind, bigBlind, ante, minutes));
            } catch (ApiError e) {
                throw ApiError.invalidField(at + "." + e.field(), at + ": " + e.getMessage());
            }
        }
        return Optional.of(out);
    }

    private Route register(User user, String id, boolean strong) {
        return respond(tournaments.register(id, user.id()).thenCompose(result -> answer(result, id, strong,
                StatusCodes.CREATED, done -> {
                    TournamentEvent.PlayerRegistered registered = only(done, TournamentEvent.PlayerRegistered.class);
                    return Map.of("entryId", registered.entryId());
                })));
    }

    private Route unregister(User user, String id, boolean strong) {
        return respond(tournaments.unregister(id, user.id()).thenCompose(result -> answer(result, id, strong,
                StatusCodes.OK, done -> {
                    TournamentEvent.PlayerUnregistered gone = only(done, TournamentEvent.PlayerUnregistered.class);
                    return Map.of("refunded", gone.refund());
                })));
    }

    /**
     * Admins start any tournament; its creator theirs (from the read side, or from the tournament itself when
     * the read side has not shown it yet).
     */
    private Route start(User user, String id, boolean strong) {
        TournamentCommand command = new TournamentCommand.Start(true, clock.instant());
        if (user.isAdmin()) {
            return respond(execute(id, command, strong, StatusCodes.OK, TournamentRoutes::seq));
        }
        return respond(blocking(() -> queries.createdBy(id)).thenCompose(known -> known.isPresent()
                ? CompletableFuture.completedFuture(known) : tournaments.creatorOf(id)).thenCompose(creator -> {
            if (creator.isEmpty()) {
                return CompletableFuture.completedFuture(Json.error(notFound(id)));
            }
            if (!creator.get().equals(user.id())) {
                return CompletableFuture.completedFuture(Json.error(
                        ApiError.forbidden("Only an admin or the tournament's creator may start it.")));
            }
            return execute(id, command, strong, StatusCodes.OK, TournamentRoutes::seq);
        }));
    }

    private Route cancel(String id, Fields body, boolean strong) {
        String reason;
        try {
            reason = body.optionalString("reason", 1, 64).map(String::strip).filter(r -> !r.isEmpty())
                    .orElse(CANCELLED_BY_ADMIN);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        return respond(execute(id, new TournamentCommand.Cancel(reason, clock.instant()), strong, StatusCodes.OK,
                TournamentRoutes::seq));
    }

    private HttpResponse me(User user, String id) throws Exception {
        Optional<TournamentQueries.MyEntry> entry = queries.entryOf(id, user.id());
        if (entry.isPresent()) {
            return Json.ok(entry.get());
        }
        if (queries.createdBy(id).isEmpty()) {
            return Json.error(notFound(id));
        }
        return Json.error(new ApiError(StatusCodes.NOT_FOUND, "entry_not_found",
                "You have no entry in this tournament.", null));
    }

    private static Map<String, Object> seq(Tournaments.Done done) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", done.sequenceNr());
        return out;
    }

    private CompletionStage<HttpResponse> execute(String id, TournamentCommand command, boolean strong,
                                                  StatusCode status, Function<Tournaments.Done, Object> body) {
        return tournaments.execute(id, command).thenCompose(result -> answer(result, id, strong, status, body));
    }

    /** A refusal becomes its mapped error; a stored command its answer, after the read side caught up if strong. */
    private CompletionStage<HttpResponse> answer(Tournaments.Result result, String id, boolean strong,
                                                 StatusCode status, Function<Tournaments.Done, Object> body) {
        if (result instanceof Tournaments.Refused refused) {
            return CompletableFuture.completedFuture(Json.error(ErrorMapping.fromRejection(refused.rejection())));
        }
        Tournaments.Done done = (Tournaments.Done) result;
        return consistency.reply(strong, new Consistency.Written().tournament(id, done.sequenceNr()), status,
                body.apply(done));
    }

    private static <E extends TournamentEvent> E only(Tournaments.Done done, Class<E> type) {
        return done.events().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " in " + done));
    }

    private Route tournamentId(String raw, Function<String, Route> inner) {
        if (!ID.matcher(raw).matches()) {
            return complete(Json.error(notFound(raw.length() > 64 ? raw.substring(0, 64) + "…" : raw)));
        }
        return inner.apply(raw);
    }

    static ApiError notFound(String id) {
        return new ApiError(StatusCodes.NOT_FOUND, "tournament_not_found", "There is no tournament " + id + ".", null);
    }

    private static HttpResponse found(Optional<?> value) {
        return value.<HttpResponse>map(Json::ok)
                .orElseGet(() -> Json.error(new ApiError(StatusCodes.NOT_FOUND, "tournament_not_found",
                        "There is no such tournament.", null)));
    }

    private static List<BlindLevel> defaultLevels() {
        long[][] blinds = {{10, 20, 0}, {15, 30, 0}, {25, 50, 0}, {50, 100, 100}, {75, 150, 150}, {100, 200, 200},
                {150, 300, 300}, {200, 400, 400}, {300, 600, 600}, {400, 800, 800}, {500, 1000, 1000},
                {700, 1400, 1400}, {1000, 2000, 2000}, {1500, 3000, 3000}, {2000, 4000, 4000}, {3000, 6000, 6000},
                {5000, 10000, 10000}, {7500, 15000, 15000}, {10000, 20000, 20000}, {15000, 30000, 30000}};
        List<BlindLevel> out = new ArrayList<>();
        for (long[] b : blinds) {
            out.add(new BlindLevel(b[0], b[1], b[2], 10));
        }
        return List.copyOf(out);
    }

    /**
     * Stands in for the tournament facade on a node where none is wired: every command answers 503.
     * PokerServer uses it until the TournamentEntity's facade is wired in.
     */
    public static Tournaments unavailable() {
        ApiError down = new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "tournaments_unavailable",
                "Tournaments are not running on this server.", null);
        return new Tournaments() {
            @Override
            public CompletionStage<Result> execute(String tournamentId, TournamentCommand command) {
                return CompletableFuture.failedFuture(down);
            }

            @Override
            public CompletionStage<Result> register(String tournamentId, String userId) {
                return CompletableFuture.failedFuture(down);
            }

            @Override
            public CompletionStage<Result> unregister(String tournamentId, String userId) {
                return CompletableFuture.failedFuture(down);
            }
        };
    }
}
