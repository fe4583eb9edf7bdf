package poker.wallet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.domain.Rejection;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.wallet.BuyInEvent;
import poker.domain.wallet.BuyInEvent.BuyInCompensated;
import poker.domain.wallet.BuyInEvent.BuyInDeclined;
import poker.domain.wallet.BuyInEvent.BuyInFundsReserved;
import poker.domain.wallet.BuyInEvent.BuyInRequested;
import poker.domain.wallet.BuyInEvent.BuyInSeatRefused;
import poker.domain.wallet.BuyInEvent.BuyInSeatTaken;
import poker.domain.wallet.BuyInState;
import poker.domain.wallet.BuyInState.Phase;
import poker.domain.wallet.WalletCommand;
import poker.infra.JsonSerializable;
import poker.infra.Metrics;
import poker.table.TableEntity;

/**
 * The buy-in saga: debit the wallet, then seat the player; if the table refuses the seat, refund
 * the wallet (a compensation event, nothing deleted). Persistent and resumable: after a crash it
 * recovers its phase and redoes the pending step. Steps are idempotent (the buy-in id is the wallet
 * transaction id and the participant id), so a redone step never happens twice. Sharded with
 * remember-entities so an unfinished saga restarts after a node loss; a finished one passivates.
 */
public final class BuyInSaga extends EventSourcedBehavior<BuyInSaga.Command, BuyInEvent, BuyInState> {

    public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "BuyIn");
    private static final Logger log = LoggerFactory.getLogger(BuyInSaga.class);
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    /** The two aggregates a buy-in talks to; sharded entities in production, fakes in tests. */
    public interface Steps {
        CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command);

        CompletionStage<TableEntity.Reply> table(String tableId, TableCommand command);
    }

    public sealed interface Command extends JsonSerializable {
    }

    /** {@code waitForBigBlind}: the player's choice at the table (rule 12); null waits for the big blind. */
    public record Start(String userId, String tableId, long amount, Integer seatNumber, Boolean waitForBigBlind,
                        ActorRef<Outcome> replyTo)
            implements Command {

        public Start(String userId, String tableId, long amount, Integer seatNumber, ActorRef<Outcome> replyTo) {
            this(userId, tableId, amount, seatNumber, null, replyTo);
        }
    }

    /** Answered once the saga has finished (at once if it already has). */
    public record AwaitOutcome(ActorRef<Outcome> replyTo) implements Command {
    }

    private record WalletReplied(WalletEntity.Reply reply, Throwable failure) implements Command {
    }

    private record TableReplied(TableEntity.Reply reply, Throwable failure) implements Command {
    }

    private enum Retry implements Command {
        INSTANCE
    }

    /** How a buy-in ended: seated, or refused with the reason (wallet's or table's) after any refund. */
    public sealed interface Outcome extends JsonSerializable {
    }

    /** The sequence numbers say where the wallet and table journals hold the outcome (for strong reads). */
    public record Seated(String participantId, int seatNumber, long chips, long walletSequenceNr,
                         long tableSequenceNr) implements Outcome {
    }

    /** {@code walletSequenceNr} is 0 when the wallet never changed (the debit itself was refused). */
    public record Refused(Rejection rejection, long walletSequenceNr) implements Outcome {
    }

    private final String buyInId;
    private final Steps steps;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Consumer<ActorRef<Command>> passivate;
    private final List<ActorRef<Outcome>> waiting = new ArrayList<>();

    private BuyInSaga(String buyInId, Steps steps, ActorContext<Command> context, TimerScheduler<Command> timers,
                      Consumer<ActorRef<Command>> passivate) {
        super(PersistenceId.of(ENTITY_KEY.name(), buyInId),
                SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
        this.buyInId = buyInId;
        this.steps = steps;
        this.context = context;
        this.timers = timers;
        this.passivate = passivate;
    }

    /** @param passivate asks the shard to stop this finished saga (a no-op outside sharding) */
    public static Behavior<Command> create(String buyInId, Steps steps, Consumer<ActorRef<Command>> passivate) {
        return Behaviors.withTimers(timers -> Behaviors.setup(ctx ->
                new BuyInSaga(buyInId, steps, ctx, timers, passivate)));
    }

    public static void init(ActorSystem<?> system, Duration askTimeout) {
        ClusterSharding sharding = ClusterSharding.get(system);
        Steps steps = new Steps() {
            @Override
            public CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command) {
                return sharding.entityRefFor(WalletEntity.ENTITY_KEY, userId)
                        .ask(replyTo -> new WalletEntity.Execute(command, replyTo), askTimeout);
            }

            @Override
            public CompletionStage<TableEntity.Reply> table(String tableId, TableCommand command) {
                return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                        .ask(replyTo -> new TableEntity.Execute(command, replyTo), askTimeout);
            }
        };
        sharding.init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), steps,
                        self -> ctx.getShard().tell(new ClusterSharding.Passivate<>(self))))
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
    }

    @Override
    public BuyInState emptyState() {
        return BuyInState.empty(buyInId);
    }

    @Override
    public CommandHandler<Command, BuyInEvent, BuyInState> commandHandler() {
        return newCommandHandlerBuilder()
                .forAnyState()
                .onCommand(Start.class, this::onStart)
                .onCommand(AwaitOutcome.class, this::onAwait)
                .onCommand(WalletReplied.class, this::onWalletReplied)
                .onCommand(TableReplied.class, this::onTableReplied)
                .onCommand(Retry.class, (state, r) -> {
                    runPendingStep(state);
                    return Effect().none();
                })
                .build();
    }

    private Effect<BuyInEvent, BuyInState> onStart(BuyInState state, Start start) {
        waiting.add(start.replyTo());
        if (state.phase() != Phase.NEW) {
            return answerIfDone(state);
        }
        return Effect().persist(new BuyInRequested(buyInId, start.userId(), start.tableId(), start.amount(),
                start.seatNumber(), start.waitForBigBlind())).thenRun(this::runPendingStep);
    }

    private Effect<BuyInEvent, BuyInState> onAwait(BuyInState state, AwaitOutcome await) {
        waiting.add(await.replyTo());
        return answerIfDone(state);
    }

    private Effect<BuyInEvent, BuyInState> onWalletReplied(BuyInState state, WalletReplied msg) {
        if (msg.failure() != null) {
            return retryLater(state, msg.failure());
        }
        if (state.phase() == Phase.REQUESTED) {
            if (msg.reply() instanceof WalletEntity.Rejected rejected) {
                return Effect().persist(new BuyInDeclined(buyInId, rejected.rejection().code(),
                        rejected.rejection().message())).thenRun(this::concluded);
            }
            return Effect().persist(new BuyInFundsReserved(buyInId, ((WalletEntity.Accepted) msg.reply()).sequenceNr()))
                    .thenRun(this::runPendingStep);
        }
        if (state.phase() == Phase.SEAT_REFUSED) {
            if (msg.reply() instanceof WalletEntity.Rejected rejected) {
                // a refund is never refused by the rules; keep trying and make it visible
                log.error("Refund of buy-in {} refused: {}", buyInId, rejected.rejection());
                return retryLater(state, null);
            }
            return Effect().persist(new BuyInCompensated(buyInId, ((WalletEntity.Accepted) msg.reply()).sequenceNr()))
                    .thenRun(this::concluded);
        }
        return Effect().none();
    }

    private Effect<BuyInEvent, BuyInState> onTableReplied(BuyInState state, TableReplied msg) {
        if (state.phase() != Phase.FUNDS_RESERVED) {
            return Effect().none();
        }
        if (msg.failure() != null) {
            return retryLater(state, msg.failure());
        }
        if (msg.reply() instanceof TableEntity.Accepted accepted) {
            TableEvent.ParticipantJoined joined = (TableEvent.ParticipantJoined) accepted.events().get(0);
            return Effect().persist(new BuyInSeatTaken(buyInId, joined.seatNumber(), joined.chips(),
                    accepted.sequenceNr())).thenRun(this::concluded);
        }
        Rejection rejection = ((TableEntity.Rejected) msg.reply()).rejection();
        if ("already_joined".equals(rejection.code())) {
            // the seat was taken by an earlier attempt of this saga and the player has since left
            return Effect().persist(new BuyInSeatTaken(buyInId, 0, state.request().amount(), 0)).thenRun(this::concluded);
        }
        return Effect().persist(new BuyInSeatRefused(buyInId, rejection.code(), rejection.message(), rejection.field()))
                .thenRun(this::runPendingStep);
    }

    private Effect<BuyInEvent, BuyInState> retryLater(BuyInState state, Throwable failure) {
        if (failure != null) {
            log.warn("Buy-in {} step in phase {} failed, retrying: {}", buyInId, state.phase(), failure.toString());
        }
        timers.startSingleTimer(Retry.INSTANCE, RETRY_AFTER);
        return Effect().none();
    }

    /** Sends the request of the current phase; replies come back as commands. */
    private void runPendingStep(BuyInState state) {
        BuyInRequested r = state.request();
        switch (state.phase()) {
            case REQUESTED -> context.pipeToSelf(
                    steps.wallet(r.userId(), new WalletCommand.DebitBuyIn(buyInId, r.tableId(), r.amount())),
                    WalletReplied::new);
            case FUNDS_RESERVED -> context.pipeToSelf(
                    steps.table(r.tableId(), new TableCommand.JoinParticipant(buyInId, r.userId(), r.amount(),
                            r.seatNumber(), r.waitForBigBlind())),
                    TableReplied::new);
            case SEAT_REFUSED -> context.pipeToSelf(
                    steps.wallet(r.userId(), new WalletCommand.RefundBuyIn("refund-" + buyInId, buyInId,
                            r.tableId(), r.amount(), state.refusal().code())),
                    WalletReplied::new);
            default -> {
            }
        }
    }

    private Effect<BuyInEvent, BuyInState> answerIfDone(BuyInState state) {
        if (state.phase().done()) {
            finish(state);
        }
        return Effect().none();
    }

    /** The saga's last step was persisted just now: counted once (recovery and repeats only answer). */
    private void concluded(BuyInState state) {
        Metrics.get(context.getSystem()).sagaOutcome("buy_in", state.phase().name().toLowerCase(Locale.ROOT));
        finish(state);
    }

    private void finish(BuyInState state) {
        Outcome outcome = switch (state.phase()) {
            case SEATED -> new Seated(buyInId, state.seatNumber(), state.chips(), state.walletSequenceNr(),
                    state.tableSequenceNr());
            case DECLINED, COMPENSATED -> new Refused(state.refusal(), state.walletSequenceNr());
            default -> throw new IllegalStateException("not finished: " + state.phase());
        };
        waiting.forEach(w -> w.tell(outcome));
        waiting.clear();
        passivate.accept(context.getSelf());
    }

    @Override
    public EventHandler<BuyInState, BuyInEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(BuyInState::apply);
    }

    @Override
    public SignalHandler<BuyInState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::runPendingStep)
                .build();
    }
}
