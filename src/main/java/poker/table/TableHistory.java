package poker.table;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Source;
import poker.domain.table.TableEvent;
import poker.infra.EventArchive;
import poker.domain.table.TableState;

/** A table's journal, read back: any past moment rebuilt with the same pure functions, and the live tail. */
public final class TableHistory {

    /** The table as it stood after journal position {@code sequenceNr} (0: before anything). */
    public record Moment(TableState state, long sequenceNr) {
    }

    private final ActorSystem<?> system;
    private final EventArchive archive;

    public TableHistory(ActorSystem<?> system) {
        this.system = system;
        this.archive = EventArchive.get(system);
    }

    /** Reads the archived events too ({@link EventArchive}): a closed table's past is still there. */
    public CompletionStage<Moment> at(String tableId, long sequenceNr) {
        return archive.events(TableEntity.persistenceIdOf(tableId).id(), 0, sequenceNr)
                .thenApply(events -> {
                    Moment moment = new Moment(TableState.empty(tableId), 0);
                    for (EventEnvelope env : events) {
                        moment = new Moment(moment.state().apply((TableEvent) env.event()), env.sequenceNr());
                    }
                    return moment;
                });
    }

    /**
     * Every event after {@code afterSequenceNr} (archived ones too), then live as they are stored: what
     * is there now from the archive and the journal as one, then the journal's tail after the last of them.
     */
    public Source<EventEnvelope, NotUsed> after(String tableId, long afterSequenceNr) {
        return archive.eventsAfter(TableEntity.persistenceIdOf(tableId).id(), afterSequenceNr);
    }
}
