package poker.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.Strategy;
import poker.support.ApiClient;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;

/**
 * How long a table takes to answer after a restart, by the length of its journal. On a server in this JVM,
 * six bots play at one six-max table until its journal holds the first size of events, then six others at a
 * second table up to the next size, and so on (a table's bots stop when it reaches its size; the table is
 * left with its seats). Then the server stops and a new one starts on the same database, and right after its
 * start every table is asked at once for its state (an ask to the sharded TableEntity), again until it
 * answers: the time from the launch to each answer. Tables snapshot every 100
 * events, so a table recovers from its latest snapshot and the events after it.
 */
final class Recovery {

    private Recovery() {
    }

    static Results.Recovery run(TestDatabase.Db db, List<Integer> sizes) throws Exception {
        Map<String, Object> settings = Map.of("poker.table.hand-pause", "50ms", "pekko.loglevel", "ERROR");
        PokerServer server = TestServer.start(db, settings);
        List<String> tables = new ArrayList<>();
        try {
            ApiClient api = new ApiClient(server.httpPort());
            String host = api.signUp("recovery_host");
            for (int i = 0; i < sizes.size(); i++) {
                int size = sizes.get(i);
                String tableId = api.post("/tables?consistency=strong", "{\"name\":\"Recovery " + size
                                + "\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000,"
                                + "\"actionSeconds\":30}", host).text("tableId");
                tables.add(tableId);
                BotFleet.Settings fleetSettings = BotFleet.Settings.of(URI.create("http://127.0.0.1:"
                        + server.httpPort() + "/api"), 6).withPrefix("recovery" + i).withSeed(7 + i)
                        .withStrategy(new Strategy(30, 5, 0));
                long t0 = System.nanoTime();
                try (BotFleet fleet = new BotFleet(fleetSettings)) {
                    fleet.signUp();
                    fleet.joinTable(tableId, 1000);
                    fleet.play(new Bot.CashTable(tableId, 1000));
                    long events = 0;
                    while (events < size) {
                        Thread.sleep(1000);
                        events = events(db, tableId);
                        double s = (System.nanoTime() - t0) / 1e9;
                        System.err.printf("\r  recovery: table %d of %d, %d/%d events, %.0f s ", i + 1, sizes.size(),
                                events, size, s);
                        if (s > 1800) {
                            throw new IllegalStateException("table " + tableId + " has only " + events
                                    + " events after 30 minutes: " + fleet.summary());
                        }
                    }
                    fleet.stop();
                }
                System.err.print("\r" + " ".repeat(90) + "\r");
                System.out.printf("recovery: table %s played to %d events in %.0f s%n", tableId, events(db, tableId),
                        (System.nanoTime() - t0) / 1e9);
            }
        } finally {
            server.stop();
        }

        long launched = System.nanoTime();
        PokerServer restarted = TestServer.start(db, settings);
        double bootSeconds = (System.nanoTime() - launched) / 1e9;
        List<Results.RecoveredTable> recovered = new ArrayList<>();
        ExecutorService asking = Executors.newFixedThreadPool(tables.size());
        try {
            ClusterSharding sharding = ClusterSharding.get(restarted.system());
            // every table asked at once, as clients would: each one's time is its own, not the one before's
            List<CompletableFuture<Double[]>> asks = new ArrayList<>();
            for (String tableId : tables) {
                asks.add(CompletableFuture.supplyAsync(() -> {
                    long asked = System.nanoTime();
                    while (true) {
                        try {
                            sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                                    .ask(TableEntity.GetState::new, Duration.ofSeconds(10))
                                    .toCompletableFuture().get(15, TimeUnit.SECONDS);
                            long answered = System.nanoTime();
                            return new Double[] {(answered - launched) / 1e9, (answered - asked) / 1e9};
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        } catch (Exception notYet) {
                            if ((System.nanoTime() - asked) / 1e9 > 120) {
                                throw new IllegalStateException("table " + tableId + " did not answer in 120 s",
                                        notYet);
                            }
                        }
                    }
                }, asking));
            }
            for (int i = 0; i < tables.size(); i++) {
                Double[] times = asks.get(i).get(150, TimeUnit.SECONDS);
                String tableId = tables.get(i);
                recovered.add(new Results.RecoveredTable(tableId, events(db, tableId), snapshotSequence(db, tableId),
                        times[0], times[1]));
            }
        } finally {
            asking.shutdownNow();
            restarted.stop();
        }
        Results.Recovery result = new Results.Recovery(bootSeconds, recovered);
        for (Results.RecoveredTable t : recovered) {
            System.out.printf("recovery: a table with %d events (latest snapshot at %d) answered %.2f s after the"
                            + " launch (boot %.2f s, then the ask %.3f s)%n", t.events(), t.snapshotSequence(),
                    t.sinceLaunchSeconds(), bootSeconds, t.askSeconds());
        }
        return result;
    }

    private static long events(TestDatabase.Db db, String tableId) throws Exception {
        return scalar(db, "SELECT count(*) FROM event_journal WHERE persistence_id = ?", tableId);
    }

    private static long snapshotSequence(TestDatabase.Db db, String tableId) throws Exception {
        return scalar(db, "SELECT coalesce(max(sequence_number), 0) FROM snapshot WHERE persistence_id = ?", tableId);
    }

    private static long scalar(TestDatabase.Db db, String sql, String tableId) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, TableEntity.persistenceIdOf(tableId).id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
