package poker.domain.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static poker.domain.tournament.DirectorHarness.TID;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import poker.domain.table.TableCommand;
import poker.domain.table.TableEvent;
import poker.domain.tournament.DirectorState.EntryStatus;
import poker.domain.tournament.DirectorState.Payment;
import poker.domain.tournament.DirectorState.TableStatus;
import poker.domain.wallet.WalletCommand;

/** The director's decisions, given/when/then, with the harness playing tables, tournament and wallets. */
class DirectorDeciderTest {

    @Test
    void twentySevenEntriesStartAtThreeTablesOfNineEachSeatedOnceThenEveryTableGetsHandOne() {
        DirectorHarness h = new DirectorHarness(1);
        h.start(9, 27, 4);

        DirectorEvent.TablesOpened opened = h.events(DirectorEvent.TablesOpened.class).get(0);
        assertThat(opened.tables()).extracting(DirectorEvent.OpenedTable::tableId)
                .containsExactly(h.tableOf(1), h.tableOf(2), h.tableOf(3));
        assertThat(opened.tables().get(0).settings().tournamentId()).isEqualTo(TID);
        assertThat(opened.tables().get(0).settings().maxSeats()).isEqualTo(9);
        List<DirectorEvent.SeatDrawn> seats = h.events(DirectorEvent.EntriesSeated.class).get(0).seats();
        assertThat(seats).hasSize(27);
        assertThat(seats.stream().map(DirectorEvent.SeatDrawn::entryId).distinct()).hasSize(27);
        assertThat(seats.stream().map(s -> s.tableId() + "/" + s.seatNumber()).distinct()).hasSize(27);
        assertThat(seats).allMatch(s -> s.chips() == 1_000 && s.seatNumber() >= 1 && s.seatNumber() <= 9);
        assertThat(h.tableSizes()).containsExactly(9, 9, 9);

        List<DirectorStep> sent = h.answerAll();
        // per table: created, then seated, then permitted; the tournament records each table and seat
        for (String table : List.of(h.tableOf(1), h.tableOf(2), h.tableOf(3))) {
            List<TableCommand> toTable = sent.stream()
                    .filter(s -> s.target() instanceof DirectorStep.ToTable t && t.tableId().equals(table))
                    .map(s -> ((DirectorStep.ToTable) s.target()).command()).toList();
            assertThat(toTable.get(0)).isInstanceOf(TableCommand.CreateTable.class);
            assertThat(toTable.subList(1, 10)).allMatch(c -> c instanceof TableCommand.SeatEntry);
            assertThat(toTable.get(10)).isEqualTo(new TableCommand.PermitHand(1, 1, 10, 20, 0));
            assertThat(toTable).hasSize(11);
        }
        assertThat(h.answered(DirectorStep.OpenTable.class)).hasSize(3);
        assertThat(h.answered(DirectorStep.RecordSeating.class)).hasSize(27);
        assertThat(h.state.steps()).isEmpty();
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        DirectorHarness h = new DirectorHarness(2);
        h.start(9, 27, 4);
        DirectorState before = h.state;

        List<DirectorEvent> again = h.feed(new DirectorInput.FromTournament("Tournament|t1", 2,
                new TournamentEvent.PlayerRegistered(TID, "e1", "p1", 1, "tx-1", 100, 10, false,
                        DirectorHarness.NOW)));

        assertThat(again).isEmpty();
        assertThat(h.state).isEqualTo(before);
    }

    @Test
    void anEchoOfItsOwnDecisionIsNotStored() {
        DirectorHarness h = new DirectorHarness(2);
        h.start(9, 27, 4);
        assertThat(h.tournament(new TournamentEvent.TableOpened(TID, h.tableOf(1), 1))).isEmpty();
    }

    @Test
    void bustsAtOneTableBringABalancingMoveFromAFullTableWithTheChipsItLeftWith() {
        DirectorHarness h = new DirectorHarness(3);
        h.start(9, 27, 4);
        h.answerAll();
        String a = h.tableOf(1);
        List<String> atA = h.entriesAt(a);

        List<DirectorEvent> decided = h.handEnded(a, List.of(atA.get(1), atA.get(2)));
        DirectorEvent.HandsReported report = (DirectorEvent.HandsReported) decided.stream()
                .filter(e -> e instanceof DirectorEvent.HandsReported).findFirst().orElseThrow();
        assertThat(report.hands()).hasSize(1);
        assertThat(report.hands().get(0).busts()).extracting(TournamentCommand.Bust::entryId)
                .containsExactlyInAnyOrder(atA.get(1), atA.get(2));
        assertThat(report.hands().get(0).busts()).allMatch(b -> b.stackAtHandStart() == 1_000);
        h.answerAll();
        assertThat(h.tableSizes()).containsExactly(7, 9, 9);

        // the full tables finish their hand: a move from one of them to the short table
        h.handEnded(h.tableOf(2), List.of());
        h.answerAll();
        h.handEnded(h.tableOf(3), List.of());
        h.answerAll();

        List<DirectorEvent.MoveStarted> moves = h.events(DirectorEvent.MoveStarted.class);
        assertThat(moves).hasSize(1);
        DirectorEvent.MoveStarted move = moves.get(0);
        assertThat(move.toTable()).isEqualTo(a);
        assertThat(move.reason()).isEqualTo("balance");
        assertThat(h.tableSizes()).containsExactlyInAnyOrder(8, 8, 9);
        // removed at the old table, then seated at the new one with the chips the removal gave
        DirectorEvent.MoveRemoved removed = h.events(DirectorEvent.MoveRemoved.class).get(0);
        DirectorStep.SeatEntry seated = h.answered(DirectorStep.SeatEntry.class).stream()
                .filter(s -> move.moveId().equals(s.moveId())).findFirst().orElseThrow();
        assertThat(seated.chips()).isEqualTo(removed.chips()).isEqualTo(1_000);
        assertThat(seated.participantId()).isEqualTo(DirectorDecider.participantId(move.entryId(), 2));
        DirectorStep.RecordMove recorded = h.answered(DirectorStep.RecordMove.class).get(0);
        assertThat(recorded.entryId()).isEqualTo(move.entryId());
        assertThat(recorded.chips()).isEqualTo(1_000);
        assertThat(h.state.entries().get(move.entryId()).status()).isEqualTo(EntryStatus.SEATED);
        assertThat(h.state.moves()).isEmpty();
        chipsConserved(h, 27);
    }

    /** 27 entries at three tables of 9; five bust at the first table in hand 1, the others still in theirs. */
    private static DirectorHarness fiveBustAtTheFirstOfThreeFullTables() {
        DirectorHarness h = new DirectorHarness(3);
        h.start(9, 27, 4);
        h.answerAll();
        h.handEnded(h.tableOf(1), h.entriesAt(h.tableOf(1)).subList(1, 6));
        h.answerAll();
        return h;
    }

    @Test
    void whileTheLargestTableIsInAHandAnotherTableTooFarOverTheShortestGivesThePlayerInsteadOfDealing() {
        DirectorHarness h = fiveBustAtTheFirstOfThreeFullTables();
        String a = h.tableOf(1);
        String b = h.tableOf(2);
        String c = h.tableOf(3);
        assertThat(h.tableSizes()).as("B and C still in their first hand").containsExactly(4, 9, 9);

        h.handEnded(b, h.entriesAt(b).subList(1, 3));

        assertThat(h.state.tables().get(c).playing()).as("C, the largest, is still in its hand").isTrue();
        List<DirectorEvent.MoveStarted> moves = h.events(DirectorEvent.MoveStarted.class);
        assertThat(moves).as("B, 7 against A's 4, gives a player").hasSize(1);
        assertThat(moves.get(0).fromTable()).isEqualTo(b);
        assertThat(moves.get(0).toTable()).isEqualTo(a);
        h.answerAll();
        assertThat(h.tableSizes()).containsExactly(5, 6, 9);
        assertThat(h.permitsTo(b)).extracting(DirectorEvent.Permit::handNumber).as("B's second hand, after the move only")
                .containsExactly(1L, 2L);
        chipsConserved(h, 27);
    }

    @Test
    void aTableTooFarOverTheShortestDealsNoHandWhileAnotherMoveIsInFlight() {
        DirectorHarness h = fiveBustAtTheFirstOfThreeFullTables();
        String a = h.tableOf(1);
        String b = h.tableOf(2);
        String c = h.tableOf(3);
        h.handEnded(c, List.of());
        assertThat(h.events(DirectorEvent.MoveStarted.class)).as("C gives a player to A")
                .extracting(DirectorEvent.MoveStarted::fromTable, DirectorEvent.MoveStarted::toTable)
                .containsExactly(tuple(c, a));

        h.handEnded(b, h.entriesAt(b).subList(1, 3));

        assertThat(h.state.moves()).as("C's move not answered yet: one structural change at a time").hasSize(1);
        assertThat(h.permitsTo(b)).extracting(DirectorEvent.Permit::handNumber).as("B, 7 against A's 5: held")
                .doesNotContain(2L);
        h.answerAll();
        assertThat(h.tableSizes()).as("then C, the largest again and between hands, gives another; B deals")
                .containsExactly(6, 7, 7);
        assertThat(h.permitsTo(b)).extracting(DirectorEvent.Permit::handNumber).containsOnlyOnce(2L);
        chipsConserved(h, 27);
    }

    @Test
    void aTableBreaksAsSoonAsTheRestFitAndClosesAfterItsPlayersAreSeatedElsewhere() {
        DirectorHarness h = new DirectorHarness(4);
        h.start(6, 12, 2);
        h.answerAll();
        assertThat(h.tableSizes()).containsExactly(6, 6);
        String a = h.tableOf(1);
        String b = h.tableOf(2);
        List<String> atA = h.entriesAt(a);
        List<String> atB = h.entriesAt(b);

        h.handEnded(a, atA.subList(0, 3));
        h.answerAll();
        h.handEnded(b, atB.subList(0, 3));
        h.answerAll();
        if (h.events(DirectorEvent.TableBreakStarted.class).isEmpty()) {
            // the table drawn to break was still playing: it breaks after its hand
            h.handEnded(a, List.of());
            h.answerAll();
        }

        DirectorEvent.TableBreakStarted broken = h.events(DirectorEvent.TableBreakStarted.class).get(0);
        List<DirectorEvent.MoveStarted> moves = h.events(DirectorEvent.MoveStarted.class);
        assertThat(moves).hasSize(3).allMatch(m -> m.fromTable().equals(broken.tableId())
                && m.reason().equals("table_broken") && !m.toTable().equals(broken.tableId()));
        assertThat(h.events(DirectorEvent.TableBroken.class)).extracting(DirectorEvent.TableBroken::tableId)
                .containsExactly(broken.tableId());
        assertThat(h.state.tables().get(broken.tableId()).status()).isEqualTo(TableStatus.CLOSED);
        assertThat(h.answered(DirectorStep.CloseTable.class)).extracting(DirectorStep.CloseTable::tableId)
                .containsExactly(broken.tableId());
        assertThat(h.answered(DirectorStep.RecordTableBroken.class)).hasSize(1);
        // the break is recorded after the moves
        int lastMove = lastIndexOf(h.answered, DirectorStep.RecordMove.class);
        assertThat(h.answered.indexOf(h.answered(DirectorStep.RecordTableBroken.class).get(0))).isGreaterThan(lastMove);
        assertThat(h.tableSizes()).containsExactly(6);
        chipsConserved(h, 12);
        // the table left plays on
        String left = h.state.liveTables().get(0).tableId();
        assertThat(h.state.tables().get(left).playing()).isTrue();
    }

    @Test
    void handForHandHoldsEveryPermitUntilTheRoundIsOverAndReportsTheRoundInOneCommand() {
        DirectorHarness h = new DirectorHarness(5);
        // 26 places paid of 27: the bubble is on from the first hand
        h.start(9, 27, 26);
        h.answerAll();
        assertThat(h.state.handForHand()).isTrue();
        assertThat(h.answered(DirectorStep.SetHandForHand.class)).extracting(DirectorStep.SetHandForHand::on)
                .containsExactly(true);
        List<String> atA = h.entriesAt(h.tableOf(1));
        List<String> atC = h.entriesAt(h.tableOf(3));

        List<DirectorEvent> afterA = h.handEnded(h.tableOf(1), List.of(atA.get(0)));
        assertThat(afterA).noneMatch(e -> e instanceof DirectorEvent.HandsReported
                || e instanceof DirectorEvent.HandsPermitted);
        List<DirectorEvent> afterB = h.handEnded(h.tableOf(2), List.of());
        assertThat(afterB).noneMatch(e -> e instanceof DirectorEvent.HandsReported
                || e instanceof DirectorEvent.HandsPermitted);
        List<DirectorEvent> afterC = h.handEnded(h.tableOf(3), List.of(atC.get(0)));

        DirectorEvent.HandsReported round = afterC.stream().filter(e -> e instanceof DirectorEvent.HandsReported)
                .map(DirectorEvent.HandsReported.class::cast).findFirst().orElseThrow();
        assertThat(round.hands()).extracting(TournamentCommand.HandReport::tableId)
                .containsExactlyInAnyOrder(h.tableOf(1), h.tableOf(2), h.tableOf(3));
        assertThat(round.hands().stream().flatMap(r -> r.busts().stream()).map(TournamentCommand.Bust::entryId))
                .containsExactlyInAnyOrder(atA.get(0), atC.get(0));
        // 25 left, 26 paid: the bubble has burst, hand-for-hand ends, then every table gets hand 2
        h.answerAll();
        assertThat(h.state.handForHand()).isFalse();
        assertThat(h.answered(DirectorStep.SetHandForHand.class)).extracting(DirectorStep.SetHandForHand::on)
                .containsExactly(true, false);
        assertThat(h.answered(DirectorStep.PermitHand.class).stream().filter(p -> p.handNumber() == 2)
                .map(DirectorStep.PermitHand::tableId)).containsExactlyInAnyOrder(h.tableOf(1), h.tableOf(2),
                h.tableOf(3));
        assertThat(h.answered(DirectorStep.ReportHands.class)).hasSize(1);
    }

    @Test
    void aPermitCarriesTheLevelCurrentWhenItIsIssued() {
        DirectorHarness h = new DirectorHarness(6);
        h.start(9, 27, 4);
        h.answerAll();
        h.tournament(new TournamentEvent.LevelStarted(TID, 2, 20, 40, 5, DirectorHarness.NOW,
                DirectorHarness.NOW.plusSeconds(300)));
        h.handEnded(h.tableOf(1), List.of());
        h.answerAll();

        DirectorStep.PermitHand next = h.answered(DirectorStep.PermitHand.class).stream()
                .filter(p -> p.handNumber() == 2).findFirst().orElseThrow();
        assertThat(next.tableId()).isEqualTo(h.tableOf(1));
        assertThat(List.of(next.level(), next.smallBlind(), next.bigBlind(), next.ante()))
                .containsExactly(2, 20L, 40L, 5L);
    }

    @Test
    void aLateEntryIsSeatedAtTheShortestTable() {
        DirectorHarness h = new DirectorHarness(7);
        h.start(9, 25, 4);
        h.answerAll();
        assertThat(h.tableSizes()).containsExactlyInAnyOrder(9, 8, 8);

        h.register(26, true);
        h.answerAll();

        DirectorEvent.EntriesSeated late = h.events(DirectorEvent.EntriesSeated.class).get(1);
        assertThat(late.reason()).isEqualTo("late");
        assertThat(late.seats()).hasSize(1);
        assertThat(h.tableSizes()).containsExactlyInAnyOrder(9, 9, 8);
        assertThat(h.state.entries().get("e26").status()).isEqualTo(EntryStatus.SEATED);
        assertThat(h.answered(DirectorStep.RecordSeating.class)).hasSize(26);
    }

    @Test
    void prizesArePaidOnceEachThenRecordedAndTheTablesCloseAtTheFinish() {
        DirectorHarness h = new DirectorHarness(8);
        h.start(9, 27, 4);
        h.answerAll();
        h.tournament(new TournamentEvent.PlayerEliminated(TID, "e3", "p3", 2, 1, 500, h.tableOf(1), 40, 300));
        h.tournament(new TournamentEvent.TournamentFinished(TID, "e5", "p5", 700, DirectorHarness.NOW));
        // a redelivery of the elimination (same content, later position after a replay elsewhere) pays nothing
        h.tournament(new TournamentEvent.PlayerEliminated(TID, "e3", "p3", 2, 1, 500, h.tableOf(1), 40, 300));
        h.answerAll();

        List<WalletCommand> credits = h.answered.stream()
                .filter(s -> s.target() instanceof DirectorStep.ToWallet)
                .map(s -> ((DirectorStep.ToWallet) s.target()).command()).toList();
        assertThat(credits).containsExactlyInAnyOrder(
                new WalletCommand.CreditPrize("prize-t1-e3", TID, 300),
                new WalletCommand.CreditPrize("prize-t1-e5", TID, 700));
        assertThat(h.answered(DirectorStep.RecordPrizePaid.class)).extracting(DirectorStep.RecordPrizePaid::entryId)
                .containsExactlyInAnyOrder("e3", "e5");
        // each recorded only after its credit
        for (String entry : List.of("e3", "e5")) {
            int credit = indexOf(h.answered, s -> s instanceof DirectorStep.CreditPrize c && c.entryId().equals(entry));
            int record = indexOf(h.answered, s -> s instanceof DirectorStep.RecordPrizePaid r
                    && r.entryId().equals(entry));
            assertThat(record).isGreaterThan(credit);
        }
        assertThat(h.state.entries().get("e3").prizePayment()).isEqualTo(Payment.DONE);
        assertThat(h.answered(DirectorStep.CloseTable.class)).hasSize(3);
        assertThat(h.state.done()).isTrue();
    }

    @Test
    void aRefusedCreditIsTriedAgainWithTheSameTransactionId() {
        DirectorHarness h = new DirectorHarness(9);
        h.start(9, 27, 4);
        h.answerAll();
        h.tournament(new TournamentEvent.TournamentFinished(TID, "e5", "p5", 700, DirectorHarness.NOW));
        DirectorStep credit = h.state.sendable().stream().filter(s -> s instanceof DirectorStep.CreditPrize)
                .findFirst().orElseThrow();

        assertThat(h.feed(new DirectorInput.StepReplied(credit.id(), new DirectorInput.Refused("wallet_not_found",
                "no")))).isEmpty();
        assertThat(h.state.step(credit.id())).contains(credit);
    }

    @Test
    void aCancelledTournamentRefundsEveryEntryThatPaidOnce() {
        DirectorHarness h = new DirectorHarness(10);
        h.tournament(new TournamentEvent.TournamentCreated(TID, DirectorHarness.settings(9), "admin",
                DirectorHarness.NOW));
        h.register(1, false);
        h.register(2, false);
        h.register(3, false);
        h.tournament(new TournamentEvent.PlayerUnregistered(TID, "e2", "p2", 110, DirectorHarness.NOW));
        h.tournament(new TournamentEvent.TournamentCancelled(TID, "not_enough_players", DirectorHarness.NOW));
        h.answerAll();

        List<WalletCommand> refunds = h.answered.stream().filter(s -> s.target() instanceof DirectorStep.ToWallet)
                .map(s -> ((DirectorStep.ToWallet) s.target()).command()).toList();
        assertThat(refunds).containsExactlyInAnyOrder(
                new WalletCommand.RefundTournamentEntry("refund-t1-e1", "tx-1", TID, "e1", 110,
                        "tournament_cancelled"),
                new WalletCommand.RefundTournamentEntry("refund-t1-e3", "tx-3", TID, "e3", 110,
                        "tournament_cancelled"));
        assertThat(h.state.entries().get("e1").refund()).isEqualTo(Payment.DONE);
        assertThat(h.events(DirectorEvent.TablesOpened.class)).isEmpty();
        assertThat(h.state.done()).isTrue();
    }

    @Test
    void aTableThatExistsAlreadyCountsAsCreated() {
        DirectorHarness h = new DirectorHarness(11);
        h.answers = step -> step instanceof DirectorStep.CreateTable
                ? new DirectorInput.Refused("table_exists", "exists") : null;
        h.start(9, 27, 4);
        h.answerAll();
        assertThat(h.state.steps()).isEmpty();
        assertThat(h.answered(DirectorStep.PermitHand.class)).hasSize(3);
    }

    /**
     * A whole tournament against the harness: random busts at whichever table ends a hand, until one entry
     * is left. After every step: no entry at two tables (the harness throws), chips conserved, and at
     * every point where no move is in flight and no table breaks, open tables within one player.
     */
    @Test
    void aWholeTournamentKeepsEveryEntryOnceAndTheTablesBalanced() {
        for (long seed = 1; seed <= 20; seed++) {
            DirectorHarness h = new DirectorHarness(seed);
            int field = 27;
            h.start(9, field, 4);
            h.answerAll();
            java.util.Random play = new java.util.Random(seed * 31);
            int hands = 0;
            while (h.state.remaining() > 1 && hands < 5_000) {
                List<DirectorState.Table> playing = h.state.tables().values().stream()
                        .filter(DirectorState.Table::playing).toList();
                assertThat(playing).as("seed %d: some table plays", seed).isNotEmpty();
                DirectorState.Table t = playing.get(play.nextInt(playing.size()));
                List<String> at = new ArrayList<>(t.seated().values());
                List<String> busted = new ArrayList<>();
                if (play.nextInt(3) == 0) {
                    busted.add(at.get(play.nextInt(at.size())));
                    if (at.size() > 2 && play.nextInt(4) == 0) {
                        at.remove(busted.get(0));
                        busted.add(at.get(play.nextInt(at.size())));
                    }
                }
                h.handEnded(t.tableId(), busted);
                hands++;
                h.answerAll();
                chipsConserved(h, field);
                if (h.state.moves().isEmpty() && h.state.tables().values().stream()
                        .noneMatch(x -> x.status() == TableStatus.BREAKING) && h.state.remaining() > 1) {
                    List<Integer> sizes = h.tableSizes();
                    boolean someoneWaitsToMove = sizes.stream().mapToInt(i -> i).max().orElse(0)
                            - sizes.stream().mapToInt(i -> i).min().orElse(0) > 1;
                    if (someoneWaitsToMove) {
                        // only while the table to move from is still in its hand
                        assertThat(h.state.tables().values().stream().anyMatch(DirectorState.Table::playing))
                                .as("seed %d: unbalanced %s with no hand in play", seed, sizes).isTrue();
                    }
                }
                int fitIn = (h.state.remaining() + 8) / 9;
                long open = h.state.tables().values().stream().filter(x -> x.status() == TableStatus.OPEN).count();
                if (open > fitIn) {
                    assertThat(h.state.tables().values().stream().anyMatch(DirectorState.Table::playing))
                            .as("seed %d: %d tables for %d players with no hand in play", seed, open,
                                    h.state.remaining()).isTrue();
                }
            }
            assertThat(h.state.remaining()).as("seed %d", seed).isEqualTo(1);
            assertThat(h.state.liveTables()).hasSize(1);
            Set<String> seatedOnce = new HashSet<>(h.seatedAt.keySet());
            assertThat(seatedOnce).hasSize(1);
        }
    }

    private static void chipsConserved(DirectorHarness h, int field) {
        Map<String, Long> byEntry = new HashMap<>();
        for (var e : h.tableChips.entrySet()) {
            if (h.seatedAt.containsKey(e.getKey())) {
                byEntry.merge(e.getKey(), e.getValue(), Long::sum);
            }
        }
        long inMoves = h.state.moves().values().stream()
                .filter(m -> m.chips() != null && !h.seatedAt.containsKey(m.toParticipant()))
                .mapToLong(DirectorState.Move::chips).sum();
        assertThat(byEntry.values().stream().mapToLong(Long::longValue).sum() + inMoves)
                .isEqualTo(field * 1_000L);
    }

    private static int lastIndexOf(List<DirectorStep> steps, Class<?> type) {
        int last = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (type.isInstance(steps.get(i))) {
                last = i;
            }
        }
        return last;
    }

    private static int indexOf(List<DirectorStep> steps, java.util.function.Predicate<DirectorStep> p) {
        for (int i = 0; i < steps.size(); i++) {
            if (p.test(steps.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unused")
    private static TableEvent.HandStack stack(String participant, long start, long end) {
        return new TableEvent.HandStack(participant, "p", start, end);
    }
}
