package poker.readside;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentEvent.EntryStack;
import poker.domain.tournament.TournamentEvent.Payout;
import poker.domain.tournament.TournamentSettings;

/**
 * A small tournament's whole journal, as the entity and the director would write it: four register,
 * one unregisters, three play on two tables, one table breaks (its player moves), hand-for-hand on the
 * bubble, two busts (the second in the money), the winner; prizes awarded. Buy-in 100 + fee 10, stacks
 * of 1000, payouts 200 / 100.
 */
public final class TournamentStory {

    public static final Instant T0 = Instant.parse("2030-01-01T18:00:00Z");
    public static final long BUY_IN = 100;
    public static final long FEE = 10;
    public static final long STACK = 1000;

    public final String id;
    public final String alice;
    public final String bob;
    public final String carol;
    public final String dave;
    public final String table1;
    public final String table2;
    public final List<TournamentEvent> events;

    /** Positions in {@link #events} (1-based sequence numbers) worth looking at. */
    public static final int AFTER_REGISTRATION = 6;
    public static final int AFTER_FIRST_HAND = 15;
    public static final int AFTER_MOVE = 17;
    public static final int IN_HAND_FOR_HAND = 20;
    public static final int FINISHED = 25;
    public static final int ONE_PRIZE_PAID = 26;

    public TournamentStory(String id, String alice, String bob, String carol, String dave, String createdBy) {
        this.id = id;
        this.alice = alice;
        this.bob = bob;
        this.carol = carol;
        this.dave = dave;
        this.table1 = id + "-1";
        this.table2 = id + "-2";
        TournamentSettings settings = new TournamentSettings("Sunday Story", BUY_IN, FEE, STACK, 2, 2, 9, T0, false,
                List.of(new BlindLevel(10, 20, 0, 10), new BlindLevel(20, 40, 40, 10)), 0, 0, 20);
        List<Payout> payouts = List.of(new Payout(1, 200), new Payout(2, 100));
        List<TournamentEvent> e = new ArrayList<>();
        e.add(new TournamentEvent.TournamentCreated(id, settings, createdBy, T0.minusSeconds(3600)));
        e.add(registered("e1", alice, 1));
        e.add(registered("e2", bob, 2));
        e.add(registered("e3", carol, 3));
        e.add(registered("e4", dave, 4));
        e.add(new TournamentEvent.PlayerUnregistered(id, "e4", dave, BUY_IN + FEE, T0.minusSeconds(60)));
        // 7
        e.add(new TournamentEvent.TournamentStarted(id, 3, 300, payouts, T0));
        e.add(new TournamentEvent.LevelStarted(id, 1, 10, 20, 0, T0, T0.plusSeconds(600)));
        e.add(new TournamentEvent.RegistrationClosed(id, 3, 300, payouts, T0));
        e.add(new TournamentEvent.TableOpened(id, table1, 1));
        e.add(new TournamentEvent.TableOpened(id, table2, 2));
        e.add(new TournamentEvent.PlayerSeated(id, "e1", alice, table1, 1, STACK));
        e.add(new TournamentEvent.PlayerSeated(id, "e2", bob, table1, 2, STACK));
        e.add(new TournamentEvent.PlayerSeated(id, "e3", carol, table2, 1, STACK));
        // 15
        e.add(new TournamentEvent.HandFinished(id, table1, 1, List.of(new EntryStack("e1", 1500),
                new EntryStack("e2", 500))));
        e.add(new TournamentEvent.PlayerMoved(id, "e3", carol, table2, table1, 3, STACK, "break"));
        e.add(new TournamentEvent.TableBroken(id, table2));
        // 18
        e.add(new TournamentEvent.LevelStarted(id, 2, 20, 40, 40, T0.plusSeconds(600), T0.plusSeconds(1200)));
        e.add(new TournamentEvent.HandForHandStarted(id, 3, T0.plusSeconds(700)));
        e.add(new TournamentEvent.HandFinished(id, table1, 2, List.of(new EntryStack("e1", 2000),
                new EntryStack("e2", 0), new EntryStack("e3", 1000))));
        // 21
        e.add(new TournamentEvent.PlayerEliminated(id, "e2", bob, 3, 1, 500, table1, 2, 0));
        e.add(new TournamentEvent.HandForHandEnded(id, 2, T0.plusSeconds(710)));
        e.add(new TournamentEvent.HandFinished(id, table1, 3, List.of(new EntryStack("e1", 3000),
                new EntryStack("e3", 0))));
        e.add(new TournamentEvent.PlayerEliminated(id, "e3", carol, 2, 1, 1000, table1, 3, 100));
        // 25
        e.add(new TournamentEvent.TournamentFinished(id, "e1", alice, 200, T0.plusSeconds(800)));
        e.add(new TournamentEvent.PrizeAwarded(id, "e3", carol, 2, 100, "prize-" + id + "-e3"));
        e.add(new TournamentEvent.PrizeAwarded(id, "e1", alice, 1, 200, "prize-" + id + "-e1"));
        this.events = List.copyOf(e);
    }

    private TournamentEvent registered(String entryId, String player, int n) {
        return new TournamentEvent.PlayerRegistered(id, entryId, player, 1, "tx-" + entryId, BUY_IN, FEE, false,
                T0.minusSeconds(600 - n));
    }
}
