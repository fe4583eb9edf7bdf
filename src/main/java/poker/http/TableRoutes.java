package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.pattern.AskTimeoutException;
import poker.domain.holdem.ActionType;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.readside.HandQueries;
import poker.readside.TableQueries;
import poker.table.TableEntity;
import poker.user.User;
import poker.user.UserRepository;
import poker.wallet.BuyInSaga;
import poker.wallet.WalletEntity;
import poker.wallet.Wallets;

/**
 * /api/tables: create, lobby, table info, join (buy-in saga), leave (cash-out), participants, stats,
 * actions, sit-out/sit-in; the live socket and completed hands are in {@link LiveTableRoutes} and
 * {@link HandRoutes}.
 */
public final class TableRoutes extends ApiDirectives {

    static final long MAX_CHIPS = 1_000_000_000_000L;
    private static final Map<String, ActionType> ACTIONS = Map.of("fold", ActionType.FOLD, "check",
            ActionType.CHECK, "call", ActionType.CALL, "bet", ActionType.BET, "raise", ActionType.RAISE, "all_in",
            ActionType.ALL_IN);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ClusterSharding sharding;
    private final LiveTableRoutes live;
    private final HandRoutes hands;
    private final TableQueries queries;
    private final Wallets wallets;
    private final Consistency consistency;
    private final Duration askTimeout;
    private final Clock clock;
    private final EdgeLimits limits;

    public TableRoutes(ActorSystem<?> system, UserRepository users, TableQueries queries, HandQueries hands,
                       Wallets wallets, Consistency consistency, Executor blockingExecutor, Duration askTimeout,
                       Clock clock, EdgeLimits limits) {
        super(users, blockingExecutor);
        this.limits = limits;
        this.live = new LiveTableRoutes(system, users, blockingExecutor, askTimeout, limits.live());
        this.hands = new HandRoutes(system, users, blockingExecutor, hands, queries);
        this.sharding = ClusterSharding.get(system);
        this.queries = queries;
        this.wallets = wallets;
        this.consistency = consistency;
        this.askTimeout = askTimeout;
        this.clock = clock;
    }

    public Route routes() {
        return pathPrefix("tables", () -> concat(
                pathEnd(() -> concat(
                        get(this::lobby),
                        post(() -> authenticated(user -> strongParam(strong ->
                                jsonBody(body -> create(user, body, strong))))))),
                pathPrefix(segment(), rawId -> tableId(rawId, this::tableRoutes))));
    }

    private Route tableRoutes(String tableId) {
        return concat(
                pathEnd(() -> get(() -> respond(blocking(() -> found(queries.table(tableId), "table"))))),
                path("participants", () -> concat(
                        get(() -> respond(blocking(() -> found(queries.participants(tableId), "table")))),
                        post(() -> authenticated(user -> strongParam(strong ->
                                jsonBody(body -> join(user, tableId, body, strong))))))),
                path(segment("participants").slash("me"), () ->
                        delete(() -> authenticated(user -> strongParam(strong -> leave(user, tableId, strong))))),
                path("stats", () ->
                        get(() -> respond(blocking(() -> found(queries.stats(tableId), "table"))))),
                path("actions", () -> post(() -> authenticated(user -> strongParam(strong ->
                        jsonBody(body -> act(user, tableId, body, strong)))))),
                path("sit-out", () -> post(() -> authenticated(user -> strongParam(strong ->
                        simple(tableId, new TableCommand.SitOut(user.id()), strong))))),
                path("sit-in", () -> post(() -> authenticated(user -> strongParam(strong ->
                        optionalJsonBody(body -> sitIn(user, tableId, body, strong)))))),
                path("close", () -> post(() -> admin(admin -> strongParam(strong ->
                        optionalJsonBody(body -> close(tableId, body, strong)))))),
                path("live", () -> live.live(tableId)),
                hands.routes(tableId));
    }

    static final int LOBBY_PAGE_DEFAULT = 100;
    static final int LOBBY_PAGE_MAX = 200;

    /**
     * The lobby, one page at a time in creation order: {@code ?limit=} (1..200, default 100) and
     * {@code ?after=<tableId>} (the last table of the previous page). The body stays the JSON array of
     * API.md; a {@code Link: <...>; rel="next"} header names the next page when there is one.
     */
    private Route lobby() {
        return numberParam("limit", 1, LOBBY_PAGE_MAX, limit -> parameterOptional("after", afterParam -> {
            if (afterParam.isPresent() && !isUuid(afterParam.get())) {
                return complete(Json.error(ApiError.invalidField("after", "after must be a table id.")));
            }
            int pageSize = limit.orElse((long) LOBBY_PAGE_DEFAULT).intValue();
            Optional<String> after = afterParam.map(String::toLowerCase);
            return respond(blocking(() -> queries.lobby(pageSize + 1, after)
                    .map(rows -> {
                        List<TableQueries.LobbyEntry> tables = rows.subList(0, Math.min(pageSize, rows.size()));
                        return paged(tables, rows.size() <= pageSize ? null
                                : "/api/tables?limit=" + pageSize + "&after=" + tables.get(tables.size() - 1).tableId());
                    })
                    .orElseGet(() -> Json.error(ApiError.invalidField("after", "after must be a table of the lobby.")))));
        }));
    }

    /**
     * Checks a player's creation quotas (admins are exempt): at most {@code empty-tables-per-user} of
     * their tables with nobody seated (409, read from the lobby, so eventually consistent), and at most
     * {@code tables-per-user} creations in {@code table-window} (429 with Retry-After, in memory).
     */
    private Route withinTableQuota(User user, Supplier<Route> inner) {
        if (user.isAdmin()) {
            return inner.get();
        }
        return onComplete(blocking(() -> queries.emptyTablesCreatedBy(user.id())), empty -> {
            if (empty.isFailure()) {
                return complete(ErrorMapping.toResponse(empty.failed().get()));
            }
            int maxEmpty = limits.emptyTablesPerUser();
            if (maxEmpty > 0 && empty.get() >= maxEmpty) {
                return complete(Json.error(ApiError.conflict("table_quota_exceeded", "You already have " + empty.get()
                        + " tables nobody sits at; use one of them or wait until players join.")));
            }
            Optional<Duration> wait = limits.tablesPerUser().tryAcquire(user.id());
            if (wait.isPresent()) {
                return complete(Json.error(ApiError.tooManyRequests("table_quota_exceeded",
                        "You created the most tables allowed for now; try again later.", wait.get())));
            }
            return inner.get();
        });
    }

    private Route create(User user, Fields body, boolean strong) {
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
        TableSettings terms = settings;
        return withinTableQuota(user, () -> respond(execute(tableId,
                new TableCommand.CreateTable(tableId, terms, user.id(), clock.instant()),
                accepted -> consistency.reply(strong, new Consistency.Written().table(tableId, accepted.sequenceNr()),
                        StatusCodes.CREATED, Map.of("tableId", tableId)))));
    }

    /**
     * Buy-in saga: the wallet is debited, then the seat taken; a refused seat is refunded. {@code
     * waitForBigBlind} (default true) waits for the big blind; false posts one at the next hand (rule 12).
     */
    /** A join whose buy-in saga did not finish within poker.wallet.buy-in-timeout (503; the saga goes on). */
    static final String BUY_IN_PENDING = "buy_in_pending";

    private Route join(User user, String tableId, Fields body, boolean strong) {
        long buyIn;
        Optional<Integer> seat;
        boolean waitForBigBlind;
        try {
            buyIn = body.requireLong("buyIn", 1, MAX_CHIPS);
            seat = body.optionalInt("seatNumber", 1, 10);
            waitForBigBlind = body.optionalBoolean("waitForBigBlind").orElse(true);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        String buyInId = UUID.randomUUID().toString();
        // a tournament's table seats only through its director: refused before any wallet step (the
        // saga would debit, be refused by the table and refund); the terms of a table never change
        CompletionStage<Optional<HttpResponse>> tournamentTable = sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<poker.domain.table.TableState>ask(TableEntity.GetState::new, askTimeout)
                .thenApply(state -> state.tournament()
                        ? Optional.of(Json.error(ApiError.conflict(TableDecider.TOURNAMENT_TABLE,
                                "This is a tournament table: register for the tournament instead.")))
                        : Optional.empty());
        return respond(tournamentTable.thenCompose(refused -> refused.isPresent()
                ? CompletableFuture.completedFuture(refused.get())
                : buyIn(user, tableId, buyInId, buyIn, seat, waitForBigBlind, strong)));
    }

    private CompletionStage<HttpResponse> buyIn(User user, String tableId, String buyInId, long buyIn,
                                                Optional<Integer> seat, boolean waitForBigBlind, boolean strong) {
        CompletionStage<BuyInSaga.Outcome> saga = wallets.buyIn(buyInId, user.id(), tableId, buyIn, seat.orElse(null),
                        waitForBigBlind)
                .exceptionally(failure -> {
                    if (ErrorMapping.unwrap(failure) instanceof AskTimeoutException) {
                        // the saga outlived the wait but goes on: it seats the player or refunds them
                        throw new ApiError(StatusCodes.SERVICE_UNAVAILABLE, BUY_IN_PENDING, "Your buy-in "
                                + buyInId + " is still going through: it will seat you or refund you. Look at the"
                                + " table's participants and your wallet before trying again.", null)
                                .withRetryAfter(Duration.ofSeconds(2));
                    }
                    throw new CompletionException(failure);
                });
        return saga.thenCompose(outcome -> {
            if (outcome instanceof BuyInSaga.Refused refused) {
                // a refund changed the wallet: a strong caller's next wallet read must show it
                return consistency.settle(strong, new Consistency.Written().wallet(user.id(), refused.walletSequenceNr()))
                        .thenApply(caughtUp -> Json.error(ErrorMapping.fromRejection(refused.rejection())));
            }
            BuyInSaga.Seated seated = (BuyInSaga.Seated) outcome;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("participantId", seated.participantId());
            out.put("seatNumber", seated.seatNumber());
            out.put("chips", seated.chips());
            return consistency.reply(strong, new Consistency.Written()
                    .table(tableId, seated.tableSequenceNr())
                    .wallet(user.id(), seated.walletSequenceNr()), StatusCodes.CREATED, out);
        });
    }

    /**
     * Back from sitting out; the body is optional: {@code {waitForBigBlind}} (default true) for a player
     * who missed blinds: wait for the big blind, or post them at the next hand (rule 12).
     */
    private Route sitIn(User user, String tableId, Fields body, boolean strong) {
        boolean waitForBigBlind;
        try {
            waitForBigBlind = body.optionalBoolean("waitForBigBlind").orElse(true);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        return simple(tableId, new TableCommand.SitIn(user.id(), waitForBigBlind), strong);
    }

    /** A betting action: {@code {handNumber, action, amount?}}; for bet and raise the amount is the street total. */
    private Route act(User user, String tableId, Fields body, boolean strong) {
        TableCommand command;
        try {
            command = action(user.id(), body);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        return respond(execute(tableId, command, accepted -> consistency.reply(strong,
                new Consistency.Written().table(tableId, accepted.sequenceNr()), StatusCodes.OK,
                Map.of("seq", accepted.sequenceNr()))));
    }

    /** Reads {@code {handNumber, action, amount?}} (HTTP body or socket frame) into the player's command. */
    static TableCommand action(String playerId, Fields body) {
        long handNumber = body.requireLong("handNumber", 1, Long.MAX_VALUE);
        String name = body.requireString("action", 1, 16);
        ActionType action = ACTIONS.get(name);
        if (action == null) {
            throw ApiError.invalidField("action", "action must be one of fold, check, call, bet, raise, all_in.");
        }
        Optional<Long> amount = body.optionalLong("amount", 0, MAX_CHIPS);
        if ((action == ActionType.BET || action == ActionType.RAISE) && amount.isEmpty()) {
            throw ApiError.invalidField("amount", "amount (the total bet) is required for " + name + ".");
        }
        return new TableCommand.Act(playerId, handNumber, action, amount.orElse(0L));
    }

    private Route simple(String tableId, TableCommand command, boolean strong) {
        return respond(execute(tableId, command, accepted -> consistency.reply(strong,
                new Consistency.Written().table(tableId, accepted.sequenceNr()), StatusCodes.OK,
                Map.of("seq", accepted.sequenceNr()))));
    }

    /**
     * An admin closes a cash table nobody sits at (409 {@code table_not_empty} otherwise): it refuses
     * joins from then on, shows as closed in the lobby, and its final snapshot lets the archive take all
     * of its events (the README, "Archiving").
     */
    private Route close(String tableId, Fields body, boolean strong) {
        String reason;
        try {
            reason = body.optionalString("reason", 1, 200).map(String::strip).orElse("closed by an admin");
            Fields.requirePlainText("reason", reason);
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        return simple(tableId, new TableCommand.CloseTable(reason), strong);
    }

    /**
     * Leaves the table, then credits the stack to the wallet (a process guarantees it if this step
     * fails). A player dealt into the hand in play is folded and leaves when it ends: the answer then
     * says {@code "afterHand": true} with {@code chipsReturned} null, and the cash-out follows the hand.
     */
    private Route leave(User user, String tableId, boolean strong) {
        return respond(execute(tableId, new TableCommand.LeaveTable(user.id()), accepted -> {
            Optional<TableEvent.ParticipantLeft> gone = accepted.events().stream()
                    .filter(e -> e instanceof TableEvent.ParticipantLeft l && l.playerId().equals(user.id()))
                    .map(e -> (TableEvent.ParticipantLeft) e)
                    .findFirst();
            Consistency.Written written = new Consistency.Written().table(tableId, accepted.sequenceNr());
            if (gone.isEmpty()) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("chipsReturned", null);
                out.put("afterHand", true);
                return consistency.reply(strong, written, StatusCodes.OK, out);
            }
            TableEvent.ParticipantLeft left = gone.get();
            Map<String, Object> out = Map.of("chipsReturned", left.chipsReturned());
            return wallets.cashOut(user.id(), left.participantId(), tableId, left.chipsReturned())
                    .handle((reply, failure) -> reply instanceof WalletEntity.Accepted credited
                            ? written.wallet(user.id(), credited.sequenceNr())
                            : written.incomplete())
                    .thenCompose(w -> consistency.reply(strong, w, StatusCodes.OK, out));
        }));
    }

    /** Asks the table entity; a rejection becomes its mapped error, stored events go to {@code onAccepted}. */
    private CompletionStage<HttpResponse> execute(String tableId, TableCommand command,
                                                  Function<TableEntity.Accepted, CompletionStage<HttpResponse>> onAccepted) {
        return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Reply>ask(replyTo -> new TableEntity.Execute(command, replyTo), askTimeout)
                .thenCompose(reply -> {
                    if (reply instanceof TableEntity.Accepted accepted) {
                        return onAccepted.apply(accepted);
                    }
                    return CompletableFuture.completedFuture(
                            Json.error(ErrorMapping.fromRejection(((TableEntity.Rejected) reply).rejection())));
                });
    }

    static boolean isUuid(String text) {
        return UUID_TEXT.matcher(text).matches();
    }

    private Route tableId(String raw, Function<String, Route> inner) {
        if (!isUuid(raw)) {
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
