package poker.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.StreamLimitReachedException;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.table.TableState;
import poker.domain.table.view.DeckView;
import poker.domain.table.view.EventView;
import poker.domain.table.view.TableView;
import poker.infra.EventFeeds;
import poker.infra.Metrics;
import poker.table.TableEntity;
import poker.table.TableFeeds;
import poker.table.TableHistory;
import poker.table.TableHistory.Moment;
import poker.user.User;
import poker.user.UserRepository;

/**
 * {@code GET /api/tables/{id}/live?token=&fromSeq=}: the live table socket. The first frame is the
 * caller's view of the table at a journal position (with {@code deck}: the hand's commitment, leaves,
 * the caller's openings and whether they verify); then one frame per journal event after it, in
 * journal order, so a reconnect with {@code fromSeq} gets exactly the events it missed — no gaps, no
 * duplicates. Events are pushed ({@link TableFeeds}): the socket subscribes to its table's feed first,
 * then reads the journal once from its starting point to now, then takes what is pushed, dropping what
 * it already sent and reading any gap from the journal before going on. Each frame is built for its
 * viewer: own hole cards only, legal actions only on their turn. The socket closes when its session
 * ends ({@link SessionRevocations}).
 */
public final class LiveTableRoutes extends ApiDirectives {

    private final ActorSystem<?> system;
    private final ClusterSharding sharding;

    private final TableHistory history;
    private final Duration askTimeout;
    private final EdgeLimits.LiveSocketLimits limits;
    private final LiveSockets sockets;
    private final EventFeeds<TableEvent, TableFeeds.Stored> feeds;
    private final SessionRevocations revocations;
    /** Spectators' event frames, shared by the sockets of this node (one per routes instance: one per node). */
    private final SpectatorFrames spectatorFrames = new SpectatorFrames(4096);

    public LiveTableRoutes(ActorSystem<?> system, UserRepository users, Executor blockingExecutor,
                           Duration askTimeout, EdgeLimits.LiveSocketLimits limits) {
        super(users, blockingExecutor);
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.history = new TableHistory(system);
        this.askTimeout = askTimeout;
        this.limits = limits;
        this.sockets = new LiveSockets(limits.maxSocketsPerUser());
        this.feeds = TableFeeds.get(system);
        this.revocations = SessionRevocations.get(system);
        revocations.publishLogoutsOf(users);
        Metrics.get(system).gauge("poker.live.sockets", "Live sockets open on this node", "kind", "table",
                sockets::live);
    }

    /**
     * The route for one table; the path is matched by {@link TableRoutes}. What costs nothing is checked
     * first: a request that is not a WebSocket upgrade (400) and a user at the socket cap (429) are
     * answered before the table is asked or its journal read.
     */
    public Route live(String tableId) {
        return get(() -> optionalAttribute(AttributeKeys.webSocketUpgrade, upgrade -> upgrade.isEmpty()
                ? complete(Json.error(ApiError.badRequest("websocket_expected",
                        "This address is a WebSocket: open it with an upgrade request.")))
                : parameterOptional("token", queryToken -> optionalHeaderValueByName("Authorization", header -> {
                    Optional<String> token = queryToken.or(() -> bearerToken(header));
                    if (token.isEmpty()) {
                        return complete(Json.error(ApiError.unauthorized("unauthorized",
                                "Open the socket with ?token=<token>.")));
                    }
                    return authenticatedWith(token.get(), user -> numberParam("fromSeq", 0, Long.MAX_VALUE, fromSeq -> {
                        if (sockets.atCap(user.id())) {
                            return complete(Json.error(tooManySockets()));
                        }
                        // every name the first frames show is known before any frame is built
                        Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
                        CompletionStage<Optional<Start>> named = startingPoint(tableId, fromSeq)
                                .thenCompose(start -> start.isEmpty() ? CompletableFuture.completedFuture(start)
                                        : displayNames(start.get().moment().state(), names).thenApply(done -> start));
                        return onComplete(named, start -> {
                            if (start.isFailure()) {
                                return complete(ErrorMapping.toResponse(start.failed().get()));
                            }
                            if (start.get().isEmpty()) {
                                return complete(Json.error(new ApiError(
                                        StatusCodes.NOT_FOUND,
                                        "table_not_found", "There is no table " + tableId + ".", null)));
                            }
                            Start at = start.get().get();
                            return open(upgrade.get(), user, flow(tableId, user, token.get(), at.moment(), at.head(),
                                    names));
                        });
                    }));
                }))));
    }

    private ApiError tooManySockets() {
        return new ApiError(StatusCodes.TOO_MANY_REQUESTS, "too_many_sockets",
                "You have " + limits.maxSocketsPerUser() + " live sockets open here already; close one first.", null);
    }

    /** The socket, if the user is under the cap ({@link LiveSockets#open}). */
    private Route open(WebSocketUpgrade upgrade, User user, Flow<Message, Message, NotUsed> flow) {
        return sockets.open(system, upgrade, user.id(), flow, () -> complete(Json.error(tooManySockets())));
    }

    /** Where a socket starts, and the table's journal position when it was asked ({@code head}). */
    private record Start(Moment moment, long head) {
    }

    /**
     * Where a socket starts: the table's current state, or the state after event {@code fromSeq} (at
     * least after its creation, event 1: there is no table view before it); empty for a table that
     * does not exist.
     */
    private CompletionStage<Optional<Start>> startingPoint(String tableId, Optional<Long> fromSeq) {
        return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Snapshot>ask(TableEntity.GetSnapshot::new, askTimeout)
                .thenCompose(now -> {
                    if (!now.state().created()) {
                        return CompletableFuture.completedFuture(Optional.empty());
                    }
                    if (fromSeq.isEmpty() || fromSeq.get() >= now.sequenceNr()) {
                        return CompletableFuture.completedFuture(Optional.of(
                                new Start(new Moment(now.state(), now.sequenceNr()), now.sequenceNr())));
                    }
                    return history.at(tableId, Math.max(1, fromSeq.get()))
                            .thenApply(moment -> Optional.of(new Start(moment, now.sequenceNr())));
                });
    }

    /**
     * The {@code moved} frame for a viewer whom the tournament director moved off this table (their
     * {@code ParticipantLeft} names the table they go to), after the event's own frame:
     * {@code {type:"moved", seq, tableId, toTable}} with the new table's id in both fields
     * ({@code toTable} as API.md names it). Everyone else only sees the leave.
     */
    static Optional<Map<String, Object>> moved(TableEvent event, String viewer, long seq) {
        if (event instanceof TableEvent.ParticipantLeft left && left.movedTo() != null
                && left.playerId().equals(viewer)) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", "moved");
            frame.put("seq", seq);
            frame.put("tableId", left.movedTo());
            frame.put("toTable", left.movedTo());
            return Optional.of(frame);
        }
        return Optional.empty();
    }

    /** What goes out: a frame, and whether the socket closes after it (an abusive client). */
    private record Out(String text, boolean closes) {
        static Out frame(Message message) {
            return new Out(message.asTextMessage().getStrictText(), false);
        }
    }

    private Flow<Message, Message, NotUsed> flow(String tableId, User user, String token, Moment start, long head,
                                                 Map<String, String> names) {
        String viewer = user.id();
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
        Source<Message, NotUsed> events = feeds.tail(tableId, start.sequenceNr(), head)
                .mapAsync(1, (EventFeeds.Numbered<TableEvent> env) -> {
                    TableEvent event = env.event();
                    TableState before = state[0];
                    state[0] = before.apply(event);
                    TableState after = state[0];
                    return displayNames(after, names).thenApply(done -> {
                        if (TableView.seesAsSpectator(before, viewer) && TableView.seesAsSpectator(after, viewer)) {
                            // as any spectator sees it: built once for all of them (no moved frame: not a player)
                            return List.of((Message) TextMessage.create(spectatorFrames.get(tableId, env.seq(),
                                    () -> write(frame("event", env.seq(), EventView.of(event, null, before),
                                            TableView.of(after, null, names))))));
                        }
                        Message frame = text(frame("event", env.seq(), EventView.of(event, viewer, before),
                                TableView.of(after, viewer, names)));
                        return moved(event, viewer, env.seq())
                                .map(to -> List.of(frame, (Message) text(to)))
                                .orElseGet(() -> List.of(frame));
                    });
                })
                .mapConcat(frames -> frames);
        Source<Out, NotUsed> whileTokenWorks = revocations.whileSessionLives(users, token, blockingExecutor);
        // one window per socket: more than max-messages-per-second in any second closes it
        RateLimiter pace = new RateLimiter(limits.maxMessagesPerSecond(), Duration.ofSeconds(1), Clock.systemUTC());
        Flow<Message, Out, NotUsed> replies = Flow.<Message>create()
                .mapAsync(1, message -> pace.tryAcquire("socket").isPresent()
                        ? CompletableFuture.completedFuture(Optional.of(closing(message, "too_many_messages",
                                "More than " + limits.maxMessagesPerSecond() + " messages in a second.")))
                        : handleClientFrame(tableId, viewer, message))
                .filter(Optional::isPresent)
                .map(Optional::get);
        return replies
                .merge(snapshot.concat(events).map(Out::frame), true)
                .merge(whileTokenWorks, true)
                .takeWhile(out -> !out.closes(), true)
                .map(out -> (Message) TextMessage.create(out.text()));
    }

    /**
     * An abusive client's last frame: an error naming why, after which the server closes the socket.
     * pekko-http 1.3 gives a server no way to choose the close code (RFC 6455's 1008/1009): completing
     * the stream sends 1000, failing it sends 1011 "internal error"; so the error frame carries the
     * reason and the close is a normal one. The rest of the offending message is discarded unread.
     */
    private Out closing(Message message, String code, String text) {
        discard(message);
        return new Out(error(code, text + " The socket closes.", null), true);
    }

    private void discard(Message message) {
        Source<?, ?> parts = message.isText() ? message.asTextMessage().getStreamedText()
                : message.asBinaryMessage().getStreamedData();
        parts.runWith(Sink.cancelled(), Materializer.matFromSystem(system));
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

    /**
     * Reads one client message, at most {@code max-message-size} UTF-8 bytes arriving within
     * {@code message-timeout} (else the socket closes), and answers it: a pong, an error frame, or
     * nothing when an action was accepted (its event frame follows).
     */
    private CompletionStage<Optional<Out>> handleClientFrame(String tableId, String viewer, Message message) {
        Materializer materializer = Materializer.matFromSystem(system);
        if (!message.isText()) {
            return message.asBinaryMessage().getStreamedData()
                    .limitWeighted(limits.maxMessageBytes(), bytes -> (long) bytes.size())
                    .completionTimeout(limits.messageTimeout())
                    .runWith(Sink.ignore(), materializer)
                    .handle((done, failure) -> Optional.of(failure == null
                            ? new Out(error("invalid_frame", "Frames are JSON text.", null), false)
                            : unreadable(failure)));
        }
        CompletionStage<String> read = message.asTextMessage().getStreamedText()
                .limitWeighted(limits.maxMessageBytes(), LiveTableRoutes::utf8Length)
                .completionTimeout(limits.messageTimeout())
                .runFold(new StringBuilder(), StringBuilder::append, materializer)
                .thenApply(StringBuilder::toString);
        return read.handle((text, failure) -> failure == null ? answer(tableId, viewer, text)
                        : CompletableFuture.completedFuture(Optional.of(unreadable(failure))))
                .thenCompose(answer -> answer);
    }

    /** A message that was too big or too slow closes the socket. */
    private Out unreadable(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof StreamLimitReachedException) {
            return new Out(error("message_too_big", "A message may be at most " + limits.maxMessageBytes()
                    + " bytes. The socket closes.", null), true);
        }
        if (t instanceof TimeoutException) {
            return new Out(error("message_timeout", "A message must arrive whole within "
                    + limits.messageTimeout().toSeconds() + " s. The socket closes.", null), true);
        }
        return new Out(error("invalid_frame", "The message could not be read. The socket closes.", null), true);
    }

    /** UTF-8 length of a piece of text, without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a surrogate is half of a 4-byte character
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private CompletionStage<Optional<Out>> answer(String tableId, String viewer, String text) {
        TableCommand command;
        try {
            Fields frame = Json.object(text);
            String type = frame.requireString("type", 1, 16);
            if (type.equals("ping")) {
                return CompletableFuture.completedFuture(Optional.of(new Out("{\"type\":\"pong\"}", false)));
            }
            if (!type.equals("action")) {
                throw ApiError.invalidField("type", "type must be action or ping.");
            }
            command = TableRoutes.action(viewer, frame);
        } catch (ApiError e) {
            return CompletableFuture.completedFuture(Optional.of(refusal(e)));
        }
        return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                .<TableEntity.Reply>ask(r -> new TableEntity.Execute(command, r), askTimeout)
                .handle((reply, failure) -> {
                    // mapped as the REST call's answer is: the same codes, and unexpected failures logged
                    if (failure != null) {
                        return Optional.of(refusal(ErrorMapping.toError(failure)));
                    }
                    if (reply instanceof TableEntity.Rejected rejected) {
                        return Optional.of(refusal(ErrorMapping.fromRejection(rejected.rejection())));
                    }
                    return Optional.<Out>empty();
                });
    }

    /** An {@code error} frame for a refused client frame; the socket stays open. */
    private static Out refusal(ApiError e) {
        return new Out(error(e.code(), e.getMessage(), e.field()), false);
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
