package poker.domain.holdem;

import java.util.List;
import poker.domain.cards.Card;

/**
 * One dealt-in seat during a hand.
 *
 * @param bet            chips put in on the current street (blinds included)
 * @param contributed    chips put in over the whole hand, blinds included, ante excluded
 * @param ante           dead money this seat paid: the ante, or a dead small blind (main pot, not a bet)
 * @param acted          has acted voluntarily on this street (posting a blind is not acting)
 * @param lastActedAtBet the street's current bet right after this seat last acted; a seat may
 *                       raise again only if the bet has grown by a full raise since then
 * @param won            chips won from pots in this hand
 */
public record SeatState(
        int seat,
        String playerId,
        long startingStack,
        boolean sittingOut,
        long stack,
        long bet,
        long contributed,
        long ante,
        List<Card> holeCards,
        boolean folded,
        boolean acted,
        long lastActedAtBet,
        boolean shown,
        boolean mucked,
        long won) {

    public SeatState {
        holeCards = List.copyOf(holeCards);
    }

    static SeatState seated(SeatSetup s) {
        return new SeatState(s.seat(), s.playerId(), s.stack(), s.sittingOut(), s.stack(), 0, 0, 0, List.of(),
                false, false, 0, false, false, 0);
    }

    /** Still contesting the pot. */
    public boolean inHand() {
        return !folded;
    }

    /** In the hand with chips behind: can still bet. */
    public boolean canAct() {
        return !folded && stack > 0;
    }

    public boolean allIn() {
        return !folded && stack == 0;
    }

    SeatState putIn(long amount) {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack - amount, bet + amount,
                contributed + amount, ante, holeCards, folded, acted, lastActedAtBet, shown, mucked, won);
    }

    SeatState payDead(long amount) {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack - amount, bet, contributed,
                ante + amount, holeCards, folded, acted, lastActedAtBet, shown, mucked, won);
    }

    SeatState acted(long currentBet) {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack, bet, contributed, ante, holeCards,
                folded, true, currentBet, shown, mucked, won);
    }

    SeatState deal(List<Card> cards) {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack, bet, contributed, ante, cards,
                folded, acted, lastActedAtBet, shown, mucked, won);
    }

    SeatState fold() {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack, bet, contributed, ante, holeCards,
                true, true, lastActedAtBet, shown, mucked, won);
    }

    SeatState newStreet() {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack, 0, contributed, ante, holeCards,
                folded, false, 0, shown, mucked, won);
    }

    SeatState returned(long amount) {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack + amount, bet - amount,
                contributed - amount, ante, holeCards, folded, acted, lastActedAtBet, shown, mucked, won);
    }

    SeatState show() {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack, bet, contributed, ante, holeCards,
                folded, acted, lastActedAtBet, true, mucked, won);
    }

    SeatState muck() {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack, bet, contributed, ante, holeCards,
                folded, acted, lastActedAtBet, shown, true, won);
    }

    SeatState win(long amount) {
        return new SeatState(seat, playerId, startingStack, sittingOut, stack + amount, bet, contributed, ante,
                holeCards, folded, acted, lastActedAtBet, shown, mucked, won + amount);
    }

    /** Leaves the hole cards out: a log line must not show them. */
    @Override
    public String toString() {
        return "SeatState[seat=" + seat + ", playerId=" + playerId + ", startingStack=" + startingStack
                + ", sittingOut=" + sittingOut + ", stack=" + stack + ", bet=" + bet + ", contributed=" + contributed
                + ", ante=" + ante + ", holeCards=" + holeCards.size() + " hidden, folded=" + folded + ", acted="
                + acted + ", lastActedAtBet=" + lastActedAtBet + ", shown=" + shown + ", mucked=" + mucked
                + ", won=" + won + "]";
    }
}
