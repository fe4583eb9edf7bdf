package poker.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.table.TableState;
import poker.domain.table.view.DeckView;
import poker.domain.table.view.EventView;
import poker.domain.table.view.TableView;
import poker.table.TableEntity;
import poker.table.TableHistory;
import poker.table.TableHistory.Moment;
import poker.user.User;
import poker.user.UserRepository;

/**
 * {@code GET /api/tables/{id}/live?token=&fromSeq=}: the live table socket. The first frame is the
 * caller's view of the table at a journal position (with {@code deck}: the hand's commitment, leaves,
 * the caller's openings and whether they verify); then one frame per journal event after it, read
 * from the journal itself ({@code eventsByPersistenceId}), so a reconnect with {@code fromSeq}
 * gets exactly the events it missed — no gaps, no duplicates. Each frame is built for its viewer:
 * own hole cards only, legal actions only on their turn. The socket closes when the token stops
 * working.
 */
public final class LiveTableRoutes extends ApiDirectives {

    private static final Duration TOKEN_CHECK = Duration.ofSeconds(2);

    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final TableHistory history;
    private final Duration askTimeout;

    public LiveTableRoutes(ActorSystem<?> system, UserRepository users, Executor blockingExecutor,
                           Duration askTimeout) {
        super(users, blockingExecutor);
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.history = new TableHistory(system);
        this.askTimeout = askTimeout;
    }

    /** The route for one table; the path is matched by {@link TableRoutes}. */
    public Route live(String tableId) {
        return get(() -> parameterOptional("token", queryToken -> optionalHeaderValueByName("Authorization",
                header -> {
                    Optional<String> token = queryToken.or(() -> bearerToken(header));
                    if (token.isEmpty()) {
                        return complete(Json.error(ApiError.unauthorized("unauthorized",
                                "Open the socket with ?token=<token>.")));
                    }
                    return authenticatedWith(token.get(), user -> parameterOptional("fromSeq", from -> {
                        Optional<Long> fromSeq;
                        try {
                            fromSeq = from.map(Long::parseLong);
                            if (fromSeq.isPresent() && fromSeq.get() < 0) {
                                throw new NumberFormatException();
                            }
                        } catch (NumberFormatException e) {
                            return complete(Json.error(ApiError.invalidField("fromSeq",
                                    "fromSeq must be a whole number, 0 or more.")));
                        }
                        return onComplete(startingPoint(tableId, fromSeq), start -> {
                            if (start.isFailure()) {
                                return complete(ErrorMapping.toResponse(start.failed().get()));
                            }
                            if (!start.get().state().created()) {
                                return complete(Json.error(new ApiError(
                                        StatusCodes.NOT_FOUND,
                                        "table_not_found", "There is no table " + tableId + ".", null)));
                            }
                            return handleWebSocketMessages(flow(tableId, user, token.get(), start.get()));
                        });
                    }));
                })));
    }

    /** Where a socket starts: the table's current state, or the state after event {@code fromSeq}. */
    private CompletionStage<Moment> startingPoint(String tableId, Optional<Long> fromSeq) {
        return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Snapshot>ask(TableEntity.GetSnapshot::new, askTimeout)
                .thenCompose(now -> {
                    if (fromSeq.isEmpty() || fromSeq.get() >= now.sequenceNr() || !now.state().created()) {
                        return CompletableFuture.completedFuture(new Moment(now.state(), now.sequenceNr()));
                    }
                    return history.at(tableId, fromSeq.get());
                });
    }

    private Flow<Message, Message, NotUsed> flow(String tableId, User user, String token, Moment start) {
        String viewer = user.id();
        Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        Source<Message, NotUsed> snapshot = Source.lazyCompletionStage(() -> displayNames(start.state(), names)
                        .thenApply(done -> {
                            Map<String, Object> frame = frame("snapshot", start.sequenceNr(), null,
                                    TableView.of(start.state(), viewer, names));
                            // the hand's leaves and this viewer's openings, so a client joining mid-hand can verify
                            frame.put("deck", DeckView.of(start.state(), viewer));
                            return (Message) text(frame);
                        }))
                .mapMaterializedValue(m -> NotUsed.getInstance());
        TableState[] state = {start.state()};
        Source<Message, NotUsed> events = history.after(tableId, start.sequenceNr())
                .mapAsync(1, (EventEnvelope env) -> {
                    TableEvent event = (TableEvent) env.event();
                    TableState before = state[0];
                    state[0] = before.apply(event);
                    CompletionStage<Void> named = event instanceof TableEvent.ParticipantJoined
                            ? displayNames(state[0], names) : CompletableFuture.completedFuture(null);
                    return named.thenApply(done -> (Message) text(frame("event", env.sequenceNr(),
                            EventView.of(event, viewer, before), TableView.of(state[0], viewer, names))));
                });
        Source<Message, NotUsed> whileTokenWorks = Source.tick(TOKEN_CHECK, TOKEN_CHECK, "check")
                .mapAsync(1, tick -> blocking(() -> users.authenticate(token)))
                .takeWhile(Optional::isPresent)
                .filter(stillValid -> false)
                .map(never -> (Message) TextMessage.create(""))
                .mapMaterializedValue(m -> NotUsed.getInstance());
        Flow<Message, Message, NotUsed> replies = Flow.<Message>create()
                .mapAsync(1, message -> handleClientFrame(tableId, viewer, message))
                .filter(Optional::isPresent)
                .map(reply -> (Message) TextMessage.create(reply.get()));
        return replies
                .merge(snapshot.concat(events), true)
                .merge(whileTokenWorks, true);
    }

    /** Adds the display names of seated players not yet known to {@code names}. */
    private CompletionStage<Void> displayNames(TableState state, Map<String, String> names) {
        List<String> unknown = state.participants().stream().map(p -> p.playerId())
                .filter(id -> !names.containsKey(id)).toList();
        if (unknown.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return blocking(() -> users.displayNames(unknown)).thenAccept(names::putAll);
    }

    private CompletionStage<Optional<String>> handleClientFrame(String tableId, String viewer, Message message) {
        if (!message.isText()) {
            message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), Materializer.matFromSystem(system));
            return CompletableFuture.completedFuture(Optional.of(error("invalid_frame", "Frames are JSON text.",
                    null)));
        }
        return message.asTextMessage().getStreamedText()
                .runFold(new StringBuilder(), StringBuilder::append, system)
                .thenCompose(text -> {
                    TableCommand command;
                    try {
                        Fields frame = Json.object(text.toString());
                        String type = frame.requireString("type", 1, 16);
                        if (type.equals("ping")) {
                            return CompletableFuture.completedFuture(Optional.of("{\"type\":\"pong\"}"));
                        }
                        if (!type.equals("action")) {
                            throw ApiError.invalidField("type", "type must be action or ping.");
                        }
                        command = TableRoutes.action(viewer, frame);
                    } catch (ApiError e) {
                        return CompletableFuture.completedFuture(Optional.of(error(e.code(), e.getMessage(),
                                e.field())));
                    }
                    return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                            .<TableEntity.Reply>ask(r -> new TableEntity.Execute(command, r), askTimeout)
                            .handle((reply, failure) -> {
                                if (failure != null) {
                                    return Optional.of(error("store_unavailable",
                                            "The table did not answer; try again.", null));
                                }
                                if (reply instanceof TableEntity.Rejected rejected) {
                                    return Optional.of(error(rejected.rejection().code(),
                                            rejected.rejection().message(), rejected.rejection().field()));
                                }
                                return Optional.<String>empty();
                            });
                });
    }

    private static Map<String, Object> frame(String type, long seq, Object event, Object table) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("seq", seq);
        if (event != null) {
            frame.put("event", event);
        }
        frame.put("table", table);
        return frame;
    }

    private static String error(String code, String message, String field) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("error", code);
        frame.put("message", message);
        if (field != null) {
            frame.put("field", field);
        }
        return write(frame);
    }

    private static TextMessage text(Map<String, Object> frame) {
        return TextMessage.create(write(frame));
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frame not serializable", e);
        }
    }
}
