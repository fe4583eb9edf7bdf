package poker.domain.table;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * Facts about one table, appended to its journal and never changed. The "type" names are the
 * stored identity of each event: never rename one; reshape with a migration instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(TableEvent.TableCreated.class),
        @JsonSubTypes.Type(TableEvent.ParticipantJoined.class),
        @JsonSubTypes.Type(TableEvent.ParticipantLeft.class)
})
public sealed interface TableEvent {

    String tableId();

    @JsonTypeName("TableCreated")
    record TableCreated(String tableId, TableSettings settings, String createdBy, Instant createdAt)
            implements TableEvent {
    }

    @JsonTypeName("ParticipantJoined")
    record ParticipantJoined(String participantId, String playerId, String tableId, long chips,
                             long initialChips, int seatNumber, boolean sittingOut, String status)
            implements TableEvent {
    }

    @JsonTypeName("ParticipantLeft")
    record ParticipantLeft(String participantId, String playerId, String tableId, int seatNumber,
                           long chipsReturned)
            implements TableEvent {
    }
}
