package poker.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Shape checks on a JSON request body; every failure names its field (400). */
public final class Fields {

    private final JsonNode node;

    Fields(JsonNode node) {
        this.node = node;
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** The raw value of {@code field}, null when absent or JSON null: for nested shapes (lists of objects). */
    JsonNode node(String field) {
        return present(field);
    }

    public String requireString(String field, int minLength, int maxLength) {
        return optionalString(field, minLength, maxLength)
                .orElseThrow(() -> ApiError.invalidField(field, field + " is required."));
    }

    public Optional<String> optionalString(String field, int minLength, int maxLength) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.invalidField(field, field + " must be a string.");
        }
        String text = value.textValue();
        requirePlainText(field, text);
        if (text.length() < minLength || text.length() > maxLength) {
            throw ApiError.invalidField(field,
                    field + " must be " + minLength + " to " + maxLength + " characters long.");
        }
        return Optional.of(text);
    }

    /**
     * Every text a client sends passes here: no C0 or C1 control character, no DEL, no unpaired
     * surrogate. PostgreSQL cannot store U+0000, and the others only ever hide or forge text.
     */
    public static void requirePlainText(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                throw ApiError.invalidField(field, String.format(
                        "%s must not contain control characters (U+%04X at position %d).", field, (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiError.invalidField(field, String.format(
                        "%s must not contain an unpaired surrogate (U+%04X at position %d).", field, (int) c, i + 1));
            }
        }
    }

    /** C0 (U+0000..U+001F), DEL (U+007F) and C1 (U+0080..U+009F). */
    static boolean isControl(char c) {
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
    }

    /** A whole number of chips (a JSON integer) within [min, max]. */
    public long requireLong(String field, long min, long max) {
        return optionalLong(field, min, max)
                .orElseThrow(() -> ApiError.invalidField(field, field + " is required."));
    }

    public Optional<Long> optionalLong(String field, long min, long max) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiError.invalidField(field, field + " must be a whole number.");
        }
        long n = value.longValue();
        if (n < min || n > max) {
            throw ApiError.invalidField(field, field + " must be between " + min + " and " + max + ".");
        }
        return Optional.of(n);
    }

    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw ApiError.invalidField(field, field + " must be true or false.");
        }
        return Optional.of(value.booleanValue());
    }

    public int requireInt(String field, int min, int max) {
        return (int) requireLong(field, min, max);
    }

    public Optional<Integer> optionalInt(String field, int min, int max) {
        return optionalLong(field, min, max).map(Long::intValue);
    }
}
