package poker.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import poker.PokerServer;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.support.TournamentRun;

/**
 * A large tournament played to the end by bots: a server in this JVM on an embedded PostgreSQL, N bots
 * (default 200) registered into a sit-and-go that starts when full, fast levels (one minute), a 100 ms
 * pause between hands, the bots acting at once over their live sockets. Prints the wall time from the
 * start to the finish, hands per second (all tables), and events per second (the tournament's, its
 * tables' and the wallet events naming it), then the checks of {@link TournamentRun} (which fail
 * it if a rule was broken). Not part of mvn verify:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.TournamentBenchmark \
 *   [-Dexec.args="ENTRIES SEATS_PER_TABLE"]     (defaults 200 9)
 * </pre>
 */
public final class TournamentBenchmark {

    private TournamentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seats = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        TestDatabase.Db db = TestDatabase.fresh();
        PokerServer server = TestServer.start(db, Map.of(
                "poker.table.hand-pause", "100ms",
                "pekko.loglevel", "ERROR"));
        try {
            System.out.printf("%d entries at tables of %d, %d CPUs, load average %.1f%n", entries, seats,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            long eventsBefore = journalEvents(db);
            TournamentRun.Outcome outcome = TournamentRun.play(server.httpPort(), TournamentRun.journal(db), entries,
                    seats, "bench", null);
            long events = journalEvents(db) - eventsBefore;
            int hands = outcome.checks().tableHands();
            int story = outcome.checks().rows().size();
            System.out.printf("%d-entry tournament: wall time %.1f s, %d hands (%.1f hands/s), %d events of the"
                            + " tournament and its tables (%.0f events/s; %d journal events in all with sign-ups,"
                            + " director and read-side bookkeeping), load average %.1f%n", entries, outcome.seconds(),
                    hands, hands / outcome.seconds(), story, story / outcome.seconds(), events,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("bots: " + outcome.bots());
        } finally {
            server.stop();
            System.exit(0);
        }
    }

    private static long journalEvents(TestDatabase.Db db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM event_journal")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
