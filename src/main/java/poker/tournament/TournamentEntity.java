package poker.tournament;

import java.time.Clock;
import poker.infra.Correlation;
import poker.infra.EntityMdc;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentDecider;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentState;
import poker.infra.JsonSerializable;
import poker.infra.Metrics;

/**
 * One tournament, sharded across the cluster: runs the pure {@link TournamentDecider} and persists what
 * it returns. It owns the tournament's clocks: the start timer (at {@code startAt}: {@code Start(manual =
 * false)}) and the level clock (at the current level's {@code endsAt}: {@code AdvanceLevel(next)}), both
 * re-armed from the state after every change and after recovery, so they survive restarts (a deadline
 * passed while the node was down fires at once). Remembered in sharding so a registering or running
 * tournament comes back after a crash; a finished or cancelled one passivates after its idle time.
 */
public final class TournamentEntity
        extends EventSourcedBehaviorWithEnforcedReplies<TournamentEntity.Command, TournamentEvent, TournamentState> {

    public static final EntityTypeKey<Command> ENTITY_KEY = EntityTypeKey.create(Command.class, "Tournament");

    public sealed interface Command extends JsonSerializable {
    }

    /** Run a domain command; the reply says what was stored or why nothing was. */
    public record Execute(TournamentCommand command, ActorRef<Reply> replyTo, String correlationId)
            implements Command, Correlation.Correlated {
        /** With the correlation id of the request (or command) being handled on this thread, if any. */
        public Execute(TournamentCommand command, ActorRef<Reply> replyTo) {
            this(command, replyTo, Correlation.current());
        }
    }

    public record GetState(ActorRef<TournamentState> replyTo) implements Command {
    }

    /** The state with the journal position it reflects. */
    public record GetSnapshot(ActorRef<Snapshot> replyTo) implements Command {
    }

    public record Snapshot(TournamentState state, long sequenceNr) implements JsonSerializable {
    }

    public sealed interface Reply extends JsonSerializable {
    }

    /**
     * @param events     what the command stored; for a repeat, what it stored the first time; empty when it
     *                   changed nothing (a fact recorded before, a stale timer)
     * @param sequenceNr the journal sequence number of the last stored event
     */
    public record Accepted(List<TournamentEvent> events, long sequenceNr) implements Reply {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    public record Rejected(Rejection rejection) implements Reply {
    }

    /** Timer: {@code startAt} has come (or a day has passed; checked against the clock). */
    private enum StartDue implements Command {
        INSTANCE
    }

    /** Timer: the current level is over; level {@code level} begins. */
    private record LevelDue(int level) implements Command {
    }

    private enum IdleTimeout implements Command {
        INSTANCE
    }

    /** The shard's stop message (passivation and hand-off). Package-private so a test can play the shard. */
    enum Stop implements Command {
        INSTANCE
    }

    /** Through the region to a tournament that stopped with a clock running: starts it again. */
    private enum Wake implements Command {
        INSTANCE
    }

    /** What the entity needs from outside: time, and the payout and ranking rules. */
    public record Environment(Clock clock, TournamentDecider.Rules rules) {

        public static Environment standard(Clock clock) {
            return new Environment(clock, TournamentDecider.STANDARD);
        }
    }

    /**
     * When a tournament leaves memory: one never created at once, after answering; a finished or
     * cancelled one after {@code idleAfter} without a command. A registering or running one stays.
     */
    public record Passivation(Duration idleAfter, Consumer<ActorRef<Command>> passivate, Runnable wake) {

        public static Passivation none() {
            return new Passivation(Duration.ofDays(1), self -> {
            }, () -> {
            });
        }
    }

    /** Timers longer than this are re-armed when they fire (the scheduler's range is limited). */
    static final Duration LONGEST_TIMER = Duration.ofDays(1);

    private static final String START = "start";
    private static final String LEVEL = "level";
    private static final String IDLE = "idle";

    private final String tournamentId;
    private final String tag;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Environment environment;
    private final Passivation passivation;
    private boolean passivating;
    private final Metrics.EntityMeter meter;
    private final Metrics.EntityMeter.Presence presence;
    /**
     * Where stored events are pushed to live sockets ({@link TournamentFeeds}): a child, gone with the entity, and
     * stopped by a restart after a failed write (a restart stops the children), so made again then.
     */
    private ActorRef<Topic.Command<TournamentFeeds.Stored>> live;

    private TournamentEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String tournamentId,
                             String tag, Environment environment, Passivation passivation) {
        super(persistenceIdOf(tournamentId),
                SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
        this.context = context;
        this.timers = timers;
        this.tournamentId = tournamentId;
        this.tag = tag;
        this.environment = environment;
        this.passivation = passivation;
        this.meter = Metrics.get(context.getSystem()).entity("tournament");
        this.presence = meter.presence();
        this.live = publisher();
    }

    /**
     * Remembered entities: Pekko turns automatic passivation off for them, so a tournament passivates
     * itself through the shard (see {@link Passivation}).
     */
    public static void init(ActorSystem<?> system, int tagSlices, Environment environment, Duration idleAfter) {
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(ENTITY_KEY,
                        entityContext -> create(entityContext.getEntityId(),
                                tagFor(entityContext.getEntityId(), tagSlices), environment,
                                new Passivation(idleAfter,
                                        self -> entityContext.getShard().tell(new ClusterSharding.Passivate<>(self)),
                                        () -> sharding.entityRefFor(ENTITY_KEY, entityContext.getEntityId())
                                                .tell(Wake.INSTANCE))))
                .withStopMessage(Stop.INSTANCE)
                .withSettings(ClusterShardingSettings.create(system).withRememberEntities(true)));
    }

    public static Behavior<Command> create(String tournamentId, String tag, Environment environment) {
        return create(tournamentId, tag, environment, Passivation.none());
    }

    public static Behavior<Command> create(String tournamentId, String tag, Environment environment,
                                           Passivation passivation) {
        return EntityMdc.around(Command.class, ENTITY_KEY.name(), tournamentId,
                command -> command instanceof Execute execute ? execute.command() : command,
                Behaviors.withTimers(timers -> Behaviors.setup(ctx ->
                        new TournamentEntity(ctx, timers, tournamentId, tag, environment, passivation))));
    }

    /** The journal's id for this entity: "Tournament|<id>". */
    public static PersistenceId persistenceIdOf(String tournamentId) {
        return PersistenceId.of(ENTITY_KEY.name(), tournamentId);
    }

    /** "tournament-0".."tournament-(n-1)", so projections can run in parallel. */
    public static String tagFor(String tournamentId, int tagSlices) {
        return "tournament-" + Math.floorMod(tournamentId.hashCode(), tagSlices);
    }

    @Override
    public TournamentState emptyState() {
        return TournamentState.empty(tournamentId);
    }

    @Override
    public CommandHandlerWithReply<Command, TournamentEvent, TournamentState> commandHandler() {
        return newCommandHandlerWithReplyBuilder()
                .forAnyState()
                .onCommand(Execute.class, this::onExecute)
                .onCommand(GetState.class, (state, cmd) -> {
                    settle(state);
                    return Effect().reply(cmd.replyTo(), state);
                })
                .onCommand(GetSnapshot.class, (state, cmd) -> {
                    settle(state);
                    return Effect().reply(cmd.replyTo(), new Snapshot(state, lastSequenceNumber(context)));
                })
                .onCommand(StartDue.class, this::onStartDue)
                .onCommand(LevelDue.class, this::onLevelDue)
                .onCommand(IdleTimeout.class, (state, idle) -> {
                    if (quiet(state)) {
                        passivate();
                    }
                    return Effect().noReply();
                })
                .onCommand(Wake.class, (state, wake) -> {
                    settle(state);
                    return Effect().noReply();
                })
                .onCommand(Stop.class, (state, stop) -> {
                    if (passivating && !quiet(state)) {
                        passivation.wake().run();
                    }
                    return Effect().stop().thenNoReply();
                })
                .build();
    }

    private ReplyEffect<TournamentEvent, TournamentState> onExecute(TournamentState state, Execute cmd) {
        var repeat = TournamentDecider.repeatOf(state, cmd.command());
        if (repeat.isPresent()) {
            settle(state);
            meter.repeated(cmd.command());
            return Effect().reply(cmd.replyTo(), new Accepted(repeat.get(), lastSequenceNumber(context)));
        }
        Decision<TournamentEvent> decision = TournamentDecider.decide(state, cmd.command(), environment.rules());
        if (decision instanceof Decision.Accepted<TournamentEvent> accepted) {
            meter.accepted(cmd.command());
            return persistAll(accepted.events())
                    .thenReply(cmd.replyTo(), s -> new Accepted(accepted.events(), lastSequenceNumber(context)));
        }
        settle(state);
        Rejection rejection = ((Decision.Rejected<TournamentEvent>) decision).rejection();
        meter.rejected(cmd.command(), rejection.code());
        return Effect().reply(cmd.replyTo(), new Rejected(rejection));
    }

    private ReplyEffect<TournamentEvent, TournamentState> onStartDue(TournamentState state, StartDue due) {
        Instant now = environment.clock().instant();
        Instant startAt = state.created() ? state.settings().startAt() : null;
        if (!state.registering() || startAt == null || now.isBefore(startAt)) {
            armTimers(state);
            return Effect().noReply();
        }
        return runTimer(state, new TournamentCommand.Start(false, now));
    }

    private ReplyEffect<TournamentEvent, TournamentState> onLevelDue(TournamentState state, LevelDue due) {
        Instant now = environment.clock().instant();
        if (!state.running() || due.level() != state.level() + 1 || state.levelEndsAt() == null
                || now.isBefore(state.levelEndsAt())) {
            armTimers(state);
            return Effect().noReply();
        }
        return runTimer(state, new TournamentCommand.AdvanceLevel(due.level(), now));
    }

    private ReplyEffect<TournamentEvent, TournamentState> runTimer(TournamentState state, TournamentCommand command) {
        Decision<TournamentEvent> decision = TournamentDecider.decide(state, command, environment.rules());
        if (decision instanceof Decision.Accepted<TournamentEvent> accepted) {
            return persistAll(accepted.events()).thenNoReply();
        }
        context.getLog().warn("Tournament {}: {} refused: {}", tournamentId, command,
                ((Decision.Rejected<TournamentEvent>) decision).rejection());
        armTimers(state);
        return Effect().noReply();
    }

    private EffectBuilder<TournamentEvent, TournamentState> persistAll(List<TournamentEvent> events) {
        if (events.isEmpty()) {
            return Effect().none().thenRun(this::armTimers);
        }
        long start = System.nanoTime();
        return Effect().persist(events).thenRun(state -> {
            long last = lastSequenceNumber(context);
            if (live == null) {
                live = publisher();
            }
            live.tell(Topic.publish(new TournamentFeeds.Stored(tournamentId, last - events.size() + 1,
                    List.copyOf(events))));
            meter.persisted(start, events.size());
            armTimers(state);
        });
    }

    /** Nothing will happen here by itself: never created, finished or cancelled. */
    private static boolean quiet(TournamentState state) {
        return !state.created() || state.over();
    }

    private void settle(TournamentState state) {
        if (!state.created()) {
            passivate();
        } else {
            armIdle(state);
        }
    }

    private void armIdle(TournamentState state) {
        if (quiet(state)) {
            timers.startSingleTimer(IDLE, IdleTimeout.INSTANCE, passivation.idleAfter());
        } else {
            timers.cancel(IDLE);
        }
    }

    private void passivate() {
        passivating = true;
        passivation.passivate().accept(context.getSelf());
    }

    /** After every change and after recovery: the start timer, the level clock, the idle time. */
    private void armTimers(TournamentState state) {
        armIdle(state);
        Instant now = environment.clock().instant();
        if (state.registering() && state.settings().startAt() != null) {
            timers.startSingleTimer(START, StartDue.INSTANCE, delay(now, state.settings().startAt()));
        } else {
            timers.cancel(START);
        }
        if (state.running() && state.levelEndsAt() != null) {
            timers.startSingleTimer(LEVEL, new LevelDue(state.level() + 1), delay(now, state.levelEndsAt()));
        } else {
            timers.cancel(LEVEL);
        }
    }

    private static Duration delay(Instant now, Instant due) {
        Duration left = Duration.between(now, due);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(LONGEST_TIMER) > 0 ? LONGEST_TIMER : left;
    }

    /** A new topic actor for this entity's pushes; its first publishes may precede its first listing. */
    private ActorRef<Topic.Command<TournamentFeeds.Stored>> publisher() {
        return context.spawnAnonymous(Topic.create(TournamentFeeds.Stored.class, TournamentFeeds.topicName(tournamentId)));
    }

    @Override
    public SignalHandler<TournamentState> signalHandler() {
        return newSignalHandlerBuilder()
                .onSignal(RecoveryCompleted.instance(), state -> {
                    if (live == null) {
                        live = publisher();
                    }
                    presence.up();
                    armTimers(state);
                })
                .onSignal(PostStop.instance(), state -> presence.down())
                .onSignal(PreRestart.instance(), state -> {
                    // the restart stops the children, the publisher among them: a new one once recovered
                    live = null;
                    presence.down();
                })
                .build();
    }

    @Override
    public EventHandler<TournamentState, TournamentEvent> eventHandler() {
        return newEventHandlerBuilder().forAnyState().onAnyEvent(TournamentState::apply);
    }

    @Override
    public Set<String> tagsFor(TournamentEvent event) {
        return Set.of(tag);
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(100, 2);
    }

    /** A finished or cancelled tournament's final snapshot: all of its journal may then be archived. */
    @Override
    public boolean shouldSnapshot(TournamentState state, TournamentEvent event, long sequenceNr) {
        return event instanceof TournamentEvent.TournamentFinished || event instanceof TournamentEvent.TournamentCancelled;
    }
}
