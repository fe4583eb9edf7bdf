package poker.domain.cards;

/**
 * Card ranks, deuce lowest; {@link #ordinal()} is 0 for TWO .. 12 for ACE. The names are the words
 * hand histories use: a 2 is a Deuce, as PokerStars writes it ("a pair of Deuces").
 */
public enum Rank {
    TWO('2', "Deuce", "Deuces"), THREE('3', "Three", "Threes"), FOUR('4', "Four", "Fours"),
    FIVE('5', "Five", "Fives"), SIX('6', "Six", "Sixes"), SEVEN('7', "Seven", "Sevens"),
    EIGHT('8', "Eight", "Eights"), NINE('9', "Nine", "Nines"), TEN('T', "Ten", "Tens"),
    JACK('J', "Jack", "Jacks"), QUEEN('Q', "Queen", "Queens"), KING('K', "King", "Kings"),
    ACE('A', "Ace", "Aces");

    private final char symbol;
    private final String singular;
    private final String plural;

    Rank(char symbol, String singular, String plural) {
        this.symbol = symbol;
        this.singular = singular;
        this.plural = plural;
    }

    public char symbol() {
        return symbol;
    }

    public String singular() {
        return singular;
    }

    public String plural() {
        return plural;
    }

    public static Rank fromSymbol(char c) {
        for (Rank r : values()) {
            if (r.symbol == Character.toUpperCase(c)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rank '" + c + "'");
    }
}
