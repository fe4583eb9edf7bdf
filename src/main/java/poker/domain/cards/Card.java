package poker.domain.cards;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the 52 cards. Written rank then suit: {@code As}, {@code Td}, {@code 2c}.
 *
 * <p>{@link #index()} is a compact encoding 0..51 ({@code rank * 4 + suit}) used by
 * the evaluator and the deck; {@link #of(int)} reverses it without allocating.
 */
public record Card(Rank rank, Suit suit) implements Comparable<Card> {

    private static final Card[] BY_INDEX = new Card[52];

    static {
        for (Rank r : Rank.values()) {
            for (Suit s : Suit.values()) {
                BY_INDEX[r.ordinal() * 4 + s.ordinal()] = new Card(r, s);
            }
        }
    }

    public Card {
        if (rank == null || suit == null) {
            throw new IllegalArgumentException("rank and suit are required");
        }
    }

    public static Card of(Rank rank, Suit suit) {
        return BY_INDEX[rank.ordinal() * 4 + suit.ordinal()];
    }

    public static Card of(int index) {
        if (index < 0 || index >= 52) {
            throw new IllegalArgumentException("card index out of range: " + index);
        }
        return BY_INDEX[index];
    }

    /** Parses the two-character form (also how a card is read from JSON), e.g. {@code "As"} or {@code "td"}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Card parse(String text) {
        if (text == null || text.length() != 2) {
            throw new IllegalArgumentException("a card is two characters, rank then suit: " + text);
        }
        return of(Rank.fromSymbol(text.charAt(0)), Suit.fromSymbol(text.charAt(1)));
    }

    /** Parses cards separated by spaces or commas, or written together: {@code "AsKd 7c"}. */
    public static List<Card> parseAll(String text) {
        String compact = text.replaceAll("[\\s,]", "");
        if (compact.length() % 2 != 0) {
            throw new IllegalArgumentException("cards are two characters each: " + text);
        }
        List<Card> cards = new ArrayList<>(compact.length() / 2);
        for (int i = 0; i < compact.length(); i += 2) {
            cards.add(parse(compact.substring(i, i + 2)));
        }
        return List.copyOf(cards);
    }

    /** All 52 cards in index order. */
    public static List<Card> all() {
        return List.of(BY_INDEX);
    }

    public int index() {
        return rank.ordinal() * 4 + suit.ordinal();
    }

    @Override
    public int compareTo(Card other) {
        return Integer.compare(index(), other.index());
    }

    /** The two-character form, also how a card is written to JSON. */
    @JsonValue
    @Override
    public String toString() {
        return "" + rank.symbol() + suit.symbol();
    }
}
