package poker.readside;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletEvent.BuyInDebited;
import poker.domain.wallet.WalletEvent.BuyInRefunded;
import poker.domain.wallet.WalletEvent.ChipsCashedOut;
import poker.domain.wallet.WalletEvent.FundsDeposited;
import poker.domain.wallet.WalletEvent.PrizeCredited;
import poker.domain.wallet.WalletEvent.WalletOpened;

/**
 * wallet_balances: the balance after the latest event, plus running totals per kind for the chip audit. Every
 * event after the opening is the same statement (the totals it does not touch grow by 0), so a group's
 * statements go in one batch.
 */
public final class WalletBalancesProjectionHandler
        extends JdbcHandler<EventEnvelope<WalletEvent>, PooledJdbcSession> implements BatchedStatements {

    /** The totals, in the order of the UPDATE's parameters after the balance. */
    private static final List<String> TOTALS = List.of("deposited", "bought_in", "refunded", "cashed_out", "prizes",
            "tournament_entries", "tournament_refunds");
    private static final String UPDATE = "UPDATE wallet_balances SET balance = ?, "
            + TOTALS.stream().map(t -> t + " = " + t + " + ?").collect(Collectors.joining(", "))
            + " WHERE user_id = ?";

    @Override
    public void process(PooledJdbcSession session, EventEnvelope<WalletEvent> envelope) throws Exception {
        WalletEvent event = envelope.event();
        // everything that can fail is done here, inside the guard: the binder runs at the batch's flush
        UUID userId = UUID.fromString(event.userId());
        if (event instanceof WalletOpened e) {
            session.update("INSERT INTO wallet_balances (user_id, balance, granted) VALUES (?, ?, ?)", ps -> {
                ps.setObject(1, userId);
                ps.setLong(2, e.balance());
                ps.setLong(3, e.grant());
            });
            return;
        }
        int total = TOTALS.indexOf(total(event));
        session.update(UPDATE, ps -> {
            ps.setLong(1, event.balance());
            for (int i = 0; i < TOTALS.size(); i++) {
                ps.setLong(2 + i, i == total ? Math.abs(event.delta()) : 0);
            }
            ps.setObject(2 + TOTALS.size(), userId);
        });
    }

    private static String total(WalletEvent event) {
        if (event instanceof FundsDeposited) {
            return "deposited";
        } else if (event instanceof BuyInDebited) {
            return "bought_in";
        } else if (event instanceof BuyInRefunded) {
            return "refunded";
        } else if (event instanceof ChipsCashedOut) {
            return "cashed_out";
        } else if (event instanceof PrizeCredited) {
            return "prizes";
        } else if (event instanceof WalletEvent.TournamentEntryDebited) {
            return "tournament_entries";
        } else if (event instanceof WalletEvent.TournamentEntryRefunded) {
            return "tournament_refunds";
        }
        throw new IllegalArgumentException("unknown wallet event " + event);
    }
}
