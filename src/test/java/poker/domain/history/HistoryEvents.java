package poker.domain.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.AntePosted;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.BlindPosted;
import poker.domain.holdem.HandEvent.FlopDealt;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.RiverDealt;
import poker.domain.holdem.HandEvent.TurnDealt;
import poker.domain.holdem.HandEvent.UncalledBetReturned;

/** Facts read straight from a hand's events, to check a history against independently of its writer. */
final class HistoryEvents {

    private HistoryEvents() {
    }

    static List<Card> board(List<HandEvent> events) {
        List<Card> board = new ArrayList<>();
        for (HandEvent e : events) {
            if (e instanceof FlopDealt f) {
                board.addAll(f.cards());
            } else if (e instanceof TurnDealt t) {
                board.add(t.card());
            } else if (e instanceof RiverDealt r) {
                board.add(r.card());
            }
        }
        return board;
    }

    /** Blinds, antes and bets put in, less the uncalled bets returned. */
    static long potFromContributions(List<HandEvent> events) {
        long pot = 0;
        for (HandEvent e : events) {
            if (e instanceof BlindPosted b) {
                pot += b.amount();
            } else if (e instanceof AntePosted a) {
                pot += a.amount();
            } else if (e instanceof BetPlaced b) {
                pot += b.added();
            } else if (e instanceof UncalledBetReturned u) {
                pot -= u.amount();
            }
        }
        return pot;
    }

    /** HandWon amounts summed by seat. */
    static Map<Integer, Long> wonBySeat(List<HandEvent> events) {
        Map<Integer, Long> won = new LinkedHashMap<>();
        events.stream().filter(HandWon.class::isInstance).map(HandWon.class::cast)
                .forEach(w -> won.merge(w.seat(), w.amount(), Long::sum));
        return won;
    }
}
