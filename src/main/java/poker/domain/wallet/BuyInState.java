package poker.domain.wallet;

import poker.domain.Rejection;
import poker.domain.wallet.BuyInEvent.BuyInCompensated;
import poker.domain.wallet.BuyInEvent.BuyInDeclined;
import poker.domain.wallet.BuyInEvent.BuyInFundsReserved;
import poker.domain.wallet.BuyInEvent.BuyInRequested;
import poker.domain.wallet.BuyInEvent.BuyInSeatRefused;
import poker.domain.wallet.BuyInEvent.BuyInSeatTaken;

/**
 * Where a buy-in saga stands. Its {@link Phase} says which step comes next, so a saga recovered
 * after a crash resumes exactly there: it ends either seated or refunded, never both, never neither.
 */
public record BuyInState(String buyInId, Phase phase, BuyInRequested request, Rejection refusal,
                         Integer seatNumber, Long chips, long walletSequenceNr, long tableSequenceNr) {

    public enum Phase {
        /** nothing yet */
        NEW,
        /** next: debit the wallet */
        REQUESTED,
        /** next: seat the player */
        FUNDS_RESERVED,
        /** next: refund the wallet */
        SEAT_REFUSED,
        /** done: seated */
        SEATED,
        /** done: the wallet refused; nothing moved */
        DECLINED,
        /** done: refunded */
        COMPENSATED;

        public boolean done() {
            return this == SEATED || this == DECLINED || this == COMPENSATED;
        }
    }

    public static BuyInState empty(String buyInId) {
        return new BuyInState(buyInId, Phase.NEW, null, null, null, null, 0, 0);
    }

    public BuyInState apply(BuyInEvent event) {
        if (event instanceof BuyInRequested e) {
            return new BuyInState(buyInId, Phase.REQUESTED, e, null, null, null, 0, 0);
        } else if (event instanceof BuyInFundsReserved e) {
            return new BuyInState(buyInId, Phase.FUNDS_RESERVED, request, null, null, null, e.walletSequenceNr(), 0);
        } else if (event instanceof BuyInDeclined e) {
            return new BuyInState(buyInId, Phase.DECLINED, request, Rejection.of(e.reason(), e.message()), null, null,
                    walletSequenceNr, 0);
        } else if (event instanceof BuyInSeatTaken e) {
            return new BuyInState(buyInId, Phase.SEATED, request, null, e.seatNumber(), e.chips(), walletSequenceNr,
                    e.tableSequenceNr());
        } else if (event instanceof BuyInSeatRefused e) {
            return new BuyInState(buyInId, Phase.SEAT_REFUSED, request, new Rejection(e.reason(), e.message(),
                    e.field()), null, null, walletSequenceNr, 0);
        } else if (event instanceof BuyInCompensated e) {
            return new BuyInState(buyInId, Phase.COMPENSATED, request, refusal, null, null, e.walletSequenceNr(), 0);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }
}
