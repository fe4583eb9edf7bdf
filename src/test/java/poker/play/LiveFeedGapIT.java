package poker.play;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.table.TableEvent;
import poker.infra.EventFeeds;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;
import poker.table.TableFeeds;

/**
 * A feed whose pushes are lost: here a feed on a topic the table never publishes to, so every event must
 * come from the journal (the catch-up, the hub's checks of a quiet table, the gap before a pushed batch),
 * and a stale or duplicate push must change nothing. In order, nothing lost, nothing twice.
 */
class LiveFeedGapIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void lostPushesAreFetchedFromTheJournalAndDuplicatesDropped() throws Exception {
        PokerServer server = TestServer.start(TestDatabase.fresh(), Map.of("poker.table.hand-pause", "50ms"));
        try {
            ActorSystem<Void> system = server.system();
            ApiClient api = new ApiClient(server.httpPort());
            String ann = api.signUp("gap_ann");
            String bob = api.signUp("gap_bob");
            String tableId = LivePushIT.table(api, ann);
            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", ann);

            EventFeeds<TableEvent, TableFeeds.Stored> unheard = new EventFeeds<>(system, "unheard-feeds",
                    TableFeeds.Stored.class, id -> "unheard-" + id, id -> TableEntity.persistenceIdOf(id).id(),
                    TableFeeds.Stored::new);
            List<Long> seqs = new CopyOnWriteArrayList<>();
            UniqueKillSwitch stop = unheard.tail(tableId, 0, 0)
                    .viaMat(KillSwitches.single(), Keep.right())
                    .toMat(Sink.foreach(n -> seqs.add(n.seq())), Keep.left())
                    .run(system);

            // the catch-up
            long head = journal(system, tableId).size();
            Eventually.await(WAIT, () -> seqs.size(), n -> n >= head);

            // nothing is pushed to this feed: the hub's journal checks bring what the table stores next
            api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", bob);
            Eventually.await(WAIT, () -> journal(system, tableId).size(), n -> n > head + 3);
            long started = System.nanoTime();
            long afterJoin = journal(system, tableId).size();
            Eventually.await(WAIT, () -> seqs.size(), n -> n >= afterJoin);
            System.out.printf("LiveFeedGapIT: %d events never pushed arrived from the hub's journal checks within %d ms%n",
                    afterJoin - head, (System.nanoTime() - started) / 1_000_000);

            stop.shutdown();

            // a feed without journal checks: a push of the last event only, after a gap, must bring the gap from
            // the journal; a stale push of the first events again must change nothing
            EventFeeds<TableEvent, TableFeeds.Stored> unchecked = new EventFeeds<>(system, "unchecked-feeds",
                    TableFeeds.Stored.class, id -> "unheard-" + id, id -> TableEntity.persistenceIdOf(id).id(),
                    TableFeeds.Stored::new, EventFeeds.NO_CHECKS);
            seqs.clear();
            UniqueKillSwitch stopUnchecked = unchecked.tail(tableId, 0, 0)
                    .viaMat(KillSwitches.single(), Keep.right())
                    .toMat(Sink.foreach(n -> seqs.add(n.seq())), Keep.left())
                    .run(system);
            long caughtUp = journal(system, tableId).size();
            Eventually.await(WAIT, () -> seqs.size(), n -> n >= caughtUp);
            ActorRef<Topic.Command<TableFeeds.Stored>> publisher = system.systemActorOf(
                    Topic.create(TableFeeds.Stored.class, "unheard-" + tableId), "unheard-publisher", Props.empty());
            JsonHand.fold(api, tableId, ann, bob);
            Eventually.await(WAIT, () -> journal(system, tableId).size(), n -> n > caughtUp);
            List<EventEnvelope> all = journal(system, tableId);
            EventEnvelope last = all.get(all.size() - 1);
            List<TableEvent> firstTwo = List.of((TableEvent) all.get(0).event(), (TableEvent) all.get(1).event());
            for (int i = 0; i < 20 && seqs.size() < all.size(); i++) {
                publisher.tell(Topic.publish(new TableFeeds.Stored(tableId, 1, firstTwo)));
                publisher.tell(Topic.publish(new TableFeeds.Stored(tableId, last.sequenceNr(),
                        List.of((TableEvent) last.event()))));
                Thread.sleep(200);
            }
            Eventually.await(WAIT, () -> seqs.size(), n -> n >= all.size());
            Thread.sleep(500);
            stopUnchecked.shutdown();

            // (the next hand may have started meanwhile: more than all.size() is fine, gaps or repeats are not)
            assertThat(seqs.size()).isGreaterThanOrEqualTo(all.size());
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= seqs.size(); s++) {
                expected.add(s);
            }
            assertThat(seqs).as("every position once, in order").isEqualTo(expected);
        } finally {
            server.stop();
        }
    }

    private static List<EventEnvelope> journal(ActorSystem<?> system, String tableId) throws Exception {
        return PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier())
                .currentEventsByPersistenceId(TableEntity.persistenceIdOf(tableId).id(), 0, Long.MAX_VALUE)
                .runWith(Sink.seq(), system).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Whoever is on turn in the first hand folds (the hand ends, new events are stored). */
    private static final class JsonHand {
        static void fold(ApiClient api, String tableId, String ann, String bob) {
            // nobody acted yet: the first hand is the one in play
            long hand = 1;
            String body = "{\"handNumber\":" + hand + ",\"action\":\"fold\"}";
            if (api.post("/tables/" + tableId + "/actions", body, ann).status() != 200) {
                assertThat(api.post("/tables/" + tableId + "/actions", body, bob).status()).isEqualTo(200);
            }
        }
    }
}
