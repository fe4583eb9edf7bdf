package poker.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import poker.domain.Rejection;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.DirectorDecider;
import poker.domain.tournament.DirectorEvent;
import poker.domain.tournament.DirectorState;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentSettings;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletEvent;
import poker.support.EntityTestKit;
import poker.table.TableEntity;
import poker.wallet.WalletEntity;

/**
 * The director entity against tables, a tournament and wallets we control: it sends what its state holds,
 * records the replies, and after a restart at the worst moments resumes so that an entry ends seated once
 * with its chips and each prize is paid once.
 */
class TournamentDirectorTest {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);
    static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    /** Tables that follow the director's contract: idempotent seat and removal, chips kept per participant. */
    final class FakeTables {
        record Seat(String tableId, int seat, long chips) {
        }

        final Map<String, Map<String, Seat>> tables = new HashMap<>();
        /** participant → the ParticipantLeft answered when it was removed (a repeat answers it again). */
        final Map<String, TableEvent.ParticipantLeft> removed = new HashMap<>();
        final List<TableCommand> received = new CopyOnWriteArrayList<>();
        volatile Predicate<TableCommand> hang = c -> false;

        /** "tableId#hand" of every permit received. */
        final List<String> permits = new CopyOnWriteArrayList<>();

        synchronized CompletionStage<TableEntity.Reply> handle(String tableId, TableCommand command) {
            received.add(command);
            if (command instanceof TableCommand.PermitHand p) {
                permits.add(tableId + "#" + p.handNumber());
            }
            TableEntity.Reply reply = apply(tableId, command);
            return hang.test(command) ? new CompletableFuture<>() : CompletableFuture.completedFuture(reply);
        }

        private TableEntity.Reply apply(String tableId, TableCommand command) {
            if (command instanceof TableCommand.CreateTable) {
                if (tables.containsKey(tableId)) {
                    return new TableEntity.Rejected(Rejection.of("table_exists", "exists"));
                }
                tables.put(tableId, new HashMap<>());
                return accepted();
            }
            Map<String, Seat> table = tables.get(tableId);
            if (table == null) {
                return new TableEntity.Rejected(Rejection.of("table_not_found", "no table"));
            }
            if (command instanceof TableCommand.SeatEntry s) {
                if (table.containsKey(s.participantId())) {
                    return accepted();
                }
                if (table.values().stream().anyMatch(x -> x.seat() == s.seatNumber())) {
                    return new TableEntity.Rejected(Rejection.of("seat_taken", "taken"));
                }
                table.put(s.participantId(), new Seat(tableId, s.seatNumber(), s.chips()));
                return accepted();
            }
            if (command instanceof TableCommand.RemoveEntry r) {
                if (removed.containsKey(r.participantId())) {
                    return new TableEntity.Accepted(List.of(removed.get(r.participantId())), 1);
                }
                Seat seat = table.remove(r.participantId());
                if (seat == null) {
                    return new TableEntity.Rejected(Rejection.of("participant_not_found", "not here"));
                }
                TableEvent.ParticipantLeft left = new TableEvent.ParticipantLeft(r.participantId(), "p", tableId,
                        seat.seat(), seat.chips(), r.movedTo(), r.reason());
                removed.put(r.participantId(), left);
                return new TableEntity.Accepted(List.of(left), 1);
            }
            return accepted();
        }

        private TableEntity.Reply accepted() {
            return new TableEntity.Accepted(List.of(), 1);
        }

        /** Plays a hand: the named participants lose everything to another one at the table. */
        synchronized TableEvent.TournamentHandEnded handEnded(String tableId, long hand, List<String> busted) {
            Map<String, Seat> table = tables.get(tableId);
            String winner = table.keySet().stream().sorted().filter(p -> !busted.contains(p)).findFirst().orElseThrow();
            long won = busted.stream().mapToLong(p -> table.get(p).chips()).sum();
            List<TableEvent.HandStack> stacks = new ArrayList<>();
            for (var e : Map.copyOf(table).entrySet()) {
                long start = e.getValue().chips();
                long end = busted.contains(e.getKey()) ? 0 : e.getKey().equals(winner) ? start + won : start;
                stacks.add(new TableEvent.HandStack(e.getKey(), "p", start, end));
                if (end == 0) {
                    table.remove(e.getKey());
                } else {
                    table.put(e.getKey(), new Seat(tableId, e.getValue().seat(), end));
                }
            }
            return new TableEvent.TournamentHandEnded(tableId, tid, hand, stacks, null, null);
        }

        synchronized long count(Class<?> type) {
            return received.stream().filter(type::isInstance).count();
        }

        synchronized long permits(String tableId, long hand) {
            return permits.stream().filter((tableId + "#" + hand)::equals).count();
        }

        /** Every seating of {@code entryId} currently at a table, with where. */
        synchronized List<Seat> seatsOf(String entryId) {
            List<Seat> seats = new ArrayList<>();
            for (Map<String, Seat> table : tables.values()) {
                table.forEach((p, s) -> {
                    if (entryOf(p).equals(entryId)) {
                        seats.add(s);
                    }
                });
            }
            return seats;
        }

        synchronized long chips() {
            return tables.values().stream().flatMap(t -> t.values().stream()).mapToLong(Seat::chips).sum();
        }
    }

    final class FakeTournament {
        final List<TournamentCommand> received = new CopyOnWriteArrayList<>();
        volatile Predicate<TournamentCommand> hang = c -> false;

        CompletionStage<Tournaments.Result> handle(TournamentCommand command) {
            received.add(command);
            return hang.test(command) ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(new Tournaments.Done(List.of(), "Tournament|" + tid, 1));
        }

        long count(Predicate<TournamentCommand> p) {
            return received.stream().filter(p).count();
        }
    }

    /** Wallets: a credit per transaction id happens once, a repeat answers the first outcome. */
    final class FakeWallets {
        final Map<String, WalletCommand> applied = new HashMap<>();
        final List<WalletCommand> received = new CopyOnWriteArrayList<>();
        volatile Predicate<WalletCommand> hang = c -> false;

        synchronized CompletionStage<WalletEntity.Reply> handle(String userId, WalletCommand command) {
            received.add(command);
            boolean repeat = applied.putIfAbsent(command.transactionId(), command) != null;
            WalletEvent event = new WalletEvent.PrizeCredited(userId, command.transactionId(), tid, 0, 0);
            return hang.test(command) ? new CompletableFuture<>()
                    : CompletableFuture.completedFuture(new WalletEntity.Accepted(event, 1, repeat));
        }

        synchronized long credited(String transactionId) {
            return applied.containsKey(transactionId) ? 1 : 0;
        }

        long sent(String transactionId) {
            return received.stream().filter(c -> c.transactionId().equals(transactionId)).count();
        }
    }

    static final java.util.concurrent.atomic.AtomicInteger TOURNAMENTS = new java.util.concurrent.atomic.AtomicInteger();
    /** Each test its own tournament: the in-memory journal outlives a test. */
    final String tid = "t" + TOURNAMENTS.incrementAndGet();
    final FakeTables tables = new FakeTables();

    /** The entry a participant id stands for (ids are name-based UUIDs of entry and seating). */
    static String entryOf(String participantId) {
        for (int e = 1; e <= 30; e++) {
            for (int seating = 1; seating <= 5; seating++) {
                if (DirectorDecider.participantId("e" + e, seating).equals(participantId)) {
                    return "e" + e;
                }
            }
        }
        return "?";
    }

    String table(int n) {
        return DirectorDecider.tableId(tid, n);
    }
    final FakeTournament tournament = new FakeTournament();
    final FakeWallets wallets = new FakeWallets();
    final TestProbe<TournamentDirector.Ack> acks = TESTKIT.createTestProbe();
    long tournamentSeq;
    final Map<String, Long> tableSeq = new HashMap<>();

    TournamentDirector.Steps steps() {
        return new TournamentDirector.Steps() {
            @Override
            public CompletionStage<TableEntity.Reply> table(String tableId, TableCommand command) {
                return tables.handle(tableId, command);
            }

            @Override
            public CompletionStage<Tournaments.Result> tournament(String tournamentId, TournamentCommand command) {
                return tournament.handle(command);
            }

            @Override
            public CompletionStage<WalletEntity.Reply> wallet(String userId, WalletCommand command) {
                return wallets.handle(userId, command);
            }
        };
    }

    ActorRef<TournamentDirector.Command> spawn(String id) {
        return TESTKIT.spawn(TournamentDirector.create(id, steps(), new TournamentDirector.Environment(
                Clock.fixed(NOW, ZoneOffset.UTC), new Random(7), Duration.ofSeconds(1)), self -> { }));
    }

    void deliver(ActorRef<TournamentDirector.Command> director, TournamentEvent event) {
        long seq = ++tournamentSeq;
        director.tell(new TournamentDirector.Deliver("Tournament|" + tid, seq, event, null, acks.getRef()));
        assertThat(acks.receiveMessage(Duration.ofSeconds(10)).sequenceNr()).isEqualTo(seq);
    }

    void deliver(ActorRef<TournamentDirector.Command> director, TableEvent.TournamentHandEnded event) {
        long seq = tableSeq.merge(event.tableId(), 1L, Long::sum);
        director.tell(new TournamentDirector.Deliver("Table|" + event.tableId(), seq, null, event, acks.getRef()));
        assertThat(acks.receiveMessage(Duration.ofSeconds(10)).sequenceNr()).isEqualTo(seq);
    }

    DirectorState state(ActorRef<TournamentDirector.Command> director) {
        TestProbe<DirectorState> probe = TESTKIT.createTestProbe();
        director.tell(new TournamentDirector.GetState(probe.getRef()));
        return probe.receiveMessage();
    }

    void started(ActorRef<TournamentDirector.Command> director, int seats, int entries, int paid) {
        deliver(director, new TournamentEvent.TournamentCreated(tid, new TournamentSettings("Sunday", 100, 10, 1_000,
                seats, 2, 100, null, false, List.of(new BlindLevel(10, 20, 0, 5)), 0, 0, 10), "admin", NOW));
        for (int i = 1; i <= entries; i++) {
            deliver(director, new TournamentEvent.PlayerRegistered(tid, "e" + i, "p" + i, 1, "tx-" + i, 100, 10,
                    false, NOW));
        }
        List<TournamentEvent.Payout> payouts = new ArrayList<>();
        for (int p = 1; p <= paid; p++) {
            payouts.add(new TournamentEvent.Payout(p, 100));
        }
        deliver(director, new TournamentEvent.TournamentStarted(tid, entries, entries * 100L, payouts, NOW));
        deliver(director, new TournamentEvent.LevelStarted(tid, 1, 10, 20, 0, NOW, NOW.plusSeconds(300)));
    }

    void awaitIdle(ActorRef<TournamentDirector.Command> director) {
        acks.awaitAssert(Duration.ofSeconds(10), () -> {
            assertThat(state(director).steps()).isEmpty();
            return null;
        });
    }

    @Test
    void seatsEveryEntryAtTheStartAndPermitsTheFirstHandEverywhere() {
        ActorRef<TournamentDirector.Command> director = spawn(tid);
        started(director, 9, 27, 4);
        awaitIdle(director);

        assertThat(tables.tables).hasSize(3).allSatisfy((id, seated) -> assertThat(seated).hasSize(9));
        for (int e = 1; e <= 27; e++) {
            assertThat(tables.seatsOf("e" + e)).hasSize(1);
        }
        assertThat(tables.count(TableCommand.PermitHand.class)).isEqualTo(3);
        assertThat(tournament.count(c -> c instanceof TournamentCommand.RecordSeating)).isEqualTo(27);
        assertThat(tables.chips()).isEqualTo(27_000);
        roundTrips(state(director), 9012);
    }

    @Test
    void eventsGoThroughTheirSerializer() {
        List<TableEvent.HandStack> stacks = List.of(new TableEvent.HandStack("e1-1", "p1", 1_000, 0));
        for (Object event : List.of(
                new DirectorEvent.TournamentEventReceived("Tournament|x", 3, new TournamentEvent.TournamentStarted("x",
                        2, 200, List.of(new TournamentEvent.Payout(1, 200)), NOW)),
                new DirectorEvent.HandEndedReceived("Table|x-1", 9, new TableEvent.TournamentHandEnded("x-1", "x", 4,
                        stacks, 3, 5)),
                new DirectorEvent.MoveStarted("m1", "e1", "p1", "x-1", "e1-1", "x-2", 4, "e1-2", "balance"),
                new DirectorEvent.MoveRemoved(7, "m1", 1_500),
                new DirectorEvent.HandsReported(List.of(new TournamentCommand.HandReport("x-1", 4,
                        List.of(new TournamentEvent.EntryStack("e2", 2_000)),
                        List.of(new TournamentCommand.Bust("e1", 1_000)))), NOW),
                new DirectorEvent.PrizePayoutStarted("e1", "p1", 300, "prize-x-e1"))) {
            roundTrips(event, 9011);
        }
    }

    /**
     * Table A answered the removal but the director never heard it (it crashed): the new incarnation asks
     * again, gets the same chips (a repeat answers the first outcome), and seats the entry at B once.
     */
    @Test
    void restartedBetweenRemovedFromTableAAndSeatedAtTableBTheEntryEndsSeatedOnceWithItsChips() {
        ActorRef<TournamentDirector.Command> director = spawn(tid);
        started(director, 6, 12, 2);
        awaitIdle(director);
        String a = table(1);
        String b = table(2);
        List<String> atA = tables.tables.get(a).keySet().stream().sorted().toList();
        deliver(director, tables.handEnded(a, 1, atA.subList(0, 3)));
        awaitIdle(director);
        assertThat(tables.permits(a, 2)).isEqualTo(1);

        tables.hang = c -> c instanceof TableCommand.RemoveEntry;
        deliver(director, tables.handEnded(b, 1, List.of()));
        acks.awaitAssert(() -> assertThat(tables.count(TableCommand.RemoveEntry.class)).isEqualTo(1));
        TableCommand.RemoveEntry removal = (TableCommand.RemoveEntry) tables.received.stream()
                .filter(c -> c instanceof TableCommand.RemoveEntry).findFirst().orElseThrow();
        String entry = entryOf(removal.participantId());
        long chips = tables.removed.get(removal.participantId()).chipsReturned();
        assertThat(tables.seatsOf(entry)).isEmpty(); // in flight: at no table
        TESTKIT.stop(director);

        tables.hang = c -> false;
        ActorRef<TournamentDirector.Command> again = spawn(tid);
        awaitIdle(again);

        assertThat(tables.seatsOf(entry)).containsExactly(new FakeTables.Seat(a, seatAt(a, entry), chips));
        assertThat(tables.count(TableCommand.RemoveEntry.class)).isEqualTo(2);
        // seated at B once, as its second seating, with the chips A gave
        assertThat(tables.received.stream().filter(c -> c instanceof TableCommand.SeatEntry s
                && s.participantId().equals(DirectorDecider.participantId(entry, 2)))).containsExactly(
                new TableCommand.SeatEntry(DirectorDecider.participantId(entry, 2), "p" + entry.substring(1), chips,
                        seatAt(a, entry)));
        assertThat(tournament.received).contains(new TournamentCommand.RecordMove(entry, b, a, seatAt(a, entry), chips,
                "balance"));
        DirectorState state = state(again);
        assertThat(state.moves()).isEmpty();
        assertThat(state.entries().get(entry).status()).isEqualTo(DirectorState.EntryStatus.SEATED);
        assertThat(tables.tables.get(a)).hasSize(4);
        assertThat(tables.tables.get(b)).hasSize(5);
        assertThat(tables.chips()).isEqualTo(12_000);
        // both tables deal their next hand, B only after the move
        assertThat(tables.permits(b, 2)).isEqualTo(1);
        for (int e = 1; e <= 12; e++) {
            assertThat(tables.seatsOf("e" + e)).hasSizeLessThanOrEqualTo(1);
        }
    }

    private int seatAt(String tableId, String entry) {
        return tables.tables.get(tableId).entrySet().stream().filter(e -> entryOf(e.getKey()).equals(entry))
                .findFirst().orElseThrow().getValue().seat();
    }

    /**
     * Killed while paying: one credit done at the wallet but its answer lost, another credited and its
     * record at the tournament unanswered (the tournament's later records wait behind it: one lane). After
     * the restart each prize is credited once and recorded.
     */
    @Test
    void restartedInTheMiddleOfPayingPrizesPaysEachPrizeOnce() {
        ActorRef<TournamentDirector.Command> director = spawn(tid);
        started(director, 9, 9, 3);
        awaitIdle(director);
        wallets.hang = c -> c.transactionId().equals("prize-" + tid + "-e3");
        tournament.hang = c -> c instanceof TournamentCommand.RecordPrizePaid r && r.entryId().equals("e4");

        deliver(director, new TournamentEvent.PlayerEliminated(tid, "e3", "p3", 3, 1, 500, table(1), 9, 100));
        deliver(director, new TournamentEvent.PlayerEliminated(tid, "e4", "p4", 2, 1, 500, table(1), 10, 200));
        deliver(director, new TournamentEvent.TournamentFinished(tid, "e5", "p5", 600, NOW));
        acks.awaitAssert(() -> {
            assertThat(wallets.sent("prize-" + tid + "-e3")).isEqualTo(1);
            assertThat(tournament.count(c -> c instanceof TournamentCommand.RecordPrizePaid r
                    && r.entryId().equals("e4"))).isPositive();
            return null;
        });
        TESTKIT.stop(director);

        wallets.hang = c -> false;
        tournament.hang = c -> false;
        ActorRef<TournamentDirector.Command> again = spawn(tid);
        awaitIdle(again);

        for (String e : List.of("e3", "e4", "e5")) {
            assertThat(wallets.credited("prize-" + tid + "-" + e)).as(e).isEqualTo(1);
            assertThat(tournament.received).contains(new TournamentCommand.RecordPrizePaid(e, "prize-" + tid + "-" + e));
        }
        assertThat(wallets.sent("prize-" + tid + "-e3")).isEqualTo(2); // asked again, paid once (idempotent by txid)
        assertThat(wallets.sent("prize-" + tid + "-e4")).isEqualTo(1); // its credit was recorded: not asked again
        assertThat(wallets.received).allMatch(c -> c instanceof WalletCommand.CreditPrize);
        assertThat(wallets.received.stream().map(c -> ((WalletCommand.CreditPrize) c).amount()).distinct())
                .containsExactlyInAnyOrder(100L, 200L, 600L);
        DirectorState state = state(again);
        assertThat(state.done()).isTrue();
        assertThat(tables.count(TableCommand.CloseTable.class)).isPositive(); // the one table left, maybe again after the restart
        roundTrips(state, 9012);
    }

    @Test
    void aRepeatedDeliveryIsAcknowledgedAndChangesNothing() {
        ActorRef<TournamentDirector.Command> director = spawn(tid);
        started(director, 9, 9, 3);
        awaitIdle(director);
        DirectorState before = state(director);

        director.tell(new TournamentDirector.Deliver("Tournament|" + tid, 3, new TournamentEvent.PlayerRegistered(tid,
                "e99", "p99", 1, "tx-99", 100, 10, true, NOW), null, acks.getRef()));
        assertThat(acks.receiveMessage().sequenceNr()).isEqualTo(3);

        assertThat(state(director)).isEqualTo(before);
    }

    @Test
    void aStepThatFailsIsRetriedUntilItIsAnswered() {
        ActorRef<TournamentDirector.Command> director = spawn(tid);
        int[] failures = {0};
        tables.hang = c -> c instanceof TableCommand.CreateTable && failures[0]++ < 2;
        started(director, 9, 9, 3);
        // the first two CreateTable never answer: each times out (1 s here) and goes again
        awaitIdleLong(director);
        assertThat(tables.count(TableCommand.CreateTable.class)).isEqualTo(3);
        assertThat(tables.permits(table(1), 1)).isEqualTo(1);
    }

    void awaitIdleLong(ActorRef<TournamentDirector.Command> director) {
        acks.awaitAssert(Duration.ofSeconds(20), () -> {
            assertThat(state(director).steps()).isEmpty();
            return null;
        });
    }

    /** The state and events go through the configured serializers (type names, no class names). */
    private static void roundTrips(Object value, int serializerId) {
        Serialization serialization = SerializationExtension.get(TESTKIT.system());
        var serializer = serialization.findSerializerFor(value);
        byte[] bytes = serializer.toBinary(value);
        Object back = serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer,
                value)).get();
        assertThat(back).isEqualTo(value);
        assertThat(serializer.identifier()).isEqualTo(serializerId);
    }
}
