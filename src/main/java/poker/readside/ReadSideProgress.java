package poker.readside;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.projection.ProjectionId;
import org.apache.pekko.projection.StatusObserver;
import org.apache.pekko.projection.HandlerRecoveryStrategy;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import poker.infra.JsonSerializable;

/**
 * How far each projection has got, as the projections themselves report it: after a group of envelopes
 * has its rows and offset committed, the projection publishes one {@link Processed} on a cluster topic, with
 * the highest sequence number of each persistence id in the group; every node tracks the latest sequence
 * number per projection and persistence id, and answers callers waiting for a command's events to be
 * readable ({@code consistency=strong}). One message per committed group, not one per event.
 */
public final class ReadSideProgress {

    /** Carried {@code Processed(projection, persistenceId, sequenceNr)} before positions came in groups. */
    public static final String TOPIC = "read-side-progress-groups";
    /** Latest positions kept per projection; older entries fall out (a waiter for them times out). */
    private static final int MAX_TRACKED = 100_000;

    /** Projection {@code projection} has committed each persistence id of {@code positions} up to its number. */
    public record Processed(String projection, Map<String, Long> positions) implements JsonSerializable {
    }

    /** "Projection {@code projection} has processed {@code persistenceId} up to {@code sequenceNr}". */
    public record Requirement(String projection, String persistenceId, long sequenceNr) {
    }

    public sealed interface Command {
    }

    private record Observed(Processed processed) implements Command {
    }

    public record Await(List<Requirement> requirements, Instant deadline, ActorRef<Done> replyTo) implements Command {
    }

    private final ActorRef<Topic.Command<Processed>> topic;
    private final ActorRef<Command> tracker;
    private final ActorSystem<?> system;

    private ReadSideProgress(ActorSystem<?> system, ActorRef<Topic.Command<Processed>> topic,
                             ActorRef<Command> tracker) {
        this.system = system;
        this.topic = topic;
        this.tracker = tracker;
    }

    /** Spawns this node's topic and tracker. */
    public static ReadSideProgress start(ActorSystem<?> system) {
        ActorRef<Topic.Command<Processed>> topic =
                system.systemActorOf(Topic.create(Processed.class, TOPIC), "read-side-progress-topic",
                        org.apache.pekko.actor.typed.Props.empty());
        ActorRef<Command> tracker = system.systemActorOf(tracker(topic), "read-side-progress",
                org.apache.pekko.actor.typed.Props.empty());
        return new ReadSideProgress(system, topic, tracker);
    }

    /** Completes when every requirement holds; fails with a timeout otherwise. */
    public CompletionStage<Done> await(List<Requirement> requirements, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        return AskPattern.ask(tracker, replyTo -> new Await(requirements, deadline, replyTo), timeout,
                system.scheduler());
    }

    /**
     * The observer a projection instance reports through: it gathers the envelopes of a group (each reported
     * after the group's commit) and publishes them when the group's offset is reported as stored.
     */
    public <E> StatusObserver<EventEnvelope<E>> observer() {
        Map<String, Long> pending = new HashMap<>();
        String[] projection = {null};
        Runnable flush = () -> {
            Processed processed;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return;
                }
                processed = new Processed(projection[0], Map.copyOf(pending));
                pending.clear();
            }
            topic.tell(Topic.publish(processed));
        };
        return new Quiet<>() {
            @Override
            public void afterProcess(ProjectionId id, EventEnvelope<E> envelope) {
                boolean full;
                synchronized (pending) {
                    projection[0] = id.name();
                    pending.merge(envelope.persistenceId(), envelope.sequenceNr(), Math::max);
                    full = pending.size() >= 1000;
                }
                if (full) {
                    flush.run();
                }
            }

            @Override
            public void offsetProgress(ProjectionId id, EventEnvelope<E> envelope) {
                flush.run();
            }

            @Override
            public void stopped(ProjectionId id) {
                flush.run();
            }
        };
    }

    /** An observer that only acts after each processed envelope (its rows and offset committed). */
    static <E> StatusObserver<EventEnvelope<E>> afterEach(BiConsumer<ProjectionId, EventEnvelope<E>> action) {
        return new Quiet<>() {
            @Override
            public void afterProcess(ProjectionId id, EventEnvelope<E> envelope) {
                action.accept(id, envelope);
            }
        };
    }

    /** A status observer that does nothing until a method is overridden. */
    private abstract static class Quiet<E> extends StatusObserver<EventEnvelope<E>> {
        @Override
        public void started(ProjectionId id) {
        }

        @Override
        public void failed(ProjectionId id, Throwable cause) {
        }

        @Override
        public void stopped(ProjectionId id) {
        }

        @Override
        public void beforeProcess(ProjectionId id, EventEnvelope<E> envelope) {
        }

        @Override
        public void afterProcess(ProjectionId id, EventEnvelope<E> envelope) {
        }

        @Override
        public void offsetProgress(ProjectionId id, EventEnvelope<E> envelope) {
        }

        @Override
        public void error(ProjectionId id, EventEnvelope<E> envelope, Throwable cause,
                          HandlerRecoveryStrategy recoveryStrategy) {
        }
    }

    private static Behavior<Command> tracker(ActorRef<Topic.Command<Processed>> topic) {
        return Behaviors.setup(ctx -> {
            topic.tell(Topic.subscribe(ctx.messageAdapter(Processed.class, Observed::new)));
            Map<String, LinkedHashMap<String, Long>> latest = new HashMap<>();
            List<Await> waiting = new ArrayList<>();
            return Behaviors.receive(Command.class)
                    .onMessage(Observed.class, o -> {
                        Processed p = o.processed();
                        LinkedHashMap<String, Long> positions = latest.computeIfAbsent(p.projection(),
                                k -> new LinkedHashMap<>(1024, 0.75f, true) {
                                    @Override
                                    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                                        return size() > MAX_TRACKED;
                                    }
                                });
                        p.positions().forEach((persistenceId, seq) -> positions.merge(persistenceId, seq, Math::max));
                        answer(latest, waiting);
                        return Behaviors.same();
                    })
                    .onMessage(Await.class, a -> {
                        waiting.add(a);
                        answer(latest, waiting);
                        return Behaviors.same();
                    })
                    .build();
        });
    }

    private static void answer(Map<String, LinkedHashMap<String, Long>> latest, List<Await> waiting) {
        Instant now = Instant.now();
        for (Iterator<Await> it = waiting.iterator(); it.hasNext(); ) {
            Await a = it.next();
            boolean done = a.requirements().stream().allMatch(r -> {
                Map<String, Long> positions = latest.get(r.projection());
                Long seen = positions == null ? null : positions.get(r.persistenceId());
                return seen != null && seen >= r.sequenceNr();
            });
            if (done) {
                a.replyTo().tell(Done.getInstance());
                it.remove();
            } else if (now.isAfter(a.deadline())) {
                it.remove();
            }
        }
    }
}
