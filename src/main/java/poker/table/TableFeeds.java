package poker.table;

import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import poker.domain.table.TableEvent;
import poker.infra.EventFeeds;
import poker.infra.JsonSerializable;

/** Stored table events pushed to the live table sockets of each node ({@link EventFeeds}). */
public final class TableFeeds implements Extension {

    /** Events one write of table {@code tableId} stored, numbered {@code firstSeq}, {@code firstSeq + 1}, .... */
    public record Stored(String tableId, long firstSeq, List<TableEvent> events)
            implements EventFeeds.Batch<TableEvent>, JsonSerializable {

        @Override
        public String entityId() {
            return tableId;
        }

        /** Without the events: they may hold hole cards, and a log line must not. */
        @Override
        public String toString() {
            return "Stored[tableId=" + tableId + ", firstSeq=" + firstSeq + ", events=" + events.size() + "]";
        }
    }

    /** The pub-sub topic of one table's stored events. */
    public static String topicName(String tableId) {
        return "table-live-" + tableId;
    }

    private static final ExtensionId<TableFeeds> ID = new ExtensionId<>() {
        @Override
        public TableFeeds createExtension(ActorSystem<?> system) {
            return new TableFeeds(system);
        }
    };

    private final EventFeeds<TableEvent, Stored> feeds;

    private TableFeeds(ActorSystem<?> system) {
        this.feeds = new EventFeeds<>(system, "table-feeds", Stored.class, TableFeeds::topicName,
                id -> TableEntity.persistenceIdOf(id).id(), Stored::new);
    }

    public static EventFeeds<TableEvent, Stored> get(ActorSystem<?> system) {
        return ID.apply(system).feeds;
    }
}
