package poker.http;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import poker.domain.history.HistoryContext;
import poker.domain.history.PokerStarsHistory;
import poker.domain.table.TableState;
import poker.domain.table.view.CompletedHandView;
import poker.domain.table.view.TableView;
import poker.readside.HandQueries;
import poker.readside.HandQueries.CompletedHand;
import poker.readside.TableQueries;
import poker.table.TableHistory;
import poker.user.User;
import poker.user.UserRepository;

/**
 * Completed hands ({@code /hands}, {@code /hands/{n}}, {@code /hands/{n}/history.txt}) and the
 * moderators' replay ({@code /replay?at=}). A completed hand shows the cards that were shown, the
 * caller's own, and the deck openings of those cards; never another player's unshown hole cards
 * (moderators and admins get all openings of an ended hand, for review).
 */
public final class HandRoutes extends ApiDirectives {

    /** The most hands one {@code /hands} answer lists (and its default page size). */
    static final int MAX_PAGE = 100;

    private final HandQueries hands;
    private final TableQueries tables;
    private final TableHistory history;

    public HandRoutes(ActorSystem<?> system, UserRepository users, Executor blockingExecutor, HandQueries hands,
                      TableQueries tables) {
        super(users, blockingExecutor);
        this.hands = hands;
        this.tables = tables;
        this.history = new TableHistory(system);
    }

    /** Routes below /api/tables/{id}. */
    public Route routes(String tableId) {
        return concat(
                pathPrefix("hands", () -> concat(
                        pathEnd(() -> get(() -> numberParam("limit", 1, MAX_PAGE, limit ->
                                numberParam("before", 1, Long.MAX_VALUE, before -> list(tableId, limit, before))))),
                        pathPrefix(PathMatchers.longSegment(), n -> concat(
                                pathEnd(() -> get(() -> optionalUser(user -> hand(tableId, n, user)))),
                                path("history.txt", () -> get(() -> optionalUser(user -> text(tableId, n, user)))))))),
                path("replay", () -> get(() -> authenticated(user -> numberParam("at", 1, Long.MAX_VALUE, at ->
                        replay(tableId, user, at))))));
    }

    /**
     * A page of completed hands, newest first: {@code limit} 1..100 (default 100), {@code before} a hand
     * number (only older hands). The body stays a JSON array; a {@code Link: <...>; rel="next"} header
     * names the next page when there is one.
     */
    private Route list(String tableId, Optional<Long> limitParam, Optional<Long> before) {
        int limit = limitParam.orElse((long) MAX_PAGE).intValue();
        return respond(blocking(() -> {
            if (tables.table(tableId).isEmpty()) {
                return Json.error(new ApiError(StatusCodes.NOT_FOUND, "table_not_found",
                        "There is no table " + tableId + ".", null));
            }
            HandQueries.HandPage page = hands.list(tableId, before.orElse(null), limit);
            return paged(page.hands(), page.nextBefore() == null ? null
                    : "/api/tables/" + tableId + "/hands?before=" + page.nextBefore() + "&limit=" + limit);
        }));
    }

    private Route hand(String tableId, long n, Optional<User> user) {
        return respond(blocking(() -> hands.get(tableId, n)
                .map(h -> Json.ok(CompletedHandView.of(tableId, h.startedAt(), h.endedAt(), h.events(),
                        h.deckSecret(), user.map(User::id).orElse(null), user.map(User::isModerator).orElse(false))
                        .withHandId(h.handId())))
                .orElseGet(() -> notFound(n))));
    }

    private Route text(String tableId, long n, Optional<User> user) {
        return respond(blocking(() -> {
            Optional<CompletedHand> hand = hands.get(tableId, n);
            return hand.isEmpty() ? notFound(n) : text(tableId, hand.get(), viewerSeat(hand.get(), user));
        }));
    }

    private static HttpResponse notFound(long handNumber) {
        return Json.error(new ApiError(StatusCodes.NOT_FOUND, "hand_not_found",
                "There is no completed hand " + handNumber + " at this table.", null));
    }

    private static Integer viewerSeat(CompletedHand hand, Optional<User> user) {
        return user.flatMap(u -> hand.players().entrySet().stream()
                .filter(e -> e.getValue().equals(u.id())).map(Map.Entry::getKey).findFirst()).orElse(null);
    }

    private HttpResponse text(String tableId, CompletedHand hand, Integer viewerSeat) throws Exception {
        Map<String, String> names = users.displayNames(new HashSet<>(hand.players().values()));
        Map<Integer, String> seatNames = new LinkedHashMap<>();
        hand.players().forEach((seat, player) -> seatNames.put(seat, names.getOrDefault(player, player)));
        var table = tables.table(tableId);
        // trackers identify hands by number: the platform-wide id, not the table's own count
        String text = PokerStarsHistory.format(new HistoryContext(hand.historyNumber(),
                table.map(TableQueries.TableInfo::name).orElse(tableId),
                table.map(TableQueries.TableInfo::maxSeats).orElse(hand.players().size()),
                hand.startedAt(), seatNames), hand.events(), viewerSeat);
        return HttpResponse.create().withStatus(StatusCodes.OK)
                .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, text));
    }

    /** The table after event {@code at}, rebuilt from the journal; hidden cards of a live hand withheld. */
    private Route replay(String tableId, User user, Optional<Long> at) {
        if (!user.isModerator()) {
            return complete(Json.error(ApiError.forbidden("Only moderators and admins may replay a table.")));
        }
        if (at.isEmpty()) {
            return complete(Json.error(ApiError.invalidField("at", "at is required: a journal position, 1 or more.")));
        }
        return respond(history.at(tableId, at.get())
                .thenApply(moment -> {
                    TableState state = moment.state();
                    if (!state.created()) {
                        return Json.error(new ApiError(StatusCodes.NOT_FOUND, "table_not_found",
                                "There is no table " + tableId + ".", null));
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("seq", moment.sequenceNr());
                    out.put("table", TableView.of(state, null));
                    return Json.ok(out);
                }));
    }
}
