package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletDecider;
import poker.domain.wallet.WalletEvent;
import poker.readside.AuditQueries;
import poker.readside.WalletQueries;
import poker.user.User;
import poker.user.UserRepository;
import poker.wallet.WalletEntity;
import poker.wallet.Wallets;

/** /api/wallet (the caller's), /api/admin/wallets/{userId}/deposits and /api/admin/audit (admins). */
public final class WalletRoutes extends ApiDirectives {

    private final Wallets wallets;
    private final WalletQueries queries;
    private final AuditQueries audit;
    private final Consistency consistency;

    public WalletRoutes(UserRepository users, Executor blockingExecutor, Wallets wallets, WalletQueries queries,
                        AuditQueries audit, Consistency consistency) {
        super(users, blockingExecutor);
        this.wallets = wallets;
        this.queries = queries;
        this.audit = audit;
        this.consistency = consistency;
    }

    public Route routes() {
        return concat(
                path("wallet", () -> get(() -> authenticated(this::balance))),
                path(segment("wallet").slash("transactions"), () -> get(() -> authenticated(this::transactions))),
                pathPrefix(segment("admin").slash("wallets"), () -> pathPrefix(segment(), userId ->
                        path("deposits", () -> post(() -> admin(admin -> strongParam(strong ->
                                jsonBody(body -> deposit(userId, body, strong)))))))),
                path(segment("admin").slash("audit"), () -> get(() -> admin(admin ->
                        respond(blocking(() -> Json.ok(audit.audit())))))));
    }

    private Route balance(User user) {
        return respond(blocking(() -> queries.balance(user.id())
                .map(Json::ok)
                .orElseGet(() -> Json.error(new ApiError(StatusCodes.NOT_FOUND, "wallet_not_found",
                        "Your wallet is not open yet; sign in again.", null)))));
    }

    private Route transactions(User user) {
        return numberParam("limit", 1, 1000, limit -> {
            int rows = limit.orElse(100L).intValue();
            return respond(blocking(() -> Json.ok(queries.ledger(user.id(), rows))));
        });
    }

    private Route deposit(String userId, Fields body, boolean strong) {
        long amount;
        String reference;
        try {
            amount = body.requireLong("amount", 1, TableRoutes.MAX_CHIPS);
            reference = body.requireString("reference", 1, 100);
            if (!TableRoutes.isUuid(userId)) {
                throw new ApiError(StatusCodes.NOT_FOUND, "wallet_not_found", "There is no wallet " + userId + ".",
                        null);
            }
        } catch (ApiError e) {
            return complete(Json.error(e));
        }
        String user = userId.toLowerCase();
        WalletCommand.Deposit command = new WalletCommand.Deposit("deposit-" + reference, amount, reference);
        // the wallet remembers only its latest transactions: the ledger guards a reference for good
        return respond(blocking(() -> queries.lookup(user, WalletEntity.persistenceIdOf(user).id(),
                command.transactionId())).thenCompose(ledger -> {
            if (ledger.entry().isPresent()) {
                return CompletableFuture.completedFuture(depositSeenBefore(user, ledger.entry().get(), command));
            }
            if (!ledger.walletRemembersTheRest()) {
                return CompletableFuture.completedFuture(Json.error(new ApiError(StatusCodes.SERVICE_UNAVAILABLE,
                        "ledger_behind", "The wallet's ledger is catching up; try again shortly.", null)));
            }
            return wallets.execute(user, command).thenCompose(reply -> {
                if (reply instanceof WalletEntity.Rejected rejected) {
                    return CompletableFuture.completedFuture(
                            Json.error(ErrorMapping.fromRejection(rejected.rejection())));
                }
                WalletEntity.Accepted accepted = (WalletEntity.Accepted) reply;
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("transactionId", accepted.event().transactionId());
                out.put("amount", amount);
                out.put("balance", accepted.event().balance());
                return consistency.reply(strong, new Consistency.Written().wallet(user, accepted.sequenceNr()),
                        StatusCodes.CREATED, out);
            });
        }));
    }

    /** A reference the ledger holds: the same deposit answers as it did, another amount is refused. */
    private static HttpResponse depositSeenBefore(String user, WalletQueries.LedgerEntry entry,
                                                  WalletCommand.Deposit command) {
        WalletEvent original = new WalletEvent.FundsDeposited(user, entry.transactionId(), entry.amount(),
                entry.reference(), entry.balance());
        return WalletDecider.repeatOf(original, command)
                .map(repeat -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("transactionId", original.transactionId());
                    out.put("amount", command.amount());
                    out.put("balance", original.balance());
                    return Json.response(StatusCodes.CREATED, out);
                })
                .orElseGet(() -> Json.error(ErrorMapping.fromRejection(WalletDecider.reused(original, command))));
    }
}
