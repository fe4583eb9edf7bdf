package poker.infra;

import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * An entity's log fields: {@code entityType} and {@code entityId} on every line it logs, and {@code command} (the
 * simple name of the command's class, never its fields: a command may carry a card or a token) while it handles a
 * message, with {@code correlationId} when the message carries one ({@link Correlation}). Pekko puts them into the MDC around each message and takes them out after, so they cover
 * {@code context.getLog()} and any logger called on the actor's thread meanwhile (Pekko's persistence included).
 */
public final class EntityMdc {

    public static final String ENTITY_TYPE = "entityType";
    public static final String ENTITY_ID = "entityId";
    public static final String COMMAND = "command";

    private EntityMdc() {
    }

    /** {@code commandName} names a command; an envelope (Execute) names the domain command inside it. */
    public static <C> Behavior<C> around(Class<C> commandType, String entityType, String entityId,
                                         Function<C, Object> commandName, Behavior<C> behavior) {
        return Behaviors.withMdc(commandType, Map.of(ENTITY_TYPE, entityType, ENTITY_ID, entityId),
                command -> {
                    String name = commandName.apply(command).getClass().getSimpleName();
                    String correlation = command instanceof Correlation.Correlated c ? c.correlationId() : null;
                    return correlation == null ? Map.of(COMMAND, name)
                            : Map.of(COMMAND, name, Correlation.FIELD, correlation);
                }, behavior);
    }
}
