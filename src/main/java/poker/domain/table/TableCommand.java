package poker.domain.table;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import poker.domain.holdem.ActionType;

/**
 * Intent addressed to one table. Ids, time and the acting player are decided by the caller
 * (the HTTP edge or a process manager) so the command handler stays pure.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TableCommand.CreateTable.class, name = "CreateTable"),
        @JsonSubTypes.Type(value = TableCommand.JoinParticipant.class, name = "JoinParticipant"),
        @JsonSubTypes.Type(value = TableCommand.LeaveTable.class, name = "LeaveTable"),
        @JsonSubTypes.Type(value = TableCommand.SitOut.class, name = "SitOut"),
        @JsonSubTypes.Type(value = TableCommand.SitIn.class, name = "SitIn"),
        @JsonSubTypes.Type(value = TableCommand.Act.class, name = "Act"),
        @JsonSubTypes.Type(value = TableCommand.SeatEntry.class, name = "SeatEntry"),
        @JsonSubTypes.Type(value = TableCommand.RemoveEntry.class, name = "RemoveEntry"),
        @JsonSubTypes.Type(value = TableCommand.PermitHand.class, name = "PermitHand"),
        @JsonSubTypes.Type(value = TableCommand.CloseTable.class, name = "CloseTable")
})
public sealed interface TableCommand {

    record CreateTable(String tableId, TableSettings settings, String createdBy, Instant createdAt)
            implements TableCommand {
    }

    /**
     * {@code seatNumber} null means "any free seat" (the lowest). {@code waitForBigBlind} (null: true)
     * waits for the big blind to reach the seat; false posts a big blind at the next hand (rule 12).
     */
    record JoinParticipant(String participantId, String playerId, long buyIn, Integer seatNumber,
                           Boolean waitForBigBlind)
            implements TableCommand {

        /** Joins waiting for the big blind. */
        public JoinParticipant(String participantId, String playerId, long buyIn, Integer seatNumber) {
            this(participantId, playerId, buyIn, seatNumber, null);
        }

        public boolean waits() {
            return !Boolean.FALSE.equals(waitForBigBlind);
        }
    }

    record LeaveTable(String playerId) implements TableCommand {
    }

    record SitOut(String playerId) implements TableCommand {
    }

    /**
     * Back from sitting out. A player who missed blinds waits for the big blind ({@code waitForBigBlind}
     * null or true) or posts them at the next hand (false); a player waiting for the big blind may send
     * false to post instead.
     */
    record SitIn(String playerId, Boolean waitForBigBlind) implements TableCommand {

        public SitIn(String playerId) {
            this(playerId, null);
        }

        public boolean waits() {
            return !Boolean.FALSE.equals(waitForBigBlind);
        }
    }

    /** A betting action in hand {@code handNumber}; for bet and raise {@code amount} is the street total. */
    record Act(String playerId, long handNumber, ActionType action, long amount) implements TableCommand {
    }

    // --- a tournament table's director (TournamentDirector); each idempotent ---

    /**
     * Seats a tournament entry with {@code chips} at {@code seatNumber} (between hands or during one: dealt
     * in from the next hand). {@code participantId} is chosen by the director, unique per seating; a
     * repeat answers the first outcome. Refused at a cash table ({@code not_a_tournament_table}), on a
     * taken seat ({@code seat_taken}), at a closed table ({@code table_closed}). {@code participantId} and
     * {@code playerId} (a user id) are UUIDs, as are a tournament table's id and its {@code CreateTable}'s
     * {@code createdBy}: the read side keys tables, participants and players by UUID (a name-based UUID,
     * {@code UUID.nameUUIDFromBytes}, gives deterministic ones).
     */
    record SeatEntry(String participantId, String playerId, long chips, int seatNumber) implements TableCommand {
    }

    /**
     * Takes a participant off the table with their chips (a move, or the table breaks): only between
     * hands ({@code hand_in_play} during one). {@code movedTo} names the table they go to (their table
     * socket gets a {@code moved} frame), null if not known. A repeat answers the first outcome with the
     * chips then removed.
     */
    record RemoveEntry(String participantId, String movedTo, String reason) implements TableCommand {
    }

    /**
     * Lets the table deal hand {@code handNumber} (the next one) at these blinds and big-blind ante; a
     * tournament table deals no hand without its permit. A permit for a hand already permitted or played
     * stores nothing.
     */
    record PermitHand(long handNumber, int level, long smallBlind, long bigBlind, long ante) implements TableCommand {
    }

    /**
     * The table is done (broken, or the tournament is over; a cash table once everyone has left, else
     * {@code table_not_empty}): it refuses everything after, and its final snapshot lets its events be archived.
     */
    record CloseTable(String reason) implements TableCommand {
    }
}
