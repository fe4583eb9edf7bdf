package poker.domain.table;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent;

/**
 * Facts about one table, appended to its journal and never changed. The "type" names are the
 * stored identity of each event: never rename one; reshape with a migration instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(TableEvent.TableCreated.class),
        @JsonSubTypes.Type(TableEvent.ParticipantJoined.class),
        @JsonSubTypes.Type(TableEvent.ParticipantLeft.class),
        @JsonSubTypes.Type(TableEvent.ParticipantLeaving.class),
        @JsonSubTypes.Type(TableEvent.ParticipantSatOut.class),
        @JsonSubTypes.Type(TableEvent.ParticipantSatIn.class),
        @JsonSubTypes.Type(TableEvent.HandSalted.class),
        @JsonSubTypes.Type(TableEvent.HandProgressed.class),
        @JsonSubTypes.Type(TableEvent.TurnClockStarted.class),
        @JsonSubTypes.Type(TableEvent.DeckRevealed.class)
})
public sealed interface TableEvent {

    String tableId();

    @JsonTypeName("TableCreated")
    record TableCreated(String tableId, TableSettings settings, String createdBy, Instant createdAt)
            implements TableEvent {
    }

    @JsonTypeName("ParticipantJoined")
    record ParticipantJoined(String participantId, String playerId, String tableId, long chips,
                             long initialChips, int seatNumber, boolean sittingOut, String status)
            implements TableEvent {
    }

    @JsonTypeName("ParticipantLeft")
    record ParticipantLeft(String participantId, String playerId, String tableId, int seatNumber,
                           long chipsReturned)
            implements TableEvent {
    }

    /** Asked to leave during a hand: folded when their turn comes, and leaves when the hand ends. */
    @JsonTypeName("ParticipantLeaving")
    record ParticipantLeaving(String participantId, String playerId, String tableId, int seatNumber)
            implements TableEvent {
    }

    /** {@code reason}: "requested", "timeout" (two turns in a row ran out) or "busted" (no chips). */
    @JsonTypeName("ParticipantSatOut")
    record ParticipantSatOut(String participantId, String tableId, int seatNumber, String reason)
            implements TableEvent {
    }

    @JsonTypeName("ParticipantSatIn")
    record ParticipantSatIn(String participantId, String tableId, int seatNumber) implements TableEvent {
    }

    /**
     * The secret half of the deck commitment of hand {@code handNumber}: server-side until
     * {@link DeckRevealed}; never shown to a client while the hand is live.
     */
    @JsonTypeName("HandSalted")
    record HandSalted(String tableId, long handNumber, String salt) implements TableEvent {
    }

    /** One fact of the hand in play, from the betting engine ({@code BetPlaced}, {@code HandWon}, ...). */
    @JsonTypeName("HandProgressed")
    record HandProgressed(String tableId, HandEvent event) implements TableEvent {
    }

    /** A turn begins: {@code seatNumber} must act by {@code deadline}, else checks or folds ("timeout"). */
    @JsonTypeName("TurnClockStarted")
    record TurnClockStarted(String tableId, long handNumber, int seatNumber, Instant deadline)
            implements TableEvent {
    }

    /** After the hand: the deck order and salt, so anyone can check the commitment published at its start. */
    @JsonTypeName("DeckRevealed")
    record DeckRevealed(String tableId, long handNumber, List<Card> deck, String salt, String commitment)
            implements TableEvent {
        public DeckRevealed {
            deck = List.copyOf(deck);
        }
    }
}
