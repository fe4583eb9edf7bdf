package poker.tournament;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import poker.domain.Rejection;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;

/**
 * What the rest of the platform (HTTP routes, the TournamentDirector) asks of tournaments. The
 * sharded {@code TournamentEntity} and the registration saga behind it.
 */
public interface Tournaments {

    /** How a command ended. */
    sealed interface Result {
    }

    /**
     * Stored (or a repeat answered with the first outcome): {@code events} are the command's events,
     * the last of them at {@code sequenceNr} of {@code persistenceId} (for ?consistency=strong).
     */
    record Done(List<TournamentEvent> events, String persistenceId, long sequenceNr) implements Result {
        public Done {
            events = List.copyOf(events);
        }
    }

    /** Nothing stored: a named business rule ({@code tournament_not_found}, {@code registration_closed}, ...). */
    record Refused(Rejection rejection) implements Result {
    }

    /** One command to tournament {@code tournamentId}. */
    CompletionStage<Result> execute(String tournamentId, TournamentCommand command);

    /**
     * The registration saga: debits buy-in + fee from {@code userId}'s wallet, then registers the entry;
     * if the tournament refuses it, refunds the wallet (a compensation event) and answers the refusal.
     * {@code insufficient_funds} when the wallet cannot pay. Done's events hold the {@code PlayerRegistered}.
     */
    CompletionStage<Result> register(String tournamentId, String userId);

    /**
     * Unregisters {@code userId} before the start and refunds buy-in + fee (a compensation event). Done's
     * events hold the {@code PlayerUnregistered}; {@code tournament_running} after the start.
     */
    CompletionStage<Result> unregister(String tournamentId, String userId);

    /**
     * Who created tournament {@code tournamentId}, as its entity knows it now (empty: no such tournament),
     * for a check the read side cannot answer yet. Empty unless the implementation asks the entity.
     */
    default CompletionStage<Optional<String>> creatorOf(String tournamentId) {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
