package poker.readside;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletEvent.BuyInDebited;
import poker.domain.wallet.WalletEvent.BuyInRefunded;
import poker.domain.wallet.WalletEvent.ChipsCashedOut;
import poker.domain.wallet.WalletEvent.FundsDeposited;
import poker.domain.wallet.WalletEvent.PrizeCredited;
import poker.domain.wallet.WalletEvent.WalletOpened;

/** wallet_ledger: one line per wallet transaction, with the signed amount and the balance after it. */
public final class WalletLedgerProjectionHandler extends JdbcHandler<EventEnvelope<WalletEvent>, PooledJdbcSession>
        implements BatchedStatements {

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<WalletEvent> envelope) throws Exception {
        WalletEvent event = envelope.event();
        String kind;
        String tableId = null;
        String reference = null;
        if (event instanceof WalletOpened) {
            kind = "grant";
        } else if (event instanceof FundsDeposited e) {
            kind = "deposit";
            reference = e.reference();
        } else if (event instanceof BuyInDebited e) {
            kind = "buy_in";
            tableId = e.tableId();
        } else if (event instanceof BuyInRefunded e) {
            kind = "buy_in_refund";
            tableId = e.tableId();
            reference = e.reason();
        } else if (event instanceof ChipsCashedOut e) {
            kind = "cash_out";
            tableId = e.tableId();
        } else if (event instanceof PrizeCredited e) {
            kind = "prize";
            reference = e.tournamentId();
        } else if (event instanceof WalletEvent.TournamentEntryDebited e) {
            kind = "tournament_entry";
            reference = e.tournamentId();
        } else if (event instanceof WalletEvent.TournamentEntryRefunded e) {
            kind = "tournament_refund";
            reference = e.tournamentId();
        } else {
            throw new IllegalArgumentException("unknown wallet event " + event);
        }
        // everything that can fail is done here, inside the guard: the binder runs at the batch's flush
        UUID userId = UUID.fromString(event.userId());
        UUID table = tableId == null ? null : UUID.fromString(tableId);
        String transactionId = StorableText.of(event.transactionId());
        String ref = StorableText.of(reference);
        Timestamp occurredAt = Timestamp.from(Instant.ofEpochMilli(envelope.timestamp()));
        session.update("INSERT INTO wallet_ledger (transaction_id, user_id, seq, kind, amount, balance, table_id,"
                + " reference, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, transactionId);
                    ps.setObject(2, userId);
                    ps.setLong(3, envelope.sequenceNr());
                    ps.setString(4, kind);
                    ps.setLong(5, event.delta());
                    ps.setLong(6, event.balance());
                    ps.setObject(7, table);
                    ps.setString(8, ref);
                    ps.setTimestamp(9, occurredAt);
                });
    }
}
