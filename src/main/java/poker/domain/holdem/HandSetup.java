package poker.domain.holdem;

import java.util.List;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.holdem.HandEvent.Blind;

/**
 * Everything a hand needs to start, decided outside the pure engine: seats, positions, stakes and
 * the already shuffled deck and its commitment ({@code leaves}: the per-position one, see
 * {@link poker.domain.cards.DeckCommitment}; null when the caller commits otherwise).
 *
 * <p>Positions: leave {@code bigBlindSeat} null and the blinds follow the button (small blind left of
 * the button, or the button itself heads-up). Give {@code bigBlindSeat} (and {@code smallBlindSeat},
 * null for a dead small blind) to place them explicitly, as cash tables do (players waiting for the big
 * blind are not dealt in, so the blinds do not simply follow the button: {@code TableDecider.positions})
 * and a tournament's dead-button rule requires; the button may then be an empty seat.
 *
 * <p>Seats with no chips are not dealt in. {@code ante} is a big-blind ante, paid by the big blind
 * for the whole table after the blind itself.
 *
 * <p>{@code posts} are a cash table's extra blinds (POKER_RULES.md rule 12), posted after the
 * hand's own blinds: a live big blind ({@link Blind#EXTRA_BIG}) from a new or returning player, a
 * dead small blind ({@link Blind#DEAD_SMALL}) from one who missed it; a dead small blind that takes a
 * whole stack leaves its poster in no pot (the table does not ask for one). {@code notDealtIn} lists the
 * players seated but not dealt in; the engine only records them in {@code HandStarted}.
 */
public record HandSetup(
        long handNumber,
        List<SeatSetup> seats,
        int buttonSeat,
        Integer smallBlindSeat,
        Integer bigBlindSeat,
        long smallBlind,
        long bigBlind,
        long ante,
        List<Card> deck,
        String commitment,
        List<String> leaves,
        List<Post> posts,
        List<SeatSetup> notDealtIn) {

    /** An extra blind posted by {@code seat}: {@link Blind#EXTRA_BIG} or {@link Blind#DEAD_SMALL}. */
    public record Post(int seat, Blind blind) {
        public Post {
            if (blind != Blind.EXTRA_BIG && blind != Blind.DEAD_SMALL) {
                throw new IllegalArgumentException("an extra post is a live big blind or a dead small blind: " + blind);
            }
        }
    }

    public HandSetup {
        seats = List.copyOf(seats);
        leaves = leaves == null ? null : List.copyOf(leaves);
        posts = posts == null ? List.of() : List.copyOf(posts);
        notDealtIn = notDealtIn == null ? List.of() : List.copyOf(notDealtIn);
        deck = Deck.of(deck).order();
        if (bigBlind <= 0 || smallBlind < 0 || ante < 0) {
            throw new IllegalArgumentException("big blind must be positive, small blind and ante not negative");
        }
        if (smallBlindSeat != null && bigBlindSeat == null) {
            throw new IllegalArgumentException("an explicit small blind needs an explicit big blind");
        }
    }

    /** A setup without per-position leaves or extra posts (tests, and the engine on its own). */
    public HandSetup(long handNumber, List<SeatSetup> seats, int buttonSeat, Integer smallBlindSeat,
                     Integer bigBlindSeat, long smallBlind, long bigBlind, long ante, List<Card> deck,
                     String commitment) {
        this(handNumber, seats, buttonSeat, smallBlindSeat, bigBlindSeat, smallBlind, bigBlind, ante, deck,
                commitment, null, null, null);
    }

    /** The same hand with the deck's per-position leaves, published in {@code HandStarted}. */
    public HandSetup withLeaves(List<String> deckLeaves) {
        return new HandSetup(handNumber, seats, buttonSeat, smallBlindSeat, bigBlindSeat, smallBlind, bigBlind, ante,
                deck, commitment, deckLeaves, posts, notDealtIn);
    }

    /** The same hand with extra blinds posted (rule 12). */
    public HandSetup withPosts(List<Post> extraPosts) {
        return new HandSetup(handNumber, seats, buttonSeat, smallBlindSeat, bigBlindSeat, smallBlind, bigBlind, ante,
                deck, commitment, leaves, extraPosts, notDealtIn);
    }

    /** The same hand, recording who sits at the table without being dealt in. */
    public HandSetup withNotDealtIn(List<SeatSetup> seated) {
        return new HandSetup(handNumber, seats, buttonSeat, smallBlindSeat, bigBlindSeat, smallBlind, bigBlind, ante,
                deck, commitment, leaves, posts, seated);
    }

    /** A cash-table hand: the blinds follow the button. */
    public static HandSetup cash(long handNumber, List<SeatSetup> seats, int buttonSeat,
                                 long smallBlind, long bigBlind, List<Card> deck, String commitment) {
        return new HandSetup(handNumber, seats, buttonSeat, null, null, smallBlind, bigBlind, 0, deck, commitment);
    }

    /** A tournament hand: positions given by the dead-button rule, with a big-blind ante. */
    public static HandSetup tournament(long handNumber, List<SeatSetup> seats, int buttonSeat,
                                       Integer smallBlindSeat, int bigBlindSeat, long smallBlind, long bigBlind,
                                       long ante, List<Card> deck, String commitment) {
        return new HandSetup(handNumber, seats, buttonSeat, smallBlindSeat, bigBlindSeat, smallBlind, bigBlind,
                ante, deck, commitment);
    }

    /** Leaves the deck order out: it must not reach a log. */
    @Override
    public String toString() {
        return "HandSetup[handNumber=" + handNumber + ", seats=" + seats + ", button=" + buttonSeat
                + ", smallBlindSeat=" + smallBlindSeat + ", bigBlindSeat=" + bigBlindSeat + ", blinds=" + smallBlind
                + "/" + bigBlind + ", ante=" + ante + ", posts=" + posts + ", notDealtIn=" + notDealtIn
                + ", commitment=" + commitment + "]";
    }
}
