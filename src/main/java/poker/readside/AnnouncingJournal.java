package poker.readside;

import com.typesafe.config.Config;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.journal.JdbcAsyncWriteJournal;
import org.apache.pekko.persistence.journal.Tagged;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * The JDBC journal, which after each committed write announces the tags it wrote ({@link TagWakeups#announce}):
 * this node's projection streams of those tags wake at once, and every node's through one NOTIFY.
 *
 * <p>Announcing from here rather than from a trigger in the journal's transaction (migration V21, dropped by
 * V22) keeps the journal's commits free of PostgreSQL's notify-queue lock, which a notifying transaction holds
 * until its commit is flushed: with it, journal commits could not share a disk flush.
 *
 * <p>The announcement runs on the journal actor's dispatcher, not on the thread that completes the write: run
 * there, it delayed the replies to the entities, and the wallet entity alone took a third fewer commands a
 * second (Harness, 1 to 64 callers).
 *
 * <p>A write is announced only once its future completes, that is after its transaction committed. If the
 * node dies in between, the other nodes' streams find those events at their next idle read
 * ({@code poker.read-side.idle-poll}).
 */
public final class AnnouncingJournal extends JdbcAsyncWriteJournal {

    private final TagWakeups wakeups;

    public AnnouncingJournal(Config config) {
        super(config);
        this.wakeups = TagWakeups.get(Adapter.toTyped(context().system()));
    }

    @Override
    public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
        Future<Seq<Try<BoxedUnit>>> written = super.asyncWriteMessages(messages);
        // on success (a rejected write among them only makes a stream read once for nothing); never on the
        // thread that completes the write, which then answers the entities
        written.onComplete(result -> {
            if (result.isSuccess()) {
                Set<String> tags = tags(messages);
                if (!tags.isEmpty()) {
                    wakeups.announce(tags);
                }
            }
            return BoxedUnit.UNIT;
        }, context().dispatcher());
        return written;
    }

    /** The distinct tags of the events in {@code messages}. */
    static Set<String> tags(Seq<AtomicWrite> messages) {
        Set<String> tags = new LinkedHashSet<>();
        for (AtomicWrite write : CollectionConverters.asJava(messages)) {
            for (PersistentRepr repr : CollectionConverters.asJava(write.payload())) {
                if (repr.payload() instanceof Tagged tagged) {
                    tags.addAll(CollectionConverters.asJava(tagged.tags()));
                }
            }
        }
        return tags;
    }
}
