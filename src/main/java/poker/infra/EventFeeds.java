package poker.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Push delivery of stored events to the live sockets of this node, for one kind of entity (tables,
 * tournaments).
 *
 * <p>An entity publishes what one write stored (a {@link Batch}) on the cluster-wide pub-sub topic of that
 * entity ({@code topicName}), after the write succeeded. On each node one hub actor per kind keeps one topic
 * subscription per entity that has live sockets here, and hands every batch to those sockets' inboxes:
 * one cluster message per node per write, whatever the number of sockets.
 *
 * <p>A pushed message lives in memory only and can be lost (a node crash, a topic registration not yet seen
 * by the publisher). {@link #tail} numbers what it delivers and reads a gap from the journal when the next
 * message shows one. For an entity that goes quiet right after a lost message, the hub checks the journal
 * for events after the highest one it saw: once a second for the first {@link #YOUNG} of a subscription
 * (while the registration spreads), then every {@link #QUIET_CHECK} when nothing came for that long. That
 * is one small query per entity per node, never one per socket.
 *
 * @param <E> the event type
 * @param <B> the batch message published on the topic (a {@link JsonSerializable} record)
 */
public final class EventFeeds<E, B extends EventFeeds.Batch<E>> {

    /** Events one write of entity {@code entityId} stored, numbered {@code firstSeq}, {@code firstSeq + 1}, .... */
    public interface Batch<E> {
        String entityId();

        long firstSeq();

        List<E> events();

        default long lastSeq() {
            return firstSeq() + events().size() - 1;
        }
    }

    /** Makes a batch message. */
    public interface BatchFactory<E, B> {
        B batch(String entityId, long firstSeq, List<E> events);
    }

    /** A journal event with its position. */
    public record Numbered<E>(long seq, E event) {
    }

    /** Ends a subscription; a second call does nothing. */
    public interface Subscription {
        void cancel();
    }

    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration YOUNG = Duration.ofSeconds(5);
    static final Duration QUIET_CHECK = Duration.ofSeconds(10);
    /**
     * A socket whose position has not moved for this long while the hub knows its entity is further on is
     * logged (WARN) as stuck: more than two quiet checks, so a lost push alone never counts ({@link Checks}).
     */
    static final Duration STUCK = Duration.ofSeconds(25);

    /**
     * The hub's journal checks: every {@link #TICK} while a subscription is younger than {@code young}, then
     * after {@code quiet} without a push; {@link #NO_CHECKS} for none (tests of the gap path).
     */
    public record Checks(Duration young, Duration quiet, Duration stuck) {
        public Checks(Duration young, Duration quiet) {
            this(young, quiet, STUCK);
        }
    }

    public static final Checks DEFAULT_CHECKS = new Checks(YOUNG, QUIET_CHECK);
    public static final Checks NO_CHECKS = new Checks(Duration.ZERO, null);

    /**
     * Pushed writes a socket may hold before it sends them; a socket that falls further behind (its client does
     * not read) ends, and its client reconnects with {@code fromSeq}.
     */
    public static final int INBOX = 1024;

    private final ActorSystem<?> system;
    private final Class<B> batchClass;
    private final Function<String, String> topicName;
    private final Function<String, String> persistenceId;
    private final BatchFactory<E, B> factory;
    private final ActorRef<HubCommand> hub;
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param name          names the hub actor of this kind
     * @param topicName     an entity id's topic name
     * @param persistenceId an entity id's journal id
     */
    public EventFeeds(ActorSystem<?> system, String name, Class<B> batchClass, Function<String, String> topicName,
                      Function<String, String> persistenceId, BatchFactory<E, B> factory) {
        this(system, name, batchClass, topicName, persistenceId, factory, DEFAULT_CHECKS);
    }

    public EventFeeds(ActorSystem<?> system, String name, Class<B> batchClass, Function<String, String> topicName,
                      Function<String, String> persistenceId, BatchFactory<E, B> factory, Checks checks) {
        this.system = system;
        this.batchClass = batchClass;
        this.topicName = topicName;
        this.persistenceId = persistenceId;
        this.factory = factory;
        // the handlers catch what they throw (Hub.safely); resume is the last guard, keeping the subscriptions
        this.hub = system.systemActorOf(Behaviors.supervise(Behaviors.<HubCommand>setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, TICK);
            return new Hub(ctx, checks).behavior();
        }))).onFailure(Exception.class, SupervisorStrategy.resume()), name, Props.empty());
    }

    /** The entity's publisher: a topic actor to spawn as the entity's child (gone with it). */
    public static <B> Behavior<Topic.Command<B>> publisher(Class<B> batchClass, String topicName) {
        return Topic.create(batchClass, topicName);
    }

    /** The events stored now from {@code from} to {@code to} (inclusive). */
    private Source<Numbered<E>, NotUsed> between(String entityId, long from, long to) {
        // through the archive: a socket may start before an archived point (EventArchive)
        return Source.completionStage(EventArchive.get(system).events(persistenceId.apply(entityId), from, to))
                .mapConcat(events -> events)
                .map(this::numbered)
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }

    @SuppressWarnings("unchecked")
    private Numbered<E> numbered(EventEnvelope env) {
        return new Numbered<>(env.sequenceNr(), (E) env.event());
    }

    /**
     * Hands every batch of {@code entityId} seen on this node from now on to {@code inbox}.
     *
     * @param knownSeq a journal position the entity is known to have reached (the hub's checks start after it)
     * @param overflow run (once) when the inbox is full: the subscription has then ended (an inbox found closed
     *                 is just dropped)
     */
    public Subscription subscribe(String entityId, long knownSeq, BoundedSourceQueue<B> inbox, Runnable overflow) {
        return subscribe(entityId, knownSeq, inbox, overflow, null);
    }

    /**
     * As {@link #subscribe(String, long, BoundedSourceQueue, Runnable)}, with the position the subscriber has
     * delivered up to ({@code position}, read by the hub), so a subscriber left behind is logged.
     */
    public Subscription subscribe(String entityId, long knownSeq, BoundedSourceQueue<B> inbox, Runnable overflow,
                                  LongSupplier position) {
        long id = ids.incrementAndGet();
        hub.tell(new Subscribe<>(entityId, id, knownSeq, inbox, overflow, position));
        boolean[] cancelled = {false};
        return () -> {
            synchronized (cancelled) {
                if (cancelled[0]) {
                    return;
                }
                cancelled[0] = true;
            }
            hub.tell(new Unsubscribe(entityId, id));
        };
    }

    /**
     * The entity's events after {@code after}, in order, each once: subscribed to the entity's feed first, then
     * the journal from {@code after + 1} to now, then what is pushed. A pushed batch that starts at or before
     * the next position is used as it is (what was sent already is dropped); one that starts after it reads
     * the gap and itself from the journal. So a lost push costs one journal read when the next one (or the
     * hub's check on a quiet entity) comes. The stream ends if its inbox overflows ({@link #INBOX}).
     *
     * @param head a position the entity is known to have reached (for the hub's journal checks)
     */
    public Source<Numbered<E>, NotUsed> tail(String entityId, long after, long head) {
        return Source.lazySource(() -> {
            Pair<BoundedSourceQueue<B>, Source<B, NotUsed>> inbox = Source.<B>queue(INBOX).preMaterialize(system);
            long[] last = {after};
            AtomicLong delivered = new AtomicLong(after);
            Subscription subscription = subscribe(entityId, head, inbox.first(), () -> end(inbox.first()),
                    delivered::get);
            return Source.single(Optional.<B>empty())
                    .concat(inbox.second().map(Optional::of))
                    .flatMapConcat(pushed -> {
                        long next = last[0] + 1;
                        if (pushed.isPresent() && pushed.get().firstSeq() <= next) {
                            B batch = pushed.get();
                            List<Numbered<E>> numbered = new ArrayList<>(batch.events().size());
                            for (int i = 0; i < batch.events().size(); i++) {
                                numbered.add(new Numbered<>(batch.firstSeq() + i, batch.events().get(i)));
                            }
                            return Source.from(numbered);
                        }
                        // the catch-up (to now), or a gap before a pushed batch (to its end)
                        return between(entityId, next, pushed.map(Batch::lastSeq).orElse(Long.MAX_VALUE));
                    })
                    // each position once and in order, whatever overlapped
                    .filter(n -> {
                        if (n.seq() != last[0] + 1) {
                            return false;
                        }
                        last[0] = n.seq();
                        delivered.set(n.seq());
                        return true;
                    })
                    .watchTermination((notUsed, done) -> {
                        done.whenComplete((d, failure) -> subscription.cancel());
                        return notUsed;
                    });
        }).mapMaterializedValue(m -> NotUsed.getInstance());
    }

    /**
     * Ends an inbox's stream. The stream may have ended already (its socket closed, which closes the queue,
     * before the hub saw the unsubscribe): then there is nothing to do, and {@code complete()} would throw.
     */
    private static void end(BoundedSourceQueue<?> inbox) {
        try {
            inbox.complete();
        } catch (IllegalStateException alreadyEnded) {
            // completed or failed before: ended as wanted
        }
    }

    private interface HubCommand {
    }

    /** {@code position}: what the subscriber delivered up to (null: not known). */
    private record Subscribe<B>(String entityId, long id, long knownSeq, BoundedSourceQueue<B> inbox,
                                Runnable overflow, LongSupplier position) implements HubCommand {
    }

    private record Unsubscribe(String entityId, long id) implements HubCommand {
    }

    private record Seen<B>(B batch) implements HubCommand {
    }

    private enum Tick implements HubCommand {
        INSTANCE
    }

    private record Checked<E>(String entityId, List<Numbered<E>> events, Throwable failure) implements HubCommand {
    }

    /** Where a subscriber stood when last looked at, for {@link Checks#stuck}. */
    private static final class Progress {
        long position = -1;
        long since = System.nanoTime();
        boolean warned;
    }

    private final class Feed {
        final ActorRef<Topic.Command<B>> topic;
        final Map<Long, Subscribe<B>> subscribers = new HashMap<>();
        final Map<Long, Progress> progress = new HashMap<>();
        final long createdAt = System.nanoTime();
        long highest;
        long lastActivity = System.nanoTime();
        boolean checking;

        Feed(ActorRef<Topic.Command<B>> topic, long highest) {
            this.topic = topic;
            this.highest = highest;
        }
    }

    private final class Hub {
        private final ActorContext<HubCommand> context;
        private final ActorRef<B> seen;
        private final Map<String, Feed> feeds = new HashMap<>();
        private final Checks checks;
        private long topics;

        Hub(ActorContext<HubCommand> context, Checks checks) {
            this.context = context;
            this.checks = checks;
            this.seen = context.messageAdapter(batchClass, Seen::new);
        }

        /**
         * Every message is handled inside a catch: the hub is one actor for all the sockets of its kind on
         * this node, and a typed actor that throws stops, after which every subscription of the node would go
         * to dead letters and no socket would get another event. A failed message is logged and dropped; what
         * it should have delivered comes from the journal (the socket's next gap read or the hub's check).
         */
        @SuppressWarnings("unchecked")
        Behavior<HubCommand> behavior() {
            return Behaviors.receive(HubCommand.class)
                    .onMessage(Subscribe.class, s -> safely(s, () -> onSubscribe((Subscribe<B>) s)))
                    .onMessage(Unsubscribe.class, u -> safely(u, () -> onUnsubscribe(u)))
                    .onMessage(Seen.class, s -> safely(s, () -> onSeen(((Seen<B>) s).batch())))
                    .onMessage(Tick.class, t -> safely(t, () -> onTick(t)))
                    .onMessage(Checked.class, c -> safely(c, () -> onChecked((Checked<E>) c)))
                    .build();
        }

        private Behavior<HubCommand> safely(HubCommand message, java.util.function.Supplier<Behavior<HubCommand>> handle) {
            try {
                return handle.get();
            } catch (RuntimeException e) {
                context.getLog().warn("Live feed hub {}: {} failed, dropped", context.getSelf().path().name(),
                        describe(message), e);
                return Behaviors.same();
            }
        }

        /** A message for a log line: never a batch's events (they may hold hole cards). */
        private String describe(HubCommand message) {
            if (message instanceof Seen<?> seenBatch && seenBatch.batch() instanceof Batch<?> b) {
                return "the push of " + b.entityId() + " " + b.firstSeq() + ".." + b.lastSeq();
            }
            if (message instanceof Subscribe<?> sub) {
                return "subscribe to " + sub.entityId();
            }
            if (message instanceof Unsubscribe u) {
                return "unsubscribe from " + u.entityId();
            }
            if (message instanceof Checked<?> c) {
                return "the journal check of " + c.entityId();
            }
            return message.getClass().getSimpleName();
        }

        private Behavior<HubCommand> onSubscribe(Subscribe<B> s) {
            Feed feed = feeds.computeIfAbsent(s.entityId(), id -> {
                ActorRef<Topic.Command<B>> topic = context.spawn(Topic.create(batchClass, topicName.apply(id)),
                        "topic-" + (++topics));
                topic.tell(Topic.subscribe(seen));
                return new Feed(topic, s.knownSeq());
            });
            feed.highest = Math.max(feed.highest, s.knownSeq());
            feed.subscribers.put(s.id(), s);
            feed.progress.put(s.id(), new Progress());
            return Behaviors.same();
        }

        private Behavior<HubCommand> onUnsubscribe(Unsubscribe u) {
            Feed feed = feeds.get(u.entityId());
            if (feed != null) {
                feed.subscribers.remove(u.id());
                feed.progress.remove(u.id());
                dropIfEmpty(u.entityId(), feed);
            }
            return Behaviors.same();
        }

        private void dropIfEmpty(String entityId, Feed feed) {
            if (feed.subscribers.isEmpty()) {
                // a stopped topic leaves the receptionist: publishers stop sending here
                context.stop(feed.topic);
                feeds.remove(entityId);
            }
        }

        private Behavior<HubCommand> onSeen(B batch) {
            Feed feed = feeds.get(batch.entityId());
            if (feed != null) {
                feed.lastActivity = System.nanoTime();
                feed.highest = Math.max(feed.highest, batch.lastSeq());
                deliver(batch.entityId(), feed, batch);
            }
            return Behaviors.same();
        }

        /**
         * Offers the batch to every subscriber. One whose inbox is full is ended ({@code overflow}); one whose
         * stream has ended already (closed socket, unsubscribe on its way) is just dropped.
         */
        private void deliver(String entityId, Feed feed, B batch) {
            List<Long> gone = new ArrayList<>();
            for (Subscribe<B> s : feed.subscribers.values()) {
                QueueOfferResult offered;
                try {
                    offered = s.inbox().offer(batch);
                } catch (RuntimeException e) {
                    offered = QueueOfferResult.closed();
                }
                if (offered == QueueOfferResult.enqueued()) {
                    continue;
                }
                gone.add(s.id());
                if (offered == QueueOfferResult.dropped()) {
                    try {
                        s.overflow().run();
                    } catch (RuntimeException e) {
                        context.getLog().warn("Live feed of {}: ending a full inbox failed", entityId, e);
                    }
                }
            }
            gone.forEach(id -> {
                feed.subscribers.remove(id);
                feed.progress.remove(id);
            });
            if (!gone.isEmpty()) {
                dropIfEmpty(entityId, feed);
            }
        }

        private Behavior<HubCommand> onTick(Tick tick) {
            long now = System.nanoTime();
            feeds.forEach((entityId, feed) -> {
                watchProgress(entityId, feed, now);
                if (checks.quiet() == null) {
                    return;
                }
                Duration every = now - feed.createdAt < checks.young().toNanos() ? TICK : checks.quiet();
                if (!feed.checking && now - feed.lastActivity >= every.toNanos() - TICK.toNanos() / 2) {
                    feed.checking = true;
                    feed.lastActivity = now;
                    context.pipeToSelf(between(entityId, feed.highest + 1, Long.MAX_VALUE).take(1000)
                                    .runWith(Sink.seq(), system),
                            (events, failure) -> new Checked<>(entityId, events, failure));
                }
            });
            return Behaviors.same();
        }

        /**
         * Logs (WARN, once until it moves again) a subscriber whose position has stood still for {@code stuck}
         * while the hub knows the entity went further: its socket gets nothing although events exist.
         */
        private void watchProgress(String entityId, Feed feed, long now) {
            feed.subscribers.forEach((id, s) -> {
                Progress p = feed.progress.get(id);
                if (s.position() == null || p == null) {
                    return;
                }
                long at = s.position().getAsLong();
                if (at != p.position || at >= feed.highest) {
                    p.position = at;
                    p.since = now;
                    p.warned = false;
                } else if (!p.warned && now - p.since >= checks.stuck().toNanos()) {
                    p.warned = true;
                    context.getLog().warn("Live feed of {}: a socket is stuck at event {} for {} s while the"
                                    + " entity is at {} ({} sockets on this node)", entityId, at,
                            (now - p.since) / 1_000_000_000L, feed.highest, feed.subscribers.size());
                }
            });
        }

        private Behavior<HubCommand> onChecked(Checked<E> checked) {
            Feed feed = feeds.get(checked.entityId());
            if (feed == null) {
                return Behaviors.same();
            }
            feed.checking = false;
            if (checked.failure() != null) {
                context.getLog().debug("Journal check of {} failed: {}", checked.entityId(), checked.failure().toString());
                return Behaviors.same();
            }
            List<E> events = new ArrayList<>();
            long first = -1;
            for (Numbered<E> n : checked.events()) {
                if (n.seq() <= feed.highest) {
                    continue;
                }
                if (first < 0) {
                    first = n.seq();
                }
                if (n.seq() != first + events.size()) {
                    break;
                }
                events.add(n.event());
            }
            if (!events.isEmpty()) {
                // expected while a subscription is young (the topic registration spreading); later, a lost push
                if (System.nanoTime() - feed.createdAt >= checks.young().toNanos()) {
                    context.getLog().warn("Live feed of {}: the journal check found events {}..{} that no push"
                            + " brought (pushes lost?)", checked.entityId(), first, first + events.size() - 1);
                }
                B batch = factory.batch(checked.entityId(), first, List.copyOf(events));
                feed.highest = batch.lastSeq();
                feed.lastActivity = System.nanoTime();
                deliver(checked.entityId(), feed, batch);
            }
            return Behaviors.same();
        }
    }
}
