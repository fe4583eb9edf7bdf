package poker.domain.wallet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Money commands for one user's wallet. Each carries a transaction id chosen by the caller: a
 * repeat of an accepted id is answered with the first outcome and stores nothing new, so sagas
 * and processes may retry freely.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WalletCommand.OpenWallet.class, name = "OpenWallet"),
        @JsonSubTypes.Type(value = WalletCommand.Deposit.class, name = "Deposit"),
        @JsonSubTypes.Type(value = WalletCommand.DebitBuyIn.class, name = "DebitBuyIn"),
        @JsonSubTypes.Type(value = WalletCommand.RefundBuyIn.class, name = "RefundBuyIn"),
        @JsonSubTypes.Type(value = WalletCommand.CashOut.class, name = "CashOut"),
        @JsonSubTypes.Type(value = WalletCommand.CreditPrize.class, name = "CreditPrize"),
        @JsonSubTypes.Type(value = WalletCommand.DebitTournamentEntry.class, name = "DebitTournamentEntry"),
        @JsonSubTypes.Type(value = WalletCommand.RefundTournamentEntry.class, name = "RefundTournamentEntry")
})
public sealed interface WalletCommand {

    String transactionId();

    /** Opens the wallet with the play-money grant; a wallet opens once. */
    record OpenWallet(String transactionId, long grant) implements WalletCommand {
    }

    record Deposit(String transactionId, long amount, String reference) implements WalletCommand {
    }

    record DebitBuyIn(String transactionId, String tableId, long amount) implements WalletCommand {
    }

    /** Compensation of a buy-in whose seat was refused; names the refusal. */
    record RefundBuyIn(String transactionId, String buyInTransactionId, String tableId, long amount, String reason)
            implements WalletCommand {
    }

    record CashOut(String transactionId, String tableId, long amount) implements WalletCommand {
    }

    record CreditPrize(String transactionId, String tournamentId, long amount) implements WalletCommand {
    }

    /** Pays one tournament entry: {@code buyIn} goes to the prize pool, {@code fee} to the house. */
    record DebitTournamentEntry(String transactionId, String tournamentId, String entryId, long buyIn, long fee)
            implements WalletCommand {
    }

    /**
     * Compensation of a tournament entry (refused, unregistered, or the tournament cancelled): gives back
     * buy-in + fee of the entry paid by {@code entryTransactionId}; names why.
     */
    record RefundTournamentEntry(String transactionId, String entryTransactionId, String tournamentId,
                                 String entryId, long amount, String reason)
            implements WalletCommand {
    }
}
