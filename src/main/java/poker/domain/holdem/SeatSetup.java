package poker.domain.holdem;

/**
 * A seat as the hand starts: who sits there and with what stack. A sitting-out player (tournament)
 * still posts blinds and the ante and is folded when the action reaches them.
 */
public record SeatSetup(int seat, String playerId, long stack, boolean sittingOut) {

    public SeatSetup {
        if (stack < 0) {
            throw new IllegalArgumentException("stack must not be negative: " + stack);
        }
    }

    public static SeatSetup of(int seat, String playerId, long stack) {
        return new SeatSetup(seat, playerId, stack, false);
    }
}
