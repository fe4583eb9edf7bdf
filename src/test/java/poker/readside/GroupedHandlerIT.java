package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import poker.support.TestDatabase;

/**
 * A group of events through {@link GroupedHandler} on a real PostgreSQL, for a handler whose statements may go
 * in batches: they run in the order the handler sent them, one round trip per run of one statement text; a
 * batch that fails is run again event by event, so the guard names the event that failed, and an admin's
 * skip of it lets the rest of the group through.
 */
class GroupedHandlerIT {

    static final String PID = "Counter|1";
    static final ProjectionInstance INSTANCE = new ProjectionInstance("counters", "counter-0");

    TestDatabase.Db db;
    AtomicInteger prepared;
    DataSource dataSource;

    @BeforeEach
    void freshTable() throws Exception {
        db = TestDatabase.fresh();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE counters (k INT PRIMARY KEY, v INT NOT NULL CHECK (v < 100))");
        }
        prepared = new AtomicInteger();
        dataSource = countingDataSource();
    }

    /**
     * "insert K V" inserts counter K at V, "bump K" adds one to it; only through {@link PooledJdbcSession#update}.
     */
    static final class Counters extends JdbcHandler<EventEnvelope<String>, PooledJdbcSession>
            implements BatchedStatements {
        @Override
        public void process(PooledJdbcSession session, EventEnvelope<String> envelope) throws Exception {
            String[] words = envelope.event().split(" ");
            int k = Integer.parseInt(words[1]);
            if (words[0].equals("insert")) {
                int v = Integer.parseInt(words[2]);
                session.update("INSERT INTO counters (k, v) VALUES (?, ?)", ps -> {
                    ps.setInt(1, k);
                    ps.setInt(2, v);
                });
            } else {
                session.update("UPDATE counters SET v = v + 1 WHERE k = ?", ps -> ps.setInt(1, k));
            }
        }
    }

    @Test
    void aGroupsStatementsRunInTheirOrderOneBatchPerRunOfOneText() throws Exception {
        GuardedHandlerTest.InMemoryStore store = new GuardedHandlerTest.InMemoryStore();
        GroupedHandler<String> handler = grouped(store);
        // per text instead of per run, "bump 2" would go before "insert 2 5" and change nothing
        run(handler, events("insert 1 0", "bump 1", "insert 2 5", "bump 1", "bump 2", "bump 2"));

        assertThat(counters()).isEqualTo(Map.of(1, 2, 2, 7));
        // the in-memory store sends nothing: every statement counted is the handler's. 4 runs of one text:
        // insert, bump, insert, bump x 3
        assertThat(prepared.get()).isEqualTo(4);
        assertThat(store.failures).isEmpty();
    }

    @Test
    void aLoneEventRunsAtOnceWithoutABatch() throws Exception {
        GroupedHandler<String> handler = grouped(new GuardedHandlerTest.InMemoryStore());
        run(handler, events("insert 1 0"));
        run(handler, events("bump 1"));
        assertThat(counters()).isEqualTo(Map.of(1, 1));
        assertThat(prepared.get()).isEqualTo(2);
    }

    @Test
    void aFailedBatchRunsAgainEventByEventTheGuardNamesTheEventAndASkipLetsTheRestThrough() throws Exception {
        GuardedHandlerTest.InMemoryStore store = new GuardedHandlerTest.InMemoryStore();
        // the third event breaks the CHECK; in a batch that fails as a whole, with no event of its own
        List<EventEnvelope<String>> group = events("insert 1 0", "insert 2 0", "insert 3 100", "insert 4 0",
                "bump 1");

        assertThatThrownBy(() -> run(grouped(store), group)).hasMessageContaining("counters_v_check");

        GuardedHandlerTest.InMemoryStore.Failure failure = store.failures.get(INSTANCE);
        assertThat(failure.event()).isEqualTo(new EventRef(PID, 3));
        assertThat(failure.ordering()).isEqualTo(103L);
        assertThat(failure.message()).contains("counters_v_check");
        assertThat(counters()).as("the group is rolled back").isEmpty();

        // the admin skips event 3; the projection restarts (a new handler) and retries the group
        store.skips.put(new EventRef(PID, 3), false);
        run(grouped(store), group);

        assertThat(counters()).isEqualTo(Map.of(1, 1, 2, 0, 4, 0));
        assertThat(store.failures).isEmpty();
        assertThat(store.skips).containsEntry(new EventRef(PID, 3), true);
    }

    @Test
    void aHandlersOwnFailureInABatchedGroupIsNamedAtOnce() throws Exception {
        GuardedHandlerTest.InMemoryStore store = new GuardedHandlerTest.InMemoryStore();
        // "insert x 0" fails in the handler (not a number), before anything is sent
        assertThatThrownBy(() -> run(grouped(store), events("insert 1 0", "insert x 0", "insert 3 0")))
                .isInstanceOf(NumberFormatException.class);
        assertThat(store.failures.get(INSTANCE).event()).isEqualTo(new EventRef(PID, 2));
        assertThat(counters()).isEmpty();
        assertThat(prepared.get()).as("nothing was sent").isZero();
    }

    GroupedHandler<String> grouped(GuardedHandler.Store store) {
        return new GroupedHandler<>(new GuardedHandler<>(INSTANCE, store, new Counters()));
    }

    /** One group's transaction, as JdbcProjection runs it: process, then commit; rolled back on a failure. */
    void run(GroupedHandler<String> handler, List<EventEnvelope<String>> group) throws Exception {
        PooledJdbcSession session = new PooledJdbcSession(dataSource);
        try {
            handler.process(session, group);
            session.commit();
        } catch (Exception e) {
            session.rollback();
            throw e;
        } finally {
            session.close();
        }
    }

    static List<EventEnvelope<String>> events(String... texts) {
        List<EventEnvelope<String>> events = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            long seq = i + 1;
            events.add(EventEnvelope.create(Sequence.apply(100 + seq), PID, seq, texts[i], 1_700_000_000_000L + seq));
        }
        return events;
    }

    Map<Integer, Integer> counters() throws Exception {
        Map<Integer, Integer> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT k, v FROM counters")) {
            while (rs.next()) {
                rows.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return rows;
    }

    /** Connections to the test database that count the statements prepared on them. */
    DataSource countingDataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection real = DriverManager.getConnection(db.url(), db.user(), db.password());
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement")) {
                                    prepared.incrementAndGet();
                                }
                                try {
                                    return m.invoke(real, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }
}
