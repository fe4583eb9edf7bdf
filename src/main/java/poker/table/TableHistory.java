package poker.table;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import poker.domain.table.TableEvent;
import poker.domain.table.TableState;
import poker.infra.EventArchive;

/**
 * A table's journal, read back: any past moment rebuilt with the same pure functions (the live tail is
 * {@link TableFeeds}). Archived events are read too ({@link EventArchive}): a closed table's past is still there.
 */
public final class TableHistory {

    /** The table as it stood after journal position {@code sequenceNr} (0: before anything). */
    public record Moment(TableState state, long sequenceNr) {
    }

    private final EventArchive archive;

    public TableHistory(ActorSystem<?> system) {
        this.archive = EventArchive.get(system);
    }

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
}
