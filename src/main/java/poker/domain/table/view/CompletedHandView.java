package poker.domain.table.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.HandStarted;
import poker.domain.holdem.HandEvent.HandWon;
import poker.domain.holdem.HandEvent.HoleCardsDealt;

/**
 * A completed hand as one viewer may see it ({@code GET /api/tables/{id}/hands/{n}}; {@code handId} is the
 * platform-wide hand id, set by the caller with {@link #withHandId}): its actions
 * redacted the same way as the live socket's events ({@link EventView}), the board, the cards
 * that were shown, the viewer's own hole cards, the pots with their winners, and what the viewer
 * may check of the deck:
 * <ul>
 *   <li>a hand sealed per position ({@link DeckCommitment}) has {@code deckCommitment}: the
 *       commitment, the 52 leaves and the openings of the cards this viewer may see (own hole cards,
 *       board, shown cards; all 52 for a reviewer, i.e. a moderator or admin, as the hand is over),
 *       with {@code verified}; folded and mucked cards stay sealed for everyone else;</li>
 *   <li>a first-scheme hand has {@code deckReveal} (deck, salt, commitment, verified) when its deck
 *       was revealed to everyone ({@code DeckRevealed}), and otherwise (a first-scheme hand that
 *       ended after the second scheme came) only for a reviewer.</li>
 * </ul>
 */
public record CompletedHandView(long handNumber, Long handId, Instant startedAt, Instant endedAt, int button,
                                long smallBlind,
                                long bigBlind, List<Seat> seats, long pot, List<Winner> winners, List<PotView> pots,
                                List<String> board, List<Shown> shown, List<String> yourCards,
                                List<Map<String, Object>> actions, DeckReveal deckReveal,
                                DeckOpenings deckCommitment) {

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

    /** First scheme: the whole deck and its one salt. */
    public record DeckReveal(List<String> deck, String salt, String commitment, boolean verified) {
    }

    /**
     * Per-position commitment: {@code verified} when the leaves hash to the commitment and every
     * opening given matches its leaf.
     */
    @JsonPropertyOrder({"commitment", "leaves", "openings", "verified"})
    public record DeckOpenings(String commitment, List<String> leaves, List<Opening> openings, boolean verified) {
    }

    /** What the hand history keeps of a hand's deck secret (the deck order itself is in {@code HandStarted}). */
    public sealed interface DeckSecret {
    }

    /** The 52 salts of a hand sealed per position. */
    public record PerPosition(List<String> salts) implements DeckSecret {
        public PerPosition {
            salts = List.copyOf(salts);
        }

        /** Leaves the salts out: they must not reach a log. */
        @Override
        public String toString() {
            return "PerPosition[" + salts.size() + " salts]";
        }
    }

    /** The one salt of a first-scheme hand; {@code revealedToAll} when it ended with {@code DeckRevealed}. */
    public record FirstScheme(String salt, boolean revealedToAll) implements DeckSecret {

        /** Leaves the salt out: it must not reach a log. */
        @Override
        public String toString() {
            return "FirstScheme[revealedToAll=" + revealedToAll + "]";
        }
    }

    /**
     * {@code events} run from {@code HandStarted} to {@code HandEnded}; {@code viewer} null for anyone;
     * {@code reviewer} for a moderator or admin.
     */
    public static CompletedHandView of(String tableId, Instant startedAt, Instant endedAt, List<HandEvent> events,
                                       DeckSecret secret, String viewer, boolean reviewer) {
        HandStarted started = (HandStarted) events.get(0);
        Map<Integer, String> players = new LinkedHashMap<>();
        started.seats().forEach(s -> players.put(s.seat(), s.playerId()));
        Function<Card, Opening> opener = secret instanceof PerPosition p
                ? card -> DeckCommitment.open(started.deck(), p.salts(), card) : null;
        List<Map<String, Object>> actions = new ArrayList<>();
        List<Card> visible = new ArrayList<>();
        List<String> board = new ArrayList<>();
        List<Shown> shown = new ArrayList<>();
        List<String> yourCards = null;
        Map<Integer, List<Share>> pots = new TreeMap<>();
        Map<String, Long> winnings = new LinkedHashMap<>();
        for (HandEvent event : events) {
            actions.add(EventView.ofHandEvent(tableId, event, viewer, players::get, opener));
            if (event instanceof HoleCardsDealt dealt && viewer != null && viewer.equals(players.get(dealt.seat()))) {
                yourCards = strings(dealt.cards());
                visible.addAll(dealt.cards());
            } else if (event instanceof HandEvent.CardsShown s) {
                shown.add(new Shown(s.seat(), strings(s.cards())));
                visible.addAll(s.cards());
            } else if (event instanceof HandEvent.FlopDealt f) {
                board.addAll(strings(f.cards()));
                visible.addAll(f.cards());
            } else if (event instanceof HandEvent.TurnDealt t) {
                board.add(t.card().toString());
                visible.add(t.card());
            } else if (event instanceof HandEvent.RiverDealt r) {
                board.add(r.card().toString());
                visible.add(r.card());
            } else if (event instanceof HandWon won) {
                pots.computeIfAbsent(won.pot(), k -> new ArrayList<>())
                        .add(new Share(won.seat(), won.amount(), won.hand()));
                winnings.merge(players.get(won.seat()), won.amount(), Long::sum);
            }
        }
        DeckReveal reveal = null;
        DeckOpenings openings = null;
        if (secret instanceof FirstScheme first && (first.revealedToAll() || reviewer)) {
            reveal = firstSchemeReveal(started, first.salt());
        } else if (secret instanceof PerPosition perPosition) {
            openings = openings(started, perPosition.salts(), reviewer ? started.deck() : visible);
        }
        long pot = winnings.values().stream().mapToLong(Long::longValue).sum();
        return new CompletedHandView(started.handNumber(), null, startedAt, endedAt, started.button(),
                started.smallBlind(),
                started.bigBlind(),
                started.seats().stream().map(s -> new Seat(s.seat(), s.playerId(), s.stack())).toList(),
                pot,
                winnings.entrySet().stream().map(e -> new Winner(e.getKey(), e.getValue())).toList(),
                pots.entrySet().stream().map(e -> new PotView(e.getKey(),
                        e.getValue().stream().mapToLong(Share::amount).sum(), e.getValue())).toList(),
                board, shown, yourCards, actions, reveal, openings);
    }

    /**
     * The same view with the hand's platform-wide id: the journal position of its {@code HandStarted},
     * unique across tables (the number PokerStars histories carry); the path keeps the table's number.
     */
    public CompletedHandView withHandId(Long id) {
        return new CompletedHandView(handNumber, id, startedAt, endedAt, button, smallBlind, bigBlind, seats, pot,
                winners, pots, board, shown, yourCards, actions, deckReveal, deckCommitment);
    }

    private static DeckReveal firstSchemeReveal(HandStarted started, String salt) {
        boolean verified;
        try {
            verified = Deck.verify(started.commitment(), started.deck(), HexFormat.of().parseHex(salt));
        } catch (IllegalArgumentException | NullPointerException unreadable) {
            verified = false;
        }
        return new DeckReveal(strings(started.deck()), salt, started.commitment(), verified);
    }

    /** The openings of {@code cards} (each once, by position), checked against what {@code HandStarted} published. */
    private static DeckOpenings openings(HandStarted started, List<String> salts, List<Card> cards) {
        List<Opening> opened = cards.stream().distinct()
                .map(card -> DeckCommitment.open(started.deck(), salts, card))
                .sorted(Comparator.comparingInt(Opening::position))
                .toList();
        DeckCommitment published = new DeckCommitment(started.commitment(), started.leaves());
        return new DeckOpenings(published.commitment(), published.leaves(), opened, published.verifies(opened));
    }

    private static List<String> strings(List<Card> cards) {
        return cards.stream().map(Card::toString).toList();
    }
}
