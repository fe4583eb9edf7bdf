package poker.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Sink;
import poker.domain.table.TableEvent;
import poker.infra.JsonSerializable;

/**
 * Push delivery of stored table events to the live sockets of this node.
 *
 * <p>A table entity publishes what it stored ({@link Stored}) on the cluster-wide pub-sub topic
 * {@link #topicName} of its table, after the write succeeded. On each node one hub actor keeps one topic
 * subscription per table that has live sockets here, and hands every {@link Stored} to those sockets'
 * inboxes: one cluster message per node per write, whatever the number of sockets.
 *
 * <p>A pushed message lives in memory only and can be lost (a node crash, a topic registration not yet
 * seen by the publisher). Sockets number what they deliver and read a gap from the journal when the next
 * message shows one. For a table that goes quiet right after a lost message, the hub checks the journal
 * for events after the highest one it saw: once a second for the first {@link #YOUNG} of a table's
 * subscription (while the registration spreads), then every {@link #QUIET_CHECK} when nothing came for
 * that long. That is one small query per table per node, never one per socket.
 */
public final class TableFeeds implements Extension {

    /** Events one write of table {@code tableId} stored, numbered {@code firstSeq}, {@code firstSeq + 1}, .... */
    public record Stored(String tableId, long firstSeq, List<TableEvent> events) implements JsonSerializable {

        public long lastSeq() {
            return firstSeq + events.size() - 1;
        }
    }

    /** The pub-sub topic of one table's stored events. */
    public static String topicName(String tableId) {
        return "table-live-" + tableId;
    }

    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration YOUNG = Duration.ofSeconds(5);
    static final Duration QUIET_CHECK = Duration.ofSeconds(10);

    private static final ExtensionId<TableFeeds> ID = new ExtensionId<>() {
        @Override
        public TableFeeds createExtension(ActorSystem<?> system) {
            return new TableFeeds(system);
        }
    };

    public static TableFeeds get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    private final ActorRef<HubCommand> hub;
    private final AtomicLong ids = new AtomicLong();

    private TableFeeds(ActorSystem<?> system) {
        TableHistory history = new TableHistory(system);
        this.hub = system.systemActorOf(Behaviors.<HubCommand>setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, TICK);
            return new Hub(ctx, history).behavior();
        })), "table-feeds", Props.empty());
    }

    /** Ends a subscription; a second call does nothing. */
    public interface Subscription {
        void cancel();
    }

    /**
     * Hands every {@link Stored} of {@code tableId} seen on this node from now on to {@code inbox}.
     *
     * @param knownSeq a journal position the table is known to have reached (the hub's journal checks
     *                 start after it)
     * @param overflow run (once) when the inbox is full or closed: the subscription has then ended
     */
    public Subscription subscribe(String tableId, long knownSeq, BoundedSourceQueue<Stored> inbox, Runnable overflow) {
        long id = ids.incrementAndGet();
        hub.tell(new Subscribe(tableId, id, knownSeq, inbox, overflow));
        boolean[] cancelled = {false};
        return () -> {
            synchronized (cancelled) {
                if (cancelled[0]) {
                    return;
                }
                cancelled[0] = true;
            }
            hub.tell(new Unsubscribe(tableId, id));
        };
    }

    interface HubCommand {
    }

    private record Subscribe(String tableId, long id, long knownSeq, BoundedSourceQueue<Stored> inbox,
                             Runnable overflow) implements HubCommand {
    }

    private record Unsubscribe(String tableId, long id) implements HubCommand {
    }

    private record Seen(Stored stored) implements HubCommand {
    }

    private enum Tick implements HubCommand {
        INSTANCE
    }

    private record Checked(String tableId, List<EventEnvelope> events, Throwable failure) implements HubCommand {
    }

    private static final class Feed {
        final ActorRef<Topic.Command<Stored>> topic;
        final Map<Long, Subscribe> subscribers = new HashMap<>();
        final long createdAt = System.nanoTime();
        long highest;
        long lastActivity = System.nanoTime();
        boolean checking;

        Feed(ActorRef<Topic.Command<Stored>> topic, long highest) {
            this.topic = topic;
            this.highest = highest;
        }
    }

    private static final class Hub {
        private final ActorContext<HubCommand> context;
        private final TableHistory history;
        private final ActorRef<Stored> seen;
        private final Map<String, Feed> feeds = new HashMap<>();
        private long topics;

        Hub(ActorContext<HubCommand> context, TableHistory history) {
            this.context = context;
            this.history = history;
            this.seen = context.messageAdapter(Stored.class, Seen::new);
        }

        Behavior<HubCommand> behavior() {
            return Behaviors.receive(HubCommand.class)
                    .onMessage(Subscribe.class, this::onSubscribe)
                    .onMessage(Unsubscribe.class, this::onUnsubscribe)
                    .onMessage(Seen.class, this::onSeen)
                    .onMessage(Tick.class, this::onTick)
                    .onMessage(Checked.class, this::onChecked)
                    .build();
        }

        private Behavior<HubCommand> onSubscribe(Subscribe s) {
            Feed feed = feeds.computeIfAbsent(s.tableId(), id -> {
                ActorRef<Topic.Command<Stored>> topic = context.spawn(Topic.create(Stored.class, topicName(id)),
                        "topic-" + (++topics));
                topic.tell(Topic.subscribe(seen));
                return new Feed(topic, s.knownSeq());
            });
            feed.highest = Math.max(feed.highest, s.knownSeq());
            feed.subscribers.put(s.id(), s);
            return Behaviors.same();
        }

        private Behavior<HubCommand> onUnsubscribe(Unsubscribe u) {
            Feed feed = feeds.get(u.tableId());
            if (feed != null) {
                feed.subscribers.remove(u.id());
                dropIfEmpty(u.tableId(), feed);
            }
            return Behaviors.same();
        }

        private void dropIfEmpty(String tableId, Feed feed) {
            if (feed.subscribers.isEmpty()) {
                // a stopped topic leaves the receptionist: publishers stop sending here
                context.stop(feed.topic);
                feeds.remove(tableId);
            }
        }

        private Behavior<HubCommand> onSeen(Seen seen) {
            Stored stored = seen.stored();
            Feed feed = feeds.get(stored.tableId());
            if (feed != null) {
                feed.lastActivity = System.nanoTime();
                feed.highest = Math.max(feed.highest, stored.lastSeq());
                deliver(stored.tableId(), feed, stored);
            }
            return Behaviors.same();
        }

        private void deliver(String tableId, Feed feed, Stored stored) {
            List<Long> gone = new ArrayList<>();
            for (Subscribe s : feed.subscribers.values()) {
                QueueOfferResult result = s.inbox().offer(stored);
                if (result != QueueOfferResult.enqueued()) {
                    gone.add(s.id());
                    s.overflow().run();
                }
            }
            gone.forEach(feed.subscribers::remove);
            if (!gone.isEmpty()) {
                dropIfEmpty(tableId, feed);
            }
        }

        private Behavior<HubCommand> onTick(Tick tick) {
            long now = System.nanoTime();
            feeds.forEach((tableId, feed) -> {
                boolean young = now - feed.createdAt < YOUNG.toNanos();
                Duration every = young ? TICK : QUIET_CHECK;
                if (!feed.checking && now - feed.lastActivity >= every.toNanos() - TICK.toNanos() / 2) {
                    feed.checking = true;
                    feed.lastActivity = now;
                    context.pipeToSelf(history.between(tableId, feed.highest + 1, Long.MAX_VALUE)
                                    .take(1000).runWith(Sink.seq(), context.getSystem()),
                            (events, failure) -> new Checked(tableId, events, failure));
                }
            });
            return Behaviors.same();
        }

        private Behavior<HubCommand> onChecked(Checked checked) {
            Feed feed = feeds.get(checked.tableId());
            if (feed == null) {
                return Behaviors.same();
            }
            feed.checking = false;
            if (checked.failure() != null) {
                context.getLog().debug("Journal check of table {} failed: {}", checked.tableId(),
                        checked.failure().toString());
                return Behaviors.same();
            }
            List<TableEvent> events = new ArrayList<>();
            long first = -1;
            for (EventEnvelope env : checked.events()) {
                if (env.sequenceNr() <= feed.highest) {
                    continue;
                }
                if (first < 0) {
                    first = env.sequenceNr();
                }
                if (env.sequenceNr() != first + events.size()) {
                    break;
                }
                events.add((TableEvent) env.event());
            }
            if (!events.isEmpty()) {
                Stored stored = new Stored(checked.tableId(), first, List.copyOf(events));
                feed.highest = stored.lastSeq();
                feed.lastActivity = System.nanoTime();
                deliver(checked.tableId(), feed, stored);
            }
            return Behaviors.same();
        }
    }
}
