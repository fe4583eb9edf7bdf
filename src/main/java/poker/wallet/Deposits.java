package poker.wallet;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import poker.domain.Rejection;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletDecider;
import poker.domain.wallet.WalletEvent;
import poker.readside.WalletQueries;

/**
 * Admin deposits, idempotent by reference for good. The wallet remembers only its latest transactions
 * ({@code WalletState.TRANSACTION_WINDOW}), so the {@code wallet_ledger} read model guards a reference
 * beyond them: a reference the ledger holds is answered from it (the same deposit as it was, another
 * amount refused); one it does not hold, while the ledger is within the window, goes to the wallet.
 */
public final class Deposits {

    public sealed interface Outcome {
    }

    /** {@code sequenceNr} is the wallet's journal position, 0 when the answer came from the ledger. */
    public record Deposited(WalletEvent event, long sequenceNr) implements Outcome {
    }

    public record Refused(Rejection rejection) implements Outcome {
    }

    /** The ledger is too far behind the wallet to tell whether the reference was used. */
    public record LedgerBehind() implements Outcome {
    }

    private final Wallets wallets;
    private final WalletQueries ledger;
    private final Executor blocking;

    public Deposits(Wallets wallets, WalletQueries ledger, Executor blocking) {
        this.wallets = wallets;
        this.ledger = ledger;
        this.blocking = blocking;
    }

    public CompletionStage<Outcome> deposit(String userId, long amount, String reference) {
        WalletCommand.Deposit command = new WalletCommand.Deposit("deposit-" + reference, amount, reference);
        return CompletableFuture.supplyAsync(() -> lookup(userId, command.transactionId()), blocking)
                .thenCompose(seen -> {
                    if (seen.entry().isPresent()) {
                        return CompletableFuture.completedFuture(answeredBefore(userId, seen.entry().get(), command));
                    }
                    if (!seen.walletRemembersTheRest()) {
                        return CompletableFuture.completedFuture(new LedgerBehind());
                    }
                    return wallets.execute(userId, command).thenApply(reply ->
                            reply instanceof WalletEntity.Accepted accepted
                                    ? new Deposited(accepted.event(), accepted.sequenceNr())
                                    : new Refused(((WalletEntity.Rejected) reply).rejection()));
                });
    }

    private WalletQueries.LedgerLookup lookup(String userId, String transactionId) {
        try {
            return ledger.lookup(userId, WalletEntity.persistenceIdOf(userId).id(), transactionId);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static Outcome answeredBefore(String userId, WalletQueries.LedgerEntry entry,
                                          WalletCommand.Deposit command) {
        WalletEvent original = new WalletEvent.FundsDeposited(userId, entry.transactionId(), entry.amount(),
                entry.reference(), entry.balance());
        return WalletDecider.repeatOf(original, command).<Outcome>map(repeat -> new Deposited(original, 0))
                .orElseGet(() -> new Refused(WalletDecider.reused(original, command)));
    }
}
