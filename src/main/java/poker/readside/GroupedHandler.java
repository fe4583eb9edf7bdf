package poker.readside;

import java.util.List;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;

/**
 * A group of envelopes through a projection's (guarded) handler, one after another, in one transaction: the
 * rows of the whole group and its offset commit together (JdbcProjection.groupedWithin), so a projection
 * commits once per group of events instead of once per event. A failing event rolls back its group; the
 * {@link GuardedHandler} inside still names that event, and an admin skip of it applies within the group.
 */
final class GroupedHandler<E> extends JdbcHandler<List<EventEnvelope<E>>, PooledJdbcSession> {

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
        for (EventEnvelope<E> envelope : envelopes) {
            delegate.process(session, envelope);
        }
    }
}
