package poker.domain.table;

/**
 * A player seated at a table with a stack.
 *
 * @param timeouts           consecutive turns this player let run out (two sit them out)
 * @param leaving            asked to leave during a hand: folded when their turn comes, gone when it ends
 * @param blindsDue          what this player owes before being dealt in (POKER_RULES.md rule 12): nothing once
 *                           in the game; a big blind as a newcomer; the blinds missed while sitting out
 * @param waitingForBigBlind owes blinds and chose to wait for the big blind instead of posting them: not
 *                           dealt in until the big blind reaches this seat, then owes nothing more
 */
public record Participant(String participantId, String playerId, int seatNumber, long chips,
                          long initialChips, boolean sittingOut, int timeouts, boolean leaving,
                          BlindsDue blindsDue, boolean waitingForBigBlind) {

    /** What a player owes before being dealt in at a cash table. */
    public enum BlindsDue {
        /** In the game: dealt in at the next hand. */
        NONE,
        /** Just sat down: posts a live big blind, or waits for it. */
        NEW_PLAYER,
        /** Missed the small blind while sitting out: posts it dead, or waits for the big blind. */
        MISSED_SMALL,
        /** Missed the big blind while sitting out: posts it live and the small blind dead, or waits. */
        MISSED_BIG;

        /** What is owed after also missing {@code big} (else the small) blind while sitting out. */
        BlindsDue andMissed(boolean big) {
            return switch (this) {
                case NEW_PLAYER, MISSED_BIG -> this; // a newcomer owes one big blind; nobody owes more than both
                case NONE, MISSED_SMALL -> big ? MISSED_BIG : MISSED_SMALL;
            };
        }
    }

    public Participant {
        blindsDue = blindsDue == null ? BlindsDue.NONE : blindsDue; // snapshots from before rule 12
    }

    /**
     * {@code sitting_out}, {@code waiting} (sitting in, waiting for the big blind) or {@code active}. Derived,
     * not stored: snapshots written before it was derived still hold a {@code status}, which reads as ignored.
     */
    public String status() {
        return sittingOut ? TableDecider.SITTING_OUT : waitingForBigBlind ? TableDecider.WAITING : TableDecider.ACTIVE;
    }

    public Participant withChips(long newChips) {
        return new Participant(participantId, playerId, seatNumber, newChips, initialChips, sittingOut, timeouts,
                leaving, blindsDue, waitingForBigBlind);
    }

    public Participant withSittingOut(boolean out) {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, out, out ? timeouts : 0,
                leaving, blindsDue, false);
    }

    /** Back from sitting out; owing blinds, {@code waitForBigBlind} says whether they wait or post. */
    public Participant sittingIn(boolean waitForBigBlind) {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, false, 0, leaving,
                blindsDue, owesBlinds() && waitForBigBlind);
    }

    public Participant withTimeouts(int count) {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, sittingOut, count, leaving,
                blindsDue, waitingForBigBlind);
    }

    public Participant markLeaving() {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, sittingOut, timeouts, true,
                blindsDue, waitingForBigBlind);
    }

    /** Missed a blind while sitting out ({@code big}: the big blind, else the small one). */
    public Participant missed(boolean big) {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, sittingOut, timeouts,
                leaving, blindsDue.andMissed(big), waitingForBigBlind);
    }

    /** Dealt into a hand: whatever was owed is settled (posted, or dealt in as the big blind). */
    public Participant dealtIn() {
        return new Participant(participantId, playerId, seatNumber, chips, initialChips, sittingOut, timeouts,
                leaving, BlindsDue.NONE, false);
    }

    /** Sitting in with chips: dealt into the next hand, unless waiting for the big blind. */
    public boolean playing() {
        return !sittingOut && !leaving && chips > 0;
    }

    /** Owes blinds before being dealt in (a newcomer, or back after missing blinds). */
    public boolean owesBlinds() {
        return blindsDue != BlindsDue.NONE;
    }

    /** Playing and owing nothing: in the game, so the button and the small blind may come to this seat. */
    public boolean ready() {
        return playing() && !owesBlinds();
    }

    /** Playing, owing blinds and not waiting for the big blind: posts them at the next hand. */
    public boolean posting() {
        return playing() && owesBlinds() && !waitingForBigBlind;
    }
}
