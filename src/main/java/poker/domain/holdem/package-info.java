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
 * reaches them. Cash tables add extra blinds ({@code HandSetup.posts}): a live big blind
 * ({@code EXTRA_BIG}, the poster's bet) and a dead small blind ({@code DEAD_SMALL}, main-pot money
 * like the ante). The table owns the action clock (it calls {@code timeout}), button movement, who is
 * dealt in and who posts what ({@code TableDecider.positions}, POKER_RULES.md rule 12).
 *
 * <p>{@code HandStarted} and {@code HandState} hold the whole deck so a hand can be replayed: they
 * are server-side only and their deck never reaches a client, during the hand or after it (clients
 * get per-card openings of {@code poker.domain.cards.DeckCommitment} instead). Their {@code toString}
 * leaves the deck (and hole cards) out, so a log line cannot show them.
 */
package poker.domain.holdem;
