package poker.domain;

/**
 * A command refused by a business rule. {@code code} reaches the client unchanged
 * ({@code table_full}, {@code seat_taken}, ...); {@code field} names the offending input, if any.
 */
public record Rejection(String code, String message, String field) {

    public static Rejection of(String code, String message) {
        return new Rejection(code, message, null);
    }

    public static Rejection ofField(String code, String field, String message) {
        return new Rejection(code, message, field);
    }
}
