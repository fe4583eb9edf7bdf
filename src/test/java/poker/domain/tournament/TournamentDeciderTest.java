package poker.domain.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.tournament.TournamentCommand.AdvanceLevel;
import poker.domain.tournament.TournamentCommand.Bust;
import poker.domain.tournament.TournamentCommand.Cancel;
import poker.domain.tournament.TournamentCommand.CreateTournament;
import poker.domain.tournament.TournamentCommand.HandReport;
import poker.domain.tournament.TournamentCommand.OpenTable;
import poker.domain.tournament.TournamentCommand.RecordMove;
import poker.domain.tournament.TournamentCommand.RecordPrizePaid;
import poker.domain.tournament.TournamentCommand.RecordSeating;
import poker.domain.tournament.TournamentCommand.RecordTableBroken;
import poker.domain.tournament.TournamentCommand.Register;
import poker.domain.tournament.TournamentCommand.ReportHands;
import poker.domain.tournament.TournamentCommand.SetHandForHand;
import poker.domain.tournament.TournamentCommand.Start;
import poker.domain.tournament.TournamentCommand.Unregister;
import poker.domain.tournament.TournamentEvent.EntryStack;
import poker.domain.tournament.TournamentEvent.HandFinished;
import poker.domain.tournament.TournamentEvent.HandForHandStarted;
import poker.domain.tournament.TournamentEvent.LevelStarted;
import poker.domain.tournament.TournamentEvent.Payout;
import poker.domain.tournament.TournamentEvent.PlayerEliminated;
import poker.domain.tournament.TournamentEvent.PlayerMoved;
import poker.domain.tournament.TournamentEvent.PlayerRegistered;
import poker.domain.tournament.TournamentEvent.PlayerSeated;
import poker.domain.tournament.TournamentEvent.PlayerUnregistered;
import poker.domain.tournament.TournamentEvent.PrizeAwarded;
import poker.domain.tournament.TournamentEvent.RegistrationClosed;
import poker.domain.tournament.TournamentEvent.TableBroken;
import poker.domain.tournament.TournamentEvent.TableOpened;
import poker.domain.tournament.TournamentEvent.TournamentCancelled;
import poker.domain.tournament.TournamentEvent.TournamentCreated;
import poker.domain.tournament.TournamentEvent.TournamentFinished;
import poker.domain.tournament.TournamentEvent.TournamentStarted;

/** Given events, when a command, then events or a rejection: every rule of the tournament decider. */
class TournamentDeciderTest {

    static final String T = "t1";
    static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    static final Instant START = T0.plus(Duration.ofHours(1));
    static final List<BlindLevel> LEVELS = List.of(new BlindLevel(10, 20, 0, 10), new BlindLevel(20, 40, 0, 10),
            new BlindLevel(50, 100, 100, 15));

    /** buy-in 100 + fee 10, 1000 chips, 2..6 players, start at START, the given late levels and re-entries. */
    static TournamentSettings settings(int lateLevels, int reentries) {
        return new TournamentSettings("Sunday", 100, 10, 1000, 3, 2, 6, START, false, LEVELS, lateLevels, reentries,
                20);
    }

    static TournamentSettings settings() {
        return settings(0, 0);
    }

    /** A state built from events, and the command run against it with the test rules. */
    static final class Given {
        TournamentState state = TournamentState.empty(T);

        Given(TournamentEvent... events) {
            for (TournamentEvent e : events) {
                state = state.apply(e);
            }
        }

        Given then(TournamentCommand command) {
            Decision<TournamentEvent> d = TournamentDecider.decide(state, command, TestRules.INSTANCE);
            for (TournamentEvent e : d.eventsOrThrow()) {
                state = state.apply(e);
            }
            return this;
        }

        Decision<TournamentEvent> when(TournamentCommand command) {
            return TournamentDecider.decide(state, command, TestRules.INSTANCE);
        }

        List<TournamentEvent> events(TournamentCommand command) {
            return when(command).eventsOrThrow();
        }

        Rejection rejection(TournamentCommand command) {
            return when(command).rejectionOrThrow();
        }
    }

    static TournamentCreated created(TournamentSettings s) {
        return new TournamentCreated(T, s, "admin", T0);
    }

    static PlayerRegistered registered(String entry, String player) {
        return new PlayerRegistered(T, entry, player, 1, "entry-" + entry, 100, 10, false, T0);
    }

    static Register register(String entry, String player) {
        return new Register(entry, player, "entry-" + entry, T0);
    }

    static List<TournamentEvent> startEvents(int entrants) {
        List<Payout> payouts = TestRules.INSTANCE.payouts(entrants, entrants * 100L);
        return List.of(new TournamentStarted(T, entrants, entrants * 100L, payouts, START),
                new LevelStarted(T, 1, 10, 20, 0, START, START.plusSeconds(600)),
                new RegistrationClosed(T, entrants, entrants * 100L, payouts, START));
    }

    /** Created, players p1..pn registered as e1..en, started (late registration closed at the start). */
    static Given running(int players) {
        return running(settings(), players);
    }

    static Given running(TournamentSettings s, int players) {
        Given g = new Given(created(s));
        for (int i = 1; i <= players; i++) {
            g.then(register("e" + i, "p" + i));
        }
        return g.then(new Start(true, START));
    }

    static HandReport hand(String table, long number, List<EntryStack> stacks, Bust... busts) {
        return new HandReport(table, number, stacks, List.of(busts));
    }

    static ReportHands report(HandReport... hands) {
        return new ReportHands(List.of(hands), START.plusSeconds(60));
    }

    // --- Creation ---
    @Test
    void storesTheSettingsWithTheDefaultScheduleWhenNoneIsGiven() {
        TournamentSettings s = new TournamentSettings("Sunday", 100, 10, 1000, 9, 2, 6, START, false, null, 0, 0,
                20);
        var events = new Given().events(new CreateTournament(T, s, "admin", T0));
        TournamentCreated c = (TournamentCreated) events.get(0);
        assertThat(c.settings().levels()).isEqualTo(TournamentDecider.DEFAULT_LEVELS).hasSize(20);
        assertThat(c.createdBy()).isEqualTo("admin");
    }

    @Test
    void aSecondCreateIsRefused() {
        assertThat(new Given(created(settings())).rejection(new CreateTournament(T, settings(), "a", T0)).code())
                .isEqualTo("tournament_exists");
    }

    @Test
    void everyCommandButCreateNeedsTheTournament() {
        assertThat(new Given().rejection(register("e1", "p1")).code()).isEqualTo("tournament_not_found");
        assertThat(new Given().rejection(new Start(true, T0)).code()).isEqualTo("tournament_not_found");
    }

    private void assertInvalid(UnaryOperator<Object[]> change, String field) {
        Object[] a = {"Sunday", 100L, 10L, 1000L, 9, 2, 6, START, false, LEVELS, 0, 0, 20};
        a = change.apply(a);
        TournamentSettings s = new TournamentSettings((String) a[0], (long) a[1], (long) a[2], (long) a[3],
                (int) a[4], (int) a[5], (int) a[6], (Instant) a[7], (boolean) a[8], castLevels(a[9]), (int) a[10],
                (int) a[11], (int) a[12]);
        Rejection r = new Given().rejection(new CreateTournament(T, s, "admin", T0));
        assertThat(r.code()).isEqualTo("invalid_field");
        assertThat(r.field()).isEqualTo(field);
    }

    @SuppressWarnings("unchecked")
    private static List<BlindLevel> castLevels(Object o) {
        return (List<BlindLevel>) o;
    }

    private static UnaryOperator<Object[]> set(int index, Object value) {
        return a -> {
            a[index] = value;
            return a;
        };
    }

    @Test
    void refusesSettingsOutsideTheRulesNamingTheField() {
        assertInvalid(set(0, " "), "name");
        assertInvalid(set(1, -1L), "buyIn");
        assertInvalid(set(2, -1L), "fee");
        assertInvalid(set(3, 0L), "startingStack");
        assertInvalid(set(4, 1), "seatsPerTable");
        assertInvalid(set(4, 11), "seatsPerTable");
        assertInvalid(set(5, 1), "minPlayers");
        assertInvalid(a -> {
            a[5] = 5;
            a[6] = 4;
            return a;
        }, "maxPlayers");
        assertInvalid(set(7, null), "startAt");
        assertInvalid(set(7, T0.minusSeconds(1)), "startAt");
        assertInvalid(set(9, List.of(new BlindLevel(20, 10, 0, 10))), "levels");
        assertInvalid(set(9, List.of(new BlindLevel(10, 20, 0, 0))), "levels");
        assertInvalid(set(10, -1), "lateRegistrationLevels");
        assertInvalid(set(10, 4), "lateRegistrationLevels");
        assertInvalid(set(11, -1), "maxReentries");
        assertInvalid(set(12, 4), "actionSeconds");
        assertInvalid(set(12, 301), "actionSeconds");
    }

    @Test
    void aSitAndGoNeedsNoStartTime() {
        TournamentSettings s = new TournamentSettings("SnG", 0, 0, 1500, 6, 2, 6, null, true, null, 0, 0, 20);
        assertThat(new Given().when(new CreateTournament(T, s, "u1", T0)).isAccepted()).isTrue();
    }

    // --- Registration ---
    @Test
    void registersAPaidEntry() {
        var events = new Given(created(settings())).events(register("e1", "p1"));
        assertThat(events).containsExactly(registered("e1", "p1"));
    }

    @Test
    void aRepeatOfTheEntryIdAnswersTheFirstOutcome() {
        Given g = new Given(created(settings()), registered("e1", "p1"));
        assertThat(TournamentDecider.repeatOf(g.state, register("e1", "p1"))).contains(List.of(registered("e1", "p1")));
        assertThat(g.rejection(register("e1", "p2")).code()).isEqualTo("entry_exists");
    }

    @Test
    void onePlayerHasOneLiveEntry() {
        assertThat(new Given(created(settings()), registered("e1", "p1")).rejection(register("e2", "p1")).code())
                .isEqualTo("already_registered");
    }

    @Test
    void aFullTournamentRefuses() {
        Given g = new Given(created(settings()));
        for (int i = 1; i <= 6; i++) {
            g.then(register("e" + i, "p" + i));
        }
        assertThat(g.rejection(register("e7", "p7")).code()).isEqualTo("tournament_full");
    }

    @Test
    void registrationClosesAtTheStartWithoutLateLevels() {
        assertThat(running(2).rejection(register("e3", "p3")).code()).isEqualTo("registration_closed");
    }

    @Test
    void lateRegistrationIsANewPlayingEntryWithAFreshStack() {
        Given g = running(settings(1, 0), 2);
        var events = g.events(register("e3", "p3"));
        assertThat(events).containsExactly(new PlayerRegistered(T, "e3", "p3", 1, "entry-e3", 100, 10, true, T0));
        g.then(register("e3", "p3"));
        assertThat(g.state.entries().get("e3").status()).isEqualTo(TournamentState.PLAYING);
        assertThat(g.state.entries().get("e3").chips()).isEqualTo(1000);
        assertThat(g.state.prizePool()).isEqualTo(300);
    }

    @Test
    void aBustedPlayerReEntersWhileRegistrationIsOpenUpToTheLimit() {
        Given g = running(settings(2, 1), 3)
                .then(report(hand("tA", 1, List.of(new EntryStack("e2", 2000), new EntryStack("e1", 0)),
                        new Bust("e1", 1000))));
        assertThat(g.state.entries().get("e1").status()).isEqualTo(TournamentState.ELIMINATED);
        var again = g.events(register("e1b", "p1"));
        assertThat(((PlayerRegistered) again.get(0)).entryNumber()).isEqualTo(2);
        g.then(register("e1b", "p1"))
                .then(report(hand("tA", 2, List.of(new EntryStack("e1b", 0)), new Bust("e1b", 1000))));
        assertThat(g.rejection(register("e1c", "p1")).code()).isEqualTo("reentry_not_allowed");
    }

    @Test
    void noReEntryWhenTheTournamentAllowsNone() {
        Given g = running(settings(2, 0), 3)
                .then(report(hand("tA", 1, List.of(new EntryStack("e1", 0)), new Bust("e1", 1000))));
        assertThat(g.rejection(register("e1b", "p1")).code()).isEqualTo("reentry_not_allowed");
    }

    @Test
    void afterTheStartTheCapCountsEveryEntry() {
        TournamentSettings s = new TournamentSettings("Sunday", 100, 10, 1000, 3, 2, 3, START, false, LEVELS, 2, 5,
                20);
        Given g = running(s, 3)
                .then(report(hand("tA", 1, List.of(new EntryStack("e1", 0)), new Bust("e1", 1000))));
        assertThat(g.rejection(register("e1b", "p1")).code()).isEqualTo("tournament_full");
    }

    @Test
    void aSitAndGoStartsWhenItFills() {
        TournamentSettings s = new TournamentSettings("SnG", 100, 10, 1500, 6, 2, 3, null, true, LEVELS, 0, 0, 20);
        Given g = new Given(created(s)).then(register("e1", "p1")).then(register("e2", "p2"));
        var events = g.events(register("e3", "p3"));
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("PlayerRegistered", "TournamentStarted", "LevelStarted", "RegistrationClosed");
        TournamentStarted started = (TournamentStarted) events.get(1);
        assertThat(started.entrants()).isEqualTo(3);
        assertThat(started.prizePool()).isEqualTo(300);
        assertThat(started.payouts()).containsExactly(new Payout(1, 300));
    }

    // --- Unregistration ---
    @Test
    void beforeTheStartRefundsBuyInAndFee() {
        Given g = new Given(created(settings()), registered("e1", "p1"));
        var events = g.events(new Unregister("p1", T0));
        assertThat(events).containsExactly(new PlayerUnregistered(T, "e1", "p1", 110, T0));
        g.then(new Unregister("p1", T0));
        assertThat(g.state.prizePool()).isZero();
        assertThat(g.state.remaining()).isZero();
        assertThat(g.events(register("e2", "p1"))).hasSize(1);
    }

    @Test
    void aRepeatNamingTheEntryAnswersTheFirstOutcome() {
        Given g = new Given(created(settings()), registered("e1", "p1")).then(new Unregister("p1", T0, "e1"));
        assertThat(TournamentDecider.repeatOf(g.state, new Unregister("p1", T0.plusSeconds(5), "e1")))
                .contains(List.of(new PlayerUnregistered(T, "e1", "p1", 110, T0)));
        assertThat(g.rejection(new Unregister("p1", T0)).code()).isEqualTo("not_registered");
    }

    @Test
    void notAfterTheStart() {
        assertThat(running(2).rejection(new Unregister("p1", START)).code()).isEqualTo("tournament_running");
    }

    @Test
    void notWhenNotRegistered() {
        assertThat(new Given(created(settings())).rejection(new Unregister("p1", T0)).code())
                .isEqualTo("not_registered");
    }

    // --- Lifecycle ---
    @Test
    void startsWithTheFieldThePoolThePayoutsAndLevelOne() {
        Given g = new Given(created(settings()), registered("e1", "p1"), registered("e2", "p2"),
                registered("e3", "p3"), registered("e4", "p4"));
        assertThat(g.events(new Start(true, START))).isEqualTo(startEvents(4));
        g.then(new Start(true, START));
        assertThat(g.state.status()).isEqualTo(TournamentState.RUNNING);
        assertThat(g.state.entries().values()).allMatch(e -> e.chips() == 1000 && e.status().equals("playing"));
        assertThat(g.state.levelEndsAt()).isEqualTo(START.plusSeconds(600));
        assertThat(g.state.registrationOpen()).isFalse();
    }

    @Test
    void withLateLevelsRegistrationStaysOpenAtTheStart() {
        Given g = new Given(created(settings(1, 0)), registered("e1", "p1"), registered("e2", "p2"));
        assertThat(g.events(new Start(false, START))).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TournamentStarted", "LevelStarted");
    }

    @Test
    void belowTheMinimumAManualStartIsRefusedAndTheTimerCancels() {
        Given g = new Given(created(settings()), registered("e1", "p1"));
        assertThat(g.rejection(new Start(true, START)).code()).isEqualTo("not_enough_players");
        assertThat(g.events(new Start(false, START)))
                .containsExactly(new TournamentCancelled(T, "not_enough_players", START));
    }

    @Test
    void aStartedTournamentDoesNotStartAgain() {
        Given g = running(2);
        assertThat(g.rejection(new Start(true, START)).code()).isEqualTo("tournament_running");
        assertThat(g.events(new Start(false, START))).isEmpty();
    }

    @Test
    void cancelsUntilFinishedAndARepeatAnswersTheFirstOutcome() {
        Given g = running(2);
        var cancel = new Cancel("admin", START.plusSeconds(5));
        assertThat(g.events(cancel)).containsExactly(new TournamentCancelled(T, "admin", START.plusSeconds(5)));
        g.then(cancel);
        assertThat(TournamentDecider.repeatOf(g.state, new Cancel("again", START.plusSeconds(9))))
                .contains(List.of(new TournamentCancelled(T, "admin", START.plusSeconds(5))));
        assertThat(g.rejection(register("e9", "p9")).code()).isEqualTo("registration_closed");
        assertThat(g.rejection(new Unregister("p1", START)).code()).isEqualTo("tournament_cancelled");

        Given finished = running(2).then(report(hand("tA", 1, List.of(new EntryStack("e1", 2000),
                new EntryStack("e2", 0)), new Bust("e2", 1000))));
        assertThat(finished.rejection(cancel).code()).isEqualTo("tournament_finished");
    }

    // --- Levels ---
    @Test
    void onlyTheNextLevelBeginsAndARepeatStoresNothing() {
        Instant at = START.plusSeconds(600);
        Given g = running(2);
        assertThat(g.events(new AdvanceLevel(2, at)))
                .containsExactly(new LevelStarted(T, 2, 20, 40, 0, at, at.plusSeconds(600)));
        g.then(new AdvanceLevel(2, at));
        assertThat(g.events(new AdvanceLevel(2, at))).isEmpty();
        assertThat(g.events(new AdvanceLevel(1, at))).isEmpty();
        assertThat(g.rejection(new AdvanceLevel(4, at)).code()).isEqualTo("level_out_of_order");
    }

    @Test
    void beyondTheScheduleTheLastLevelDoubles() {
        Given g = running(2);
        Instant at = START;
        for (int level = 2; level <= 5; level++) {
            at = at.plusSeconds(900);
            g.then(new AdvanceLevel(level, at));
        }
        LevelStarted fifth = (LevelStarted) g.events(new AdvanceLevel(6, at)).get(0);
        assertThat(TournamentDecider.levelOf(settings(), 5)).isEqualTo(new BlindLevel(200, 400, 400, 15));
        assertThat(fifth.smallBlind()).isEqualTo(400);
        assertThat(fifth.bigBlind()).isEqualTo(800);
        assertThat(fifth.ante()).isEqualTo(800);
        assertThat(fifth.endsAt()).isEqualTo(at.plus(Duration.ofMinutes(15)));
    }

    @Test
    void registrationClosesAtTheEndOfTheLastLateLevel() {
        Given g = running(settings(1, 0), 2).then(register("e3", "p3"));
        Instant at = START.plusSeconds(600);
        var events = g.events(new AdvanceLevel(2, at));
        List<Payout> payouts = TestRules.INSTANCE.payouts(3, 300);
        assertThat(events).containsExactly(new RegistrationClosed(T, 3, 300, payouts, at),
                new LevelStarted(T, 2, 20, 40, 0, at, at.plusSeconds(600)));
        g.then(new AdvanceLevel(2, at));
        assertThat(g.rejection(register("e4", "p4")).code()).isEqualTo("registration_closed");
        assertThat(g.state.payouts()).isEqualTo(payouts);
    }

    // --- DirectorFacts ---
    @Test
    void eachFactIsRecordedOnceAndARepeatStoresNothing() {
        Given g = running(4);
        List<TournamentCommand> facts = List.of(new OpenTable("tA", 1), new OpenTable("tB", 2),
                new RecordSeating("e1", "tA", 3, 1000), new RecordSeating("e2", "tB", 1, 1000),
                new RecordMove("e2", "tB", "tA", 5, 1000, "balance"), new RecordTableBroken("tB"),
                new SetHandForHand(true, START));
        List<TournamentEvent> stored = new ArrayList<>();
        for (TournamentCommand fact : facts) {
            stored.addAll(g.events(fact));
            g.then(fact);
            assertThat(g.events(fact)).as("repeat of %s", fact).isEmpty();
        }
        assertThat(stored).containsExactly(new TableOpened(T, "tA", 1), new TableOpened(T, "tB", 2),
                new PlayerSeated(T, "e1", "p1", "tA", 3, 1000), new PlayerSeated(T, "e2", "p2", "tB", 1, 1000),
                new PlayerMoved(T, "e2", "p2", "tB", "tA", 5, 1000, "balance"), new TableBroken(T, "tB"),
                new HandForHandStarted(T, 4, START));
        assertThat(g.state.entries().get("e2").tableId()).isEqualTo("tA");
        assertThat(g.state.entries().get("e2").seatNumber()).isEqualTo(5);
        assertThat(g.state.handForHand()).isTrue();
    }

    @Test
    void unknownEntriesAndTablesAreRefused() {
        Given g = running(2);
        assertThat(g.rejection(new RecordSeating("nope", "tA", 1, 10)).code()).isEqualTo("unknown_entry");
        assertThat(g.rejection(new RecordTableBroken("tZ")).code()).isEqualTo("unknown_table");
        assertThat(new Given(created(settings())).rejection(new OpenTable("tA", 1)).code())
                .isEqualTo("tournament_not_running");
    }

    // --- Hands ---
    @Test
    void aHandUpdatesStacksAndARepeatIsIgnored() {
        Given g = running(3);
        ReportHands r = report(hand("tA", 1, List.of(new EntryStack("e1", 1500), new EntryStack("e2", 500))));
        assertThat(g.events(r)).containsExactly(new HandFinished(T, "tA", 1,
                List.of(new EntryStack("e1", 1500), new EntryStack("e2", 500))));
        g.then(r);
        assertThat(g.state.entries().get("e1").chips()).isEqualTo(1500);
        assertThat(g.events(r)).isEmpty();
    }

    @Test
    void playersOutInOneHandAreRankedByTheirStartingStacksAndTiesSplit() {
        Given g = running(6);
        // pool 600: 300 / 180 / 120
        var events = g.events(report(hand("tA", 1, List.of(new EntryStack("e1", 3000)),
                new Bust("e4", 500), new Bust("e5", 800), new Bust("e6", 500))));
        assertThat(events).containsExactly(
                new HandFinished(T, "tA", 1, List.of(new EntryStack("e1", 3000)),
                        List.of(new Bust("e4", 500), new Bust("e5", 800), new Bust("e6", 500))),
                new PlayerEliminated(T, "e5", "p5", 4, 1, 800, "tA", 1, 0),
                new PlayerEliminated(T, "e4", "p4", 5, 2, 500, "tA", 1, 0),
                new PlayerEliminated(T, "e6", "p6", 5, 2, 500, "tA", 1, 0));
    }

    @Test
    void aBubbleRoundRanksAcrossTablesAndSplitsTies() {
        Given g = running(4).then(report(hand("tA", 1, List.of(), new Bust("e4", 100))));
        // 3 left of 4: places 1..3 paid 200/120/80; two out at once with equal stacks split 2nd + 3rd
        var events = g.events(report(hand("tA", 2, List.of(), new Bust("e1", 700)),
                hand("tB", 7, List.of(), new Bust("e2", 700))));
        assertThat(events).filteredOn(e -> e instanceof PlayerEliminated).containsExactly(
                new PlayerEliminated(T, "e1", "p1", 2, 2, 700, "tA", 2, 100),
                new PlayerEliminated(T, "e2", "p2", 2, 2, 700, "tB", 7, 100));
        assertThat(events.get(events.size() - 1)).isEqualTo(new TournamentFinished(T, "e3", "p3", 200,
                START.plusSeconds(60)));
    }

    @Test
    void theLastOneStandingWinsAndEachPrizeIsRecordedOnce() {
        Given g = running(2).then(report(hand("tA", 4, List.of(new EntryStack("e1", 2000)),
                new Bust("e2", 1000))));
        assertThat(g.state.status()).isEqualTo(TournamentState.FINISHED);
        assertThat(g.state.winnerEntryId()).isEqualTo("e1");
        assertThat(g.state.entries().get("e1").place()).isEqualTo(1);
        assertThat(g.state.entries().get("e1").prize()).isEqualTo(200);
        assertThat(g.state.entries().get("e2").place()).isEqualTo(2);

        RecordPrizePaid paid = new RecordPrizePaid("e1", "prize-t1-e1");
        assertThat(g.events(paid)).containsExactly(new PrizeAwarded(T, "e1", "p1", 1, 200, "prize-t1-e1"));
        g.then(paid);
        assertThat(g.events(paid)).isEmpty();
        assertThat(g.rejection(new RecordPrizePaid("e2", "prize-t1-e2")).code()).isEqualTo("no_prize");
        assertThat(g.events(report(hand("tA", 4, List.of())))).isEmpty();
        assertThat(g.rejection(report(hand("tA", 5, List.of()))).code()).isEqualTo("tournament_finished");
    }

    @Test
    void whileLateRegistrationIsOpenPlacesWaitForTheFinalField() {
        Given g = running(settings(1, 1), 3)
                .then(report(hand("tA", 1, List.of(new EntryStack("e2", 2000)), new Bust("e1", 1000))));
        assertThat(g.state.pendingBusts()).hasSize(1);
        assertThat(g.state.entries().get("e1").place()).isNull();
        g.then(register("e1b", "p1")).then(register("e4", "p4"));

        Instant at = START.plusSeconds(600);
        var events = g.events(new AdvanceLevel(2, at));
        // 5 entries, 4 still in: the early bust finishes 5th
        List<Payout> payouts = TestRules.INSTANCE.payouts(5, 500);
        assertThat(events).containsExactly(new RegistrationClosed(T, 5, 500, payouts, at),
                new PlayerEliminated(T, "e1", "p1", 5, 1, 1000, "tA", 1, 0),
                new LevelStarted(T, 2, 20, 40, 0, at, at.plusSeconds(600)));
        g.then(new AdvanceLevel(2, at));
        assertThat(g.state.pendingBusts()).isEmpty();
        assertThat(g.state.entries().get("e1").place()).isEqualTo(5);
    }

    @Test
    void aFinishDuringLateRegistrationClosesItFirst() {
        Given g = running(settings(2, 0), 3)
                .then(report(hand("tA", 1, List.of(), new Bust("e3", 1000))));
        var events = g.events(report(hand("tA", 2, List.of(new EntryStack("e1", 3000)), new Bust("e2", 2000))));
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("HandFinished",
                "RegistrationClosed", "PlayerEliminated", "PlayerEliminated", "TournamentFinished");
        assertThat(events).filteredOn(e -> e instanceof PlayerEliminated)
                .extracting(e -> ((PlayerEliminated) e).entryId() + "@" + ((PlayerEliminated) e).place())
                .containsExactly("e3@3", "e2@2");
        assertThat(((TournamentFinished) events.get(4)).prize()).isEqualTo(300);
    }

    @Test
    void everyoneOutAtOnceLeavesTheBiggestStackAsWinner() {
        Given g = running(2);
        var events = g.events(report(hand("tA", 1, List.of(), new Bust("e1", 900), new Bust("e2", 1100))));
        assertThat(events).filteredOn(e -> e instanceof PlayerEliminated)
                .containsExactly(new PlayerEliminated(T, "e1", "p1", 2, 1, 900, "tA", 1, 0));
        assertThat(((TournamentFinished) events.get(events.size() - 1)).winnerEntryId()).isEqualTo("e2");
    }

    @Test
    void reportsBeforeTheStartAreRefused() {
        assertThat(new Given(created(settings()), registered("e1", "p1"))
                .rejection(report(hand("tA", 1, List.of()))).code()).isEqualTo("tournament_not_running");
    }

    // --- with the real payout table and ranking ---

    /** Nine entries out one by one, two together at the end: places 1..9 once each, the whole pool paid. */
    @Test
    void withTheStandardRulesEveryPlaceIsGivenOnceAndThePoolIsPaidExactly() {
        TournamentSettings s = new TournamentSettings("Std", 100, 10, 1000, 9, 2, 9, START, false, LEVELS, 0, 0, 20);
        TournamentState state = TournamentState.empty(T).apply(created(s));
        for (int i = 1; i <= 9; i++) {
            state = applyAll(state, TournamentDecider.decide(state, register("e" + i, "p" + i)).eventsOrThrow());
        }
        List<TournamentEvent> all = new ArrayList<>(TournamentDecider.decide(state, new Start(true, START))
                .eventsOrThrow());
        state = applyAll(state, all);
        long hand = 0;
        for (int i = 9; i >= 4; i--) {
            var out = TournamentDecider.decide(state, report(hand("tA", ++hand, List.of(), new Bust("e" + i, 100 * i))))
                    .eventsOrThrow();
            all.addAll(out);
            state = applyAll(state, out);
        }
        var last = TournamentDecider.decide(state, report(hand("tA", ++hand, List.of(), new Bust("e2", 500),
                new Bust("e3", 500)))).eventsOrThrow();
        all.addAll(last);
        state = applyAll(state, last);

        assertThat(state.status()).isEqualTo(TournamentState.FINISHED);
        List<Integer> places = new ArrayList<>();
        long paid = 0;
        for (TournamentEvent e : all) {
            if (e instanceof PlayerEliminated p) {
                places.add(p.place());
                paid += p.prize();
            } else if (e instanceof TournamentFinished f) {
                places.add(1);
                paid += f.prize();
            }
        }
        assertThat(places).containsExactlyInAnyOrder(9, 8, 7, 6, 5, 4, 2, 2, 1);
        assertThat(paid).isEqualTo(900);
        assertThat(((TournamentStarted) all.get(0)).payouts().stream().mapToLong(Payout::amount).sum()).isEqualTo(900);
    }

    private static TournamentState applyAll(TournamentState state, List<TournamentEvent> events) {
        for (TournamentEvent e : events) {
            state = state.apply(e);
        }
        return state;
    }
}
