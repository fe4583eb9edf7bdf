/**
 * Hand histories: a completed hand's events written as PokerStars text, the format tracking tools
 * (PokerTracker, Hold'em Manager) import. Pure Java: no framework, clock or I/O.
 *
 * <p>Hidden information: the text names a hole card only when it was shown at showdown, or to its
 * owner ({@code viewerSeat}); the deck never appears.
 */
package poker.domain.history;
