package poker.domain.cards;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The per-position deck commitment: published whole when a hand starts, opened one card at a time
 * to those who may see that card, so a folded, mucked, burned or undealt card is never given away.
 *
 * <h2>What is hashed</h2>
 *
 * <pre>
 *   position i  = 0..51 from the top of the deck: position 0 is the first card dealt
 *   s_i         = 16 random bytes, written as 32 lower-case hex digits
 *   leaf_i      = hex SHA-256 of the UTF-8 text  "&lt;i&gt;:&lt;card&gt;:&lt;s_i&gt;"     e.g. "17:As:9f3c…"
 *   commitment  = hex SHA-256 of the text  leaf_0 leaf_1 … leaf_51   (64 hex digits each, no separator)
 * </pre>
 *
 * All hex is lower case; {@code i} is written in decimal without leading zeros; a card is its two
 * characters, rank then suit ({@link Card#toString()}). To check by hand:
 * {@code printf '17:As:%s' "$SALT_HEX" | sha256sum} gives {@code leaf_17}, and
 * {@code printf %s "$LEAVES_CONCATENATED" | sha256sum} the commitment.
 *
 * <p>An {@link Opening} {@code (i, card, s_i)} proves that {@code card} lay at position {@code i}
 * when the hand began: it {@link #opens matches} {@code leaf_i}, and the leaves hash to the
 * commitment ({@link #leavesMatchCommitment()}). The other positions' salts stay secret, so their
 * leaves reveal nothing (16 random bytes make guessing a card from its leaf hopeless).
 *
 * <p>Pure: randomness only through {@link #newSalts(RandomGenerator)}.
 *
 * @param commitment hex SHA-256 over the leaves
 * @param leaves     the 52 leaves, position 0 first
 */
public record DeckCommitment(String commitment, List<String> leaves) {

    public static final int SALT_BYTES = 16;

    public DeckCommitment {
        leaves = leaves == null ? List.of() : List.copyOf(leaves);
    }

    /**
     * One card shown to be where the deck put it: position (0 = first dealt), card, and that
     * position's salt as hex.
     */
    @JsonPropertyOrder({"position", "card", "salt"})
    public record Opening(int position, Card card, String salt) {
    }

    /** The commitment of {@code deck} (52 cards, top first) under {@code salts} (52 hex salts, one per position). */
    public static DeckCommitment of(List<Card> deck, List<String> salts) {
        List<Card> order = Deck.of(deck).order();
        requireSalts(salts);
        MessageDigest sha256 = sha256();
        List<String> leaves = new ArrayList<>(Deck.SIZE);
        for (int i = 0; i < Deck.SIZE; i++) {
            leaves.add(hex(sha256, i + ":" + order.get(i) + ":" + salts.get(i)));
        }
        return new DeckCommitment(hex(sha256, String.join("", leaves)), leaves);
    }

    /** {@value Deck#SIZE} fresh salts of {@value #SALT_BYTES} bytes, as hex; {@code SecureRandom} in production. */
    public static List<String> newSalts(RandomGenerator rng) {
        List<String> salts = new ArrayList<>(Deck.SIZE);
        byte[] salt = new byte[SALT_BYTES];
        for (int i = 0; i < Deck.SIZE; i++) {
            rng.nextBytes(salt);
            salts.add(HexFormat.of().formatHex(salt));
        }
        return List.copyOf(salts);
    }

    /** {@code leaf_i}: hex SHA-256 of {@code "<position>:<card>:<salt hex>"}. */
    public static String leaf(int position, Card card, String saltHex) {
        return hex(sha256(), position + ":" + card + ":" + saltHex);
    }

    /** The commitment over leaves: hex SHA-256 of the leaf hex strings concatenated in position order. */
    public static String root(List<String> leaves) {
        return hex(sha256(), String.join("", leaves));
    }

    /** The opening of the card at {@code position} of {@code deck} under {@code salts}. */
    public static Opening open(List<Card> deck, List<String> salts, int position) {
        return new Opening(position, deck.get(position), salts.get(position));
    }

    /** The opening of {@code card}, wherever it lies in {@code deck}. */
    public static Opening open(List<Card> deck, List<String> salts, Card card) {
        int position = deck.indexOf(card);
        if (position < 0) {
            throw new IllegalArgumentException(card + " is not in the deck");
        }
        return open(deck, salts, position);
    }

    /** Whether there are 52 leaves and they hash to the commitment. */
    public boolean leavesMatchCommitment() {
        return leaves.size() == Deck.SIZE && commitment != null && root(leaves).equals(commitment);
    }

    /** Whether {@code opening} matches its position's leaf. A malformed opening never does. */
    public boolean opens(Opening opening) {
        if (opening == null || opening.card() == null || opening.salt() == null
                || opening.position() < 0 || opening.position() >= leaves.size()
                || !isSaltHex(opening.salt())) {
            return false;
        }
        return leaf(opening.position(), opening.card(), opening.salt()).equals(leaves.get(opening.position()));
    }

    /** The leaves hash to the commitment and every one of {@code openings} matches its leaf. */
    public boolean verifies(Collection<Opening> openings) {
        return leavesMatchCommitment() && openings.stream().allMatch(this::opens);
    }

    /** {@value #SALT_BYTES} bytes as lower-case hex (a loop, not a regex: this runs 52 times per commitment). */
    private static boolean isSaltHex(String salt) {
        if (salt == null || salt.length() != 2 * SALT_BYTES) {
            return false;
        }
        for (int i = 0; i < salt.length(); i++) {
            char c = salt.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static void requireSalts(List<String> salts) {
        if (salts == null || salts.size() != Deck.SIZE) {
            throw new IllegalArgumentException("a deck commitment needs 52 salts, got "
                    + (salts == null ? "none" : salts.size()));
        }
        for (String salt : salts) {
            if (!isSaltHex(salt)) {
                throw new IllegalArgumentException("a salt is " + SALT_BYTES + " bytes as lower-case hex");
            }
        }
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text} ({@code digest} resets the digester for the next use). */
    private static String hex(MessageDigest sha256, String text) {
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
