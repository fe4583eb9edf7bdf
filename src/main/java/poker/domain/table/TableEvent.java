package poker.domain.table;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
        @JsonSubTypes.Type(TableEvent.DeckRevealed.class),
        @JsonSubTypes.Type(TableEvent.DeckSalted.class),
        @JsonSubTypes.Type(TableEvent.HandClosed.class),
        @JsonSubTypes.Type(TableEvent.BlindMissed.class),
        @JsonSubTypes.Type(TableEvent.HandPermitted.class),
        @JsonSubTypes.Type(TableEvent.TournamentHandEnded.class),
        @JsonSubTypes.Type(TableEvent.TableClosed.class)
})
public sealed interface TableEvent {

    String tableId();

    @JsonTypeName("TableCreated")
    record TableCreated(String tableId, TableSettings settings, String createdBy, Instant createdAt)
            implements TableEvent {
    }

    /**
     * {@code waitForBigBlind}: the newcomer's choice (POKER_RULES.md rule 12): true to wait for the big
     * blind, false to post one at the next hand. Null in events stored before the rule, whose players
     * were dealt in at once and owe nothing, and for a tournament seating (no blinds owed there).
     *
     * <p>Version 2 of the stored event (see docs/changing-events.md): version 1 also stored
     * {@code initialChips} (always the join's {@code chips}) and {@code status} (always what {@link #status()}
     * derives); {@link poker.infra.TableEventMigration} drops them from version 1 payloads as they are read.
     */
    @JsonTypeName("ParticipantJoined")
    record ParticipantJoined(String participantId, String playerId, String tableId, long chips, int seatNumber,
                             boolean sittingOut, Boolean waitForBigBlind)
            implements TableEvent {

        /** A join owing nothing: a tournament seating, or a join as stored before rule 12. */
        public ParticipantJoined(String participantId, String playerId, String tableId, long chips, int seatNumber,
                                 boolean sittingOut) {
            this(participantId, playerId, tableId, chips, seatNumber, sittingOut, null);
        }

        /**
         * {@code sitting_out}, {@code waiting} (for the big blind) or {@code active}: derived, not stored
         * (version 1 stored it, always equal to this).
         */
        @JsonIgnore
        public String status() {
            return sittingOut ? TableDecider.SITTING_OUT
                    : Boolean.TRUE.equals(waitForBigBlind) ? TableDecider.WAITING : TableDecider.ACTIVE;
        }
    }

    @JsonTypeName("ParticipantLeft")
    record ParticipantLeft(String participantId, String playerId, String tableId, int seatNumber,
                           long chipsReturned, String movedTo, String reason)
            implements TableEvent {

        /**
         * Taken off a tournament table (moved, the table broke, or out of chips): every such departure names
         * its {@code reason}, a cash table's never does. Its chips are tournament chips, never a wallet's.
         */
        public boolean tournamentDeparture() {
            return reason != null;
        }

        /** Left a cash table. */
        public ParticipantLeft(String participantId, String playerId, String tableId, int seatNumber,
                               long chipsReturned) {
            this(participantId, playerId, tableId, seatNumber, chipsReturned, null, null);
        }
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

    /**
     * Back from sitting out. {@code waitForBigBlind} is the returning player's choice when they owe blinds
     * (POKER_RULES.md rule 12: true waits for the big blind, false posts what was missed at the next
     * hand; also a waiting player's switch to posting); null when nothing is owed, and in events stored
     * before the rule.
     */
    @JsonTypeName("ParticipantSatIn")
    record ParticipantSatIn(String participantId, String tableId, int seatNumber, Boolean waitForBigBlind)
            implements TableEvent {

        /** Back owing nothing. */
        public ParticipantSatIn(String participantId, String tableId, int seatNumber) {
            this(participantId, tableId, seatNumber, null);
        }
    }

    /**
     * A player sitting out missed a blind of hand {@code handNumber}: it passed their seat
     * ({@code SMALL} or {@code BIG}). Recorded as the hand starts, before its {@code DeckSalted}; on return
     * they post what they missed or wait for the big blind (POKER_RULES.md rule 12).
     */
    @JsonTypeName("BlindMissed")
    record BlindMissed(String tableId, String participantId, int seatNumber, long handNumber, HandEvent.Blind blind)
            implements TableEvent {
    }

    /**
     * First scheme (hands stored before {@link DeckSalted}; no longer written): the one salt of hand
     * {@code handNumber}'s deck commitment, server-side until {@link DeckRevealed}.
     */
    @JsonTypeName("HandSalted")
    record HandSalted(String tableId, long handNumber, String salt) implements TableEvent {

        /** Leaves the salt out: it must not reach a log. */
        @Override
        public String toString() {
            return "HandSalted[tableId=" + tableId + ", handNumber=" + handNumber + "]";
        }
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

    /**
     * First scheme (no longer written): after the hand, the whole deck order and salt, so anyone could
     * check the commitment — and recompute every folded and mucked hand. Old journals keep it; it ends
     * its hand like {@link HandClosed}.
     */
    @JsonTypeName("DeckRevealed")
    record DeckRevealed(String tableId, long handNumber, List<Card> deck, String salt, String commitment)
            implements TableEvent {
        public DeckRevealed {
            deck = List.copyOf(deck);
        }

        /** Leaves the deck and salt out, as for every record that holds them. */
        @Override
        public String toString() {
            return "DeckRevealed[tableId=" + tableId + ", handNumber=" + handNumber + ", commitment=" + commitment + "]";
        }
    }

    /**
     * The secret half of hand {@code handNumber}'s per-position deck commitment
     * ({@link poker.domain.cards.DeckCommitment}): one hex salt per deck position, position 0 (the
     * first card dealt) first. Server-side; a client only ever gets the salts of cards it may see,
     * one opening at a time.
     */
    @JsonTypeName("DeckSalted")
    record DeckSalted(String tableId, long handNumber, List<String> salts) implements TableEvent {
        public DeckSalted {
            salts = List.copyOf(salts);
        }

        /** Leaves the salts out: they must not reach a log. */
        @Override
        public String toString() {
            return "DeckSalted[tableId=" + tableId + ", handNumber=" + handNumber + "]";
        }
    }

    /** Hand {@code handNumber} is over and cleared from the table. Public, and reveals nothing. */
    @JsonTypeName("HandClosed")
    record HandClosed(String tableId, long handNumber) implements TableEvent {
    }

    /**
     * A tournament table may deal hand {@code handNumber} at these blinds and big-blind ante (the
     * director's permit; level {@code level} of the schedule).
     */
    @JsonTypeName("HandPermitted")
    record HandPermitted(String tableId, long handNumber, int level, long smallBlind, long bigBlind, long ante)
            implements TableEvent {
    }

    /** A participant's chips at the start and the end of one tournament hand. */
    record HandStack(String participantId, String playerId, long startChips, long endChips) {
    }

    /**
     * Hand {@code handNumber} at a tournament table is over: every participant dealt in, with their stack
     * at its start and end (0 at the end: out of the tournament, and off the table right after). Recorded
     * after the hand's {@code HandClosed}; the director reads it to rank eliminations and to balance.
     * {@code button} and {@code bigBlindSeat}: the seats of that hand's button and big blind (the director
     * balances from them: who is big blind next, the worst seat at the short table); null when not known.
     */
    @JsonTypeName("TournamentHandEnded")
    record TournamentHandEnded(String tableId, String tournamentId, long handNumber, List<HandStack> stacks,
                               Integer button, Integer bigBlindSeat)
            implements TableEvent {
        public TournamentHandEnded {
            stacks = List.copyOf(stacks);
        }

        /** Without the positions of the hand. */
        public TournamentHandEnded(String tableId, String tournamentId, long handNumber, List<HandStack> stacks) {
            this(tableId, tournamentId, handNumber, stacks, null, null);
        }
    }

    @JsonTypeName("TableClosed")
    record TableClosed(String tableId, String reason) implements TableEvent {
    }
}
