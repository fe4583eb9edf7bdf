package poker.domain.tournament;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;

/**
 * Facts of one tournament, in the tournament entity's journal (the tournament's live socket streams
 * them). The "type" names are stored: never rename one. Seating, moves, breaks, hand-for-hand and
 * prizes are decided by the {@code TournamentDirector} (the process manager) and recorded here by
 * commands to the tournament, so this journal is the tournament's whole public story.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(TournamentEvent.TournamentCreated.class),
        @JsonSubTypes.Type(TournamentEvent.PlayerRegistered.class),
        @JsonSubTypes.Type(TournamentEvent.PlayerUnregistered.class),
        @JsonSubTypes.Type(TournamentEvent.TournamentStarted.class),
        @JsonSubTypes.Type(TournamentEvent.TournamentCancelled.class),
        @JsonSubTypes.Type(TournamentEvent.LevelStarted.class),
        @JsonSubTypes.Type(TournamentEvent.RegistrationClosed.class),
        @JsonSubTypes.Type(TournamentEvent.TableOpened.class),
        @JsonSubTypes.Type(TournamentEvent.PlayerSeated.class),
        @JsonSubTypes.Type(TournamentEvent.PlayerMoved.class),
        @JsonSubTypes.Type(TournamentEvent.TableBroken.class),
        @JsonSubTypes.Type(TournamentEvent.HandFinished.class),
        @JsonSubTypes.Type(TournamentEvent.HandForHandStarted.class),
        @JsonSubTypes.Type(TournamentEvent.HandForHandEnded.class),
        @JsonSubTypes.Type(TournamentEvent.PlayerEliminated.class),
        @JsonSubTypes.Type(TournamentEvent.PrizeAwarded.class),
        @JsonSubTypes.Type(TournamentEvent.TournamentFinished.class)
})
public sealed interface TournamentEvent {

    String tournamentId();

    /** One place of the payout table and its prize. */
    record Payout(int place, long amount) {
    }

    /** An entry's chips after a hand. */
    record EntryStack(String entryId, long chips) {
    }

    @JsonTypeName("TournamentCreated")
    record TournamentCreated(String tournamentId, TournamentSettings settings, String createdBy, Instant createdAt)
            implements TournamentEvent {
    }

    /**
     * An entry, paid for by wallet transaction {@code transactionId} (buy-in + fee). {@code entryNumber}: 1
     * for a player's first entry, 2 for the first re-entry, ... {@code late}: registered after the start.
     */
    @JsonTypeName("PlayerRegistered")
    record PlayerRegistered(String tournamentId, String entryId, String playerId, int entryNumber,
                            String transactionId, long buyIn, long fee, boolean late, Instant at)
            implements TournamentEvent {
    }

    /** Unregistered before the start; {@code refund} (buy-in + fee) goes back to the wallet. */
    @JsonTypeName("PlayerUnregistered")
    record PlayerUnregistered(String tournamentId, String entryId, String playerId, long refund, Instant at)
            implements TournamentEvent {
    }

    /** Play begins with {@code entrants} entries; the payouts as known now (late entries grow them). */
    @JsonTypeName("TournamentStarted")
    record TournamentStarted(String tournamentId, int entrants, long prizePool, List<Payout> payouts, Instant at)
            implements TournamentEvent {
        public TournamentStarted {
            payouts = List.copyOf(payouts);
        }
    }

    /** Cancelled (by an admin, or below the minimum at start time): every live entry is refunded. */
    @JsonTypeName("TournamentCancelled")
    record TournamentCancelled(String tournamentId, String reason, Instant at) implements TournamentEvent {
    }

    /** Level {@code level} (1-based) from {@code at} until {@code endsAt}; tables apply it from their next hand. */
    @JsonTypeName("LevelStarted")
    record LevelStarted(String tournamentId, int level, long smallBlind, long bigBlind, long ante, Instant at,
                        Instant endsAt)
            implements TournamentEvent {
    }

    /** Late registration is over: the field, the prize pool and the payouts are final. */
    @JsonTypeName("RegistrationClosed")
    record RegistrationClosed(String tournamentId, int entrants, long prizePool, List<Payout> payouts, Instant at)
            implements TournamentEvent {
        public RegistrationClosed {
            payouts = List.copyOf(payouts);
        }
    }

    @JsonTypeName("TableOpened")
    record TableOpened(String tournamentId, String tableId, int tableNumber) implements TournamentEvent {
    }

    @JsonTypeName("PlayerSeated")
    record PlayerSeated(String tournamentId, String entryId, String playerId, String tableId, int seatNumber,
                        long chips)
            implements TournamentEvent {
    }

    /** Moved between hands, chips carried: removed from {@code fromTable}, seated at {@code toTable}. */
    @JsonTypeName("PlayerMoved")
    record PlayerMoved(String tournamentId, String entryId, String playerId, String fromTable, String toTable,
                       int seatNumber, long chips, String reason)
            implements TournamentEvent {
    }

    @JsonTypeName("TableBroken")
    record TableBroken(String tournamentId, String tableId) implements TournamentEvent {
    }

    /**
     * Hand {@code handNumber} at {@code tableId} ended: the stacks of its entries after it. {@code busts}:
     * who went out in it, with their stacks at its start (null in events stored before the field, read as
     * none); while late registration is open their places are not known yet, so their
     * {@code PlayerEliminated} follows when registration closes.
     */
    @JsonTypeName("HandFinished")
    record HandFinished(String tournamentId, String tableId, long handNumber, List<EntryStack> stacks,
                        List<TournamentCommand.Bust> busts)
            implements TournamentEvent {
        public HandFinished {
            stacks = List.copyOf(stacks);
            busts = busts == null ? List.of() : List.copyOf(busts);
        }

        public HandFinished(String tournamentId, String tableId, long handNumber, List<EntryStack> stacks) {
            this(tournamentId, tableId, handNumber, stacks, List.of());
        }
    }

    @JsonTypeName("HandForHandStarted")
    record HandForHandStarted(String tournamentId, int remaining, Instant at) implements TournamentEvent {
    }

    @JsonTypeName("HandForHandEnded")
    record HandForHandEnded(String tournamentId, int remaining, Instant at) implements TournamentEvent {
    }

    /**
     * Out, finishing {@code place}. Players out in the same hand are ranked by {@code stackAtHandStart};
     * equal stacks tie: they share {@code place} (the best of the tied places), {@code tiedWith} counts
     * them (1 when alone), and split those places' prizes ({@code prize}, 0 outside the money).
     */
    @JsonTypeName("PlayerEliminated")
    record PlayerEliminated(String tournamentId, String entryId, String playerId, int place, int tiedWith,
                            long stackAtHandStart, String tableId, long handNumber, long prize)
            implements TournamentEvent {
    }

    /** {@code amount} credited to the player's wallet by transaction {@code transactionId}. */
    @JsonTypeName("PrizeAwarded")
    record PrizeAwarded(String tournamentId, String entryId, String playerId, int place, long amount,
                        String transactionId)
            implements TournamentEvent {
    }

    /** The last entry standing wins (place 1, prize {@code prize}). */
    @JsonTypeName("TournamentFinished")
    record TournamentFinished(String tournamentId, String winnerEntryId, String winnerPlayerId, long prize,
                              Instant at)
            implements TournamentEvent {
    }
}
