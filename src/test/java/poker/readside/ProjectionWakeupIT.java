package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.Sql;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * Projections wake on the journal's announcements ({@link AnnouncingJournal}, {@link TagWakeups},
 * {@link NotifiedTagSource}) instead of polling: an idle node sends the database a handful of transactions a second, not hundreds, and events still
 * reach the read models at once, also while the listening connection is gone and after it is back.
 */
class ProjectionWakeupIT {

    static TestDatabase.Db db;
    static PokerServer server;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.fresh();
        server = TestServer.start(db);
        api = new ApiClient(server.httpPort());
        Eventually.await(Duration.ofSeconds(20), () -> TagWakeups.get(server.system()).listening(), l -> l);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** A new player's grant in their ledger (the wallet_ledger projection), in ms after the sign-up answered. */
    static long ledgerLagMillis(String username) throws Exception {
        String token = api.signUp(username);
        long answered = System.nanoTime();
        Eventually.await(Duration.ofSeconds(15), () -> api.get("/wallet/transactions", token),
                r -> r.status() == 200 && r.body().size() > 0);
        return (System.nanoTime() - answered) / 1_000_000;
    }

    static long transactions() throws Exception {
        return Sql.count(server.dataSource(),
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }

    @Test
    void anIdleNodeBarelyTouchesTheDatabaseAndEventsStillReachTheReadModelsAtOnce() throws Exception {
        long[] lags = new long[10];
        for (int i = 0; i < lags.length; i++) {
            lags[i] = ledgerLagMillis("wake_idle_" + i);
        }
        Arrays.sort(lags);
        // quiet: let the projections commit their offsets and the sign-ups' sagas end
        Thread.sleep(2_000);
        long before = transactions();
        Thread.sleep(5_000);
        long perSecond = (transactions() - before) / 5;
        System.out.printf("idle node: %d database transactions/s; sign-up to ledger row: median %d ms, max %d ms%n",
                perSecond, lags[lags.length / 2], lags[lags.length - 1]);
        // Polling, the 36 projection streams alone ran 360 queries a second (351 transactions/s measured). What
        // remains: the read journal's sequence check (20/s), the store-health probe (1/s) and the projections'
        // rare idle reads; 21-31/s measured.
        assertThat(perSecond).as("transactions a second on an idle node").isLessThan(60);
        assertThat(TagWakeups.get(server.system()).notifications()).as("notifications received").isPositive();
    }

    @Test
    void aCommittedWriteNotifiesItsTagsOnEveryListeningSession() throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + TagWakeups.CHANNEL);
            }
            api.signUp("wake_listener");
            List<String> payloads = new ArrayList<>();
            Eventually.await(Duration.ofSeconds(10), () -> {
                PGNotification[] received = c.unwrap(PGConnection.class).getNotifications(200);
                if (received != null) {
                    Arrays.stream(received).forEach(n -> payloads.add(n.getParameter()));
                }
                return payloads;
            }, p -> p.stream().anyMatch(s -> s.matches("(.*,)?wallet-\\d(,.*)?")));
            assertThat(payloads).allSatisfy(p -> assertThat(p).matches("[a-z]+-\\d+(,[a-z]+-\\d+)*"));
        }
    }

    @Test
    void withTheListeningConnectionEndedEventsStillArriveAndListeningResumes() throws Exception {
        TagWakeups wakeups = TagWakeups.get(server.system());
        assertThat(Sql.count(server.dataSource(), "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE application_name = 'poker-tag-wakeups' AND datname = current_database()"))
                .as("listening sessions ended").isEqualTo(1);
        // while nobody listens (or as soon as listening is back) the read side still follows
        long whileDown = ledgerLagMillis("wake_down");
        Eventually.await(Duration.ofSeconds(15), wakeups::listening, l -> l);
        long notified = wakeups.notifications();
        long afterwards = ledgerLagMillis("wake_back");
        assertThat(wakeups.notifications()).as("notifications after the new LISTEN").isGreaterThan(notified);
        System.out.printf("listening connection ended: sign-up to ledger row %d ms; after it was back %d ms%n",
                whileDown, afterwards);
    }

    @Test
    void theJournalsOwnCommitsDoNotNotifyAndWithTheAnnouncingConnectionEndedThisNodeStillWakesAtOnce()
            throws Exception {
        // migration V22: no trigger on the journal, whose commits would then queue on the notify lock
        assertThat(Sql.count(server.dataSource(), "SELECT count(*) FROM pg_trigger t JOIN pg_proc p"
                + " ON p.oid = t.tgfoid WHERE NOT t.tgisinternal AND p.prosrc ILIKE '%pg_notify%'"))
                .as("triggers that notify").isZero();
        TagWakeups wakeups = TagWakeups.get(server.system());
        Eventually.await(Duration.ofSeconds(10), () -> Sql.count(server.dataSource(), "SELECT count(*) FROM"
                + " pg_stat_activity WHERE application_name = 'poker-tag-announcer'"
                + " AND datname = current_database()"), n -> n == 1);
        assertThat(Sql.count(server.dataSource(), "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = 'poker-tag-announcer' AND datname = current_database()"))
                .as("announcing sessions ended").isEqualTo(1);
        // this node's own streams are woken by the journal directly, not through PostgreSQL: well within the
        // idle read (10 s), the grant is in the ledger
        String token = api.signUp("wake_unannounced");
        Eventually.await(Duration.ofSeconds(5), () -> api.get("/wallet/transactions", token),
                r -> r.status() == 200 && r.body().size() > 0);
        // and the announcing connection comes back: the other nodes hear of the writes again
        long announced = wakeups.announcements();
        Eventually.await(Duration.ofSeconds(20), () -> {
            api.signUp("wake_announced_" + System.nanoTime());
            return wakeups.announcements();
        }, n -> n > announced);
    }
}
