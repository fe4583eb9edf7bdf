package poker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import poker.domain.wallet.WalletCommand;
import poker.wallet.WalletEntity;
import poker.wallet.Wallets;

/**
 * Commands through {@link Wallets} (an ask to the sharded WalletEntity, answered once the event is in the
 * journal): the entity alone in an actor system of its own, or the whole server in this JVM. A debit is a
 * buy-in debit (the wallet's debit command) for a table that does not exist: the wallet does not look at
 * tables, and no buy-in saga runs.
 */
final class WalletsApiTarget implements WalletTarget {

    /** The table a debit names (a UUID, as the ledger's table_id column wants); no such table exists. */
    static final String NO_TABLE = "00000000-0000-4000-8000-00000000b0b0";

    private final String name;
    private final String description;
    private final Wallets wallets;
    private final AutoCloseable onClose;

    WalletsApiTarget(String name, String description, Wallets wallets, AutoCloseable onClose) {
        this.name = name;
        this.description = description;
        this.wallets = wallets;
        this.onClose = onClose;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void open(List<String> walletIds) throws Exception {
        for (int from = 0; from < walletIds.size(); from += 64) {
            List<CompletableFuture<WalletEntity.Reply>> opening = new ArrayList<>();
            for (String id : walletIds.subList(from, Math.min(walletIds.size(), from + 64))) {
                opening.add(wallets.execute(id, new WalletCommand.OpenWallet("grant-" + id, WalletWorkload.GRANT))
                        .toCompletableFuture());
            }
            for (CompletableFuture<WalletEntity.Reply> f : opening) {
                WalletEntity.Reply reply = f.get(60, TimeUnit.SECONDS);
                if (!(reply instanceof WalletEntity.Accepted)) {
                    throw new IllegalStateException("wallet not opened: " + reply);
                }
            }
        }
    }

    @Override
    public Outcome execute(String walletId, WalletWorkload.Command command) throws Exception {
        String tx = UUID.randomUUID().toString();
        WalletCommand c = command.kind() == WalletWorkload.Kind.DEPOSIT
                ? new WalletCommand.Deposit("deposit-" + tx, command.amount(), tx)
                : new WalletCommand.DebitBuyIn("bench-debit-" + tx, NO_TABLE, command.amount());
        WalletEntity.Reply reply = wallets.execute(walletId, c).toCompletableFuture().get(60, TimeUnit.SECONDS);
        if (reply instanceof WalletEntity.Accepted) {
            return Outcome.ACCEPTED;
        }
        if (reply instanceof WalletEntity.Rejected r && r.rejection().code().equals("insufficient_funds")) {
            return Outcome.REJECTED;
        }
        throw new IllegalStateException("unexpected answer " + reply);
    }

    @Override
    public void close() throws Exception {
        onClose.close();
    }
}
