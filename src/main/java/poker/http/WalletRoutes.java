package poker.http;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import poker.readside.AuditQueries;
import poker.readside.WalletQueries;
import poker.user.User;
import poker.user.UserRepository;
import poker.wallet.Deposits;
import poker.wallet.Wallets;

/** /api/wallet (the caller's), /api/admin/wallets/{userId}/deposits and /api/admin/audit (admins). */
public final class WalletRoutes extends ApiDirectives {

    private final Deposits deposits;
    private final WalletQueries queries;
    private final AuditQueries audit;
    private final Consistency consistency;

    public WalletRoutes(UserRepository users, Executor blockingExecutor, Wallets wallets, WalletQueries queries,
                        AuditQueries audit, Consistency consistency) {
        super(users, blockingExecutor);
        this.deposits = new Deposits(wallets, queries, blockingExecutor);
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
        return respond(deposits.deposit(user, amount, reference).thenCompose(outcome -> {
            if (outcome instanceof Deposits.Deposited deposited) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("transactionId", deposited.event().transactionId());
                out.put("amount", amount);
                out.put("balance", deposited.event().balance());
                return consistency.reply(strong, new Consistency.Written().wallet(user, deposited.sequenceNr()),
                        StatusCodes.CREATED, out);
            }
            return CompletableFuture.completedFuture(outcome instanceof Deposits.Refused refused
                    ? Json.error(ErrorMapping.fromRejection(refused.rejection()))
                    : Json.error(new ApiError(StatusCodes.SERVICE_UNAVAILABLE, "ledger_behind",
                            "The wallet's ledger is catching up; try again shortly.", null)));
        }));
    }
}
