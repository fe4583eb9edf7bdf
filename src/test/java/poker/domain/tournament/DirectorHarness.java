package poker.domain.tournament;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;

/**
 * Drives the pure director: feeds it tournament events and hand ends with increasing sequence numbers,
 * and plays every receiver of its steps (tables remember the chips of each participant, so a removal
 * answers with the chips the seating brought). Keeps every event and every step answered.
 */
final class DirectorHarness {

    static final String TID = "t1";
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    static final List<BlindLevel> LEVELS = List.of(new BlindLevel(10, 20, 0, 5), new BlindLevel(20, 40, 5, 5));

    DirectorState state = DirectorState.empty(TID);
    final Random random;
    final List<DirectorEvent> events = new ArrayList<>();
    final List<DirectorStep> answered = new ArrayList<>();
    /** participant id → chips, as the tables hold them. */
    final Map<String, Long> tableChips = new HashMap<>();
    /** participant id → table, for participants seated and not removed. */
    final Map<String, String> seatedAt = new HashMap<>();
    long tournamentSeq;
    final Map<String, Long> tableSeq = new HashMap<>();
    /** How a step is answered; null: Ok the way a well-behaved receiver would. */
    Function<DirectorStep, DirectorInput.StepOutcome> answers = step -> null;

    DirectorHarness(long seed) {
        random = new Random(seed);
    }

    static TournamentSettings settings(int seats) {
        return new TournamentSettings("Sunday", 100, 10, 1_000, seats, 2, 500, null, false, LEVELS, 2, 0, 10);
    }

    static String entry(int n) {
        return "e" + n;
    }

    List<DirectorEvent> feed(DirectorInput input) {
        List<DirectorEvent> decided = DirectorDecider.decide(state, input, NOW, random);
        for (DirectorEvent e : decided) {
            state = state.apply(e);
        }
        events.addAll(decided);
        return decided;
    }

    List<DirectorEvent> tournament(TournamentEvent event) {
        return feed(new DirectorInput.FromTournament("Tournament|" + TID, ++tournamentSeq, event));
    }

    /** Created, {@code entries} registered, started with {@code paid} places paid, level 1. */
    void start(int seats, int entries, int paid) {
        tournament(new TournamentEvent.TournamentCreated(TID, settings(seats), "admin", NOW));
        for (int i = 1; i <= entries; i++) {
            register(i, false);
        }
        List<TournamentEvent.Payout> payouts = new ArrayList<>();
        for (int p = 1; p <= paid; p++) {
            payouts.add(new TournamentEvent.Payout(p, 10));
        }
        tournament(new TournamentEvent.TournamentStarted(TID, entries, entries * 100L, payouts, NOW));
        tournament(new TournamentEvent.LevelStarted(TID, 1, 10, 20, 0, NOW, NOW.plusSeconds(300)));
    }

    void register(int n, boolean late) {
        tournament(new TournamentEvent.PlayerRegistered(TID, entry(n), "p" + n, 1, "tx-" + n, 100, 10, late, NOW));
    }

    /**
     * Hand {@code handNumber} at {@code tableId} ended: every entry the director seats there was dealt in,
     * those in {@code busted} lost everything to the first entry not busted (chips conserved).
     */
    List<DirectorEvent> handEnded(String tableId, List<String> busted) {
        DirectorState.Table t = state.tables().get(tableId);
        long hand = t.permitted();
        List<TableEvent.HandStack> stacks = new ArrayList<>();
        String winner = t.seated().values().stream().filter(e -> !busted.contains(e)).findFirst().orElseThrow();
        long won = busted.stream().mapToLong(e -> chipsOf(e)).sum();
        for (String entryId : t.seated().values()) {
            DirectorState.Entry e = state.entries().get(entryId);
            long start = tableChips.get(e.participantId());
            long end = busted.contains(entryId) ? 0 : entryId.equals(winner) ? start + won : start;
            tableChips.put(e.participantId(), end);
            if (end == 0) {
                seatedAt.remove(e.participantId());
            }
            stacks.add(new TableEvent.HandStack(e.participantId(), e.playerId(), start, end));
        }
        int button = t.seated().keySet().iterator().next();
        long seq = tableSeq.merge(tableId, 1L, Long::sum);
        return feed(new DirectorInput.FromTable("Table|" + tableId, seq,
                new TableEvent.TournamentHandEnded(tableId, TID, hand, stacks, button, null)));
    }

    long chipsOf(String entryId) {
        return tableChips.get(state.entries().get(entryId).participantId());
    }

    /** Answers every step that can go, until none is left (or only refused ones keep coming back). */
    List<DirectorStep> answerAll() {
        List<DirectorStep> done = new ArrayList<>();
        for (int round = 0; round < 1_000 && !state.sendable().isEmpty(); round++) {
            for (DirectorStep step : state.sendable()) {
                DirectorInput.StepOutcome outcome = answers.apply(step);
                if (outcome == null) {
                    outcome = play(step);
                }
                done.add(step);
                feed(new DirectorInput.StepReplied(step.id(), outcome));
            }
        }
        answered.addAll(done);
        return done;
    }

    /** What a well-behaved receiver does with {@code step}. */
    DirectorInput.StepOutcome play(DirectorStep step) {
        if (step.target() instanceof DirectorStep.ToTable t && t.command() instanceof TableCommand.SeatEntry s) {
            if (seatedAt.containsKey(s.participantId())) {
                return new DirectorInput.Ok(null); // a repeat
            }
            if (seatedAtAny(step)) {
                throw new AssertionError("entry seated twice: " + step);
            }
            tableChips.put(s.participantId(), s.chips());
            seatedAt.put(s.participantId(), t.tableId());
            return new DirectorInput.Ok(null);
        }
        if (step.target() instanceof DirectorStep.ToTable t && t.command() instanceof TableCommand.RemoveEntry r) {
            seatedAt.remove(r.participantId());
            return new DirectorInput.Ok(tableChips.get(r.participantId()));
        }
        return new DirectorInput.Ok(null);
    }

    private boolean seatedAtAny(DirectorStep step) {
        String entryId = ((DirectorStep.SeatEntry) step).entryId();
        for (int seating = 1; seating <= 50; seating++) {
            if (seatedAt.containsKey(DirectorDecider.participantId(entryId, seating))) {
                return true;
            }
        }
        return false;
    }

    <T extends DirectorEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends DirectorStep> List<T> answered(Class<T> type) {
        return answered.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Integer> tableSizes() {
        return state.tables().values().stream().filter(t -> t.status() == DirectorState.TableStatus.OPEN)
                .map(DirectorState.Table::players).toList();
    }

    String tableOf(int tableNumber) {
        return DirectorDecider.tableId(TID, tableNumber);
    }

    /** The entries the director has seated at {@code tableId}, in seat order. */
    List<String> entriesAt(String tableId) {
        return List.copyOf(state.tables().get(tableId).seated().values());
    }

    /** Every hand permitted to {@code tableId} so far. */
    List<DirectorEvent.Permit> permitsTo(String tableId) {
        return events(DirectorEvent.HandsPermitted.class).stream().flatMap(p -> p.permits().stream())
                .filter(p -> p.tableId().equals(tableId)).toList();
    }
}
