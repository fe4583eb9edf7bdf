package poker.domain.holdem;

/** The betting rounds of a hand, in order. */
public enum Street {
    PREFLOP, FLOP, TURN, RIVER
}
