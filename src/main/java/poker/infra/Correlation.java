package poker.infra;

import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The correlation id of the request a command comes from, so the entity's log lines for that command carry
 * the same {@code correlationId} as the request's access line. The HTTP layer sets it on the thread while
 * it builds and runs a request's route ({@link #during}); a command envelope created meanwhile captures it
 * ({@link Correlated}), and the entity puts it into the MDC while it handles that envelope
 * ({@link EntityMdc}). An entity that sends commands while handling a correlated one passes it on (the MDC
 * is read when nothing is set here): a buy-in saga's first step carries the request's id.
 */
public final class Correlation {

    /** The log field, the same as the access line's. */
    public static final String FIELD = "correlationId";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** The id set on this thread, else the one in the MDC (an entity handling a correlated command), else null. */
    public static String current() {
        String id = CURRENT.get();
        return id != null ? id : MDC.get(FIELD);
    }

    /** Runs {@code body} with {@code id} set on this thread, then puts back what was there. */
    public static <T> T during(String id, Supplier<T> body) {
        String before = CURRENT.get();
        CURRENT.set(id);
        try {
            return body.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** A command envelope that carries the correlation id of where it was created (null: none). */
    public interface Correlated {
        String correlationId();
    }
}
