package poker.wallet;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import poker.domain.wallet.WalletCommand;

/** Asks the sharded wallets and buy-in sagas; what the HTTP edge and processes use. */
public final class Wallets {

    private final ClusterSharding sharding;
    private final Duration askTimeout;
    private final long grant;
    private final Duration buyInTimeout;

    public Wallets(ActorSystem<?> system, Duration askTimeout, long grant) {
        this(system, askTimeout, grant, askTimeout.multipliedBy(3).plusSeconds(1));
    }

    /**
     * @param buyInTimeout how long a caller waits for a buy-in saga's outcome: the saga's steps (debit, seat,
     *                     a refund after a refusal) each wait up to {@code askTimeout}
     */
    public Wallets(ActorSystem<?> system, Duration askTimeout, long grant, Duration buyInTimeout) {
        this.sharding = ClusterSharding.get(system);
        this.askTimeout = askTimeout;
        this.grant = grant;
        this.buyInTimeout = buyInTimeout;
    }

    public CompletionStage<WalletEntity.Reply> execute(String userId, WalletCommand command) {
        return sharding.entityRefFor(WalletEntity.ENTITY_KEY, userId)
                .ask(replyTo -> new WalletEntity.Execute(command, replyTo), askTimeout);
    }

    /** Opens the wallet with the play-money grant; idempotent, so safe at registration and at every login. */
    public CompletionStage<WalletEntity.Reply> open(String userId) {
        return execute(userId, new WalletCommand.OpenWallet("grant-" + userId, grant));
    }

    /**
     * Runs a buy-in saga; the buy-in id is also the participant id at the table. {@code waitForBigBlind}
     * (null: true) is the player's choice at the table (rule 12).
     */
    public CompletionStage<BuyInSaga.Outcome> buyIn(String buyInId, String userId, String tableId, long amount,
                                                    Integer seatNumber, Boolean waitForBigBlind) {
        return sharding.entityRefFor(BuyInSaga.ENTITY_KEY, buyInId)
                .ask(replyTo -> new BuyInSaga.Start(userId, tableId, amount, seatNumber, waitForBigBlind, replyTo),
                        buyInTimeout);
    }

    /** The stack of a participant who left goes back to the wallet, once (the id is derived from the seat). */
    public CompletionStage<WalletEntity.Reply> cashOut(String userId, String participantId, String tableId,
                                                       long amount) {
        return execute(userId, new WalletCommand.CashOut(cashOutId(participantId), tableId, amount));
    }

    /** The wallet transaction id of a participant's cash-out. */
    public static String cashOutId(String participantId) {
        return "cashout-" + participantId;
    }
}
