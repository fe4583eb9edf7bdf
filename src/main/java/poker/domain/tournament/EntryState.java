package poker.domain.tournament;

import java.util.List;
import poker.domain.Rejection;
import poker.domain.tournament.EntryEvent.EntryDeclined;
import poker.domain.tournament.EntryEvent.EntryPaid;
import poker.domain.tournament.EntryEvent.EntryRefunded;
import poker.domain.tournament.EntryEvent.EntryRefused;
import poker.domain.tournament.EntryEvent.EntryRegistered;
import poker.domain.tournament.EntryEvent.EntryRequested;
import poker.domain.tournament.EntryEvent.EntryUnregistered;
import poker.domain.tournament.EntryEvent.UnregisterRefunded;
import poker.domain.tournament.EntryEvent.UnregisterRefused;
import poker.domain.tournament.EntryEvent.UnregisterRequested;

/**
 * Where an entry saga stands. Its {@link Phase} says which step comes next, so a saga recovered after a
 * crash resumes exactly there: a registration ends registered, declined or refunded (never both paid and
 * refused without the refund); an unregistration ends refunded or refused.
 *
 * @param events the tournament's events of the finished step (registered or unregistered)
 */
public record EntryState(Phase phase, String entryId, String tournamentId, String userId, long buyIn, long fee,
                         long refund, Rejection refusal, List<TournamentEvent> events, long walletSequenceNr,
                         long tournamentSequenceNr) {

    public enum Phase {
        NEW,
        /** next: debit the wallet */
        REQUESTED,
        /** next: register the entry */
        PAID,
        /** next: refund the refused entry */
        REFUSED,
        /** done */
        REGISTERED,
        /** done: the wallet refused; nothing moved */
        DECLINED,
        /** done: refused and refunded */
        REFUNDED,
        /** next: unregister the entry */
        UNREGISTER_REQUESTED,
        /** next: refund the unregistered entry */
        UNREGISTERED,
        /** done: the tournament refused; nothing moved */
        UNREGISTER_REFUSED,
        /** done: unregistered and refunded */
        UNREGISTER_REFUNDED;

        public boolean done() {
            return this == REGISTERED || this == DECLINED || this == REFUNDED || this == UNREGISTER_REFUSED
                    || this == UNREGISTER_REFUNDED;
        }
    }

    public EntryState {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static EntryState empty() {
        return new EntryState(Phase.NEW, null, null, null, 0, 0, 0, null, List.of(), 0, 0);
    }

    private EntryState with(Phase next, long nextRefund, Rejection nextRefusal, List<TournamentEvent> nextEvents,
                            long walletSeq, long tournamentSeq) {
        return new EntryState(next, entryId, tournamentId, userId, buyIn, fee, nextRefund, nextRefusal, nextEvents,
                walletSeq, tournamentSeq);
    }

    public EntryState apply(EntryEvent event) {
        if (event instanceof EntryRequested e) {
            return new EntryState(Phase.REQUESTED, e.entryId(), e.tournamentId(), e.userId(), e.buyIn(), e.fee(), 0,
                    null, List.of(), 0, 0);
        } else if (event instanceof EntryPaid e) {
            return with(Phase.PAID, refund, null, events, e.walletSequenceNr(), tournamentSequenceNr);
        } else if (event instanceof EntryDeclined e) {
            return with(Phase.DECLINED, refund, Rejection.of(e.reason(), e.message()), events, walletSequenceNr,
                    tournamentSequenceNr);
        } else if (event instanceof EntryRegistered e) {
            return with(Phase.REGISTERED, refund, null, e.events(), walletSequenceNr, e.tournamentSequenceNr());
        } else if (event instanceof EntryRefused e) {
            return with(Phase.REFUSED, buyIn + fee, new Rejection(e.reason(), e.message(), e.field()), events,
                    walletSequenceNr, tournamentSequenceNr);
        } else if (event instanceof EntryRefunded e) {
            return with(Phase.REFUNDED, refund, refusal, events, e.walletSequenceNr(), tournamentSequenceNr);
        } else if (event instanceof UnregisterRequested e) {
            return new EntryState(Phase.UNREGISTER_REQUESTED, e.entryId(), e.tournamentId(), e.userId(), 0, 0, 0,
                    null, List.of(), 0, 0);
        } else if (event instanceof EntryUnregistered e) {
            return with(Phase.UNREGISTERED, e.refund(), null, e.events(), walletSequenceNr, e.tournamentSequenceNr());
        } else if (event instanceof UnregisterRefused e) {
            return with(Phase.UNREGISTER_REFUSED, refund, new Rejection(e.reason(), e.message(), e.field()), events,
                    walletSequenceNr, tournamentSequenceNr);
        } else if (event instanceof UnregisterRefunded e) {
            return with(Phase.UNREGISTER_REFUNDED, refund, refusal, events, e.walletSequenceNr(),
                    tournamentSequenceNr);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }
}
