package poker.http;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.stream.javadsl.Source;
import poker.infra.JsonSerializable;
import poker.user.UserRepository;

/**
 * Live sockets close when their session ends, without asking the database over and over: a logout on any
 * node is published on the cluster-wide topic {@value #TOPIC} ({@link Revoked}, naming the session by
 * {@link UserRepository#sessionKey}, never by its token), and each node closes its sockets of that
 * session; a session's expiry is a timer per socket at the instant it expires. A socket checks its session
 * once, after it started to listen for revocations, so a logout in between is not missed.
 */
public final class SessionRevocations implements Extension {

    static final String TOPIC = "session-revocations";

    /** A session that was logged out. */
    public record Revoked(String sessionKey) implements JsonSerializable {
    }

    private static final ExtensionId<SessionRevocations> ID = new ExtensionId<>() {
        @Override
        public SessionRevocations createExtension(ActorSystem<?> system) {
            return new SessionRevocations(system);
        }
    };

    static SessionRevocations get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    private final ActorSystem<?> system;
    private final ActorRef<Topic.Command<Revoked>> topic;
    private final ConcurrentHashMap<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private final Set<UserRepository> repositories = Collections.newSetFromMap(new IdentityHashMap<>());

    private SessionRevocations(ActorSystem<?> system) {
        this.system = system;
        this.topic = system.systemActorOf(Topic.create(Revoked.class, TOPIC), "session-revocations-topic",
                Props.empty());
        ActorRef<Revoked> listener = system.systemActorOf(Behaviors.receiveMessage((Revoked revoked) -> {
            Set<Runnable> closers = watchers.get(revoked.sessionKey());
            if (closers != null) {
                // one failing closer must not stop the listener: every later logout would go unpushed
                for (Runnable closer : closers) {
                    try {
                        closer.run();
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(SessionRevocations.class)
                                .warn("Closing a socket of a revoked session failed", e);
                    }
                }
            }
            return Behaviors.same();
        }), "session-revocations", Props.empty());
        // subscribed from the start, so the registration has spread before the first logout
        topic.tell(Topic.subscribe(listener));
    }

    /** Publishes the logouts of {@code users} (once per repository, however often it is called). */
    void publishLogoutsOf(UserRepository users) {
        synchronized (repositories) {
            if (!repositories.add(users)) {
                return;
            }
        }
        users.onLogout(key -> topic.tell(Topic.publish(new Revoked(key))));
    }

    /** Runs {@code onRevoked} when the session is logged out on any node; the returned action stops it. */
    Runnable watch(String sessionKey, Runnable onRevoked) {
        watchers.computeIfAbsent(sessionKey, k -> ConcurrentHashMap.newKeySet()).add(onRevoked);
        return () -> watchers.computeIfPresent(sessionKey, (k, set) -> {
            set.remove(onRevoked);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * A source that emits nothing and completes when the session of {@code token} ends: logged out, expired,
     * or found dead (or unreadable) by the one check when the socket starts. Merged into a socket's frames
     * with eager completion, it closes the socket (a normal close, as the 2 s check it replaces did).
     */
    <T> Source<T, NotUsed> whileSessionLives(UserRepository users, String token, Executor blocking) {
        return Source.lazySource(() -> {
            CompletableFuture<Done> ended = new CompletableFuture<>();
            Runnable unwatch = watch(UserRepository.sessionKey(token), () -> ended.complete(Done.getInstance()));
            Cancellable[] expiry = {null};
            CompletableFuture.supplyAsync(() -> {
                try {
                    return users.sessionExpiry(token);
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            }, blocking).whenComplete((Optional<Instant> expires, Throwable failure) -> {
                if (failure != null || expires.isEmpty()) {
                    ended.complete(Done.getInstance());
                    return;
                }
                Duration left = Duration.between(Instant.now(), expires.get());
                synchronized (expiry) {
                    if (!ended.isDone()) {
                        expiry[0] = system.scheduler().scheduleOnce(left.isNegative() ? Duration.ZERO : left,
                                () -> ended.complete(Done.getInstance()), system.executionContext());
                    }
                }
            });
            Runnable cleanUp = () -> {
                unwatch.run();
                synchronized (expiry) {
                    if (expiry[0] != null) {
                        expiry[0].cancel();
                    }
                }
            };
            return Source.completionStage(ended)
                    .<T>mapConcat(done -> java.util.List.of())
                    .watchTermination((notUsed, done) -> {
                        done.whenComplete((d, f) -> {
                            ended.complete(Done.getInstance());
                            cleanUp.run();
                        });
                        return notUsed;
                    });
        }).mapMaterializedValue(m -> NotUsed.getInstance());
    }
}
