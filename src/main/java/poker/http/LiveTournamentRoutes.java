package poker.http;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
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
import poker.domain.tournament.TournamentEvent;
import poker.infra.EventArchive;
import poker.infra.EventFeeds;
import poker.infra.Metrics;
import poker.readside.TournamentProjections;
import poker.readside.TournamentView;
import poker.tournament.TournamentFeeds;
import poker.user.User;
import poker.user.UserRepository;

/**
 * {@code GET /api/tournaments/{id}/live?token=&fromSeq=}: the tournament's live socket. The first
 * frame is {@code snapshot {seq, tournament, you}}: the tournament as GET /api/tournaments/{id} shows
 * it and the caller's entry (as GET .../me, null without one), at journal position {@code seq}, folded
 * from the journal itself; then {@code event {seq, event, tournament, you}} for every journal event
 * after it, so a reconnect with {@code fromSeq} gets exactly the events
 * it missed. Tournament events hold no hidden information; wallet transaction ids are left out. The
 * client may send {@code {"type":"ping"}}; the limits are the live table socket's ({@code poker.live}).
 * Events are pushed ({@link TournamentFeeds}, as for tables: the journal is read to catch up and to fill
 * a gap). The socket closes when its session ends ({@link SessionRevocations}).
 */
public final class LiveTournamentRoutes extends ApiDirectives {

    private final ActorSystem<?> system;
    private final EdgeLimits.LiveSocketLimits limits;
    private final LiveSockets sockets;
    private final SessionRevocations revocations;
    private final EventFeeds<TournamentEvent, TournamentFeeds.Stored> feeds;

    public LiveTournamentRoutes(ActorSystem<?> system, UserRepository users, Executor blockingExecutor,
                                EdgeLimits.LiveSocketLimits limits) {
        super(users, blockingExecutor);
        this.system = system;
        this.limits = limits;
        this.sockets = new LiveSockets(limits.maxSocketsPerUser());
        this.revocations = SessionRevocations.get(system);
        this.feeds = TournamentFeeds.get(system);
        revocations.publishLogoutsOf(users);
        Metrics.get(system).gauge("poker.live.sockets", "Live sockets open on this node", "kind", "tournament",
                sockets::live);
    }

    /** A tournament at a journal position. */
    private record Moment(TournamentView view, long sequenceNr) {
    }

    /**
     * The route for one tournament (the path is matched by {@link TournamentRoutes}). What costs nothing
     * is checked first: not an upgrade (400), no or bad token (401), at the socket cap (429); then the
     * journal is read.
     */
    public Route live(String tournamentId) {
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
                        return onComplete(startingPoint(tournamentId, fromSeq), start -> {
                            if (start.isFailure()) {
                                return complete(ErrorMapping.toResponse(start.failed().get()));
                            }
                            if (!start.get().view().created()) {
                                return complete(Json.error(TournamentRoutes.notFound(tournamentId)));
                            }
                            return open(upgrade.get(), user, flow(tournamentId, user, token.get(), start.get()));
                        });
                    }));
                }))));
    }

    private ApiError tooManySockets() {
        return new ApiError(StatusCodes.TOO_MANY_REQUESTS, "too_many_sockets",
                "You have " + limits.maxSocketsPerUser() + " live tournament sockets open here already; close one first.",
                null);
    }

    /** The socket, if the user is under the cap ({@link LiveSockets#open}). */
    private Route open(WebSocketUpgrade upgrade, User user, Flow<Message, Message, NotUsed> flow) {
        return sockets.open(system, upgrade, user.id(), flow, () -> complete(Json.error(tooManySockets())));
    }

    /**
     * The tournament after event {@code fromSeq} (at least after its creation, event 1), or now; a view
     * that is not {@code created()} when the journal holds no tournament.
     */
    private CompletionStage<Moment> startingPoint(String tournamentId, Optional<Long> fromSeq) {
        long to = fromSeq.map(n -> Math.max(1, n)).orElse(Long.MAX_VALUE);
        // through the archive: a finished tournament's events may have moved there (EventArchive)
        return EventArchive.get(system).events(TournamentProjections.persistenceIdOf(tournamentId), 0, to)
                .thenApply(events -> {
                    Moment moment = new Moment(new TournamentView(tournamentId), 0);
                    for (org.apache.pekko.persistence.query.EventEnvelope env : events) {
                        moment = new Moment(moment.view().apply((TournamentEvent) env.event()), env.sequenceNr());
                    }
                    return moment;
                });
    }

    private record Out(String text, boolean closes) {
    }

    private Flow<Message, Message, NotUsed> flow(String tournamentId, User user, String token, Moment start) {
        String viewer = user.id();
        TournamentView view = start.view();
        // built now, before any later event is folded into the same view
        String snapshot = write(frame("snapshot", start.sequenceNr(), null, view, viewer));
        Source<Out, NotUsed> events = feeds.tail(tournamentId, start.sequenceNr(), start.sequenceNr())
                .map((EventFeeds.Numbered<TournamentEvent> env) -> {
                    TournamentEvent event = env.event();
                    view.apply(event);
                    return new Out(write(frame("event", env.seq(), eventView(event), view, viewer)), false);
                });
        Source<Out, NotUsed> whileTokenWorks = revocations.whileSessionLives(users, token, blockingExecutor);
        RateLimiter pace = new RateLimiter(limits.maxMessagesPerSecond(), Duration.ofSeconds(1), Clock.systemUTC());
        Flow<Message, Out, NotUsed> replies = Flow.<Message>create()
                .mapAsync(1, message -> pace.tryAcquire("socket").isPresent()
                        ? CompletableFuture.completedFuture(closing(message, "too_many_messages",
                                "More than " + limits.maxMessagesPerSecond() + " messages in a second."))
                        : handleClientFrame(message));
        return replies
                .merge(Source.single(new Out(snapshot, false)).concat(events), true)
                .merge(whileTokenWorks, true)
                .takeWhile(out -> !out.closes(), true)
                .map(out -> (Message) TextMessage.create(out.text()));
    }

    /** The event as clients see it: its stored type name and fields, without wallet transaction ids. */
    static JsonNode eventView(TournamentEvent event) {
        ObjectNode fields = Json.MAPPER.valueToTree(event);
        ObjectNode out = Json.MAPPER.createObjectNode();
        JsonTypeName name = event.getClass().getAnnotation(JsonTypeName.class);
        out.put("type", name != null ? name.value() : event.getClass().getSimpleName());
        fields.properties().forEach(field -> {
            if (!field.getKey().equals("type") && !field.getKey().equals("transactionId")) {
                out.set(field.getKey(), field.getValue());
            }
        });
        return out;
    }

    private static Map<String, Object> frame(String type, long seq, Object event, TournamentView view, String viewer) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("seq", seq);
        if (event != null) {
            frame.put("event", event);
        }
        frame.put("tournament", view.detail());
        frame.put("you", view.entryOf(viewer));
        return frame;
    }

    /** Reads one client frame within the size and time limits; answers a ping, refuses anything else. */
    private CompletionStage<Out> handleClientFrame(Message message) {
        Materializer materializer = Materializer.matFromSystem(system);
        if (!message.isText()) {
            return message.asBinaryMessage().getStreamedData()
                    .limitWeighted(limits.maxMessageBytes(), bytes -> (long) bytes.size())
                    .completionTimeout(limits.messageTimeout())
                    .runWith(Sink.ignore(), materializer)
                    .handle((done, failure) -> failure == null
                            ? new Out(error("invalid_frame", "Frames are JSON text.", null), false)
                            : unreadable(failure));
        }
        return message.asTextMessage().getStreamedText()
                .limitWeighted(limits.maxMessageBytes(), LiveTableRoutes::utf8Length)
                .completionTimeout(limits.messageTimeout())
                .runFold(new StringBuilder(), StringBuilder::append, materializer)
                .thenApply(StringBuilder::toString)
                .handle((text, failure) -> failure == null ? answer(text) : unreadable(failure));
    }

    private static Out answer(String text) {
        try {
            Fields frame = Json.object(text);
            String type = frame.requireString("type", 1, 16);
            if (type.equals("ping")) {
                return new Out("{\"type\":\"pong\"}", false);
            }
            throw ApiError.invalidField("type", "type must be ping: this socket only listens.");
        } catch (ApiError e) {
            return new Out(error(e.code(), e.getMessage(), e.field()), false);
        }
    }

    private Out closing(Message message, String code, String text) {
        Source<?, ?> parts = message.isText() ? message.asTextMessage().getStreamedText()
                : message.asBinaryMessage().getStreamedData();
        parts.runWith(Sink.cancelled(), Materializer.matFromSystem(system));
        return new Out(error(code, text + " The socket closes.", null), true);
    }

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

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frame not serializable", e);
        }
    }
}
