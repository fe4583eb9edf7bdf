package poker.readside;

import java.util.List;
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
                List.of("wallet_balances"),
                WalletBalancesProjectionHandler::new);
        ReadSide.<WalletEvent>start(system, dataSource, progress, "wallet", tagSlices, LEDGER,
                List.of("wallet_ledger"),
                WalletLedgerProjectionHandler::new);
    }
}
