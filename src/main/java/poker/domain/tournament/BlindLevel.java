package poker.domain.tournament;

/** One step of a blind schedule: the blinds and big-blind ante, for {@code minutes} of play. */
public record BlindLevel(long smallBlind, long bigBlind, long ante, int minutes) {
}
