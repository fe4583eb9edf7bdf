package poker.readside;

import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import poker.domain.wallet.WalletEvent;

/** The read side of the Wallet: balances (with audit totals) and the ledger. */
public final class WalletProjections {

    public static final String BALANCES = "wallet_balances";
    public static final String LEDGER = "wallet_ledger";

    private WalletProjections() {
    }

    public static void init(ActorSystem<?> system, DataSource dataSource, ReadSideProgress progress, int tagSlices) {
        ReadSide.<WalletEvent>start(system, dataSource, progress, "wallet", tagSlices, BALANCES,
                WalletBalancesProjectionHandler::new);
        ReadSide.<WalletEvent>start(system, dataSource, progress, "wallet", tagSlices, LEDGER,
                WalletLedgerProjectionHandler::new);
    }
}
