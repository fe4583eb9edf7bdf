package poker.domain.table;

/**
 * A player seated at a table with a stack. {@code status} is {@code active} or {@code sitting_out}.
 *
 * @param timeouts consecutive turns this player let run out (two sit them out)
 * @param leaving  asked to leave during a hand: folded when their turn comes, gone when it ends
 */
public record Participant(String participantId, String playerId, int seatNumber, long chips,
                          long initialChips, boolean sittingOut, String status, int timeouts, boolean leaving) {

    public Participant withChips(long newChips) {
        return new Participant(participantId, playerId, seatNumber, newChips, initialChips, sittingOut, status,
                timeouts, leaving);
    }

    public Participant withSittingOut(boolean out) {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, out,
                out ? TableDecider.SITTING_OUT : TableDecider.ACTIVE, out ? timeouts : 0, leaving);
    }

    public Participant withTimeouts(int count) {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, sittingOut, status, count,
                leaving);
    }

    public Participant markLeaving() {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, sittingOut, status,
                timeouts, true);
    }

    /** Dealt into the next hand: sitting in with chips. */
    public boolean playing() {
        return !sittingOut && !leaving && chips > 0;
    }
}
