package poker.domain.wallet;

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
public record BuyInState(String buyInId, Phase phase, BuyInRequested request, String reason, String message,
                         Integer seatNumber, Long chips) {

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
        return new BuyInState(buyInId, Phase.NEW, null, null, null, null, null);
    }

    public BuyInState apply(BuyInEvent event) {
        if (event instanceof BuyInRequested e) {
            return new BuyInState(buyInId, Phase.REQUESTED, e, null, null, null, null);
        } else if (event instanceof BuyInFundsReserved) {
            return with(Phase.FUNDS_RESERVED);
        } else if (event instanceof BuyInDeclined e) {
            return new BuyInState(buyInId, Phase.DECLINED, request, e.reason(), e.message(), null, null);
        } else if (event instanceof BuyInSeatTaken e) {
            return new BuyInState(buyInId, Phase.SEATED, request, null, null, e.seatNumber(), e.chips());
        } else if (event instanceof BuyInSeatRefused e) {
            return new BuyInState(buyInId, Phase.SEAT_REFUSED, request, e.reason(), e.message(), null, null);
        } else if (event instanceof BuyInCompensated) {
            return with(Phase.COMPENSATED);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private BuyInState with(Phase next) {
        return new BuyInState(buyInId, next, request, reason, message, seatNumber, chips);
    }
}
