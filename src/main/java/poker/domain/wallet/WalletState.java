package poker.domain.wallet;

import java.util.HashMap;
import java.util.Map;

/**
 * A wallet as its events made it: the balance, and every accepted transaction by id (so a repeated
 * command is answered with its first outcome).
 */
public record WalletState(String userId, boolean opened, long balance, Map<String, WalletEvent> transactions) {

    public WalletState {
        transactions = Map.copyOf(transactions);
    }

    public static WalletState empty(String userId) {
        return new WalletState(userId, false, 0, Map.of());
    }

    public WalletState apply(WalletEvent event) {
        Map<String, WalletEvent> next = new HashMap<>(transactions);
        next.put(event.transactionId(), event);
        return new WalletState(userId, true, event.balance(), next);
    }
}
