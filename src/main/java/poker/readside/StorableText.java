package poker.readside;

/**
 * Event text made storable in PostgreSQL. Events are forever, and an old writer may have stored text
 * that PostgreSQL refuses (U+0000 in {@code text}/{@code varchar}, {@code \u0000} in {@code jsonb}); a
 * projection writes every text column through here so such a value shows as U+FFFD instead of
 * stopping the projection. Unpaired surrogates become U+FFFD too (the driver would write '?').
 */
public final class StorableText {

    public static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** {@code text} with U+0000 and unpaired surrogates replaced by U+FFFD; null stays null. */
    public static String of(String text) {
        if (text == null || isStorable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A JSON document (as Jackson writes it) made storable in a {@code jsonb} column: jsonb refuses
     * the escape {@code \u0000}, which becomes {@code \ufffd}; raw text goes through {@link #of}.
     */
    public static String json(String json) {
        if (json == null) {
            return null;
        }
        String text = of(json);
        if (!text.contains("\\u0000")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
            } else if (text.startsWith("u0000", i + 1)) {
                out.append("\\ufffd");
                i += 5;
            } else {
                // any other escape, \\ included, is copied whole so its second character is not read as a start
                out.append(c).append(text.charAt(++i));
            }
        }
        return out.toString();
    }

    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
