package poker.domain.tournament;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.List;

/**
 * Intent addressed to one tournament. Ids, time and the acting user are decided by the caller (the
 * HTTP edge, the registration saga, the entity's own timers, or the {@code TournamentDirector}) so the
 * command handler stays pure. Commands a saga or the director may retry are idempotent: a repeat is
 * answered with the original outcome and stores nothing new.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TournamentCommand.CreateTournament.class, name = "CreateTournament"),
        @JsonSubTypes.Type(value = TournamentCommand.Register.class, name = "Register"),
        @JsonSubTypes.Type(value = TournamentCommand.Unregister.class, name = "Unregister"),
        @JsonSubTypes.Type(value = TournamentCommand.Start.class, name = "Start"),
        @JsonSubTypes.Type(value = TournamentCommand.Cancel.class, name = "Cancel"),
        @JsonSubTypes.Type(value = TournamentCommand.AdvanceLevel.class, name = "AdvanceLevel"),
        @JsonSubTypes.Type(value = TournamentCommand.OpenTable.class, name = "OpenTable"),
        @JsonSubTypes.Type(value = TournamentCommand.RecordSeating.class, name = "RecordSeating"),
        @JsonSubTypes.Type(value = TournamentCommand.RecordMove.class, name = "RecordMove"),
        @JsonSubTypes.Type(value = TournamentCommand.RecordTableBroken.class, name = "RecordTableBroken"),
        @JsonSubTypes.Type(value = TournamentCommand.SetHandForHand.class, name = "SetHandForHand"),
        @JsonSubTypes.Type(value = TournamentCommand.ReportHands.class, name = "ReportHands"),
        @JsonSubTypes.Type(value = TournamentCommand.RecordPrizePaid.class, name = "RecordPrizePaid")
})
public sealed interface TournamentCommand {

    record CreateTournament(String tournamentId, TournamentSettings settings, String createdBy, Instant createdAt)
            implements TournamentCommand {
    }

    /**
     * Registers a paid entry (the registration saga has debited buy-in + fee by {@code transactionId}).
     * Rejections: {@code already_registered}, {@code registration_closed}, {@code tournament_full},
     * {@code reentry_not_allowed}. A repeat of the same {@code entryId} answers the first outcome.
     */
    record Register(String entryId, String playerId, String transactionId, Instant at) implements TournamentCommand {
    }

    /**
     * Before the start only ({@code tournament_running} after); the caller then refunds the wallet.
     * {@code entryId} (nullable): the entry the caller means; with it, a repeat after that entry was
     * unregistered answers the original {@code PlayerUnregistered} (so the unregistration saga may retry).
     */
    record Unregister(String playerId, Instant at, String entryId) implements TournamentCommand {

        public Unregister(String playerId, Instant at) {
            this(playerId, at, null);
        }
    }

    /**
     * Starts play. {@code manual}: asked through the API (admin or creator), refused with
     * {@code not_enough_players} below the minimum; otherwise the start timer or a full sit-and-go, and
     * below the minimum the tournament is cancelled instead.
     */
    record Start(boolean manual, Instant at) implements TournamentCommand {
    }

    record Cancel(String reason, Instant at) implements TournamentCommand {
    }

    /** The level clock: level {@code level} begins (a repeat or an older level stores nothing). */
    record AdvanceLevel(int level, Instant at) implements TournamentCommand {
    }

    // --- facts decided by the TournamentDirector, recorded here; each idempotent by its content ---

    record OpenTable(String tableId, int tableNumber) implements TournamentCommand {
    }

    record RecordSeating(String entryId, String tableId, int seatNumber, long chips) implements TournamentCommand {
    }

    record RecordMove(String entryId, String fromTable, String toTable, int seatNumber, long chips, String reason)
            implements TournamentCommand {
    }

    record RecordTableBroken(String tableId) implements TournamentCommand {
    }

    record SetHandForHand(boolean on, Instant at) implements TournamentCommand {
    }

    /** A player's bust in one hand: their stack when that hand started. */
    record Bust(String entryId, long stackAtHandStart) {
    }

    /** One finished hand at one table: stacks after it, and who busted in it. */
    record HandReport(String tableId, long handNumber, List<TournamentEvent.EntryStack> stacks, List<Bust> busts) {
        public HandReport {
            stacks = List.copyOf(stacks);
            busts = List.copyOf(busts);
        }
    }

    /**
     * Finished hands judged together: one hand, or during hand-for-hand one hand of every table, so players
     * out in the same round are ranked against each other. Places, prizes and the finish follow.
     * A hand already reported (table + hand number) is ignored.
     */
    record ReportHands(List<HandReport> hands, Instant at) implements TournamentCommand {
        public ReportHands {
            hands = List.copyOf(hands);
        }
    }

    /** The director has credited {@code entryId}'s prize by wallet transaction {@code transactionId}. */
    record RecordPrizePaid(String entryId, String transactionId) implements TournamentCommand {
    }
}
