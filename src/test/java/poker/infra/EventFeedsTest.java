package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The push hub of {@link EventFeeds} on one local actor system (no journal: no checks, batches without gaps).
 * The hub is one actor for every socket of its kind on a node: whatever one subscriber does, the others keep
 * getting what is pushed.
 */
class EventFeedsTest {

    static final ActorTestKit KIT = ActorTestKit.create();

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    record Pushed(String entityId, long firstSeq, List<String> events) implements EventFeeds.Batch<String> {
    }

    private static int feeds;

    private static EventFeeds<String, Pushed> feeds() {
        return feeds(EventFeeds.NO_CHECKS);
    }

    private static EventFeeds<String, Pushed> feeds(EventFeeds.Checks checks) {
        return new EventFeeds<>(KIT.system(), "test-feeds-" + (++feeds), Pushed.class, id -> "test-live-" + id,
                id -> "Test|" + id, Pushed::new, checks);
    }

    /** A subscriber whose inbox goes to {@code probe}. */
    private static BoundedSourceQueue<Pushed> inboxTo(TestProbe<Pushed> probe, int size) {
        Pair<BoundedSourceQueue<Pushed>, Source<Pushed, NotUsed>> inbox = Source.<Pushed>queue(size)
                .preMaterialize(KIT.system());
        inbox.second().runForeach(b -> probe.ref().tell(b), KIT.system());
        return inbox.first();
    }

    /** Publishes batch {@code seq} until the probe gets it (the topic registration spreads after subscribing). */
    private static void publishUntilSeen(ActorRef<Topic.Command<Pushed>> publisher, TestProbe<Pushed> probe,
                                         String entity, long seq) {
        for (int attempt = 0; attempt < 50; attempt++) {
            publisher.tell(Topic.publish(new Pushed(entity, seq, List.of("e" + seq))));
            try {
                assertThat(probe.expectMessageClass(Pushed.class, Duration.ofMillis(200)).firstSeq()).isEqualTo(seq);
                return;
            } catch (AssertionError notYet) {
                // published before the topic knew the hub's subscription: dropped, publish again
            }
        }
        throw new AssertionError("batch " + seq + " never arrived");
    }

    /** The next batch the probe gets from {@code seq} on (a repeat of an earlier one is skipped). */
    private static long next(TestProbe<Pushed> probe, long seq) {
        while (true) {
            Pushed got = probe.expectMessageClass(Pushed.class, Duration.ofSeconds(3));
            if (got.firstSeq() >= seq) {
                return got.firstSeq();
            }
        }
    }

    /**
     * The cause of the stalled sockets after a restart: a socket closes (its inbox queue closes with its
     * stream) and a push reaches the hub before the socket's unsubscribe. The hub ended the inbox again,
     * {@code complete()} threw "The queue has already been completed", and the hub actor stopped: no socket of
     * that kind on the node got another pushed event, and new subscriptions went to dead letters.
     */
    @Test
    void aSocketThatClosedBeforeItsUnsubscribeArrivedDoesNotStopThePushesToTheOthers() {
        EventFeeds<String, Pushed> feeds = feeds();
        ActorRef<Topic.Command<Pushed>> publisher = KIT.spawn(EventFeeds.publisher(Pushed.class, "test-live-t1"));
        TestProbe<Pushed> alive = KIT.createTestProbe();
        feeds.subscribe("t1", 0, inboxTo(alive, 16), () -> {
        });
        publishUntilSeen(publisher, alive, "t1", 1);

        // closed: its stream ended (as a closed socket's does); ending it again throws, as the socket's own end did
        BoundedSourceQueue<Pushed> closed = Source.<Pushed>queue(16).preMaterialize(KIT.system()).first();
        closed.complete();
        feeds.subscribe("t1", 1, closed, closed::complete);
        // the next push meets the closed inbox
        publisher.tell(Topic.publish(new Pushed("t1", 2, List.of("e2"))));
        assertThat(next(alive, 2)).isEqualTo(2L);

        // the hub lives on: further pushes arrive, and a new subscriber is served
        publisher.tell(Topic.publish(new Pushed("t1", 3, List.of("e3"))));
        assertThat(next(alive, 3)).isEqualTo(3);
        TestProbe<Pushed> later = KIT.createTestProbe();
        feeds.subscribe("t1", 3, inboxTo(later, 16), () -> {
        });
        // the later subscriber shares the hub's topic subscription: no registration to wait for
        publisher.tell(Topic.publish(new Pushed("t1", 4, List.of("e4"))));
        assertThat(next(alive, 4)).isEqualTo(4);
        assertThat(next(later, 4)).isEqualTo(4);
    }

    /** A full inbox is ended (overflow); if ending it throws, the hub logs it and goes on. */
    @Test
    void anOverflowThatThrowsDoesNotStopTheHub() {
        EventFeeds<String, Pushed> feeds = feeds();
        ActorRef<Topic.Command<Pushed>> publisher = KIT.spawn(EventFeeds.publisher(Pushed.class, "test-live-t2"));
        TestProbe<Pushed> alive = KIT.createTestProbe();
        feeds.subscribe("t2", 0, inboxTo(alive, 16), () -> {
        });
        publishUntilSeen(publisher, alive, "t2", 1);

        // never read: it fills, and the next push overflows it
        BoundedSourceQueue<Pushed> full = Source.<Pushed>queue(1).preMaterialize(KIT.system()).first();
        int[] overflows = {0};
        feeds.subscribe("t2", 1, full, () -> {
            overflows[0]++;
            throw new IllegalStateException("thrown by an overflow handler");
        });
        // (the queue's stream may buffer a few before the queue itself fills: more than enough pushes)
        for (long seq = 2; seq <= 60; seq++) {
            publisher.tell(Topic.publish(new Pushed("t2", seq, List.of("e" + seq))));
            assertThat(next(alive, seq)).isEqualTo(seq);
        }
        assertThat(overflows[0]).as("ended once, then dropped from the feed").isEqualTo(1);
    }

    /**
     * A socket whose position stands still while pushes show its entity moving on is logged (WARN), once: the
     * line that would have shown the stalled sockets at once. One that keeps up is not.
     */
    @Test
    void aSocketLeftBehindIsLoggedAsStuck() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            EventFeeds<String, Pushed> feeds = feeds(new EventFeeds.Checks(Duration.ZERO, null, Duration.ofSeconds(2)));
            ActorRef<Topic.Command<Pushed>> publisher = KIT.spawn(EventFeeds.publisher(Pushed.class, "test-live-t3"));
            TestProbe<Pushed> keepsUp = KIT.createTestProbe();
            AtomicLong keptUp = new AtomicLong();
            feeds.subscribe("t3", 0, inboxTo(keepsUp, 64), () -> {
            }, keptUp::get);
            publishUntilSeen(publisher, keepsUp, "t3", 1);
            keptUp.set(1);
            // reads its inbox but delivers nothing (a tail that drops everything)
            TestProbe<Pushed> stuckProbe = KIT.createTestProbe();
            feeds.subscribe("t3", 1, inboxTo(stuckProbe, 64), () -> {
            }, () -> 1);
            List<String> stuck = List.of();
            for (long seq = 2; seq <= 40 && stuck.isEmpty(); seq++) {
                publisher.tell(Topic.publish(new Pushed("t3", seq, List.of("e" + seq))));
                keptUp.set(next(keepsUp, seq));
                stuck = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                        .filter(m -> m.contains("t3") && m.contains("stuck")).toList();
                if (stuck.isEmpty()) {
                    sleep(200);
                }
            }
            assertThat(stuck).hasSize(1);
            assertThat(stuck.get(0)).contains("stuck at event 1").contains("(2 sockets on this node)");
            assertThat(lines.list.stream().filter(e -> e.getLevel() == Level.WARN
                    && e.getFormattedMessage().contains("stuck"))).hasSize(1);
        } finally {
            root.detachAppender(lines);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
