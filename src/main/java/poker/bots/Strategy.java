package poker.bots;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A simple legal strategy, from the {@code legalActions} of the table view only: mostly check or call,
 * sometimes a bet or raise within its bounds, now and then a fold when facing a bet, and all-in at
 * {@code allInPercent} (which is what makes tournaments end). Percentages of decisions.
 */
public record Strategy(int foldPercent, int betPercent, int allInPercent) {

    /** An action frame's content: {@code amount} only for bet and raise (the street total). */
    public record Choice(String action, Long amount) {

        /** The live socket's action frame for hand {@code handNumber}. */
        public String frame(long handNumber) {
            return "{\"type\":\"action\",\"handNumber\":" + handNumber + ",\"action\":\"" + action + "\""
                    + (amount == null ? "" : ",\"amount\":" + amount) + "}";
        }
    }

    public static final Strategy CASH = new Strategy(8, 12, 1);
    public static final Strategy TOURNAMENT = new Strategy(10, 12, 8);

    public Strategy {
        if (foldPercent < 0 || betPercent < 0 || allInPercent < 0 || foldPercent + betPercent + allInPercent > 100) {
            throw new IllegalArgumentException("percentages must be 0..100 and add up to at most 100");
        }
    }

    /** What to do, given the viewer's {@code legalActions} (an array of {action, min, max}). */
    public Choice choose(JsonNode legalActions, RandomGenerator random) {
        Map<String, JsonNode> legal = legal(legalActions);
        int roll = random.nextInt(100);
        if (roll < allInPercent && legal.containsKey("all_in")) {
            return new Choice("all_in", null);
        }
        roll -= allInPercent;
        if (roll < betPercent) {
            String bet = legal.containsKey("bet") ? "bet" : legal.containsKey("raise") ? "raise" : null;
            if (bet != null) {
                long min = legal.get(bet).path("min").asLong();
                long max = legal.get(bet).path("max").asLong();
                // min .. 3 × min, within the bounds
                long top = Math.max(min, Math.min(max, min * 3));
                return new Choice(bet, min + (top > min ? random.nextLong(top - min + 1) : 0));
            }
        }
        roll -= betPercent;
        if (roll < foldPercent && legal.containsKey("fold") && !legal.containsKey("check")) {
            return new Choice("fold", null);
        }
        return safe(legalActions);
    }

    /** Check, else call, else all-in, else fold: what is legal whatever the bounds. */
    public static Choice safe(JsonNode legalActions) {
        Map<String, JsonNode> legal = legal(legalActions);
        for (String action : new String[] {"check", "call", "all_in"}) {
            if (legal.containsKey(action)) {
                return new Choice(action, null);
            }
        }
        return new Choice("fold", null);
    }

    private static Map<String, JsonNode> legal(JsonNode legalActions) {
        Map<String, JsonNode> legal = new HashMap<>();
        legalActions.forEach(a -> legal.put(a.path("action").asText(), a));
        return legal;
    }
}
