package poker.domain.holdem;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import poker.domain.cards.Card;

/**
 * The facts of one hand, in the order they happened. Each is a minimal fact; {@link HandState}
 * derives everything else (whose turn, current bet, pots). The JSON type names are stable: the
 * journal outlives refactorings.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(HandEvent.HandStarted.class),
        @JsonSubTypes.Type(HandEvent.BlindPosted.class),
        @JsonSubTypes.Type(HandEvent.AntePosted.class),
        @JsonSubTypes.Type(HandEvent.HoleCardsDealt.class),
        @JsonSubTypes.Type(HandEvent.PlayerFolded.class),
        @JsonSubTypes.Type(HandEvent.PlayerChecked.class),
        @JsonSubTypes.Type(HandEvent.BetPlaced.class),
        @JsonSubTypes.Type(HandEvent.FlopDealt.class),
        @JsonSubTypes.Type(HandEvent.TurnDealt.class),
        @JsonSubTypes.Type(HandEvent.RiverDealt.class),
        @JsonSubTypes.Type(HandEvent.UncalledBetReturned.class),
        @JsonSubTypes.Type(HandEvent.CardsShown.class),
        @JsonSubTypes.Type(HandEvent.HandMucked.class),
        @JsonSubTypes.Type(HandEvent.HandWon.class),
        @JsonSubTypes.Type(HandEvent.HandEnded.class)
})
public sealed interface HandEvent {

    /**
     * The hand begins. Holds the deck order so the hand can be replayed: server-side only, never
     * sent to clients. {@code smallBlindSeat} is null for a dead small blind. {@code commitment} and
     * {@code leaves} are public: the per-position deck commitment
     * ({@link poker.domain.cards.DeckCommitment}); {@code leaves} is null in hands stored before it,
     * whose commitment is the first scheme's ({@link poker.domain.cards.Deck#commitment}).
     */
    @JsonTypeName("HandStarted")
    record HandStarted(long handNumber, int button, Integer smallBlindSeat, int bigBlindSeat, long smallBlind,
                       long bigBlind, long ante, List<SeatSetup> seats, List<Card> deck, String commitment,
                       List<String> leaves)
            implements HandEvent {
        public HandStarted {
            seats = List.copyOf(seats);
            deck = List.copyOf(deck);
            leaves = leaves == null ? null : List.copyOf(leaves);
        }
    }

    enum Blind { SMALL, BIG }

    /** A blind is posted; {@code amount} is less than the blind when it puts the player all-in. */
    @JsonTypeName("BlindPosted")
    record BlindPosted(int seat, Blind blind, long amount) implements HandEvent {
    }

    /** The big blind posts the ante for the table, after the blind; dead money in the main pot. */
    @JsonTypeName("AntePosted")
    record AntePosted(int seat, long amount) implements HandEvent {
    }

    @JsonTypeName("HoleCardsDealt")
    record HoleCardsDealt(int seat, List<Card> cards) implements HandEvent {
        public HoleCardsDealt {
            cards = List.copyOf(cards);
        }
    }

    /** {@code reason} is null for a player's own fold, else "timeout" or "sitting_out". */
    @JsonTypeName("PlayerFolded")
    record PlayerFolded(int seat, String reason) implements HandEvent {
    }

    @JsonTypeName("PlayerChecked")
    record PlayerChecked(int seat, String reason) implements HandEvent {
    }

    /**
     * Chips go in: a call, bet, raise or all-in. {@code added} is what left the stack now,
     * {@code totalBet} the player's bet for the street afterwards.
     */
    @JsonTypeName("BetPlaced")
    record BetPlaced(int seat, ActionType action, long added, long totalBet, long stackAfter, String reason)
            implements HandEvent {
    }

    @JsonTypeName("FlopDealt")
    record FlopDealt(List<Card> cards) implements HandEvent {
        public FlopDealt {
            cards = List.copyOf(cards);
        }
    }

    @JsonTypeName("TurnDealt")
    record TurnDealt(Card card) implements HandEvent {
    }

    @JsonTypeName("RiverDealt")
    record RiverDealt(Card card) implements HandEvent {
    }

    /** The part of a bet nobody called goes back to its owner before any pot is awarded. */
    @JsonTypeName("UncalledBetReturned")
    record UncalledBetReturned(int seat, long amount) implements HandEvent {
    }

    @JsonTypeName("CardsShown")
    record CardsShown(int seat, List<Card> cards) implements HandEvent {
        public CardsShown {
            cards = List.copyOf(cards);
        }
    }

    /** A beaten player throws the hand away unseen; the cards stay private. */
    @JsonTypeName("HandMucked")
    record HandMucked(int seat) implements HandEvent {
    }

    /**
     * {@code seat} takes {@code amount} from pot {@code pot} (0 = main pot). One event per winner of
     * a pot; {@code hand} describes the winning hand, null when nobody had to show.
     */
    @JsonTypeName("HandWon")
    record HandWon(int pot, int seat, long amount, String hand) implements HandEvent {
    }

    record SeatStack(int seat, long stack) {
    }

    @JsonTypeName("HandEnded")
    record HandEnded(long handNumber, List<SeatStack> stacks) implements HandEvent {
        public HandEnded {
            stacks = List.copyOf(stacks);
        }
    }
}
