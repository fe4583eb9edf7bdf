/**
 * The No-Limit Hold'em betting engine for one hand, pure Java (no framework, clock, randomness or I/O).
 *
 * <ul>
 *   <li>{@link poker.domain.holdem.HoldemEngine} is the command side:
 *       {@code start(setup)}, {@code act(state, seat, action, amount)}, {@code timeout(state)} return
 *       events ({@code act} as a {@link poker.domain.Decision}: the events, or a
 *       {@link poker.domain.Rejection}); {@code legalActions(state)} says what the player on turn
 *       may do.</li>
 *   <li>{@link poker.domain.holdem.HandState} is the event side: {@code apply(event)} and
 *       {@code replay(events)}; it derives whose turn it is, the current bet, the minimum raise and
 *       the pots.</li>
 *   <li>{@link poker.domain.holdem.HandEvent} lists the facts, with stable JSON type names.</li>
 * </ul>
 *
 * <p>A command's events include everything that follows from it on its own: an uncalled bet
 * returned, the next street dealt, an all-in board run out, hands shown or mucked, pots awarded and
 * the hand ended. Sitting-out players (tournaments) are folded by the engine when the action
 * reaches them. The table entity owns the action clock (it calls {@code timeout}), button
 * movement and missed blinds.
 *
 * <p>{@code HandStarted} and {@code HandState} hold the whole deck so a hand can be replayed: they
 * are server-side only and their deck never reaches a client, during the hand or after it (clients
 * get per-card openings of {@code poker.domain.cards.DeckCommitment} instead).
 */
package poker.domain.holdem;
