package poker.domain.table.view;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For leak audits in tests: does a JSON text contain any of a set of cards? Cards are written as
 * two-character JSON strings ({@code "As"}), so a card counts as present when it appears as a whole
 * JSON string, on its own or inside an array (a UUID containing "2c" does not count).
 */
public final class HiddenCards {

    private static final Pattern CARD_STRING = Pattern.compile("\"([2-9TJQKA][cdhs])\"");

    private HiddenCards() {
    }

    /** Whether {@code json} shows any of {@code forbiddenCards} (two-character form, e.g. {@code "Td"}). */
    public static boolean leaks(String json, Set<String> forbiddenCards) {
        return !leaked(json, forbiddenCards).isEmpty();
    }

    /** The forbidden cards that {@code json} shows, in the order they appear. */
    public static Set<String> leaked(String json, Collection<String> forbiddenCards) {
        Set<String> found = new LinkedHashSet<>();
        if (json == null || forbiddenCards.isEmpty()) {
            return found;
        }
        Matcher m = CARD_STRING.matcher(json);
        while (m.find()) {
            if (forbiddenCards.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }
}
