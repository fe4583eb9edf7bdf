package poker.readside;

import java.util.List;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import poker.domain.table.TableEvent;

/** The read side of Table Management: one projection per query need, all reading the table tags. */
public final class TableProjections {

    public static final String PARTICIPANTS = "participants";
    public static final String TABLE_STATS = "table_stats";
    public static final String LOBBY = "lobby";

    private TableProjections() {
    }

    public static void init(ActorSystem<?> system, DataSource dataSource, ReadSideProgress progress, int tagSlices) {
        ReadSide.<TableEvent>start(system, dataSource, progress, "table", tagSlices, PARTICIPANTS,
                List.of("participants"),
                ParticipantsProjectionHandler::new);
        ReadSide.<TableEvent>start(system, dataSource, progress, "table", tagSlices, TABLE_STATS,
                List.of("table_stats"),
                TableStatsProjectionHandler::new);
        ReadSide.<TableEvent>start(system, dataSource, progress, "table", tagSlices, LOBBY, List.of("lobby_tables"),
                LobbyProjectionHandler::new);
    }
}
