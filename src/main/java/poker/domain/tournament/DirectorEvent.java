package poker.domain.tournament;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;

/**
 * The journal of one {@code TournamentDirector}: what it was told (a tournament event, a hand ended at one
 * of its tables, a reply to a step) and what it decided (tables, seats drawn, moves, permits, reports,
 * payouts), with every random draw and every instant in the event, so replaying it rebuilds the same
 * state whatever the seating code does today. {@link DirectorState#apply} is the only reader.
 *
 * <p>The "type" names are stored: never rename one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(DirectorEvent.TournamentEventReceived.class),
        @JsonSubTypes.Type(DirectorEvent.HandEndedReceived.class),
        @JsonSubTypes.Type(DirectorEvent.TablesOpened.class),
        @JsonSubTypes.Type(DirectorEvent.EntriesSeated.class),
        @JsonSubTypes.Type(DirectorEvent.MoveStarted.class),
        @JsonSubTypes.Type(DirectorEvent.MoveRemoved.class),
        @JsonSubTypes.Type(DirectorEvent.MoveSeated.class),
        @JsonSubTypes.Type(DirectorEvent.TableBreakStarted.class),
        @JsonSubTypes.Type(DirectorEvent.TableBroken.class),
        @JsonSubTypes.Type(DirectorEvent.HandsReported.class),
        @JsonSubTypes.Type(DirectorEvent.HandForHandChanged.class),
        @JsonSubTypes.Type(DirectorEvent.HandsPermitted.class),
        @JsonSubTypes.Type(DirectorEvent.TablesClosing.class),
        @JsonSubTypes.Type(DirectorEvent.PrizePayoutStarted.class),
        @JsonSubTypes.Type(DirectorEvent.PrizeCredited.class),
        @JsonSubTypes.Type(DirectorEvent.PrizePaid.class),
        @JsonSubTypes.Type(DirectorEvent.RefundStarted.class),
        @JsonSubTypes.Type(DirectorEvent.RefundPaid.class),
        @JsonSubTypes.Type(DirectorEvent.StepDone.class)
})
public sealed interface DirectorEvent {

    // --- inputs (deduplicated by persistence id and sequence number) ---

    /** A tournament event the director acts on, delivered from {@code persistenceId} at {@code sequenceNr}. */
    @JsonTypeName("TournamentEventReceived")
    record TournamentEventReceived(String persistenceId, long sequenceNr, TournamentEvent event)
            implements DirectorEvent {
    }

    /** A hand ended at one of the director's tables: stacks and busts are now known, the report is due. */
    @JsonTypeName("HandEndedReceived")
    record HandEndedReceived(String persistenceId, long sequenceNr, TableEvent.TournamentHandEnded event)
            implements DirectorEvent {
    }

    // --- decisions ---

    record OpenedTable(String tableId, int tableNumber, TableSettings settings) {
    }

    /** Tables to create at the table service and to record at the tournament. */
    @JsonTypeName("TablesOpened")
    record TablesOpened(List<OpenedTable> tables, Instant at) implements DirectorEvent {
        public TablesOpened {
            tables = List.copyOf(tables);
        }
    }

    /** A first seating of an entry: {@code participantId} is its id at that table. */
    record SeatDrawn(String entryId, String playerId, String tableId, int seatNumber, String participantId,
                     long chips) {
    }

    /** Entries seated by draw ({@code reason}: "start" or "late"). */
    @JsonTypeName("EntriesSeated")
    record EntriesSeated(List<SeatDrawn> seats, String reason) implements DirectorEvent {
        public EntriesSeated {
            seats = List.copyOf(seats);
        }
    }

    /**
     * A move begins: {@code entryId} (at {@code fromTable} as {@code fromParticipant}) goes to seat
     * {@code toSeat} of {@code toTable} as {@code toParticipant}; {@code reason} "balance" or "table_broken".
     * The seat at B is reserved from now; the removal from A is the pending step.
     */
    @JsonTypeName("MoveStarted")
    record MoveStarted(String moveId, String entryId, String playerId, String fromTable, String fromParticipant,
                       String toTable, int toSeat, String toParticipant, String reason) implements DirectorEvent {
    }

    /** Table A answered the removal with the entry's chips: the seating at B with those chips is the pending step. */
    @JsonTypeName("MoveRemoved")
    record MoveRemoved(long stepId, String moveId, long chips) implements DirectorEvent {
    }

    /** Table B seated the entry: the move is done (the tournament records it next). */
    @JsonTypeName("MoveSeated")
    record MoveSeated(long stepId, String moveId) implements DirectorEvent {
    }

    /** {@code tableId} breaks: its players are being moved (MoveStarted follow), it deals no more. */
    @JsonTypeName("TableBreakStarted")
    record TableBreakStarted(String tableId) implements DirectorEvent {
    }

    /** Everyone has left the breaking table: record the break at the tournament and close the table. */
    @JsonTypeName("TableBroken")
    record TableBroken(String tableId) implements DirectorEvent {
    }

    /** Finished hands go to the tournament in one ReportHands (one hand, or a hand-for-hand round). */
    @JsonTypeName("HandsReported")
    record HandsReported(List<TournamentCommand.HandReport> hands, Instant at) implements DirectorEvent {
        public HandsReported {
            hands = List.copyOf(hands);
        }
    }

    @JsonTypeName("HandForHandChanged")
    record HandForHandChanged(boolean on, int remaining, Instant at) implements DirectorEvent {
    }

    /** One hand permit: the level current when it was issued. */
    record Permit(String tableId, long handNumber, int level, long smallBlind, long bigBlind, long ante) {
    }

    @JsonTypeName("HandsPermitted")
    record HandsPermitted(List<Permit> permits) implements DirectorEvent {
        public HandsPermitted {
            permits = List.copyOf(permits);
        }
    }

    /** The tournament is over (or cancelled): these tables close. */
    @JsonTypeName("TablesClosing")
    record TablesClosing(List<String> tableIds, String reason) implements DirectorEvent {
        public TablesClosing {
            tableIds = List.copyOf(tableIds);
        }
    }

    /** A prize is due: credit the wallet by {@code transactionId} ("prize-&lt;tournamentId&gt;-&lt;entryId&gt;"). */
    @JsonTypeName("PrizePayoutStarted")
    record PrizePayoutStarted(String entryId, String playerId, long amount, String transactionId)
            implements DirectorEvent {
    }

    /** The wallet credited the prize: recording it at the tournament is the pending step. */
    @JsonTypeName("PrizeCredited")
    record PrizeCredited(long stepId, String entryId) implements DirectorEvent {
    }

    /** The tournament recorded the prize (PrizeAwarded). */
    @JsonTypeName("PrizePaid")
    record PrizePaid(long stepId, String entryId) implements DirectorEvent {
    }

    /** The tournament was cancelled: refund this entry by {@code transactionId} ("refund-&lt;tournamentId&gt;-&lt;entryId&gt;"). */
    @JsonTypeName("RefundStarted")
    record RefundStarted(String entryId, String playerId, long amount, String transactionId, String reason)
            implements DirectorEvent {
    }

    @JsonTypeName("RefundPaid")
    record RefundPaid(long stepId, String entryId) implements DirectorEvent {
    }

    /** A step's reply came (for steps nothing else follows from). */
    @JsonTypeName("StepDone")
    record StepDone(long stepId) implements DirectorEvent {
    }
}
