package poker.tournament;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentDecider;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentState;

/**
 * {@link Tournaments} over sharding: the {@link TournamentEntity} and the {@link RegistrationSaga}.
 * Registration and unregistration read the tournament first, so a request the tournament would refuse
 * is answered without touching the wallet (the saga still handles a refusal that comes later).
 */
public final class TournamentsImpl implements Tournaments {

    private final ClusterSharding sharding;
    private final Duration askTimeout;
    private final Clock clock;

    public TournamentsImpl(ActorSystem<?> system, Duration askTimeout, Clock clock) {
        this.sharding = ClusterSharding.get(system);
        this.askTimeout = askTimeout;
        this.clock = clock;
    }

    /**
     * Starts the tournament entity and the entry saga on this node.
     *
     * @param idleAfter how long a finished or cancelled tournament stays in memory
     */
    public static TournamentsImpl init(ActorSystem<?> system, int tagSlices, Duration askTimeout, Clock clock,
                                       Duration idleAfter) {
        TournamentEntity.init(system, tagSlices, TournamentEntity.Environment.standard(clock), idleAfter);
        RegistrationSaga.init(system, askTimeout, clock);
        return new TournamentsImpl(system, askTimeout, clock);
    }

    /** "Tournament|<id>": where a Done's sequence number points. */
    public static String persistenceId(String tournamentId) {
        return TournamentEntity.persistenceIdOf(tournamentId).id();
    }

    @Override
    public CompletionStage<Result> execute(String tournamentId, TournamentCommand command) {
        return sharding.entityRefFor(TournamentEntity.ENTITY_KEY, tournamentId)
                .<TournamentEntity.Reply>ask(replyTo -> new TournamentEntity.Execute(command, replyTo), askTimeout)
                .thenApply(reply -> {
                    if (reply instanceof TournamentEntity.Accepted a) {
                        return new Done(a.events(), persistenceId(tournamentId), a.sequenceNr());
                    }
                    return new Refused(((TournamentEntity.Rejected) reply).rejection());
                });
    }

    /** The tournament's state as its entity holds it now. */
    public CompletionStage<TournamentState> state(String tournamentId) {
        return sharding.entityRefFor(TournamentEntity.ENTITY_KEY, tournamentId)
                .ask(TournamentEntity.GetState::new, askTimeout);
    }

    @Override
    public CompletionStage<java.util.Optional<String>> creatorOf(String tournamentId) {
        return state(tournamentId).thenApply(s -> java.util.Optional.ofNullable(s.settings() == null ? null
                : s.createdBy()));
    }

    /** The state with the journal position it reflects (a live socket starts from it). */
    public CompletionStage<TournamentEntity.Snapshot> snapshot(String tournamentId) {
        return sharding.entityRefFor(TournamentEntity.ENTITY_KEY, tournamentId)
                .ask(TournamentEntity.GetSnapshot::new, askTimeout);
    }

    @Override
    public CompletionStage<Result> register(String tournamentId, String userId) {
        return state(tournamentId).thenCompose(state -> {
            Optional<Rejection> refusal = TournamentDecider.registrationRefusal(state, userId);
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(new Refused(refusal.get()));
            }
            String entryId = UUID.randomUUID().toString();
            return sharding.entityRefFor(RegistrationSaga.ENTITY_KEY, entryId)
                    .<RegistrationSaga.Outcome>ask(replyTo -> new RegistrationSaga.Register(tournamentId, userId,
                            state.settings().buyIn(), state.settings().fee(), replyTo), askTimeout)
                    .thenApply(outcome -> result(tournamentId, outcome));
        });
    }

    @Override
    public CompletionStage<Result> unregister(String tournamentId, String userId) {
        return state(tournamentId).thenCompose(state -> {
            Decision<TournamentEvent> decision = TournamentDecider.decide(state,
                    new TournamentCommand.Unregister(userId, clock.instant()));
            if (decision instanceof Decision.Rejected<TournamentEvent> rejected) {
                return CompletableFuture.completedFuture(new Refused(rejected.rejection()));
            }
            String entryId = ((TournamentEvent.PlayerUnregistered) decision.eventsOrThrow().get(0)).entryId();
            return sharding.entityRefFor(RegistrationSaga.ENTITY_KEY, RegistrationSaga.unregisterSagaId(entryId))
                    .<RegistrationSaga.Outcome>ask(replyTo -> new RegistrationSaga.Unregister(tournamentId, userId,
                            entryId, replyTo), askTimeout)
                    .thenApply(outcome -> result(tournamentId, outcome));
        });
    }

    private static Result result(String tournamentId, RegistrationSaga.Outcome outcome) {
        if (outcome instanceof RegistrationSaga.Succeeded s) {
            return new Done(s.events(), persistenceId(tournamentId), s.tournamentSequenceNr());
        }
        return new Refused(((RegistrationSaga.Refused) outcome).rejection());
    }
}
