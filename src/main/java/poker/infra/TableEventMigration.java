package poker.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Reads old table events as today's (docs/changing-events.md). The table events' serializer has
 * {@code type-in-manifest} off, so Pekko looks a migration up by the one type bound to it,
 * {@code poker.domain.table.TableEvent}, never by the event's class: this migration sees every table event,
 * with the version in its journal manifest ({@code ""}, as every event stored before the first migration
 * has it, is version 1; later ones carry {@code "#2"}), and reshapes only the ones that changed.
 *
 * <ul>
 *   <li>Version 2: {@code ParticipantJoined} no longer stores {@code initialChips} (every join stored it equal
 *   to {@code chips}) nor {@code status} (always {@code active}, or {@code waiting} when
 *   {@code waitForBigBlind} is true: what {@code ParticipantJoined.status()} derives).</li>
 * </ul>
 */
public final class TableEventMigration extends JacksonMigration {

    @Override
    public int currentVersion() {
        return 2;
    }

    @Override
    public JsonNode transform(int fromVersion, JsonNode json) {
        if (fromVersion < 2 && json instanceof ObjectNode event && "ParticipantJoined".equals(event.path("type")
                .asText())) {
            event.remove("initialChips");
            event.remove("status");
        }
        return json;
    }
}
