package poker.domain.wallet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Steps of one buy-in saga (debit the wallet, then seat the player; refund if the seat is refused).
 * The saga's id is the buy-in's transaction id and also the participant id it asks the table for,
 * so every step can be retried without doing anything twice.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(BuyInEvent.BuyInRequested.class),
        @JsonSubTypes.Type(BuyInEvent.BuyInFundsReserved.class),
        @JsonSubTypes.Type(BuyInEvent.BuyInDeclined.class),
        @JsonSubTypes.Type(BuyInEvent.BuyInSeatTaken.class),
        @JsonSubTypes.Type(BuyInEvent.BuyInSeatRefused.class),
        @JsonSubTypes.Type(BuyInEvent.BuyInCompensated.class)
})
public sealed interface BuyInEvent {

    String buyInId();

    /**
     * {@code waitForBigBlind}: the player's choice at the table (rule 12), passed on with the join; null
     * (in requests stored before the choice existed, too) waits for the big blind.
     */
    @JsonTypeName("BuyInRequested")
    record BuyInRequested(String buyInId, String userId, String tableId, long amount, Integer seatNumber,
                          Boolean waitForBigBlind)
            implements BuyInEvent {

        public BuyInRequested(String buyInId, String userId, String tableId, long amount, Integer seatNumber) {
            this(buyInId, userId, tableId, amount, seatNumber, null);
        }
    }

    /** The wallet was debited; {@code walletSequenceNr} is where, in the wallet's journal. */
    @JsonTypeName("BuyInFundsReserved")
    record BuyInFundsReserved(String buyInId, long walletSequenceNr) implements BuyInEvent {
    }

    /** The wallet refused the debit; nothing happened to undo. */
    @JsonTypeName("BuyInDeclined")
    record BuyInDeclined(String buyInId, String reason, String message) implements BuyInEvent {
    }

    @JsonTypeName("BuyInSeatTaken")
    record BuyInSeatTaken(String buyInId, int seatNumber, long chips, long tableSequenceNr) implements BuyInEvent {
    }

    /** The table refused the seat after the debit: the refund (compensation) is due. */
    @JsonTypeName("BuyInSeatRefused")
    record BuyInSeatRefused(String buyInId, String reason, String message, String field) implements BuyInEvent {
    }

    /** The wallet was refunded. */
    @JsonTypeName("BuyInCompensated")
    record BuyInCompensated(String buyInId, long walletSequenceNr) implements BuyInEvent {
    }
}
