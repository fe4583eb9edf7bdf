package poker.domain.holdem;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a player may do on their turn; written in JSON as the API spells it ({@code all_in}). */
public enum ActionType {
    @JsonProperty("fold") FOLD,
    @JsonProperty("check") CHECK,
    @JsonProperty("call") CALL,
    /** Open the betting on a street; the amount is the total bet for the street. */
    @JsonProperty("bet") BET,
    /** Raise to a total for the street ("raise to"). */
    @JsonProperty("raise") RAISE,
    /** Put the whole stack in: a call, bet or raise depending on its size. */
    @JsonProperty("all_in") ALL_IN
}
