package poker.domain.table.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.HandStarted;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.HoleCardsDealt;

/**
 * A completed hand as one viewer may see it ({@code GET /api/tables/{id}/hands/{n}}): its actions
 * redacted the same way as the live socket's events ({@link EventView}), the board, the cards
 * that were shown, the viewer's own hole cards, the pots with their winners, and the deck reveal
 * with a check of the commitment published when the hand began.
 */
public record CompletedHandView(long handNumber, Instant startedAt, Instant endedAt, int button, long smallBlind,
                                long bigBlind, List<Seat> seats, long pot, List<Winner> winners, List<PotView> pots,
                                List<String> board, List<Shown> shown, List<String> yourCards,
                                List<Map<String, Object>> actions, DeckReveal deckReveal) {

    public record Seat(int seatNumber, String playerId, long chips) {
    }

    public record Winner(String playerId, long amount) {
    }

    public record Share(int seatNumber, long amount, String hand) {
    }

    public record PotView(int pot, long amount, List<Share> winners) {
    }

    public record Shown(int seatNumber, List<String> cards) {
    }

    public record DeckReveal(List<String> deck, String salt, String commitment, boolean verified) {
    }

    /** {@code events} run from {@code HandStarted} to {@code HandEnded}; {@code viewer} null for anyone. */
    public static CompletedHandView of(String tableId, Instant startedAt, Instant endedAt, List<HandEvent> events,
                                       List<Card> deck, String salt, String commitment, String viewer) {
        HandStarted started = (HandStarted) events.get(0);
        Map<Integer, String> players = new LinkedHashMap<>();
        started.seats().forEach(s -> players.put(s.seat(), s.playerId()));
        List<Map<String, Object>> actions = new ArrayList<>();
        List<String> board = new ArrayList<>();
        List<Shown> shown = new ArrayList<>();
        List<String> yourCards = null;
        Map<Integer, List<Share>> pots = new TreeMap<>();
        Map<String, Long> winnings = new LinkedHashMap<>();
        for (HandEvent event : events) {
            actions.add(EventView.ofHandEvent(tableId, event, viewer, players::get));
            if (event instanceof HoleCardsDealt dealt && viewer != null && viewer.equals(players.get(dealt.seat()))) {
                yourCards = strings(dealt.cards());
            } else if (event instanceof HandEvent.CardsShown s) {
                shown.add(new Shown(s.seat(), strings(s.cards())));
            } else if (event instanceof HandEvent.FlopDealt f) {
                board.addAll(strings(f.cards()));
            } else if (event instanceof HandEvent.TurnDealt t) {
                board.add(t.card().toString());
            } else if (event instanceof HandEvent.RiverDealt r) {
                board.add(r.card().toString());
            } else if (event instanceof HandWon won) {
                pots.computeIfAbsent(won.pot(), k -> new ArrayList<>())
                        .add(new Share(won.seat(), won.amount(), won.hand()));
                winnings.merge(players.get(won.seat()), won.amount(), Long::sum);
            }
        }
        long pot = winnings.values().stream().mapToLong(Long::longValue).sum();
        return new CompletedHandView(started.handNumber(), startedAt, endedAt, started.button(), started.smallBlind(),
                started.bigBlind(),
                started.seats().stream().map(s -> new Seat(s.seat(), s.playerId(), s.stack())).toList(),
                pot,
                winnings.entrySet().stream().map(e -> new Winner(e.getKey(), e.getValue())).toList(),
                pots.entrySet().stream().map(e -> new PotView(e.getKey(),
                        e.getValue().stream().mapToLong(Share::amount).sum(), e.getValue())).toList(),
                board, shown, yourCards, actions,
                new DeckReveal(strings(deck), salt, commitment,
                        Deck.verify(commitment, deck, HexFormat.of().parseHex(salt))));
    }

    private static List<String> strings(List<Card> cards) {
        return cards.stream().map(Card::toString).toList();
    }
}
