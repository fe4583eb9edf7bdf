package poker.readside;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.JdbcSession;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps every projection handler (see {@link ReadSide}). A failure is logged and recorded before it
 * goes on to Pekko's recovery strategy and restart backoff: in a transaction of its own, on the same
 * connection (the handler's work and the offset are rolled back first), so a failing instance needs
 * no second connection. The record is cleared in the transaction that gets past the event. An event
 * an admin has skipped is stepped over, in the transaction that commits its offset.
 *
 * <p>Cheap in the normal case: the store is read once when the handler starts (a restart makes a
 * new handler), and the skips are looked up only when the event at hand is the failing one. All of
 * it on the handler's own session: no second connection.
 */
public final class GuardedHandler<E> extends JdbcHandler<EventEnvelope<E>, PooledJdbcSession> {

    /** What the guard records and consults; {@link ProjectionFailures} keeps it in PostgreSQL. */
    public interface Store {

        /** The event this instance was failing on, as recorded by any node. */
        Optional<Failing> failing(JdbcSession session, ProjectionInstance instance) throws Exception;

        /**
         * Records a failure on the session, whose transaction then commits only that (the handler's
         * work is rolled back before); returns the attempt number on this event (1, 2, ...).
         */
        int recordFailure(JdbcSession session, ProjectionInstance instance, EventRef event, Long ordering,
                          String message) throws Exception;

        /** In the handler's transaction: whether an admin skipped this event; if so the skip is marked applied. */
        boolean consumeSkip(JdbcSession session, ProjectionInstance instance, EventRef event) throws Exception;

        /** In the handler's transaction: the instance is past its failing event. */
        void clearFailure(JdbcSession session, ProjectionInstance instance) throws Exception;
    }

    /** A recorded failure: the event, and its place in the journal when known. */
    public record Failing(EventRef event, Long ordering) {
    }

    private static final Logger log = LoggerFactory.getLogger(GuardedHandler.class);
    private static final int MAX_MESSAGE = 1000;

    private final ProjectionInstance instance;
    private final Store store;
    private final JdbcHandler<EventEnvelope<E>, PooledJdbcSession> delegate;

    private boolean loaded;
    /** The event a failure is recorded for, while that record may still exist. */
    private EventRef failing;
    /** Its ordering in the journal, when known. */
    private Long failingOrdering;
    /** The event whose transaction also cleared the failure; once a later event comes, that commit happened. */
    private EventRef clearedWith;

    public GuardedHandler(ProjectionInstance instance, Store store,
                          JdbcHandler<EventEnvelope<E>, PooledJdbcSession> delegate) {
        this.instance = instance;
        this.store = store;
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

    /** Whether the handler inside lets its statements go in batches ({@link BatchedStatements}). */
    boolean batches() {
        return delegate instanceof BatchedStatements;
    }

    /**
     * Whether this instance has no failure on record: then {@link #process} sends only the handler's statements
     * and changes nothing of its own, so a group may be run once in batches and, if a batch fails, again
     * event by event.
     */
    boolean calm(JdbcSession session) throws Exception {
        load(session);
        return failing == null;
    }

    private void load(JdbcSession session) throws Exception {
        if (!loaded) {
            Failing recorded = store.failing(session, instance).orElse(null);
            failing = recorded == null ? null : recorded.event();
            failingOrdering = recorded == null ? null : recorded.ordering();
            loaded = true;
        }
    }

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<E> envelope) throws Exception {
        EventRef event = EventRef.of(envelope);
        load(session);
        if (clearedWith != null && !clearedWith.equals(event)) {
            failing = null;
            failingOrdering = null;
            clearedWith = null;
        }
        if (event.equals(failing) && store.consumeSkip(session, instance, event)) {
            store.clearFailure(session, instance);
            clearedWith = event;
            log.warn("Projection {} slice {} skips {} seq {}: an admin skipped it", instance.name(), instance.slice(),
                    event.persistenceId(), event.sequenceNr());
            return;
        }
        try {
            delegate.process(session, envelope);
        } catch (Exception | Error e) {
            failed(session, envelope, event, e);
            throw e;
        }
        if (failing != null && past(envelope, event)) {
            store.clearFailure(session, instance);
            clearedWith = event;
        }
    }

    /**
     * Whether this event, just handled, gets the instance past its failure: it is the failing event, or comes
     * after it in the journal. A retried group starts before its failing event: the events ahead of it do not
     * clear the record (nor would its skip then apply).
     */
    private boolean past(EventEnvelope<E> envelope, EventRef event) {
        if (event.equals(failing)) {
            return true;
        }
        return failingOrdering != null && envelope.offset() instanceof Sequence sequence
                && sequence.value() > failingOrdering;
    }

    private void failed(PooledJdbcSession session, EventEnvelope<E> envelope, EventRef event, Throwable cause) {
        String message = describe(cause);
        Long ordering = envelope.offset() instanceof Sequence sequence ? sequence.value() : null;
        int attempt = -1;
        try {
            session.rollback();
            attempt = store.recordFailure(session, instance, event, ordering, message);
            session.commit();
        } catch (Exception storeDown) {
            log.warn("Projection {} slice {} could not record its failure: {}", instance.name(), instance.slice(),
                    storeDown.toString());
        }
        failing = event;
        failingOrdering = ordering;
        clearedWith = null;
        Object[] args = {instance.name(), instance.slice(), event.persistenceId(), event.sequenceNr(), attempt,
                message, cause};
        if (attempt == 1) {
            // the stack once per event; the retries repeat the one line
            log.error("Projection {} slice {} failed on {} seq {} (attempt {}): {}", args);
        } else {
            log.warn("Projection {} slice {} failed on {} seq {} (attempt {}): {}",
                    Arrays.copyOf(args, args.length - 1));
        }
    }

    /**
     * The exception type and the first line of its message, made storable: PostgreSQL adds a
     * "Detail: Failing row contains (...)" line that would repeat the row's values.
     */
    static String describe(Throwable cause) {
        Throwable root = cause;
        while ((root instanceof ExecutionException || root instanceof CompletionException) && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return StorableText.of(text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE - 1) + "…" : text);
    }
}
