package poker.domain.holdem;

/**
 * One action the player on turn may take. For {@code BET}, {@code RAISE} and {@code ALL_IN}, min and
 * max are totals for the street ("raise to"); for {@code CALL} both are the chips the call adds;
 * for {@code FOLD} and {@code CHECK} both are 0.
 */
public record LegalAction(ActionType action, long min, long max) {
}
