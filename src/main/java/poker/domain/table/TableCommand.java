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
        @JsonSubTypes.Type(value = TableCommand.Act.class, name = "Act")
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
}
