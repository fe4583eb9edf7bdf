package poker.domain.cards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A deck in a fixed order and how many cards have left it. Immutable: {@link #deal(int)} and
 * {@link #burn()} return the next cards and the deck that remains, so dealing is a pure function
 * of the recorded order.
 *
 * <p>Randomness comes in only through {@link #shuffled(RandomGenerator)}; production passes a
 * {@code new SecureRandom()}, tests a seeded generator.
 *
 * <h2>Commit and reveal: the first scheme, kept for old hands</h2>
 *
 * New hands commit per position ({@link DeckCommitment}): only the cards a viewer may see are ever
 * opened. Hands stored before it used this first scheme, which {@link #commitment(List, byte[])}
 * and {@link #verify(String, List, byte[])} still check: when such a hand started its deck order
 * was committed to with one {@link #newSalt(RandomGenerator) salt}; when it ended, order and salt
 * were revealed to everyone (which let anyone recompute every folded and mucked hand, hence the
 * second scheme). The hashed bytes are
 *
 * <pre>
 *   offset 0                                         104            136
 *          +------------------------------------------+--------------+
 *          | 52 cards in deck order, 2 ASCII bytes each| salt, 32 bytes|
 *          +------------------------------------------+--------------+
 *   card = rank '2'..'9','T','J','Q','K','A' then suit 'c','d','h','s'  e.g. "AsKd7c..."
 * </pre>
 *
 * with no separators, and the commitment is SHA-256 of those 136 bytes as 64 lower-case hex
 * digits. To check by hand: {@code (printf %s "$DECK"; xxd -r -p <<<"$SALT_HEX") | sha256sum}.
 *
 * @param order    the 52 cards, top first; each card exactly once
 * @param position how many cards have been dealt or burned (0..52)
 */
public record Deck(List<Card> order, int position) {

    public static final int SIZE = 52;
    public static final int SALT_LENGTH = 32;

    public Deck {
        order = requireFullDeck(order);
        if (position < 0 || position > SIZE) {
            throw new IllegalArgumentException("deck position out of range: " + position);
        }
    }

    /** A fresh, undealt deck in the given order. */
    public static Deck of(List<Card> order) {
        return new Deck(order, 0);
    }

    /**
     * A uniformly random order of the 52 cards: Fisher–Yates, swapping each position {@code i}
     * from the bottom up with a {@code j} drawn uniformly from {@code [0, i]}
     * ({@link RandomGenerator#nextInt(int)} is unbiased for any bound). Every one of the 52!
     * orders is reachable only if the generator's state is large enough: use
     * {@code SecureRandom} in production, never a small or time-derived seed.
     */
    public static List<Card> shuffled(RandomGenerator rng) {
        Card[] cards = Card.all().toArray(new Card[0]);
        for (int i = cards.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Card swap = cards[i];
            cards[i] = cards[j];
            cards[j] = swap;
        }
        return List.of(cards);
    }

    /** The next {@code count} cards and the deck without them. */
    public Dealt deal(int count) {
        if (count < 1 || count > remaining()) {
            throw new IllegalStateException("cannot deal " + count + " of " + remaining() + " remaining cards");
        }
        return new Dealt(order.subList(position, position + count), new Deck(order, position + count));
    }

    /** The next card and the deck without it. */
    public Dealt deal() {
        return deal(1);
    }

    /** The deck without its next card, which nobody sees. */
    public Deck burn() {
        return deal(1).deck();
    }

    public int remaining() {
        return SIZE - position;
    }

    /** Cards dealt or burned so far, in order. */
    public List<Card> used() {
        return order.subList(0, position);
    }

    /** Leaves the order out: an undealt deck must not reach a log while the hand is live. */
    @Override
    public String toString() {
        return "Deck[position=" + position + ", remaining=" + remaining() + "]";
    }

    /** The result of dealing: the cards, in order, and the deck that remains. */
    public record Dealt(List<Card> cards, Deck deck) {

        public Dealt {
            cards = List.copyOf(cards);
        }

        /** The card, when exactly one was dealt. */
        public Card card() {
            if (cards.size() != 1) {
                throw new IllegalStateException("dealt " + cards.size() + " cards, not one");
            }
            return cards.get(0);
        }
    }

    /** {@value #SALT_LENGTH} random bytes for {@link #commitment(List, byte[])}. */
    public static byte[] newSalt(RandomGenerator rng) {
        byte[] salt = new byte[SALT_LENGTH];
        rng.nextBytes(salt);
        return salt;
    }

    /**
     * Hex SHA-256 over the deck order written as two-character cards, then the salt bytes
     * (layout in the class comment).
     *
     * @throws IllegalArgumentException if {@code deckOrder} is not the 52 cards each once or the
     *                                  salt is not {@value #SALT_LENGTH} bytes
     */
    public static String commitment(List<Card> deckOrder, byte[] salt) {
        List<Card> order = requireFullDeck(deckOrder);
        if (salt == null || salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
        }
        StringBuilder text = new StringBuilder(2 * SIZE);
        for (Card card : order) {
            text.append(card);
        }
        MessageDigest sha256 = sha256();
        sha256.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        sha256.update(salt);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Whether the revealed order and salt hash to the commitment (hex, either case). An invalid
     * deck, salt or hex string never verifies.
     */
    public static boolean verify(String commitmentHex, List<Card> deckOrder, byte[] salt) {
        try {
            byte[] expected = HexFormat.of().parseHex(commitmentHex);
            byte[] actual = HexFormat.of().parseHex(commitment(deckOrder, salt));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            return false;
        }
    }

    private static List<Card> requireFullDeck(List<Card> order) {
        if (order == null || order.size() != SIZE) {
            throw new IllegalArgumentException("a deck order has 52 cards, got "
                    + (order == null ? "none" : order.size()));
        }
        long seen = 0;
        for (Card card : order) {
            if (card == null) {
                throw new IllegalArgumentException("a deck order has no null cards");
            }
            long bit = 1L << card.index();
            if ((seen & bit) != 0) {
                throw new IllegalArgumentException("card " + card + " appears twice in the deck order");
            }
            seen |= bit;
        }
        return List.copyOf(order);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
