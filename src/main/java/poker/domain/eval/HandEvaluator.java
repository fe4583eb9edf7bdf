package poker.domain.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import poker.domain.cards.Card;
import poker.domain.cards.Rank;

/**
 * Placeholder evaluator: slow but simple. Tries every five-card subset and keeps the best.
 * The fast evaluator replaces this class on merge; the API is the agreed one.
 *
 * <p>Value layout: category in bits 20..23, then the five ranks by significance, four bits each
 * (bits 16..19 most significant). Ranks are 0 (deuce) .. 12 (ace); the wheel's ace counts as below the deuce.
 */
public final class HandEvaluator {

    private HandEvaluator() {
    }

    /** The best five-card hand among 5 to 7 distinct cards. */
    public static HandValue evaluate(List<Card> cards) {
        int n = cards.size();
        if (n < 5 || n > 7) {
            throw new IllegalArgumentException("evaluate takes 5 to 7 cards, got " + n);
        }
        if (cards.stream().distinct().count() != n) {
            throw new IllegalArgumentException("duplicate cards: " + cards);
        }
        HandValue best = null;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    for (int d = c + 1; d < n; d++) {
                        for (int e = d + 1; e < n; e++) {
                            HandValue v = evaluateFive(List.of(cards.get(a), cards.get(b), cards.get(c),
                                    cards.get(d), cards.get(e)));
                            if (best == null || v.value() > best.value()) {
                                best = v;
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** The {@link HandValue#value()} of 5 to 7 cards given by {@link Card#index()}. */
    public static int rank(int... cardIndexes) {
        List<Card> cards = new ArrayList<>(cardIndexes.length);
        for (int i : cardIndexes) {
            cards.add(Card.of(i));
        }
        return evaluate(cards).value();
    }

    private static HandValue evaluateFive(List<Card> five) {
        int[] counts = new int[13];
        for (Card c : five) {
            counts[c.rank().ordinal()]++;
        }
        // Order cards by (count of their rank desc, rank desc): pairs before kickers, high before low.
        List<Card> ordered = new ArrayList<>(five);
        ordered.sort(Comparator.<Card>comparingInt(c -> counts[c.rank().ordinal()])
                .thenComparingInt(c -> c.rank().ordinal())
                .thenComparingInt(c -> c.suit().ordinal())
                .reversed());

        boolean flush = five.stream().map(Card::suit).distinct().count() == 1;
        boolean distinct = five.stream().map(Card::rank).distinct().count() == 5;
        int high = ordered.get(0).rank().ordinal();
        int low = ordered.get(4).rank().ordinal();
        boolean straight = distinct && high - low == 4;
        boolean wheel = distinct && high == Rank.ACE.ordinal() && ordered.get(1).rank() == Rank.FIVE;
        if (wheel) {
            ordered.add(ordered.remove(0)); // 5-4-3-2-A
        }

        int[] shape = ordered.stream().mapToInt(c -> counts[c.rank().ordinal()]).toArray();
        HandCategory category;
        if ((straight || wheel) && flush) {
            category = HandCategory.STRAIGHT_FLUSH;
        } else if (shape[0] == 4) {
            category = HandCategory.FOUR_OF_A_KIND;
        } else if (shape[0] == 3 && shape[3] == 2) {
            category = HandCategory.FULL_HOUSE;
        } else if (flush) {
            category = HandCategory.FLUSH;
        } else if (straight || wheel) {
            category = HandCategory.STRAIGHT;
        } else if (shape[0] == 3) {
            category = HandCategory.THREE_OF_A_KIND;
        } else if (shape[0] == 2 && shape[2] == 2) {
            category = HandCategory.TWO_PAIR;
        } else if (shape[0] == 2) {
            category = HandCategory.ONE_PAIR;
        } else {
            category = HandCategory.HIGH_CARD;
        }

        int value = category.ordinal();
        for (int i = 0; i < 5; i++) {
            int r = ordered.get(i).rank().ordinal();
            if (wheel && i == 4) {
                r = 0; // the wheel's ace plays low; the 5-high straight then beats nothing above it
            }
            value = (value << 4) | r;
        }
        return new HandValue(value, category, ordered);
    }
}
