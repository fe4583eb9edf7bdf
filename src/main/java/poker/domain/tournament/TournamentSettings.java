package poker.domain.tournament;

import java.time.Instant;
import java.util.List;

/**
 * The fixed terms of a tournament, chosen at creation (POST /api/tournaments). Chip amounts are whole
 * chips. {@code startAt} null with {@code startWhenFull} true: a sit-and-go, started when
 * {@code maxPlayers} have registered. {@code lateRegistrationLevels}: registration (and re-entry) stays
 * open until the end of that level (0: closes at the start). {@code maxReentries}: how many times one
 * player may enter again after busting (0: none).
 */
public record TournamentSettings(String name, long buyIn, long fee, long startingStack, int seatsPerTable,
                                 int minPlayers, int maxPlayers, Instant startAt, boolean startWhenFull,
                                 List<BlindLevel> levels, int lateRegistrationLevels, int maxReentries,
                                 int actionSeconds) {

    public TournamentSettings {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
