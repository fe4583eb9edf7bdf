package poker.readside;

import java.sql.PreparedStatement;
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

/** wallet_balances: the balance after the latest event, plus running totals per kind for the chip audit. */
public final class WalletBalancesProjectionHandler
        extends JdbcHandler<EventEnvelope<WalletEvent>, PooledJdbcSession> {

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<WalletEvent> envelope) throws Exception {
        WalletEvent event = envelope.event();
        if (event instanceof WalletOpened e) {
            session.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO wallet_balances (user_id, balance, granted) VALUES (?, ?, ?)")) {
                    ps.setObject(1, UUID.fromString(e.userId()));
                    ps.setLong(2, e.balance());
                    ps.setLong(3, e.grant());
                    return ps.executeUpdate();
                }
            });
            return;
        }
        String column;
        if (event instanceof FundsDeposited) {
            column = "deposited";
        } else if (event instanceof BuyInDebited) {
            column = "bought_in";
        } else if (event instanceof BuyInRefunded) {
            column = "refunded";
        } else if (event instanceof ChipsCashedOut) {
            column = "cashed_out";
        } else if (event instanceof PrizeCredited) {
            column = "prizes";
        } else if (event instanceof WalletEvent.TournamentEntryDebited) {
            column = "tournament_entries";
        } else if (event instanceof WalletEvent.TournamentEntryRefunded) {
            column = "tournament_refunds";
        } else {
            throw new IllegalArgumentException("unknown wallet event " + event);
        }
        session.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE wallet_balances SET balance = ?, "
                    + column + " = " + column + " + ? WHERE user_id = ?")) {
                ps.setLong(1, event.balance());
                ps.setLong(2, Math.abs(event.delta()));
                ps.setObject(3, UUID.fromString(event.userId()));
                return ps.executeUpdate();
            }
        });
    }
}
