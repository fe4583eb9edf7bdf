package poker.readside;

import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of envelopes through a projection's (guarded) handler, one after another, in one transaction: the
 * rows of the whole group and its offset commit together (JdbcProjection.groupedWithin), so a projection
 * commits once per group of events instead of once per event. A failing event rolls back its group; the
 * {@link GuardedHandler} inside still names that event, and an admin skip of it applies within the group.
 *
 * <p>A handler that is {@link BatchedStatements} has its group's statements sent in batches (one round trip
 * for each run of statements of the same text instead of one per statement), while its instance has no
 * failure on record. A batch that fails cannot say which event it failed on: the group is rolled back (nothing
 * of it is written yet) and run again statement by statement, where the guard names the event.
 */
final class GroupedHandler<E> extends JdbcHandler<List<EventEnvelope<E>>, PooledJdbcSession> {

    private static final Logger log = LoggerFactory.getLogger(GroupedHandler.class);

    private final JdbcHandler<EventEnvelope<E>, PooledJdbcSession> delegate;

    GroupedHandler(JdbcHandler<EventEnvelope<E>, PooledJdbcSession> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public void process(PooledJdbcSession session, List<EventEnvelope<E>> envelopes) throws Exception {
        if (envelopes.size() > 1 && batches(session) && batched(session, envelopes)) {
            return;
        }
        for (EventEnvelope<E> envelope : envelopes) {
            delegate.process(session, envelope);
        }
    }

    /** A guarded handler while its instance has no failure on record, or (in a rebuild) the bare handler. */
    private boolean batches(PooledJdbcSession session) throws Exception {
        if (delegate instanceof GuardedHandler<E> guarded) {
            return guarded.batches() && guarded.calm(session);
        }
        return delegate instanceof BatchedStatements;
    }

    /**
     * The group with its statements in batches; false when a batch failed, with the group rolled back. A failure
     * of the handler itself (not of a batch) goes on as it would event by event: the guard has named the event.
     */
    private boolean batched(PooledJdbcSession session, List<EventEnvelope<E>> envelopes) throws Exception {
        session.batching(true);
        try {
            for (EventEnvelope<E> envelope : envelopes) {
                delegate.process(session, envelope); // queues; a handler's own failure is named and rolled back
            }
        } finally {
            session.batching(false);
        }
        try {
            session.flush();
            return true;
        } catch (Exception batchFailed) {
            log.debug("A batch of {} events failed ({}); the group runs again event by event", envelopes.size(),
                    batchFailed.toString());
            session.rollback();
            return false;
        }
    }
}
