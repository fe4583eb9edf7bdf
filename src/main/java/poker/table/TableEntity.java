package poker.table;

import java.security.SecureRandom;
import poker.infra.Correlation;
import poker.infra.EntityMdc;
import java.time.Clock;
import java.time.Duration;
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
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableState;
import poker.domain.table.TurnClock;
import poker.infra.JsonSerializable;
import poker.infra.Metrics;

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
    public record Execute(TableCommand command, ActorRef<Reply> replyTo, String correlationId)
            implements Command, Correlation.Correlated {
        /** With the correlation id of the request (or command) being handled on this thread, if any. */
        public Execute(TableCommand command, ActorRef<Reply> replyTo) {
            this(command, replyTo, Correlation.current());
        }
    }

    public record GetState(ActorRef<TableState> replyTo) implements Command {
    }

    /** The state with the journal position it reflects (the live socket starts from it). */
    public record GetSnapshot(ActorRef<Snapshot> replyTo) implements Command {
    }

    public record Snapshot(TableState state, long sequenceNr) implements JsonSerializable {
    }

    /** Timer: the pause between hands is over. */
    private enum StartHand implements Command {
        INSTANCE
    }

    /** Timer: a turn's deadline has come. */
    private record ClockExpired(long handNumber, int seatNumber) implements Command {
    }

    /** Timer: the table has been quiet for the idle time. */
    private enum IdleTimeout implements Command {
        INSTANCE
    }

    /**
     * The shard's stop message, on passivation and on hand-off: stops after any pending write.
     * Package-private so the entity test can play the shard.
     */
    enum Stop implements Command {
        INSTANCE
    }

    /** Through the region to a table that stopped with something running: starts it again. */
    private enum Wake implements Command {
        INSTANCE
    }

    /**
     * Where decks come from: a fresh shuffle and 52 fresh per-position salts per hand
     * ({@code SecureRandom} in production).
     */
    public interface Dealer {
        List<Card> shuffle();

        /** One hex salt per deck position, for {@link poker.domain.cards.DeckCommitment}. */
        List<String> salts();

        static Dealer secure() {
            SecureRandom random = new SecureRandom();
            return new Dealer() {
                @Override
                public List<Card> shuffle() {
                    return Deck.shuffled(random);
                }

                @Override
                public List<String> salts() {
                    return DeckCommitment.newSalts(random);
                }
            };
        }
    }

    /** What the entity needs from outside: time, decks, and the pause between hands. */
    public record Environment(Clock clock, Dealer dealer, Duration handPause) {
    }

    public sealed interface Reply extends JsonSerializable {
    }

    /** @param sequenceNr the journal sequence number of the last stored event */
    public record Accepted(List<TableEvent> events, long sequenceNr) implements Reply {
    }

    public record Rejected(Rejection rejection) implements Reply {
    }

    /**
     * When a table leaves memory: a table that was never created at once, after answering; a created
     * one after {@code idleAfter} without a hand in play, a turn clock or a hand to deal.
     *
     * @param passivate asks the shard to stop the entity (a no-op outside sharding)
     * @param wake      sends the table a message through the region, which starts it again after a
     *                  stop (a no-op outside sharding)
     */
    public record Passivation(Duration idleAfter, Consumer<ActorRef<Command>> passivate, Runnable wake) {

        /** Outside sharding (tests of the entity alone): nothing asks to stop it. */
        public static Passivation none() {
            return new Passivation(Duration.ofDays(1), self -> {
            }, () -> {
            });
        }
    }

    private static final String NEXT_HAND = "next-hand";
    private static final String TURN_CLOCK = "turn-clock";
    private static final String IDLE = "idle";

    private final String tableId;
    private final String tag;
    private final ActorContext<Command> context;
    private final TimerScheduler<Command> timers;
    private final Environment environment;
    private final Passivation passivation;
    /** This table asked its shard to passivate it; the stop that follows is not a hand-off. */
    private boolean passivating;
    private final Metrics metrics;
    private final Metrics.EntityMeter meter;
    private final Metrics.EntityMeter.Presence presence;
    /**
     * Where stored events are pushed to live sockets ({@link TableFeeds}): a child, gone with the entity, and
     * stopped by a restart after a failed write (a restart stops the children), so made again then.
     */
    private ActorRef<Topic.Command<TableFeeds.Stored>> live;

    private TableEntity(ActorContext<Command> context, TimerScheduler<Command> timers, String tableId, String tag,
                        Environment environment, Passivation passivation) {
        super(persistenceIdOf(tableId),
                SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
        this.context = context;
        this.timers = timers;
        this.tableId = tableId;
        this.tag = tag;
        this.environment = environment;
        this.passivation = passivation;
        this.metrics = Metrics.get(context.getSystem());
        this.meter = metrics.entity("table");
        this.presence = meter.presence();
        this.live = publisher();
    }

    /**
     * Tables are remembered entities, so a table whose hand or turn clock is running restarts after a
     * crash or a restart and re-arms its timers from its state. With remember-entities Pekko turns
     * automatic passivation off, so a table passivates itself ({@link Passivation}) through the shard,
     * which records the stop: a remembered entity that just stopped would be restarted.
     *
     * @param idleAfter how long a quiet table stays in memory ({@code poker.table.idle-passivation})
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

    public static Behavior<Command> create(String tableId, String tag, Environment environment) {
        return create(tableId, tag, environment, Passivation.none());
    }

    public static Behavior<Command> create(String tableId, String tag, Environment environment,
                                           Passivation passivation) {
        return EntityMdc.around(Command.class, ENTITY_KEY.name(), tableId,
                command -> command instanceof Execute execute ? execute.command() : command,
                Behaviors.withTimers(timers -> Behaviors.setup(ctx ->
                        new TableEntity(ctx, timers, tableId, tag, environment, passivation))));
    }

    /** The journal's id for this entity: "Table|<id>". */
    public static PersistenceId persistenceIdOf(String tableId) {
        return PersistenceId.of(ENTITY_KEY.name(), tableId);
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
                .onCommand(GetState.class, (state, cmd) -> {
                    settle(state);
                    return Effect().reply(cmd.replyTo(), state);
                })
                .onCommand(GetSnapshot.class, (state, cmd) -> {
                    settle(state);
                    return Effect().reply(cmd.replyTo(), new Snapshot(state, lastSequenceNumber(context)));
                })
                .onCommand(StartHand.class, this::onStartHand)
                .onCommand(ClockExpired.class, this::onClockExpired)
                .onCommand(IdleTimeout.class, this::onIdleTimeout)
                .onCommand(Wake.class, (state, wake) -> {
                    settle(state);
                    return Effect().noReply();
                })
                .onCommand(Stop.class, this::onStop)
                .build();
    }

    /** Quiet: no hand in play, no turn clock, no hand about to be dealt; nothing here needs a timer. */
    private static boolean quiet(TableState state) {
        return !state.handLive() && state.clock() == null && !TableDecider.canStartHand(state);
    }

    /**
     * After a command that stored nothing: a table that does not exist leaves at once (its answer is
     * already on its way, and the shard buffers what comes next); a quiet one is idle from now.
     */
    private void settle(TableState state) {
        if (!state.created()) {
            passivate();
        } else {
            armIdle(state);
        }
    }

    private void armIdle(TableState state) {
        if (quiet(state)) {
            timers.startSingleTimer(IDLE, IdleTimeout.INSTANCE, passivation.idleAfter());
        } else {
            timers.cancel(IDLE);
        }
    }

    private ReplyEffect<TableEvent, TableState> onIdleTimeout(TableState state, IdleTimeout idle) {
        if (quiet(state)) {
            passivate();
        }
        return Effect().noReply();
    }

    private void passivate() {
        passivating = true;
        passivation.passivate().accept(context.getSelf());
    }

    /**
     * A command already on its way when this table asked to passivate may have started something (a
     * second player sat in): the stop still happens, since the shard waits for it, and a wake-up
     * through the region, which the shard holds until then, starts the table again at once.
     */
    private ReplyEffect<TableEvent, TableState> onStop(TableState state, Stop stop) {
        if (passivating && !quiet(state)) {
            passivation.wake().run();
        }
        return Effect().stop().thenNoReply();
    }

    private ReplyEffect<TableEvent, TableState> onStartHand(TableState state, StartHand start) {
        if (!TableDecider.canStartHand(state)) {
            return Effect().noReply();
        }
        Decision<TableEvent> decision = TableDecider.startHand(state, environment.dealer().shuffle(),
                environment.dealer().salts(), environment.clock().instant());
        return persistAll(decision).thenNoReply();
    }

    private ReplyEffect<TableEvent, TableState> onClockExpired(TableState state, ClockExpired expired) {
        Decision<TableEvent> decision = TableDecider.timeout(state, expired.handNumber(), expired.seatNumber(),
                environment.clock().instant());
        return persistAll(decision).thenNoReply();
    }

    private EffectBuilder<TableEvent, TableState> persistAll(Decision<TableEvent> decision) {
        List<TableEvent> events = decision instanceof Decision.Accepted<TableEvent> a ? a.events() : List.of();
        if (events.isEmpty()) {
            return Effect().none().thenRun(this::armTimers);
        }
        long start = System.nanoTime();
        return Effect().persist(events).thenRun(state -> {
            long last = lastSequenceNumber(context);
            if (live == null) {
                live = publisher();
            }
            live.tell(Topic.publish(new TableFeeds.Stored(tableId, last - events.size() + 1, List.copyOf(events))));
            persisted(start, events);
            armTimers(state);
        });
    }

    /** The metrics of a write: events, latency, and the hands it started or closed. */
    private void persisted(long start, List<TableEvent> events) {
        meter.persisted(start, events.size());
        for (TableEvent event : events) {
            if (event instanceof TableEvent.HandProgressed p && p.event() instanceof HandEvent.HandStarted) {
                metrics.handStarted();
            } else if (event instanceof TableEvent.HandClosed) {
                metrics.handFinished();
            }
        }
    }

    /**
     * After every change and after recovery: start the next hand after a pause when one can start,
     * run the turn clock of the player to act until the deadline recorded in the journal, and count
     * a quiet table's idle time from now (also a table recovered but never created, so one that an
     * older version remembered leaves too).
     */
    private void armTimers(TableState state) {
        armIdle(state);
        if (TableDecider.canStartHand(state)) {
            if (!timers.isTimerActive(NEXT_HAND)) {
                timers.startSingleTimer(NEXT_HAND, StartHand.INSTANCE, environment.handPause());
            }
        } else {
            timers.cancel(NEXT_HAND);
        }
        TurnClock clock = state.clock();
        if (clock == null) {
            timers.cancel(TURN_CLOCK);
        } else {
            Duration left = Duration.between(environment.clock().instant(), clock.deadline());
            timers.startSingleTimer(TURN_CLOCK, new ClockExpired(clock.handNumber(), clock.seatNumber()),
                    left.isNegative() ? Duration.ZERO : left);
        }
    }

    /** A new topic actor for this entity's pushes; its first publishes may precede its first listing. */
    private ActorRef<Topic.Command<TableFeeds.Stored>> publisher() {
        return context.spawnAnonymous(Topic.create(TableFeeds.Stored.class, TableFeeds.topicName(tableId)));
    }

    @Override
    public SignalHandler<TableState> signalHandler() {
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

    private ReplyEffect<TableEvent, TableState> onExecute(TableState state, Execute cmd) {
        var repeat = TableDecider.repeatOf(state, cmd.command());
        if (repeat.isPresent()) {
            settle(state);
            meter.repeated(cmd.command());
            return Effect().reply(cmd.replyTo(), new Accepted(List.of(repeat.get()), lastSequenceNumber(context)));
        }
        Decision<TableEvent> decision = TableDecider.decide(state, cmd.command(), environment.clock().instant());
        if (decision instanceof Decision.Accepted<TableEvent> accepted) {
            meter.accepted(cmd.command());
            return persistAll(decision)
                    .thenReply(cmd.replyTo(), s -> new Accepted(accepted.events(), lastSequenceNumber(context)));
        }
        settle(state);
        Rejection rejection = ((Decision.Rejected<TableEvent>) decision).rejection();
        meter.rejected(cmd.command(), rejection.code());
        return Effect().reply(cmd.replyTo(), new Rejected(rejection));
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

    /**
     * A closed table's final snapshot, with its last event: nothing of its journal is needed to recover it
     * any more, so all of it may move to the event archive (poker.infra.EventArchive).
     */
    @Override
    public boolean shouldSnapshot(TableState state, TableEvent event, long sequenceNr) {
        return event instanceof TableEvent.TableClosed;
    }
}
