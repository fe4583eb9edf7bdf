package poker.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import poker.PokerServer;
import poker.domain.tournament.Payouts;
import poker.support.ServerProcess;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.support.TournamentChecks;
import poker.support.TournamentRun;

/**
 * Whole tournaments on a real PostgreSQL, played by the shipped bots ({@link poker.bots.BotFleet}) over the
 * API and their live sockets, all acting at once: fast levels, a short action clock, a short pause between
 * hands. Each is checked by {@link TournamentRun}: over the journal (one winner; places 1..N, ties only as
 * the rules allow; chips = entries × starting stack after every tournament event; nobody at two tables;
 * tables within one at every balancing point; a table broken as soon as the rest fit; hand-for-hand on the
 * bubble with several tables; prizes = buy-ins, each paid once; fees once) and through the API (standings,
 * wallet ledgers, the audit). Durations are printed, not asserted.
 */
class TournamentPlayIT {

    static TestDatabase.Db db;
    static PokerServer server;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        server = TestServer.start(db, Map.of(
                "poker.table.hand-pause", "100ms",
                "jdbc-read-journal.refresh-interval", "50ms"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /**
     * The bubble with more than one table: tables of three and a field whose paid places are at least three,
     * so when one more than the paid places remain they sit at two tables and play hand-for-hand.
     */
    @Test
    void theBubbleAtSeveralTablesIsPlayedHandForHand() throws Exception {
        int entries = 9;
        while (Payouts.paidPlaces(entries) < 3) {
            entries++;
        }
        assertThat(entries).as("a field that pays three places").isLessThan(60);
        // Two busts in one hand can skip the bubble (one more than the paid places) altogether, as the rules
        // allow: play again until the bubble comes at several tables (each run is checked in full either way).
        boolean bubbleAtTables = false;
        for (int run = 1; run <= 4 && !bubbleAtTables; run++) {
            TournamentChecks checks = TournamentRun.play(server.httpPort(), TournamentRun.journal(db), entries, 3,
                    "hfh" + run, null).checks();
            bubbleAtTables = checks.bubbleWithTables();
            if (bubbleAtTables) {
                assertThat(checks.handForHandHappened()).isTrue();
            } else {
                System.out.println("run " + run + ": the bubble was skipped by a hand with two busts; again");
            }
        }
        assertThat(bubbleAtTables).as("the bubble came at several tables in one of four tournaments").isTrue();
    }

    /**
     * 27 entries at three tables of nine (seating, balancing, breaking, prizes) on a server in its own JVM,
     * killed (SIGKILL) a third of the way and started again on the same data: the tournament finishes and
     * passes every check. (The same kill on a cluster, where the director moves to another node, is in
     * ClusterChaosIT.)
     */
    @Test
    void aServerKilledMidTournamentStartsAgainAndFinishesIt(@TempDir Path home) throws Exception {
        ServerProcess.Settings settings = ServerProcess.settings(home)
                .with("POKER_HAND_PAUSE", "100ms")
                .with("POKER_LOGIN_ATTEMPTS_PER_ADDRESS", "0")
                .with("POKER_REGISTRATIONS_PER_ADDRESS", "0")
                .with("POKER_LOG_LEVEL", "WARN")
                .withJvmOption("-Djdbc-read-journal.refresh-interval=50ms");
        ServerProcess[] current = {ServerProcess.start(settings)};
        try {
            TournamentRun.Journal journal = id -> {
                // the embedded PostgreSQL's port is on line 4 of its postmaster.pid
                String port = Files.readAllLines(current[0].dataDir().resolve("postmaster.pid")).get(3).trim();
                return TournamentChecks.load("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "", id);
            };
            long[] downFor = new long[1];
            TournamentRun.Outcome outcome = TournamentRun.play(settings.httpPort(), journal, 27, 9, "crash", fleet -> {
                long killed = System.nanoTime();
                current[0].kill();
                current[0] = current[0].restart();
                downFor[0] = (System.nanoTime() - killed) / 1_000_000;
            });
            assertThat(outcome.checks().places()).hasSize(27);
            assertThat(outcome.checks().tableHands()).as("every table dealt").isGreaterThanOrEqualTo(3);
            assertThat(outcome.checks().settledBalancingPoints()).as("balancing points checked").isGreaterThan(0);
            assertThat(outcome.bots().reconnects()).as("sockets opened again after the kill").isPositive();
            System.out.printf("27-entry tournament with a kill -9 and a restart (down %d ms): %.1f s%n", downFor[0],
                    outcome.seconds());
        } finally {
            current[0].close();
        }
    }
}
