package poker.domain.holdem;

import java.util.List;

/** A pot and the seats that may win it (those still in the hand who put in at least its level). */
public record Pot(long amount, List<Integer> eligibleSeats) {

    public Pot {
        eligibleSeats = List.copyOf(eligibleSeats);
    }
}
