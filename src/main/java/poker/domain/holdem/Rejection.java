package poker.domain.holdem;

/** Why a command changed nothing: a stable code the client sees unchanged, and a message for people. */
public record Rejection(String code, String message) {

    public static final String NOT_YOUR_TURN = "not_your_turn";
    public static final String ILLEGAL_ACTION = "illegal_action";
    public static final String AMOUNT_OUT_OF_RANGE = "amount_out_of_range";
    public static final String HAND_OVER = "hand_over";
}
