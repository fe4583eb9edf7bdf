package poker.domain.wallet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Facts of a wallet. {@link #delta()} is the signed change of the balance; {@link #balance()} the
 * balance after it, recorded so a ledger line needs no replay. Type names are stored: never rename.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(WalletEvent.WalletOpened.class),
        @JsonSubTypes.Type(WalletEvent.FundsDeposited.class),
        @JsonSubTypes.Type(WalletEvent.BuyInDebited.class),
        @JsonSubTypes.Type(WalletEvent.BuyInRefunded.class),
        @JsonSubTypes.Type(WalletEvent.ChipsCashedOut.class),
        @JsonSubTypes.Type(WalletEvent.PrizeCredited.class),
        @JsonSubTypes.Type(WalletEvent.TournamentEntryDebited.class),
        @JsonSubTypes.Type(WalletEvent.TournamentEntryRefunded.class)
})
public sealed interface WalletEvent {

    String userId();

    String transactionId();

    long delta();

    long balance();

    @JsonTypeName("WalletOpened")
    record WalletOpened(String userId, String transactionId, long grant, long balance) implements WalletEvent {
        public long delta() {
            return grant;
        }
    }

    @JsonTypeName("FundsDeposited")
    record FundsDeposited(String userId, String transactionId, long amount, String reference, long balance)
            implements WalletEvent {
        public long delta() {
            return amount;
        }
    }

    @JsonTypeName("BuyInDebited")
    record BuyInDebited(String userId, String transactionId, String tableId, long amount, long balance)
            implements WalletEvent {
        public long delta() {
            return -amount;
        }
    }

    @JsonTypeName("BuyInRefunded")
    record BuyInRefunded(String userId, String transactionId, String buyInTransactionId, String tableId,
                         long amount, String reason, long balance) implements WalletEvent {
        public long delta() {
            return amount;
        }
    }

    @JsonTypeName("ChipsCashedOut")
    record ChipsCashedOut(String userId, String transactionId, String tableId, long amount, long balance)
            implements WalletEvent {
        public long delta() {
            return amount;
        }
    }

    @JsonTypeName("PrizeCredited")
    record PrizeCredited(String userId, String transactionId, String tournamentId, long amount, long balance)
            implements WalletEvent {
        public long delta() {
            return amount;
        }
    }

    @JsonTypeName("TournamentEntryDebited")
    record TournamentEntryDebited(String userId, String transactionId, String tournamentId, String entryId,
                                  long buyIn, long fee, long balance)
            implements WalletEvent {
        public long delta() {
            return -(buyIn + fee);
        }
    }

    @JsonTypeName("TournamentEntryRefunded")
    record TournamentEntryRefunded(String userId, String transactionId, String entryTransactionId,
                                   String tournamentId, String entryId, long amount, String reason, long balance)
            implements WalletEvent {
        public long delta() {
            return amount;
        }
    }
}
