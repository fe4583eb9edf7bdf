package poker.table;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableState;
import poker.infra.JsonSerializable;

/**
 * One poker table, sharded across the cluster. Thin by design: it runs the pure
 * {@link TableDecider} and persists what it returns; {@link TableState#apply} rebuilds state.
 */
public final class TableEntity
        extends EventSourcedBehaviorWithEnforcedReplies<TableEntity.Command, TableEvent, TableState> {

    public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Table");

    public sealed interface Command extends JsonSerializable {
    }

    /** Run a domain command; the reply says what was stored or why nothing was. */
    public record Execute(TableCommand command, ActorRef<Reply> replyTo) implements Command {
    }

    public record GetState(ActorRef<TableState> replyTo) implements Command {
    }

    public sealed interface Reply extends JsonSerializable {
    }

    /** @param sequenceNr the journal sequence number of the last stored event */
    public record Accepted(List<TableEvent> events, long sequenceNr) implements Reply {
    }

    public record Rejected(Rejection rejection) implements Reply {
    }

    private final String tableId;
    private final String tag;
    private final ActorContext<Command> context;

    private TableEntity(ActorContext<Command> context, String tableId, String tag) {
        super(PersistenceId.of(ENTITY_KEY.name(), tableId),
                SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
        this.context = context;
        this.tableId = tableId;
        this.tag = tag;
    }

    public static void init(ActorSystem<?> system, int tagSlices) {
        ClusterSharding.get(system).init(Entity.of(ENTITY_KEY,
                entityContext -> create(entityContext.getEntityId(), tagFor(entityContext.getEntityId(), tagSlices))));
    }

    public static Behavior<Command> create(String tableId, String tag) {
        return Behaviors.setup(ctx -> new TableEntity(ctx, tableId, tag));
    }

    /** Events of a table carry one tag, "table-0".."table-(n-1)", so projections can run in parallel. */
    public static String tagFor(String tableId, int tagSlices) {
        return "table-" + Math.floorMod(tableId.hashCode(), tagSlices);
    }

    @Override
    public TableState emptyState() {
        return TableState.empty(tableId);
    }

    @Override
    public CommandHandlerWithReply<Command, TableEvent, TableState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Execute.class, this::onExecute)
                .onCommand(GetState.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<TableEvent, TableState> onExecute(TableState state, Execute cmd) {
        var repeat = TableDecider.repeatOf(state, cmd.command());
        if (repeat.isPresent()) {
            return Effect().reply(cmd.replyTo(), new Accepted(List.of(repeat.get()), lastSequenceNumber(context)));
        }
        Decision<TableEvent> decision = TableDecider.decide(state, cmd.command());
        if (decision instanceof Decision.Accepted<TableEvent> accepted) {
            return Effect().persist(accepted.events())
                    .thenReply(cmd.replyTo(), s -> new Accepted(accepted.events(), lastSequenceNumber(context)));
        }
        return Effect().reply(cmd.replyTo(), new Rejected(((Decision.Rejected<TableEvent>) decision).rejection()));
    }

    @Override
    public EventHandler<TableState, TableEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(TableState::apply);
    }

    @Override
    public Set<String> tagsFor(TableEvent event) {
        return Set.of(tag);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(100, 2);
    }
}
