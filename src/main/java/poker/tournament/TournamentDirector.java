package poker.tournament;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.tournament.DirectorDecider;
import poker.domain.tournament.DirectorEvent;
import poker.domain.tournament.DirectorInput;
import poker.domain.tournament.DirectorState;
import poker.domain.tournament.DirectorStep;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.wallet.WalletCommand;
import poker.infra.JsonSerializable;
import poker.readside.DirectorForwarding;
import poker.table.TableEntity;
import poker.wallet.WalletEntity;

/**
 * The tournament director: the process manager of one tournament (issue #9), event sourced. It runs the
 * pure {@link DirectorDecider} on what it is told and persists the decisions; then it sends every
 * {@link DirectorStep} its state holds (one at a time per lane, see {@link DirectorState#sendable()}) to
 * the tables, the tournament (the {@link Tournaments} facade) or the wallets, and records each reply. A
 * step without an answer (a failure, a timeout, a refusal that may pass) is sent again with a backoff
 * (200 ms doubling to 10 s) until it has one; after a crash or a hand-off the recovered state still holds
 * every unanswered step and they all go out again. Every step is idempotent at its receiver, so a step
 * sent twice happens once.
 *
 * <p>How events reach it: {@link DirectorForwarding} runs two at-least-once projections, one over the
 * tournament tags, one over the table tags (only {@code TournamentHandEnded}), each delivering an event
 * with its persistence id and sequence number; the director acknowledges after persisting what it made of
 * it (or at once when it has seen it or does not act on it), so a projection's offset only moves past an
 * event the director holds. Redeliveries after a projection restart are dropped by the last sequence number
 * per persistence id kept in the state.
 *
 * <p>Sharded as "TournamentDirector", persistence id "TournamentDirector|&lt;tournamentId&gt;", remembered
 * (a running tournament's director restarts with the node), snapshots every 100 events. Once the
 * tournament is over and every step answered it passivates.
 */
public final class TournamentDirector
        extends EventSourcedBehavior<TournamentDirector.Command, DirectorEvent, DirectorState> {

    public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "TournamentDirector");
    private static final Logger log = LoggerFactory.getLogger(TournamentDirector.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    /** The three kinds of receivers of steps; sharded entities and the facade in production, fakes in tests. */
    public interface Steps {
        CompletionStage<TableEntity.Reply> table(String tableId, TableCommand command);

        CompletionStage<Tournaments.Result> tournament(String tournamentId, TournamentCommand command);

        CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command);
    }

    /** What the entity needs from outside: time, seat draws, and how long a step may take. */
    public record Environment(Clock clock, RandomGenerator random, Duration stepTimeout) {
    }

    public sealed interface Command extends JsonSerializable {
    }

    /**
     * One event for the director, from {@code persistenceId} at {@code sequenceNr}: exactly one of
     * {@code tournamentEvent} / {@code tableEvent} is set. Answered with {@link Ack} once persisted.
     */
    public record Deliver(String persistenceId, long sequenceNr, TournamentEvent tournamentEvent,
                          TableEvent tableEvent, ActorRef<Ack> replyTo) implements Command {
    }

    /** The director holds the delivered event (or had it already, or does not act on it). */
    public record Ack(String persistenceId, long sequenceNr) implements JsonSerializable {
    }

    public record GetState(ActorRef<DirectorState> replyTo) implements Command {
    }

    /** Starts the entity (through the region) and sends whatever is pending. */
    public enum Wake implements Command {
        INSTANCE
    }

    private record StepAnswered(long stepId, DirectorInput.StepOutcome outcome, Throwable failure)
            implements Command {
    }

    private record RetryStep(long stepId) implements Command {
    }

    private final String tournamentId;
    private final Steps steps;
    private final Environment environment;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Consumer<ActorRef<Command>> passivate;
    /** Steps sent and not answered yet. */
    private final Set<Long> inFlight = new HashSet<>();
    /** Steps waiting for their retry timer, with the attempts so far. */
    private final Map<Long, Integer> attempts = new HashMap<>();
    private final Set<Long> backingOff = new HashSet<>();

    private TournamentDirector(String tournamentId, Steps steps, Environment environment, ActorContext<Command> context,
                               TimerScheduler<Command> timers, Consumer<ActorRef<Command>> passivate) {
        super(persistenceIdOf(tournamentId),
                SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
        this.tournamentId = tournamentId;
        this.steps = steps;
        this.environment = environment;
        this.context = context;
        this.timers = timers;
        this.passivate = passivate;
    }

    /** @param passivate asks the shard to stop this director (a no-op outside sharding) */
    public static Behavior<Command> create(String tournamentId, Steps steps, Environment environment,
                                           Consumer<ActorRef<Command>> passivate) {
        return Behaviors.withTimers(timers -> Behaviors.setup(ctx ->
                new TournamentDirector(tournamentId, steps, environment, ctx, timers, passivate)));
    }

    public static PersistenceId persistenceIdOf(String tournamentId) {
        return PersistenceId.of(ENTITY_KEY.name(), tournamentId);
    }

    /**
     * Starts the directors' sharding (remembered) and the two forwarding projections. One call from
     * {@code PokerServer}, after the tournament entity and its facade exist.
     */
    public static void init(ActorSystem<?> system, DataSource dataSource, int tagSlices, Duration askTimeout,
                            Tournaments tournaments) {
        ClusterSharding sharding = ClusterSharding.get(system);
        Steps steps = new Steps() {
            @Override
            public CompletionStage<TableEntity.Reply> table(String tableId, TableCommand command) {
                return sharding.entityRefFor(TableEntity.ENTITY_KEY, tableId)
                        .ask(replyTo -> new TableEntity.Execute(command, replyTo), askTimeout);
            }

            @Override
            public CompletionStage<Tournaments.Result> tournament(String id, TournamentCommand command) {
                return tournaments.execute(id, command);
            }

            @Override
            public CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command) {
                return sharding.entityRefFor(WalletEntity.ENTITY_KEY, userId)
                        .ask(replyTo -> new WalletEntity.Execute(command, replyTo), askTimeout);
            }
        };
        Environment environment = new Environment(Clock.systemUTC(), new SecureRandom(), askTimeout.multipliedBy(2));
        sharding.init(Entity.of(ENTITY_KEY, ctx -> create(ctx.getEntityId(), steps, environment,
                        self -> ctx.getShard().tell(new ClusterSharding.Passivate<>(self))))
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
        DirectorForwarding.start(system, dataSource, tagSlices, (id, delivery) -> sharding
                .entityRefFor(ENTITY_KEY, id)
                .<Ack>ask(replyTo -> new Deliver(delivery.persistenceId(), delivery.sequenceNr(),
                        delivery.tournamentEvent(), delivery.tableEvent(), replyTo), askTimeout)
                .thenApply(ack -> org.apache.pekko.Done.getInstance()));
    }

    @Override
    public DirectorState emptyState() {
        return DirectorState.empty(tournamentId);
    }

    @Override
    public CommandHandler<Command, DirectorEvent, DirectorState> commandHandler() {
        return newCommandHandlerBuilder()
                .forAnyState()
                .onCommand(Deliver.class, this::onDeliver)
                .onCommand(GetState.class, (state, get) -> {
                    get.replyTo().tell(state);
                    return Effect().none();
                })
                .onCommand(Wake.class, (state, wake) -> {
                    dispatch(state);
                    return Effect().none();
                })
                .onCommand(StepAnswered.class, this::onStepAnswered)
                .onCommand(RetryStep.class, (state, retry) -> {
                    backingOff.remove(retry.stepId());
                    dispatch(state);
                    return Effect().none();
                })
                .build();
    }

    private Effect<DirectorEvent, DirectorState> onDeliver(DirectorState state, Deliver deliver) {
        DirectorInput input = deliver.tournamentEvent() != null
                ? new DirectorInput.FromTournament(deliver.persistenceId(), deliver.sequenceNr(),
                deliver.tournamentEvent())
                : new DirectorInput.FromTable(deliver.persistenceId(), deliver.sequenceNr(), deliver.tableEvent());
        Ack ack = new Ack(deliver.persistenceId(), deliver.sequenceNr());
        List<DirectorEvent> events = decide(state, input);
        if (events.isEmpty()) {
            deliver.replyTo().tell(ack);
            return Effect().none();
        }
        return Effect().persist(events).thenRun(s -> {
            deliver.replyTo().tell(ack);
            dispatch(s);
        });
    }

    private Effect<DirectorEvent, DirectorState> onStepAnswered(DirectorState state, StepAnswered answer) {
        inFlight.remove(answer.stepId());
        if (answer.failure() != null) {
            log.warn("Director {}: step {} failed, retrying: {}", tournamentId, describe(state, answer.stepId()),
                    answer.failure().toString());
            retryLater(answer.stepId());
            return Effect().none();
        }
        if (answer.outcome() instanceof DirectorInput.Refused refused) {
            log.warn("Director {}: step {} refused: {} {}", tournamentId, describe(state, answer.stepId()),
                    refused.code(), refused.message());
        }
        List<DirectorEvent> events = decide(state, new DirectorInput.StepReplied(answer.stepId(), answer.outcome()));
        if (events.isEmpty()) {
            if (state.step(answer.stepId()).isPresent()) {
                retryLater(answer.stepId());
            }
            return Effect().none();
        }
        return Effect().persist(events).thenRun(s -> {
            attempts.remove(answer.stepId());
            if (s.step(answer.stepId()).isPresent()) {
                retryLater(answer.stepId());
            }
            dispatch(s);
        });
    }

    private List<DirectorEvent> decide(DirectorState state, DirectorInput input) {
        return DirectorDecider.decide(state, input, environment.clock().instant(), environment.random());
    }

    private String describe(DirectorState state, long stepId) {
        return state.step(stepId).map(Object::toString).orElse("#" + stepId);
    }

    private void retryLater(long stepId) {
        int attempt = attempts.merge(stepId, 1, Integer::sum);
        long millis = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt - 1, 10));
        backingOff.add(stepId);
        timers.startSingleTimer("retry-" + stepId, new RetryStep(stepId), Duration.ofMillis(millis));
    }

    /** Sends every step that may go now and is neither on its way nor waiting for a retry. */
    private void dispatch(DirectorState state) {
        for (DirectorStep step : state.sendable()) {
            long id = step.id();
            if (inFlight.contains(id) || backingOff.contains(id)) {
                continue;
            }
            inFlight.add(id);
            send(step);
        }
        if (state.done() && inFlight.isEmpty()) {
            passivate.accept(context.getSelf());
        }
    }

    private void send(DirectorStep step) {
        long id = step.id();
        long timeout = environment.stepTimeout().toMillis();
        try {
            DirectorStep.Target target = step.target();
            if (target instanceof DirectorStep.ToTable t) {
                context.pipeToSelf(steps.table(t.tableId(), t.command()).toCompletableFuture()
                                .orTimeout(timeout, TimeUnit.MILLISECONDS),
                        (reply, failure) -> new StepAnswered(id, failure == null ? tableOutcome(reply) : null, failure));
            } else if (target instanceof DirectorStep.ToTournament t) {
                context.pipeToSelf(steps.tournament(tournamentId, t.command()).toCompletableFuture()
                                .orTimeout(timeout, TimeUnit.MILLISECONDS),
                        (reply, failure) -> new StepAnswered(id, failure == null ? tournamentOutcome(reply) : null,
                                failure));
            } else if (target instanceof DirectorStep.ToWallet w) {
                context.pipeToSelf(steps.wallet(w.userId(), w.command()).toCompletableFuture()
                                .orTimeout(timeout, TimeUnit.MILLISECONDS),
                        (reply, failure) -> new StepAnswered(id, failure == null ? walletOutcome(reply) : null,
                                failure));
            }
        } catch (RuntimeException e) {
            context.getSelf().tell(new StepAnswered(id, null, e));
        }
    }

    /** A removal's reply gives the chips the participant left with. */
    static DirectorInput.StepOutcome tableOutcome(TableEntity.Reply reply) {
        if (reply instanceof TableEntity.Rejected rejected) {
            return new DirectorInput.Refused(rejected.rejection().code(), rejected.rejection().message());
        }
        Long chips = null;
        for (TableEvent event : ((TableEntity.Accepted) reply).events()) {
            if (event instanceof TableEvent.ParticipantLeft left) {
                chips = left.chipsReturned();
            }
        }
        return new DirectorInput.Ok(chips);
    }

    static DirectorInput.StepOutcome tournamentOutcome(Tournaments.Result result) {
        if (result instanceof Tournaments.Refused refused) {
            return new DirectorInput.Refused(refused.rejection().code(), refused.rejection().message());
        }
        return new DirectorInput.Ok(null);
    }

    static DirectorInput.StepOutcome walletOutcome(WalletEntity.Reply reply) {
        if (reply instanceof WalletEntity.Rejected rejected) {
            return new DirectorInput.Refused(rejected.rejection().code(), rejected.rejection().message());
        }
        return new DirectorInput.Ok(null);
    }

    @Override
    public EventHandler<DirectorState, DirectorEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(DirectorState::apply);
    }

    @Override
    public SignalHandler<DirectorState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), this::dispatch)
                .build();
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(100, 2);
    }
}
