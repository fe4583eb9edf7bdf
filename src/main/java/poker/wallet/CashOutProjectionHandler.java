package poker.wallet;

import java.util.concurrent.TimeUnit;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.domain.table.TableEvent;
import poker.readside.PooledJdbcSession;
import poker.readside.WalletQueries;

/**
 * The guarantee behind cash-outs: for every {@code ParticipantLeft} in the table journals, credit
 * the stack to the wallet. The HTTP leave does it at once; this catches any leave whose credit did
 * not happen (crash, timeout), and a failed credit fails the envelope, so the projection retries it
 * from its offset. Never twice: a cash-out already in the {@code wallet_ledger} read model is done (a
 * replay from an old offset, however old); one not there yet is among the wallet's latest
 * transactions, which the wallet recognises, as long as the ledger is at most the wallet's window
 * behind; further behind, the envelope fails and is retried until the ledger catches up.
 */
public final class CashOutProjectionHandler extends JdbcHandler<EventEnvelope<TableEvent>, PooledJdbcSession> {

    public static final String NAME = "cash_outs";
    private static final Logger log = LoggerFactory.getLogger(CashOutProjectionHandler.class);

    private final Wallets wallets;

    public CashOutProjectionHandler(Wallets wallets) {
        this.wallets = wallets;
    }

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<TableEvent> envelope) throws Exception {
        // a tournament table's departures carry tournament chips: the director moves them, no wallet gets them
        if (envelope.event() instanceof TableEvent.ParticipantLeft left && !left.tournamentDeparture()) {
            String transactionId = Wallets.cashOutId(left.participantId());
            WalletQueries.LedgerLookup ledger = session.withConnection(c -> WalletQueries.lookup(c, left.playerId(),
                    WalletEntity.persistenceIdOf(left.playerId()).id(), transactionId));
            if (ledger.entry().isPresent()) {
                return;
            }
            if (!ledger.walletRemembersTheRest()) {
                throw new IllegalStateException("wallet_ledger is " + ledger.eventsBehind()
                        + " events behind the wallet of " + left.playerId() + ": cannot tell yet whether "
                        + transactionId + " was credited");
            }
            WalletEntity.Reply reply = wallets.cashOut(left.playerId(), left.participantId(), left.tableId(),
                    left.chipsReturned()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (reply instanceof WalletEntity.Rejected rejected) {
                log.error("Cash-out of {} chips for participant {} refused: {}", left.chipsReturned(),
                        left.participantId(), rejected.rejection());
            }
        }
    }
}
