package poker.readside;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.eventsourced.javadsl.EventSourcedProvider;
import org.apache.pekko.projection.javadsl.SourceProvider;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A projection's events of one tag, read when the tag has new ones instead of every 100 ms.
 *
 * <p>The stream runs in rounds. A round reads everything stored for the tag after the last offset, with the
 * read journal's {@code currentEventsByTag}: that read ends only once it has covered every event committed
 * when it began, waiting out a sequence gap (an insert not yet committed) as the live query does, so no
 * event is skipped. Before a round starts, the stream takes the tag's next wake-up ({@link TagWakeups#next});
 * the following round begins when that completes (a committed write named the tag, possibly during the round),
 * or after {@link TagWakeups#waitLimit()} at the latest, and a short settle (see {@link #settled}). Each wake-up
 * taken before a commit completes no later than that commit's announcement ({@link AnnouncingJournal}), so
 * every commit is followed by a round that began after it.
 *
 * <p>Idle, a stream costs one read every {@code poker.read-side.idle-poll} instead of ten a second; busy,
 * one round per burst of commits of its own tag, not of every tag.
 */
public final class NotifiedTagSource<E> extends SourceProvider<Offset, EventEnvelope<E>> {

    private final ActorSystem<?> system;
    private final JdbcReadJournal journal;
    private final TagWakeups wakeups;
    private final String tag;
    private final Duration settle;

    private NotifiedTagSource(ActorSystem<?> system, String tag) {
        this.settle = system.settings().config().getDuration("poker.read-side.settle");
        this.system = system;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
                JdbcReadJournal.Identifier());
        this.wakeups = TagWakeups.get(system);
        this.tag = tag;
    }

    /**
     * The events tagged {@code tag}, in journal order, from a projection's stored offset on; with
     * {@code poker.read-side.notify = off}, the read journal's own live query (polling every refresh-interval).
     */
    public static <E> SourceProvider<Offset, EventEnvelope<E>> eventsByTag(ActorSystem<?> system, String tag) {
        if (!system.settings().config().getBoolean("poker.read-side.notify")) {
            return EventSourcedProvider.eventsByTag(system, JdbcReadJournal.Identifier(), tag);
        }
        return new NotifiedTagSource<>(system, tag);
    }

    @Override
    public CompletionStage<Source<EventEnvelope<E>, NotUsed>> source(
            Supplier<CompletionStage<Optional<Offset>>> offset) {
        return offset.get().thenApply(stored -> {
            AtomicReference<Offset> last = new AtomicReference<>(stored.orElse(Offset.noOffset()));
            // the first round starts at once
            AtomicReference<CompletionStage<Done>> wakeup =
                    new AtomicReference<>(CompletableFuture.completedFuture(Done.getInstance()));
            return Source.repeat(NotUsed.getInstance())
                    .flatMapConcat(round -> Source.lazyCompletionStageSource(() -> woken(wakeup.get())
                            .thenCompose(done -> settled())
                            .thenApply(done -> {
                                wakeup.set(wakeups.next(tag));
                                return journal.currentEventsByTag(tag, last.get())
                                        .map(env -> {
                                            last.set(env.offset());
                                            return envelope(env);
                                        });
                            })))
                    .mapMaterializedValue(m -> NotUsed.getInstance());
        });
    }

    /**
     * Completes {@code poker.read-side.settle} later. The read journal reads only up to the highest ordering its
     * sequence check has seen without a gap, and that check runs every
     * {@code jdbc-read-journal.journal-sequence-retrieval.query-delay}: a read right at the notification would
     * nearly always find nothing yet and read again a refresh later. Waiting that long first reads once, and
     * gathers the commits of that moment into one round.
     */
    private CompletionStage<Done> settled() {
        if (settle.isZero()) {
            return CompletableFuture.completedFuture(Done.getInstance());
        }
        return Patterns.after(settle, system.classicSystem().scheduler(), system.executionContext(),
                () -> CompletableFuture.completedFuture(Done.getInstance()));
    }

    /** Completes when {@code wakeup} does, or after the wait limit, whichever comes first. */
    private CompletionStage<Done> woken(CompletionStage<Done> wakeup) {
        CompletableFuture<Done> f = wakeup.toCompletableFuture();
        if (f.isDone()) {
            return f;
        }
        Duration limit = wakeups.waitLimit();
        CompletionStage<Done> timeout = Patterns.after(limit, system.classicSystem().scheduler(),
                system.executionContext(), () -> CompletableFuture.completedFuture(Done.getInstance()));
        return f.applyToEither(timeout, d -> d);
    }

    @SuppressWarnings("unchecked")
    private EventEnvelope<E> envelope(org.apache.pekko.persistence.query.EventEnvelope env) {
        return EventEnvelope.create(env.offset(), env.persistenceId(), env.sequenceNr(), (E) env.event(),
                env.timestamp());
    }

    @Override
    public Offset extractOffset(EventEnvelope<E> envelope) {
        return envelope.offset();
    }

    @Override
    public long extractCreationTime(EventEnvelope<E> envelope) {
        return envelope.timestamp();
    }
}
