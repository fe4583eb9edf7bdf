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
     * {@code seats} are the players dealt in; {@code notDealtIn} the players seated at the table but not
     * dealt in (sitting out, or waiting for the big blind), for the history's seat list — null in hands
     * stored before it was recorded.
     */
    @JsonTypeName("HandStarted")
    record HandStarted(long handNumber, int button, Integer smallBlindSeat, int bigBlindSeat, long smallBlind,
                       long bigBlind, long ante, List<SeatSetup> seats, List<Card> deck, String commitment,
                       List<String> leaves, List<SeatSetup> notDealtIn)
            implements HandEvent {
        public HandStarted {
            seats = List.copyOf(seats);
            deck = List.copyOf(deck);
            leaves = leaves == null ? null : List.copyOf(leaves);
            notDealtIn = notDealtIn == null ? null : List.copyOf(notDealtIn);
        }

        /** Seated players not dealt in; none for a hand stored before they were recorded. */
        public List<SeatSetup> seatedNotDealtIn() {
            return notDealtIn == null ? List.of() : notDealtIn;
        }

        /** Leaves the deck order out: it must not reach a log while the hand is live. */
        @Override
        public String toString() {
            return "HandStarted[handNumber=" + handNumber + ", button=" + button + ", smallBlindSeat=" + smallBlindSeat
                    + ", bigBlindSeat=" + bigBlindSeat + ", blinds=" + smallBlind + "/" + bigBlind + ", ante=" + ante
                    + ", seats=" + seats + ", notDealtIn=" + notDealtIn + ", commitment=" + commitment + "]";
        }
    }

    /**
     * Which blind a {@link BlindPosted} is. {@code SMALL} and {@code BIG} are the blinds of the hand's
     * positions. Cash-table posts (POKER_RULES.md rule 12) come on top: {@code EXTRA_BIG} is a big blind
     * posted live out of position, by a new player or one back from sitting out (it counts as their
     * preflop bet, with the option to check when nobody raised); {@code DEAD_SMALL} is a missed small
     * blind posted dead (into the main pot, not part of the player's bet).
     */
    enum Blind { SMALL, BIG, EXTRA_BIG, DEAD_SMALL }

    /**
     * A blind is posted; {@code amount} is less than the blind when it puts the player all-in. Every
     * blind is live (part of the poster's bet) except {@code DEAD_SMALL}.
     */
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

        /** Leaves the cards out: a log line must not show a player's hole cards. */
        @Override
        public String toString() {
            return "HoleCardsDealt[seat=" + seat + ", cards=" + cards.size() + " hidden]";
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
