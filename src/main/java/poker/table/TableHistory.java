package poker.table;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import poker.domain.table.TableEvent;
import poker.domain.table.TableState;

/** A table's journal, read back: any past moment rebuilt with the same pure functions, and the live tail. */
public final class TableHistory {

    /** The table as it stood after journal position {@code sequenceNr} (0: before anything). */
    public record Moment(TableState state, long sequenceNr) {
    }

    private final ActorSystem<?> system;
    private final JdbcReadJournal journal;

    public TableHistory(ActorSystem<?> system) {
        this.system = system;
        this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
                JdbcReadJournal.Identifier());
    }

    public CompletionStage<Moment> at(String tableId, long sequenceNr) {
        return journal.currentEventsByPersistenceId(TableEntity.persistenceIdOf(tableId).id(), 0, sequenceNr)
                .runWith(Sink.fold(new Moment(TableState.empty(tableId), 0), (moment, env) ->
                        new Moment(moment.state().apply((TableEvent) env.event()), env.sequenceNr())), system);
    }

    /** Every event after {@code afterSequenceNr}, then live as they are stored. */
    public Source<EventEnvelope, NotUsed> after(String tableId, long afterSequenceNr) {
        return journal.eventsByPersistenceId(TableEntity.persistenceIdOf(tableId).id(), afterSequenceNr + 1, Long.MAX_VALUE)
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }
}
