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
        if (text.length() < minLength || text.length() > maxLength) {
            throw ApiError.invalidField(field,
                    field + " must be " + minLength + " to " + maxLength + " characters long.");
        }
        return Optional.of(text);
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

    public int requireInt(String field, int min, int max) {
        return (int) requireLong(field, min, max);
    }

    public Optional<Integer> optionalInt(String field, int min, int max) {
        return optionalLong(field, min, max).map(Long::intValue);
    }
}
