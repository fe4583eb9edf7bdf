package poker.readside;

import java.util.List;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import poker.domain.tournament.TournamentEvent;

/**
 * The read side of Tournament Management: one projection ({@value #TOURNAMENTS}) over the tournament
 * tags ({@code tournament-0 .. tournament-(n-1)}), feeding the lobby, detail, standings and entries.
 */
public final class TournamentProjections {

    public static final String TOURNAMENTS = "tournaments";
    public static final String TAG_PREFIX = "tournament";

    private TournamentProjections() {
    }

    /** The persistence id of tournament {@code tournamentId}'s journal (TOURNAMENT.md: "Tournament|<id>"). */
    public static String persistenceIdOf(String tournamentId) {
        return "Tournament|" + tournamentId;
    }

    public static void init(ActorSystem<?> system, DataSource dataSource, ReadSideProgress progress, int tagSlices) {
        ReadSide.<TournamentEvent>start(system, dataSource, progress, TAG_PREFIX, tagSlices, TOURNAMENTS,
                List.of("tournaments", "tournament_entries", "tournament_payouts", "tournament_tables"),
                TournamentProjectionHandler::new);
    }
}
