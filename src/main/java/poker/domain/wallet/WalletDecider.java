package poker.domain.wallet;

import java.util.Optional;
import poker.domain.Decision;
import poker.domain.wallet.WalletCommand.CashOut;
import poker.domain.wallet.WalletCommand.CreditPrize;
import poker.domain.wallet.WalletCommand.DebitBuyIn;
import poker.domain.wallet.WalletCommand.Deposit;
import poker.domain.wallet.WalletCommand.OpenWallet;
import poker.domain.wallet.WalletCommand.RefundBuyIn;
import poker.domain.wallet.WalletEvent.BuyInDebited;
import poker.domain.wallet.WalletEvent.BuyInRefunded;
import poker.domain.wallet.WalletEvent.ChipsCashedOut;
import poker.domain.wallet.WalletEvent.FundsDeposited;
import poker.domain.wallet.WalletEvent.PrizeCredited;
import poker.domain.wallet.WalletEvent.WalletOpened;

/**
 * The wallet's command handler. A repeated transaction id answers with the event it produced the
 * first time and stores nothing ({@link Repeat}); rejections are not stored, so a refused command
 * retried later is judged again.
 */
public final class WalletDecider {

    /** The outcome of a transaction id seen before: nothing new is stored. */
    public record Repeat(WalletEvent original) {
    }

    private WalletDecider() {
    }

    /** A repeat of an accepted transaction, if this is one. */
    public static Optional<Repeat> repeatOf(WalletState state, WalletCommand command) {
        return Optional.ofNullable(state.transactions().get(command.transactionId())).map(Repeat::new);
    }

    public static Decision<WalletEvent> decide(WalletState state, WalletCommand command) {
        String user = state.userId();
        long balance = state.balance();
        if (command instanceof OpenWallet c) {
            if (state.opened()) {
                return Decision.reject("wallet_exists", "This wallet is already open.");
            }
            return Decision.accept(new WalletOpened(user, c.transactionId(), c.grant(), c.grant()));
        }
        if (!state.opened()) {
            return Decision.reject("wallet_not_found", "There is no wallet for user " + user + ".");
        }
        if (command instanceof Deposit c) {
            return Decision.accept(new FundsDeposited(user, c.transactionId(), c.amount(), c.reference(),
                    balance + c.amount()));
        } else if (command instanceof DebitBuyIn c) {
            if (c.amount() > balance) {
                return Decision.reject("insufficient_funds",
                        "The buy-in of " + c.amount() + " is more than your balance of " + balance + ".");
            }
            return Decision.accept(new BuyInDebited(user, c.transactionId(), c.tableId(), c.amount(),
                    balance - c.amount()));
        } else if (command instanceof RefundBuyIn c) {
            return Decision.accept(new BuyInRefunded(user, c.transactionId(), c.buyInTransactionId(), c.tableId(),
                    c.amount(), c.reason(), balance + c.amount()));
        } else if (command instanceof CashOut c) {
            return Decision.accept(new ChipsCashedOut(user, c.transactionId(), c.tableId(), c.amount(),
                    balance + c.amount()));
        } else if (command instanceof CreditPrize c) {
            return Decision.accept(new PrizeCredited(user, c.transactionId(), c.tournamentId(), c.amount(),
                    balance + c.amount()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }
}
