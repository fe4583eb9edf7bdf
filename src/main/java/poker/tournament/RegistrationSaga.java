package poker.tournament;

import java.time.Clock;
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
import poker.domain.tournament.EntryEvent;
import poker.domain.tournament.EntryEvent.EntryDeclined;
import poker.domain.tournament.EntryEvent.EntryPaid;
import poker.domain.tournament.EntryEvent.EntryRefunded;
import poker.domain.tournament.EntryEvent.EntryRefused;
import poker.domain.tournament.EntryEvent.EntryRegistered;
import poker.domain.tournament.EntryEvent.EntryRequested;
import poker.domain.tournament.EntryEvent.EntryUnregistered;
import poker.domain.tournament.EntryEvent.UnregisterRefunded;
import poker.domain.tournament.EntryEvent.UnregisterRefused;
import poker.domain.tournament.EntryEvent.UnregisterRequested;
import poker.domain.tournament.EntryState;
import poker.domain.tournament.EntryState.Phase;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.wallet.WalletCommand;
import poker.infra.JsonSerializable;
import poker.infra.Metrics;
import poker.wallet.WalletEntity;

/**
 * The tournament entry saga, modelled on the buy-in saga. Registration: debit buy-in + fee (wallet
 * transaction {@link #entryTransactionId}), then {@code Register} the entry; if the tournament refuses it,
 * refund by a compensation event ({@code refund-<entryId>}, naming the refusal) and answer the refusal.
 * Unregistration: {@code Unregister} the entry, then refund ({@code unregister-<entryId>}).
 *
 * <p>Persistent and resumable: after a crash it recovers its phase and redoes the pending step; every
 * step is idempotent (the wallet by transaction id, the tournament by entry id), so a redone step never
 * happens twice. Sharded with remember-entities so an unfinished saga restarts after a node loss; a
 * finished one passivates. Saga ids: the entry id for a registration, {@code unregister-<entryId>} for
 * an unregistration.
 */
public final class RegistrationSaga extends EventSourcedBehavior<RegistrationSaga.Command, EntryEvent, EntryState> {

    public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "TournamentEntry");
    private static final Logger log = LoggerFactory.getLogger(RegistrationSaga.class);
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    /** The two aggregates an entry talks to; sharded entities in production, fakes in tests. */
    public interface Steps {
        CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command);

        CompletionStage<TournamentEntity.Reply> tournament(String tournamentId, TournamentCommand command);
    }

    public sealed interface Command extends JsonSerializable {
    }

    /** Registers a new entry (the saga's id is the entry id). */
    public record Register(String tournamentId, String userId, long buyIn, long fee, ActorRef<Outcome> replyTo)
            implements Command {
    }

    /** Unregisters entry {@code entryId} (the saga's id is {@code unregister-<entryId>}). */
    public record Unregister(String tournamentId, String userId, String entryId, ActorRef<Outcome> replyTo)
            implements Command {
    }

    /** Answered once the saga has finished (at once if it already has). */
    public record AwaitOutcome(ActorRef<Outcome> replyTo) implements Command {
    }

    private record WalletReplied(WalletEntity.Reply reply, Throwable failure) implements Command {
    }

    private record TournamentReplied(TournamentEntity.Reply reply, Throwable failure) implements Command {
    }

    private enum Retry implements Command {
        INSTANCE
    }

    public sealed interface Outcome extends JsonSerializable {
    }

    /**
     * Registered (events: PlayerRegistered first) or unregistered and refunded (events: PlayerUnregistered).
     * {@code tournamentSequenceNr}: where the tournament's journal holds them.
     */
    public record Succeeded(String entryId, List<TournamentEvent> events, long tournamentSequenceNr,
                            long walletSequenceNr) implements Outcome {
        public Succeeded {
            events = List.copyOf(events);
        }
    }

    /** Refused by the wallet or the tournament, after any refund; {@code walletSequenceNr} 0 if it never changed. */
    public record Refused(Rejection rejection, long walletSequenceNr) implements Outcome {
    }

    private final String sagaId;
    private final Steps steps;
    private final Clock clock;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Consumer<ActorRef<Command>> passivate;
    private final List<ActorRef<Outcome>> waiting = new ArrayList<>();

    private RegistrationSaga(String sagaId, Steps steps, Clock clock, ActorContext<Command> context,
                             TimerScheduler<Command> timers, Consumer<ActorRef<Command>> passivate) {
        super(PersistenceId.of(ENTITY_KEY.name(), sagaId),
                SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
        this.sagaId = sagaId;
        this.steps = steps;
        this.clock = clock;
        this.context = context;
        this.timers = timers;
        this.passivate = passivate;
    }

    /** The wallet transaction that pays entry {@code entryId}. */
    public static String entryTransactionId(String entryId) {
        return "entry-" + entryId;
    }

    /** The saga id of entry {@code entryId}'s unregistration. */
    public static String unregisterSagaId(String entryId) {
        return "unregister-" + entryId;
    }

    /** @param passivate asks the shard to stop this finished saga (a no-op outside sharding) */
    public static Behavior<Command> create(String sagaId, Steps steps, Clock clock,
                                           Consumer<ActorRef<Command>> passivate) {
        return Behaviors.withTimers(timers -> Behaviors.setup(ctx ->
                new RegistrationSaga(sagaId, steps, clock, ctx, timers, passivate)));
    }

    public static void init(ActorSystem<?> system, Duration askTimeout, Clock clock) {
        ClusterSharding sharding = ClusterSharding.get(system);
        Steps steps = new Steps() {
            @Override
            public CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command) {
                return sharding.entityRefFor(WalletEntity.ENTITY_KEY, userId)
                        .ask(replyTo -> new WalletEntity.Execute(command, replyTo), askTimeout);
            }

            @Override
            public CompletionStage<TournamentEntity.Reply> tournament(String tournamentId, TournamentCommand command) {
                return sharding.entityRefFor(TournamentEntity.ENTITY_KEY, tournamentId)
                        .ask(replyTo -> new TournamentEntity.Execute(command, replyTo), askTimeout);
            }
        };
        sharding.init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), steps, clock,
                        self -> ctx.getShard().tell(new ClusterSharding.Passivate<>(self))))
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
    }

    @Override
    public EntryState emptyState() {
        return EntryState.empty();
    }

    @Override
    public CommandHandler<Command, EntryEvent, EntryState> commandHandler() {
        return newCommandHandlerBuilder()
                .forAnyState()
                .onCommand(Register.class, this::onRegister)
                .onCommand(Unregister.class, this::onUnregister)
                .onCommand(AwaitOutcome.class, (state, await) -> {
                    waiting.add(await.replyTo());
                    return answerIfDone(state);
                })
                .onCommand(WalletReplied.class, this::onWalletReplied)
                .onCommand(TournamentReplied.class, this::onTournamentReplied)
                .onCommand(Retry.class, (state, r) -> {
                    runPendingStep(state);
                    return Effect().none();
                })
                .build();
    }

    private Effect<EntryEvent, EntryState> onRegister(EntryState state, Register start) {
        waiting.add(start.replyTo());
        if (state.phase() != Phase.NEW) {
            return answerIfDone(state);
        }
        return Effect().persist(new EntryRequested(sagaId, start.tournamentId(), start.userId(), start.buyIn(),
                start.fee())).thenRun(this::runPendingStep);
    }

    private Effect<EntryEvent, EntryState> onUnregister(EntryState state, Unregister start) {
        waiting.add(start.replyTo());
        if (state.phase() != Phase.NEW) {
            return answerIfDone(state);
        }
        return Effect().persist(new UnregisterRequested(start.entryId(), start.tournamentId(), start.userId()))
                .thenRun(this::runPendingStep);
    }

    private Effect<EntryEvent, EntryState> onWalletReplied(EntryState state, WalletReplied msg) {
        if (msg.failure() != null) {
            return retryLater(state, msg.failure());
        }
        Phase phase = state.phase();
        if (phase == Phase.REQUESTED) {
            if (msg.reply() instanceof WalletEntity.Rejected rejected) {
                return Effect().persist(new EntryDeclined(state.entryId(), rejected.rejection().code(),
                        rejected.rejection().message())).thenRun(this::concluded);
            }
            return Effect().persist(new EntryPaid(state.entryId(), ((WalletEntity.Accepted) msg.reply()).sequenceNr()))
                    .thenRun(this::runPendingStep);
        }
        if (phase == Phase.REFUSED || phase == Phase.UNREGISTERED) {
            if (msg.reply() instanceof WalletEntity.Rejected rejected) {
                // a refund is never refused by the rules; keep trying and make it visible
                log.error("Refund of tournament entry {} refused: {}", state.entryId(), rejected.rejection());
                return retryLater(state, null);
            }
            long seq = ((WalletEntity.Accepted) msg.reply()).sequenceNr();
            EntryEvent done = phase == Phase.REFUSED
                    ? new EntryRefunded(state.entryId(), seq) : new UnregisterRefunded(state.entryId(), seq);
            return Effect().persist(done).thenRun(this::concluded);
        }
        return Effect().none();
    }

    private Effect<EntryEvent, EntryState> onTournamentReplied(EntryState state, TournamentReplied msg) {
        Phase phase = state.phase();
        if (phase != Phase.PAID && phase != Phase.UNREGISTER_REQUESTED) {
            return Effect().none();
        }
        if (msg.failure() != null) {
            return retryLater(state, msg.failure());
        }
        if (msg.reply() instanceof TournamentEntity.Accepted accepted) {
            if (phase == Phase.PAID) {
                return Effect().persist(new EntryRegistered(state.entryId(), accepted.events(),
                        accepted.sequenceNr())).thenRun(this::concluded);
            }
            long refund = accepted.events().stream()
                    .filter(e -> e instanceof TournamentEvent.PlayerUnregistered)
                    .mapToLong(e -> ((TournamentEvent.PlayerUnregistered) e).refund())
                    .findFirst().orElse(0);
            return Effect().persist(new EntryUnregistered(state.entryId(), refund, accepted.events(),
                    accepted.sequenceNr())).thenRun(this::runPendingStep);
        }
        Rejection rejection = ((TournamentEntity.Rejected) msg.reply()).rejection();
        if (phase == Phase.PAID) {
            return Effect().persist(new EntryRefused(state.entryId(), rejection.code(), rejection.message(),
                    rejection.field())).thenRun(this::runPendingStep);
        }
        return Effect().persist(new UnregisterRefused(state.entryId(), rejection.code(), rejection.message(),
                rejection.field())).thenRun(this::concluded);
    }

    private Effect<EntryEvent, EntryState> retryLater(EntryState state, Throwable failure) {
        if (failure != null) {
            log.warn("Tournament entry saga {} step in phase {} failed, retrying: {}", sagaId, state.phase(),
                    failure.toString());
        }
        timers.startSingleTimer(Retry.INSTANCE, RETRY_AFTER);
        return Effect().none();
    }

    /** Sends the request of the current phase; replies come back as commands. */
    private void runPendingStep(EntryState s) {
        String entryId = s.entryId();
        switch (s.phase()) {
            case REQUESTED -> context.pipeToSelf(
                    steps.wallet(s.userId(), new WalletCommand.DebitTournamentEntry(entryTransactionId(entryId),
                            s.tournamentId(), entryId, s.buyIn(), s.fee())),
                    WalletReplied::new);
            case PAID -> context.pipeToSelf(
                    steps.tournament(s.tournamentId(), new TournamentCommand.Register(entryId, s.userId(),
                            entryTransactionId(entryId), clock.instant())),
                    TournamentReplied::new);
            case REFUSED -> context.pipeToSelf(
                    steps.wallet(s.userId(), new WalletCommand.RefundTournamentEntry("refund-" + entryId,
                            entryTransactionId(entryId), s.tournamentId(), entryId, s.refund(), s.refusal().code())),
                    WalletReplied::new);
            case UNREGISTER_REQUESTED -> context.pipeToSelf(
                    steps.tournament(s.tournamentId(), new TournamentCommand.Unregister(s.userId(), clock.instant(),
                            entryId)),
                    TournamentReplied::new);
            case UNREGISTERED -> context.pipeToSelf(
                    steps.wallet(s.userId(), new WalletCommand.RefundTournamentEntry(unregisterSagaId(entryId),
                            entryTransactionId(entryId), s.tournamentId(), entryId, s.refund(), "unregistered")),
                    WalletReplied::new);
            default -> {
            }
        }
    }

    private Effect<EntryEvent, EntryState> answerIfDone(EntryState state) {
        if (state.phase().done()) {
            finish(state);
        }
        return Effect().none();
    }

    /** The saga's last step was persisted just now: counted once (recovery and repeats only answer). */
    private void concluded(EntryState state) {
        Metrics.get(context.getSystem()).sagaOutcome("tournament_entry", state.phase().name().toLowerCase(Locale.ROOT));
        finish(state);
    }

    private void finish(EntryState state) {
        Outcome outcome = switch (state.phase()) {
            case REGISTERED, UNREGISTER_REFUNDED -> new Succeeded(state.entryId(), state.events(),
                    state.tournamentSequenceNr(), state.walletSequenceNr());
            case DECLINED, REFUNDED, UNREGISTER_REFUSED -> new Refused(state.refusal(), state.walletSequenceNr());
            default -> throw new IllegalStateException("not finished: " + state.phase());
        };
        waiting.forEach(w -> w.tell(outcome));
        waiting.clear();
        passivate.accept(context.getSelf());
    }

    @Override
    public EventHandler<EntryState, EntryEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(EntryState::apply);
    }

    @Override
    public SignalHandler<EntryState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::runPendingStep)
                .build();
    }
}
