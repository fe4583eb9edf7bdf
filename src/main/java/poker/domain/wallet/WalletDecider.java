package poker.domain.wallet;

import java.util.Optional;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.wallet.WalletCommand.CashOut;
import poker.domain.wallet.WalletCommand.CreditPrize;
import poker.domain.wallet.WalletCommand.DebitBuyIn;
import poker.domain.wallet.WalletCommand.DebitTournamentEntry;
import poker.domain.wallet.WalletCommand.Deposit;
import poker.domain.wallet.WalletCommand.OpenWallet;
import poker.domain.wallet.WalletCommand.RefundBuyIn;
import poker.domain.wallet.WalletCommand.RefundTournamentEntry;
import poker.domain.wallet.WalletEvent.BuyInDebited;
import poker.domain.wallet.WalletEvent.BuyInRefunded;
import poker.domain.wallet.WalletEvent.ChipsCashedOut;
import poker.domain.wallet.WalletEvent.FundsDeposited;
import poker.domain.wallet.WalletEvent.PrizeCredited;
import poker.domain.wallet.WalletEvent.TournamentEntryDebited;
import poker.domain.wallet.WalletEvent.TournamentEntryRefunded;
import poker.domain.wallet.WalletEvent.WalletOpened;

/**
 * The wallet's command handler. The same command again under a transaction id the wallet remembers
 * answers with the event it produced the first time and stores nothing ({@link Repeat}); another
 * command under that id is refused ({@code reference_reused} for a deposit, else
 * {@code transaction_reused}). Rejections are not stored, so a refused command retried later is
 * judged again.
 *
 * <p>The wallet remembers its last {@link WalletState#TRANSACTION_WINDOW} transactions. What guards
 * each kind of id beyond that window:
 * <ul>
 *   <li>{@code grant-<user>} ({@link OpenWallet}): the wallet opens once ({@code wallet_exists});</li>
 *   <li>{@code deposit-<reference>}: the admin deposit route looks the reference up in the
 *       {@code wallet_ledger} read model first;</li>
 *   <li>{@code cashout-<participant>}: the cash-out process looks it up in {@code wallet_ledger}
 *       first, and waits while that read model is more than the window behind the wallet;</li>
 *   <li>a buy-in's debit and {@code refund-<buy-in>}: only their saga retries them, while it waits
 *       for the answer (seconds), so the window is their guard;</li>
 *   <li>a tournament entry's debit ({@code entry-<entry>}) and its refunds ({@code refund-<entry>},
 *       {@code unregister-<entry>}): likewise only their saga retries them; the director's refunds on a
 *       cancel ({@code refund-<tournament>-<entry>}) and prizes ({@code prize-<tournament>-<entry>}) are
 *       guarded by the director's journal and the tournament's ({@code PrizeAwarded}), which record each
 *       one once it is paid.</li>
 * </ul>
 */
public final class WalletDecider {

    /** The outcome of a transaction id seen before: nothing new is stored. */
    public record Repeat(WalletEvent original) {
    }

    private WalletDecider() {
    }

    /** A repeat of an accepted transaction the wallet remembers, if this is one. */
    public static Optional<Repeat> repeatOf(WalletState state, WalletCommand command) {
        return Optional.ofNullable(state.transactions().get(command.transactionId()))
                .flatMap(original -> repeatOf(original, command));
    }

    /**
     * Whether {@code command} is {@code original}'s command again: the same kind for the same amount
     * (a deposit also for the same reference). Also used with a transaction found in the ledger.
     */
    public static Optional<Repeat> repeatOf(WalletEvent original, WalletCommand command) {
        if (!original.transactionId().equals(command.transactionId())) {
            return Optional.empty();
        }
        boolean same;
        if (command instanceof OpenWallet c) {
            same = original instanceof WalletOpened o && o.grant() == c.grant();
        } else if (command instanceof Deposit c) {
            same = original instanceof FundsDeposited o && o.amount() == c.amount()
                    && o.reference().equals(c.reference());
        } else if (command instanceof DebitBuyIn c) {
            same = original instanceof BuyInDebited o && o.amount() == c.amount();
        } else if (command instanceof RefundBuyIn c) {
            same = original instanceof BuyInRefunded o && o.amount() == c.amount();
        } else if (command instanceof CashOut c) {
            same = original instanceof ChipsCashedOut o && o.amount() == c.amount();
        } else if (command instanceof CreditPrize c) {
            same = original instanceof PrizeCredited o && o.amount() == c.amount();
        } else if (command instanceof DebitTournamentEntry c) {
            same = original instanceof TournamentEntryDebited o && o.buyIn() == c.buyIn() && o.fee() == c.fee()
                    && o.entryId().equals(c.entryId());
        } else if (command instanceof RefundTournamentEntry c) {
            same = original instanceof TournamentEntryRefunded o && o.amount() == c.amount()
                    && o.entryId().equals(c.entryId());
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
        return same ? Optional.of(new Repeat(original)) : Optional.empty();
    }

    /** Why a command that reuses {@code original}'s transaction id for something else is refused. */
    public static Rejection reused(WalletEvent original, WalletCommand command) {
        if (command instanceof Deposit c) {
            String was = original instanceof FundsDeposited o ? " for a deposit of " + o.amount() : "";
            return Rejection.of("reference_reused", "The reference " + c.reference() + " was used before" + was
                    + "; a deposit with another amount needs another reference.");
        }
        return Rejection.of("transaction_reused",
                "Transaction " + command.transactionId() + " was used before for another transaction.");
    }

    /** Call after {@link #repeatOf(WalletState, WalletCommand)} found no repeat. */
    public static Decision<WalletEvent> decide(WalletState state, WalletCommand command) {
        String user = state.userId();
        long balance = state.balance();
        WalletEvent earlier = state.transactions().get(command.transactionId());
        if (earlier != null) {
            return Decision.reject(reused(earlier, command));
        }
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
        } else if (command instanceof DebitTournamentEntry c) {
            long price = c.buyIn() + c.fee();
            if (price > balance) {
                return Decision.reject("insufficient_funds",
                        "The entry of " + price + " (buy-in " + c.buyIn() + " + fee " + c.fee()
                                + ") is more than your balance of " + balance + ".");
            }
            return Decision.accept(new TournamentEntryDebited(user, c.transactionId(), c.tournamentId(), c.entryId(),
                    c.buyIn(), c.fee(), balance - price));
        } else if (command instanceof RefundTournamentEntry c) {
            return Decision.accept(new TournamentEntryRefunded(user, c.transactionId(), c.entryTransactionId(),
                    c.tournamentId(), c.entryId(), c.amount(), c.reason(), balance + c.amount()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }
}
