package poker.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import poker.PokerServer;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;

/**
 * The harness's {@code memory} target: heap per idle table. On the whole server in this JVM, K tables are
 * created through sharding (as {@link BootBenchmark} does) and each is asked for its state, so all are in
 * memory; heap used after a few full GCs, less the same before, over K. Then the tables are left alone past
 * {@code poker.table.idle-passivation} and counted again (sharding's own region state) with the heap.
 */
final class MemoryBench {

    private MemoryBench() {
    }

    static Results.Memory run(TestDatabase.Db db, int tables, String idlePassivation) throws Exception {
        PokerServer server = TestServer.start(db, Map.of("poker.table.idle-passivation", idlePassivation,
                "pekko.loglevel", "ERROR"));
        try {
            Thread.sleep(3000); // the start's own work settles
            long before = PlayBench.heapAfterGc();
            long t0 = System.nanoTime();
            List<String> ids = BootBenchmark.createTables(server, tables, "memory");
            double createSeconds = (System.nanoTime() - t0) / 1e9;
            touch(server, ids);
            long inMemory = entitiesInMemory(server.system());
            long with = PlayBench.heapAfterGc();
            double kb = (with - before) / 1024.0 / tables;
            System.out.printf(Locale.ROOT, "memory: %d tables created in %.1f s, %d in memory; heap %.1f MB -> %.1f MB:"
                    + " %.1f KB per idle table%n", tables, createSeconds, inMemory, before / 1e6, with / 1e6, kb);
            long waitFrom = System.nanoTime();
            long limit = Duration.parse("PT" + idlePassivation).toMillis() + 30_000;
            long left = inMemory;
            while (left > 0 && (System.nanoTime() - waitFrom) / 1_000_000 < limit) {
                Thread.sleep(5000);
                left = entitiesInMemory(server.system());
                System.err.printf("\r  memory: %d of %d tables still in memory after %.0f s (idle passivation %s) ",
                        left, tables, (System.nanoTime() - waitFrom) / 1e9, idlePassivation);
            }
            System.err.println();
            double waited = (System.nanoTime() - waitFrom) / 1e9;
            long after = PlayBench.heapAfterGc();
            System.out.printf(Locale.ROOT, "memory: after %.0f s idle, %d tables in memory, heap %.1f MB%n", waited,
                    left, after / 1e6);
            return new Results.Memory(tables, createSeconds, inMemory, before, with, kb, idlePassivation, left, after,
                    waited);
        } finally {
            server.stop();
        }
    }

    /** Asks every table for its state (at most 32 at once): each answers from memory. */
    private static void touch(PokerServer server, List<String> ids) {
        Semaphore inFlight = new Semaphore(32);
        ClusterSharding sharding = ClusterSharding.get(server.system());
        CompletableFuture<?>[] all = new CompletableFuture<?>[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            inFlight.acquireUninterruptibly();
            all[i] = sharding.entityRefFor(TableEntity.ENTITY_KEY, ids.get(i))
                    .ask(TableEntity.GetState::new, Duration.ofSeconds(30)).toCompletableFuture()
                    .whenComplete((r, e) -> inFlight.release());
        }
        CompletableFuture.allOf(all).join();
    }

    /** Table entities alive on this node, from its shard region. */
    static long entitiesInMemory(ActorSystem<?> system) throws Exception {
        ShardRegion.CurrentShardRegionState state = AskPattern.<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery,
                        ShardRegion.CurrentShardRegionState>ask(ClusterSharding.get(system).shardState(),
                        replyTo -> new GetShardRegionState(TableEntity.ENTITY_KEY, replyTo), Duration.ofSeconds(10),
                        system.scheduler())
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        return state.getShards().stream().mapToLong(s -> s.getEntityIds().size()).sum();
    }
}
