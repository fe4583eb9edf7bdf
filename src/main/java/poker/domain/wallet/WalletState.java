package poker.domain.wallet;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;
import poker.domain.RecentMap;

/**
 * A wallet as its events made it: the balance, and its most recent transactions by id, oldest first
 * (so a repeated command is answered with its first outcome).
 *
 * @param transactions the last {@link #TRANSACTION_WINDOW} accepted transactions; older ids are
 *                     forgotten (what guards each kind of id beyond the window: see {@link WalletDecider})
 */
public record WalletState(String userId, boolean opened, long balance,
                          @JsonDeserialize(as = LinkedHashMap.class) Map<String, WalletEvent> transactions) {

    /**
     * How many of its latest transactions a wallet remembers. A retry without another guard (a buy-in
     * saga redoing its debit or refund, a cash-out redone right after the leave) comes within seconds,
     * while one user makes a few transactions a minute; 256 is far beyond that, and a snapshot (taken
     * every 100 events) stays at about 65 KB of JSON.
     */
    public static final int TRANSACTION_WINDOW = 256;

    public WalletState {
        transactions = RecentMap.copyOf(transactions);
    }

    public static WalletState empty(String userId) {
        return new WalletState(userId, false, 0, Map.of());
    }

    public WalletState apply(WalletEvent event) {
        return new WalletState(userId, true, event.balance(),
                RecentMap.copyOf(transactions).plus(event.transactionId(), event, TRANSACTION_WINDOW));
    }
}
