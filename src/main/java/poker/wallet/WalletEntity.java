package poker.wallet;

import java.time.Duration;
import poker.infra.Correlation;
import poker.infra.EntityMdc;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletDecider;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletState;
import poker.infra.JsonSerializable;
import poker.infra.Metrics;

/** One user's chip balance, sharded by user id. Runs {@link WalletDecider}; stores what it decides. */
public final class WalletEntity
        extends EventSourcedBehaviorWithEnforcedReplies<WalletEntity.Command, WalletEvent, WalletState> {

    public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Wallet");

    public sealed interface Command extends JsonSerializable {
    }

    public record Execute(WalletCommand command, ActorRef<Reply> replyTo, String correlationId)
            implements Command, Correlation.Correlated {
        /** With the correlation id of the request (or command) being handled on this thread, if any. */
        public Execute(WalletCommand command, ActorRef<Reply> replyTo) {
            this(command, replyTo, Correlation.current());
        }
    }

    public record GetBalance(ActorRef<WalletState> replyTo) implements Command {
    }

    public sealed interface Reply extends JsonSerializable {
    }

    /**
     * @param event      what the transaction stored (the first time, for a repeated id)
     * @param sequenceNr the wallet's journal position at or after that event
     * @param repeated   true when the id had been seen and nothing new was stored
     */
    public record Accepted(WalletEvent event, long sequenceNr, boolean repeated) implements Reply {
    }

    public record Rejected(Rejection rejection) implements Reply {
    }

    private final ActorContext<Command> context;
    private final String userId;
    private final String tag;
    private final Metrics.EntityMeter meter;
    private final Metrics.EntityMeter.Presence presence;

    private WalletEntity(ActorContext<Command> context, String userId, String tag) {
        super(persistenceIdOf(userId),
                SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
        this.context = context;
        this.userId = userId;
        this.tag = tag;
        this.meter = Metrics.get(context.getSystem()).entity("wallet");
        this.presence = meter.presence();
    }

    public static void init(ActorSystem<?> system, int tagSlices) {
        ClusterSharding.get(system).init(Entity.of(ENTITY_KEY,
                ctx -> create(ctx.getEntityId(), tagFor(ctx.getEntityId(), tagSlices))));
    }

    public static Behavior<Command> create(String userId, String tag) {
        return EntityMdc.around(Command.class, ENTITY_KEY.name(), userId,
                command -> command instanceof Execute execute ? execute.command() : command,
                Behaviors.setup(ctx -> new WalletEntity(ctx, userId, tag)));
    }

    /** The journal's id for this entity: "Wallet|<id>". */
    public static PersistenceId persistenceIdOf(String userId) {
        return PersistenceId.of(ENTITY_KEY.name(), userId);
    }

    public static String tagFor(String userId, int tagSlices) {
        return "wallet-" + Math.floorMod(userId.hashCode(), tagSlices);
    }

    @Override
    public WalletState emptyState() {
        return WalletState.empty(userId);
    }

    @Override
    public CommandHandlerWithReply<Command, WalletEvent, WalletState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Execute.class, this::onExecute)
                .onCommand(GetBalance.class, (state, cmd) -> Effect().reply(cmd.replyTo(), state))
                .build();
    }

    private ReplyEffect<WalletEvent, WalletState> onExecute(WalletState state, Execute cmd) {
        var repeat = WalletDecider.repeatOf(state, cmd.command());
        if (repeat.isPresent()) {
            meter.repeated(cmd.command());
            return Effect().reply(cmd.replyTo(),
                    new Accepted(repeat.get().original(), lastSequenceNumber(context), true));
        }
        Decision<WalletEvent> decision = WalletDecider.decide(state, cmd.command());
        if (decision instanceof Decision.Accepted<WalletEvent> accepted) {
            WalletEvent event = accepted.events().get(0);
            meter.accepted(cmd.command());
            long start = System.nanoTime();
            return Effect().persist(event)
                    .thenRun(s -> meter.persisted(start, 1))
                    .thenReply(cmd.replyTo(), s -> new Accepted(event, lastSequenceNumber(context), false));
        }
        Rejection rejection = ((Decision.Rejected<WalletEvent>) decision).rejection();
        meter.rejected(cmd.command(), rejection.code());
        return Effect().reply(cmd.replyTo(), new Rejected(rejection));
    }

    @Override
    public EventHandler<WalletState, WalletEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(WalletState::apply);
    }

    @Override
    public SignalHandler<WalletState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> presence.up())
                .onSignal(PostStop.instance(), state -> presence.down())
                .onSignal(PreRestart.instance(), state -> presence.down())
                .build();
    }

    @Override
    public Set<String> tagsFor(WalletEvent event) {
        return Set.of(tag);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(100, 2);
    }
}
