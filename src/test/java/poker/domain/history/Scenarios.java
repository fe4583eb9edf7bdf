package poker.domain.history;

import static poker.domain.holdem.ActionType.ALL_IN;
import static poker.domain.holdem.ActionType.BET;
import static poker.domain.holdem.ActionType.CALL;
import static poker.domain.holdem.ActionType.CHECK;
import static poker.domain.holdem.ActionType.FOLD;
import static poker.domain.holdem.ActionType.RAISE;

import java.time.Instant;
import poker.domain.holdem.HandEvent;

/** The hands the scenario and hidden-information tests write out, played through the real engine. */
final class Scenarios {

    static final Instant STARTED = Instant.parse("2026-11-27T10:00:00Z");

    private Scenarios() {
    }

    static HistoryContext context(TestHand hand) {
        return new HistoryContext(1234, "Main", 6, STARTED, hand.names());
    }

    /** Dave opens, Carol re-raises from the big blind, Dave folds: 70 uncalled goes back to Carol. */
    static TestHand wonByFoldsPreflop() {
        return TestHand.table().button(1).blinds(5, 10)
                .seat(1, "alice", 500, "9c9d")
                .seat(2, "bob", 400, "7h2s")
                .seat(3, "carol", 1000, "AhKd")
                .seat(5, "dave", 800, "QsJs")
                .board("2c7dTh5h8s")
                .start()
                .act(5, RAISE, 30).act(1, FOLD).act(2, FOLD).act(3, RAISE, 100).act(5, FOLD);
    }

    /** Three see the flop; Bob bets the river, Carol calls and mucks her beaten hand. */
    static TestHand showdownWithMuck() {
        return TestHand.table().button(1).blinds(5, 10)
                .seat(1, "alice", 500, "9c8d")
                .seat(2, "bob", 500, "QsQd")
                .seat(3, "carol", 500, "Ac7h")
                .board("2c7dThJs5h")
                .start()
                .act(1, CALL).act(2, CALL).act(3, CHECK)
                .act(2, CHECK).act(3, BET, 20).act(1, FOLD).act(2, CALL)
                .act(2, CHECK).act(3, CHECK)
                .act(2, BET, 40).act(3, CALL);
    }

    /** Alice (300) and Bob (700) shove, Carol calls: a main pot of 900 and a side pot of 800. */
    static TestHand allInWithSidePot() {
        return TestHand.table().button(1).blinds(50, 100)
                .seat(1, "alice", 300, "AsAd")
                .seat(2, "bob", 700, "KsKd")
                .seat(3, "carol", 1500, "QsQd")
                .board("2c7d9hJc3s")
                .start()
                .act(1, ALL_IN).act(2, ALL_IN).act(3, CALL);
    }

    /** The board is a royal flush: Bob and Carol split 325, Bob (first left of the button) gets the odd chip. */
    static TestHand splitPot() {
        return TestHand.table().button(3).blinds(25, 50)
                .seat(1, "alice", 1000, "8c8d")
                .seat(2, "bob", 1000, "2s3d")
                .seat(3, "carol", 1000, "4c5d")
                .board("AhKhQhJhTh")
                .start()
                .act(3, RAISE, 150).act(1, FOLD).act(2, CALL)
                .act(2, CHECK).act(3, CHECK)
                .act(2, CHECK).act(3, CHECK)
                .act(2, CHECK).act(3, CHECK);
    }

    /**
     * Rule 12: erin (seat 5) is back after missing the big blind and posts it live with the small blind
     * dead, finn (seat 6) is new and posts a big blind, gail (seat 4) sits out. Erin and finn check their
     * option, alice and bob fold, carol checks: three see the flop, erin bets, the others fold.
     */
    static TestHand postsOfNewAndReturningPlayers() {
        return TestHand.table().button(1).blinds(5, 10)
                .seat(1, "alice", 500, "9c8d")
                .seat(2, "bob", 500, "7h2s")
                .seat(3, "carol", 500, "QsJd")
                .notDealtIn(4, "gail", 800)
                .seat(5, "erin", 400, "AhAd")
                .seat(6, "finn", 300, "Kc5c")
                .posts(5, HandEvent.Blind.EXTRA_BIG).posts(5, HandEvent.Blind.DEAD_SMALL)
                .posts(6, HandEvent.Blind.EXTRA_BIG)
                .board("2c7dTh5h8s")
                .start()
                .act(5, CHECK).act(6, CHECK).act(1, FOLD).act(2, FOLD).act(3, CHECK)
                .act(3, CHECK).act(5, BET, 20).act(6, FOLD).act(3, FOLD);
    }
}
