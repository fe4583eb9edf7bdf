package poker.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.DirectorDecider;
import poker.domain.tournament.DirectorEvent;
import poker.domain.tournament.DirectorInput;
import poker.domain.tournament.DirectorState;
import poker.domain.tournament.DirectorStep;
import poker.domain.tournament.EntryEvent;
import poker.domain.tournament.EntryState;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentSettings;
import poker.domain.tournament.TournamentState;
import poker.domain.wallet.BuyInEvent;
import poker.domain.wallet.BuyInState;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletState;

/**
 * The instances behind the golden files of {@code src/test/resources/golden/events}: realistic events and
 * snapshot states of every persisted type, built from fixed ids and times (and, where the domain can make
 * them, by the deciders themselves: a hand played to showdown, a director starting a tournament), so that
 * the same instance comes out on every run.
 *
 * <p>A golden file is named after the instance's stored type: {@code <TypeName>.json} for a payload as the
 * journal stores it without a version in its manifest, {@code <TypeName>.v<N>.json} for one stored at
 * version N of its serializer's {@code JacksonMigration}. A {@code HandProgressed} is named after the hand
 * fact it carries too ({@code HandProgressed-BetPlaced.json}). Each file reads back as {@link Golden#expected}.
 */
final class GoldenEvents {

    /**
     * One golden file: {@code binding} is the serializer (and folder) name, {@code file} the file name,
     * {@code expected} what today's code must read from it. {@code current}: the file holds exactly what
     * today's serializer writes for {@code expected} (one per type); an older shape is kept, not current.
     */
    record Golden(String binding, String file, Object expected, boolean current) {
        String path() {
            return binding + "/" + file;
        }

        /** The serializer version in the file name: 1 without one. */
        int version() {
            int v = file.lastIndexOf(".v");
            return v < 0 ? 1 : Integer.parseInt(file.substring(v + 2, file.length() - ".json".length()));
        }
    }

    static final Instant T0 = Instant.parse("2026-03-14T19:30:00Z");
    static final String TABLE = "0b1d7e2a-5c4f-4a8e-9d3b-6f2e1c0a9b87";
    static final String TOURNAMENT_TABLE = "7d3c1a90-2b64-4f1e-8a57-c0e9d2b4f613";
    static final String TOURNAMENT = "5f0e8c2d-91a4-4b7e-b6c3-2d8a7f1e0c45";
    static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    static final String CARL = "ca710000-0000-4000-8000-000000000003";
    static final String P_ALICE = "9a11ce00-0000-4000-8000-000000000001";
    static final String P_BOB = "9b0b0000-0000-4000-8000-000000000002";
    static final String P_CARL = "9ca71000-0000-4000-8000-000000000003";
    static final String E_ALICE = "e0a11ce0-0000-4000-8000-000000000001";
    static final String E_BOB = "e0b0b000-0000-4000-8000-000000000002";
    static final String E_CARL = "e0ca7100-0000-4000-8000-000000000003";
    static final String CREATOR = "c4ea7040-0000-4000-8000-00000000000c";
    static final String BUY_IN = "b1a1b1a1-0000-4000-8000-0000000000b1";
    static final String TX1 = "7a000000-0000-4000-8000-000000000001";
    static final String TX2 = "7a000000-0000-4000-8000-000000000002";
    static final String TX3 = "7a000000-0000-4000-8000-000000000003";
    static final TableSettings CASH = new TableSettings("Pasadena 1/2", 1, 2, 6, 40, 200, 20);
    static final TableSettings TOURNEY_TABLE = new TableSettings("Sunday Million #1", 10, 20, 9, 0, 0, 15,
            TOURNAMENT);
    static final TournamentSettings SUNDAY = new TournamentSettings("Sunday Million", 100, 10, 1500, 9, 2, 90,
            T0.plusSeconds(3600), false, List.of(new BlindLevel(10, 20, 0, 10), new BlindLevel(20, 40, 5, 10),
            new BlindLevel(50, 100, 10, 10)), 2, 1, 15);

    private GoldenEvents() {
    }

    static List<Golden> all() {
        List<Golden> all = new ArrayList<>();
        table(all);
        wallet(all);
        buyIn(all);
        tournament(all);
        entry(all);
        director(all);
        return all;
    }

    // --- tables ---

    /** A cash table with three players, one hand played to showdown by the decider, the second one begun. */
    static final class PlayedTable {
        final List<TableEvent> events = new ArrayList<>();
        TableState state = TableState.empty(TABLE);
        Instant now = T0;

        void record(List<TableEvent> decided) {
            for (TableEvent e : decided) {
                state = state.apply(e);
                events.add(e);
            }
        }

        void accept(Decision<TableEvent> decision) {
            if (!(decision instanceof Decision.Accepted<TableEvent>)) {
                throw new IllegalStateException("refused: " + decision);
            }
            record(decision.eventsOrThrow());
        }

        void deal(long seed) {
            List<Card> deck = Deck.shuffled(new Random(seed));
            List<String> salts = DeckCommitment.newSalts(new Random(seed + 1));
            accept(TableDecider.startHand(state, deck, salts, now));
        }

        /** The player on turn checks when they may, else calls. */
        void checkOrCall() {
            String player = state.seat(state.clock().seatNumber()).orElseThrow().playerId();
            long hand = state.hand().handNumber();
            now = now.plusSeconds(4);
            Decision<TableEvent> check = TableDecider.decide(state,
                    new TableCommand.Act(player, hand, ActionType.CHECK, 0), now);
            accept(check instanceof Decision.Accepted<TableEvent> ? check
                    : TableDecider.decide(state, new TableCommand.Act(player, hand, ActionType.CALL, 0), now));
        }

        void act(ActionType action, long amount) {
            String player = state.seat(state.clock().seatNumber()).orElseThrow().playerId();
            now = now.plusSeconds(3);
            accept(TableDecider.decide(state,
                    new TableCommand.Act(player, state.hand().handNumber(), action, amount), now));
        }
    }

    static PlayedTable playedTable() {
        PlayedTable t = new PlayedTable();
        t.record(List.of(new TableEvent.TableCreated(TABLE, CASH, CREATOR, T0)));
        t.accept(TableDecider.decide(t.state, new TableCommand.JoinParticipant(P_ALICE, ALICE, 200, 1, false), T0));
        t.accept(TableDecider.decide(t.state, new TableCommand.JoinParticipant(P_BOB, BOB, 150, 3, false), T0));
        t.accept(TableDecider.decide(t.state, new TableCommand.JoinParticipant(P_CARL, CARL, 180, 5, true), T0));
        t.deal(20260314L);
        t.act(ActionType.RAISE, 6);
        while (t.state.handLive()) {
            t.checkOrCall();
        }
        t.now = t.now.plusSeconds(10);
        t.deal(20260315L);
        t.checkOrCall();
        return t;
    }

    private static void table(List<Golden> all) {
        String b = "table-event-json";
        PlayedTable played = playedTable();
        Map<String, Object> byName = new LinkedHashMap<>();
        for (TableEvent e : played.events) {
            String name = e instanceof TableEvent.HandProgressed hp
                    ? "HandProgressed-" + hp.event().getClass().getSimpleName()
                    : e.getClass().getSimpleName();
            byName.putIfAbsent(name, e);
        }
        List<Card> deck = Deck.shuffled(new Random(99));
        List<String> salts = DeckCommitment.newSalts(new Random(100));
        String salt = "5e1f0a7b3c9d2e4f6a8b0c1d3e5f7a9b0d2c4e6f8a1b3c5d7e9f0a2b4c6d8e1f";
        byName.putIfAbsent("ParticipantLeft", new TableEvent.ParticipantLeft(P_BOB, BOB, TABLE, 3, 171));
        byName.putIfAbsent("ParticipantLeaving", new TableEvent.ParticipantLeaving(P_CARL, CARL, TABLE, 5));
        byName.putIfAbsent("ParticipantSatOut", new TableEvent.ParticipantSatOut(P_ALICE, TABLE, 1, "timeout"));
        byName.putIfAbsent("ParticipantSatIn", new TableEvent.ParticipantSatIn(P_ALICE, TABLE, 1, true));
        byName.putIfAbsent("BlindMissed", new TableEvent.BlindMissed(TABLE, P_ALICE, 1, 7, HandEvent.Blind.BIG));
        byName.putIfAbsent("HandSalted", new TableEvent.HandSalted(TABLE, 3, salt));
        byName.putIfAbsent("DeckRevealed", new TableEvent.DeckRevealed(TABLE, 3, deck, salt,
                Deck.commitment(deck, java.util.HexFormat.of().parseHex(salt))));
        byName.putIfAbsent("DeckSalted", new TableEvent.DeckSalted(TABLE, 4, salts));
        byName.putIfAbsent("HandPermitted", new TableEvent.HandPermitted(TOURNAMENT_TABLE, 12, 2, 20, 40, 5));
        byName.putIfAbsent("TournamentHandEnded", new TableEvent.TournamentHandEnded(TOURNAMENT_TABLE, TOURNAMENT,
                12, List.of(new TableEvent.HandStack(P_ALICE, ALICE, 1500, 2340),
                new TableEvent.HandStack(P_BOB, BOB, 840, 0), new TableEvent.HandStack(P_CARL, CARL, 1660, 1660)),
                4, 6));
        byName.putIfAbsent("TableClosed", new TableEvent.TableClosed(TOURNAMENT_TABLE, "broken"));
        // the hand facts a showdown between checkers does not bring
        hand(byName, new HandEvent.AntePosted(2, 5));
        hand(byName, new HandEvent.PlayerFolded(3, "timeout"));
        hand(byName, new HandEvent.UncalledBetReturned(1, 24));
        hand(byName, new HandEvent.HandMucked(5));
        hand(byName, new HandEvent.CardsShown(1, Card.parseAll("Ah Kd")));
        hand(byName, new HandEvent.PlayerChecked(3, null));
        Object joined = byName.remove("ParticipantJoined");
        // version 1 stored initialChips and status too (TableEventMigration drops them): the same join today
        all.add(new Golden(b, "ParticipantJoined.v1.json", joined, false));
        all.add(new Golden(b, "ParticipantJoined.v2.json", joined, true));
        byName.forEach((name, e) -> all.add(new Golden(b, name + ".json", e, true)));
        all.add(new Golden("table-snapshot-json", "TableState.json", played.state, true));
    }

    private static void hand(Map<String, Object> byName, HandEvent e) {
        byName.putIfAbsent("HandProgressed-" + e.getClass().getSimpleName(), new TableEvent.HandProgressed(TABLE, e));
    }

    // --- wallets ---

    private static void wallet(List<Golden> all) {
        String b = "wallet-event-json";
        List<WalletEvent> events = List.of(
                new WalletEvent.WalletOpened(ALICE, TX1, 1000, 1000),
                new WalletEvent.FundsDeposited(ALICE, TX2, 500, "card-4242-2026-03-14", 1500),
                new WalletEvent.BuyInDebited(ALICE, TX3, TABLE, 200, 1300),
                new WalletEvent.BuyInRefunded(ALICE, "7a000000-0000-4000-8000-000000000004", TX3, TABLE, 200,
                        "seat_taken", 1500),
                new WalletEvent.ChipsCashedOut(ALICE, "7a000000-0000-4000-8000-000000000005", TABLE, 236, 1736),
                new WalletEvent.TournamentEntryDebited(ALICE, "7a000000-0000-4000-8000-000000000006", TOURNAMENT,
                        E_ALICE, 100, 10, 1626),
                new WalletEvent.TournamentEntryRefunded(ALICE, "7a000000-0000-4000-8000-000000000007",
                        "7a000000-0000-4000-8000-000000000006", TOURNAMENT, E_ALICE, 110, "tournament_cancelled",
                        1736),
                new WalletEvent.PrizeCredited(ALICE, "7a000000-0000-4000-8000-000000000008", TOURNAMENT, 270, 2006));
        WalletState state = WalletState.empty(ALICE);
        for (WalletEvent e : events) {
            all.add(new Golden(b, e.getClass().getSimpleName() + ".json", e, true));
            state = state.apply(e);
        }
        all.add(new Golden("wallet-snapshot-json", "WalletState.json", state, true));
    }

    private static void buyIn(List<Golden> all) {
        String b = "buy-in-event-json";
        List<BuyInEvent> happy = List.of(
                new BuyInEvent.BuyInRequested(BUY_IN, ALICE, TABLE, 200, 1, false),
                new BuyInEvent.BuyInFundsReserved(BUY_IN, 3),
                new BuyInEvent.BuyInSeatRefused(BUY_IN, "seat_taken", "Seat 1 is taken.", "seatNumber"));
        BuyInState state = BuyInState.empty(BUY_IN);
        for (BuyInEvent e : happy) {
            state = state.apply(e);
        }
        List<BuyInEvent> events = new ArrayList<>(happy);
        events.add(new BuyInEvent.BuyInDeclined(BUY_IN, "insufficient_funds", "The wallet holds 120 chips."));
        events.add(new BuyInEvent.BuyInSeatTaken(BUY_IN, 1, 200, 2));
        events.add(new BuyInEvent.BuyInCompensated(BUY_IN, 4));
        for (BuyInEvent e : events) {
            all.add(new Golden(b, e.getClass().getSimpleName() + ".json", e, true));
        }
        all.add(new Golden("buy-in-snapshot-json", "BuyInState.json", state, true));
    }

    // --- tournaments ---

    private static List<TournamentEvent> tournamentEvents() {
        List<TournamentEvent.Payout> payouts = List.of(new TournamentEvent.Payout(1, 210),
                new TournamentEvent.Payout(2, 90));
        Instant start = T0.plusSeconds(3600);
        return List.of(
                new TournamentEvent.TournamentCreated(TOURNAMENT, SUNDAY, CREATOR, T0),
                new TournamentEvent.PlayerRegistered(TOURNAMENT, E_ALICE, ALICE, 1, TX1, 100, 10, false,
                        T0.plusSeconds(60)),
                new TournamentEvent.PlayerRegistered(TOURNAMENT, E_BOB, BOB, 1, TX2, 100, 10, false,
                        T0.plusSeconds(120)),
                new TournamentEvent.PlayerRegistered(TOURNAMENT, E_CARL, CARL, 1, TX3, 100, 10, false,
                        T0.plusSeconds(180)),
                new TournamentEvent.TournamentStarted(TOURNAMENT, 3, 300, payouts, start),
                new TournamentEvent.LevelStarted(TOURNAMENT, 1, 10, 20, 0, start, start.plusSeconds(600)),
                new TournamentEvent.TableOpened(TOURNAMENT, TOURNAMENT_TABLE, 1),
                new TournamentEvent.PlayerSeated(TOURNAMENT, E_ALICE, ALICE, TOURNAMENT_TABLE, 4, 1500),
                new TournamentEvent.PlayerSeated(TOURNAMENT, E_BOB, BOB, TOURNAMENT_TABLE, 6, 1500),
                new TournamentEvent.PlayerSeated(TOURNAMENT, E_CARL, CARL, TOURNAMENT_TABLE, 8, 1500),
                new TournamentEvent.HandFinished(TOURNAMENT, TOURNAMENT_TABLE, 12,
                        List.of(new TournamentEvent.EntryStack(E_ALICE, 2340),
                                new TournamentEvent.EntryStack(E_BOB, 0),
                                new TournamentEvent.EntryStack(E_CARL, 2160)),
                        List.of(new TournamentCommand.Bust(E_BOB, 840))),
                new TournamentEvent.PlayerEliminated(TOURNAMENT, E_BOB, BOB, 3, 0, 840, TOURNAMENT_TABLE, 12, 0),
                new TournamentEvent.LevelStarted(TOURNAMENT, 2, 20, 40, 5, start.plusSeconds(600),
                        start.plusSeconds(1200)),
                new TournamentEvent.RegistrationClosed(TOURNAMENT, 3, 300, payouts, start.plusSeconds(1200)));
    }

    private static void tournament(List<Golden> all) {
        String b = "tournament-event-json";
        Instant start = T0.plusSeconds(3600);
        List<TournamentEvent> events = new ArrayList<>(tournamentEvents());
        TournamentState state = TournamentState.empty(TOURNAMENT);
        for (TournamentEvent e : events) {
            state = state.apply(e);
        }
        events.add(new TournamentEvent.PlayerUnregistered(TOURNAMENT, E_CARL, CARL, 100, T0.plusSeconds(240)));
        events.add(new TournamentEvent.TournamentCancelled(TOURNAMENT, "not_enough_players", start));
        events.add(new TournamentEvent.PlayerMoved(TOURNAMENT, E_CARL, CARL, TOURNAMENT_TABLE,
                "2e6f4b1d-8c3a-4d9e-a7f5-1b0c6d2e8f34", 3, 2160, "balance"));
        events.add(new TournamentEvent.TableBroken(TOURNAMENT, TOURNAMENT_TABLE));
        events.add(new TournamentEvent.HandForHandStarted(TOURNAMENT, 10, start.plusSeconds(5400)));
        events.add(new TournamentEvent.HandForHandEnded(TOURNAMENT, 9, start.plusSeconds(5460)));
        events.add(new TournamentEvent.PrizeAwarded(TOURNAMENT, E_ALICE, ALICE, 1, 210,
                "7a000000-0000-4000-8000-000000000011"));
        events.add(new TournamentEvent.TournamentFinished(TOURNAMENT, E_ALICE, ALICE, 210, start.plusSeconds(7200)));
        Map<String, TournamentEvent> byName = new LinkedHashMap<>();
        events.forEach(e -> byName.putIfAbsent(e.getClass().getSimpleName(), e));
        byName.forEach((name, e) -> all.add(new Golden(b, name + ".json", e, true)));
        all.add(new Golden("tournament-snapshot-json", "TournamentState.json", state, true));
    }

    private static void entry(List<Golden> all) {
        String b = "tournament-entry-event-json";
        TournamentEvent.PlayerRegistered registered = (TournamentEvent.PlayerRegistered) tournamentEvents().get(1);
        List<EntryEvent> happy = List.of(
                new EntryEvent.EntryRequested(E_ALICE, TOURNAMENT, ALICE, 100, 10),
                new EntryEvent.EntryPaid(E_ALICE, 6),
                new EntryEvent.EntryRegistered(E_ALICE, List.of(registered), 2),
                new EntryEvent.UnregisterRequested(E_ALICE, TOURNAMENT, ALICE));
        EntryState state = EntryState.empty();
        for (EntryEvent e : happy) {
            state = state.apply(e);
        }
        List<EntryEvent> events = new ArrayList<>(happy);
        events.add(new EntryEvent.EntryDeclined(E_ALICE, "insufficient_funds", "The wallet holds 80 chips."));
        events.add(new EntryEvent.EntryRefused(E_ALICE, "registration_closed", "Registration is closed.", null));
        events.add(new EntryEvent.EntryRefunded(E_ALICE, 7));
        events.add(new EntryEvent.EntryUnregistered(E_ALICE, 110, List.of(new TournamentEvent.PlayerUnregistered(
                TOURNAMENT, E_ALICE, ALICE, 110, T0.plusSeconds(300))), 5));
        events.add(new EntryEvent.UnregisterRefused(E_ALICE, "tournament_started", "The tournament has started.",
                null));
        events.add(new EntryEvent.UnregisterRefunded(E_ALICE, 8));
        for (EntryEvent e : events) {
            all.add(new Golden(b, e.getClass().getSimpleName() + ".json", e, true));
        }
        all.add(new Golden("tournament-entry-snapshot-json", "EntryState.json", state, true));
    }

    /** The director as it starts the tournament: tables opened, entries being seated, steps outstanding. */
    private static void director(List<Golden> all) {
        String b = "director-event-json";
        Random random = new Random(7);
        DirectorState state = DirectorState.empty(TOURNAMENT);
        Map<String, DirectorEvent> byName = new LinkedHashMap<>();
        long seq = 0;
        Instant now = T0.plusSeconds(3600);
        for (TournamentEvent e : tournamentEvents().subList(0, 6)) {
            for (DirectorEvent d : DirectorDecider.decide(state,
                    new DirectorInput.FromTournament("Tournament|" + TOURNAMENT, ++seq, e), now, random)) {
                state = state.apply(d);
                byName.putIfAbsent(d.getClass().getSimpleName(), d);
            }
        }
        // the first step outstanding is answered
        if (!state.steps().isEmpty()) {
            long step = state.steps().get(0).id();
            for (DirectorEvent d : DirectorDecider.decide(state,
                    new DirectorInput.StepReplied(step, new DirectorInput.Ok(null)), now, random)) {
                state = state.apply(d);
                byName.putIfAbsent(d.getClass().getSimpleName(), d);
            }
        }
        String moveId = "3c8e1f5a-7b2d-4e9c-b0a6-d4f2e8c1a573";
        String otherTable = "2e6f4b1d-8c3a-4d9e-a7f5-1b0c6d2e8f34";
        List<DirectorEvent> more = List.of(
                new DirectorEvent.HandEndedReceived("Table|" + TOURNAMENT_TABLE, 118,
                        (TableEvent.TournamentHandEnded) tableEvent("TournamentHandEnded")),
                new DirectorEvent.TablesOpened(List.of(new DirectorEvent.OpenedTable(TOURNAMENT_TABLE, 1,
                        TOURNEY_TABLE)), now),
                new DirectorEvent.EntriesSeated(List.of(new DirectorEvent.SeatDrawn(E_ALICE, ALICE, TOURNAMENT_TABLE,
                        4, P_ALICE, 1500)), "start"),
                new DirectorEvent.MoveStarted(moveId, E_CARL, CARL, TOURNAMENT_TABLE, P_CARL, otherTable, 3,
                        "9ca71000-0000-4000-8000-0000000000c2", "balance"),
                new DirectorEvent.MoveRemoved(21, moveId, 2160),
                new DirectorEvent.MoveSeated(22, moveId),
                new DirectorEvent.TableBreakStarted(otherTable),
                new DirectorEvent.TableBroken(otherTable),
                new DirectorEvent.HandsReported(List.of(new TournamentCommand.HandReport(TOURNAMENT_TABLE, 12,
                        List.of(new TournamentEvent.EntryStack(E_ALICE, 2340), new TournamentEvent.EntryStack(E_BOB,
                                0)), List.of(new TournamentCommand.Bust(E_BOB, 840)))), now.plusSeconds(900)),
                new DirectorEvent.HandForHandChanged(true, 10, now.plusSeconds(5400)),
                new DirectorEvent.HandsPermitted(List.of(new DirectorEvent.Permit(TOURNAMENT_TABLE, 13, 2, 20, 40,
                        5))),
                new DirectorEvent.TablesClosing(List.of(TOURNAMENT_TABLE), "finished"),
                new DirectorEvent.PrizePayoutStarted(E_ALICE, ALICE, 210, "7a000000-0000-4000-8000-000000000011"),
                new DirectorEvent.PrizeCredited(31, E_ALICE),
                new DirectorEvent.PrizePaid(32, E_ALICE),
                new DirectorEvent.RefundStarted(E_CARL, CARL, 110, "7a000000-0000-4000-8000-000000000012",
                        "tournament_cancelled"),
                new DirectorEvent.RefundPaid(33, E_CARL),
                new DirectorEvent.StepDone(34));
        more.forEach(d -> byName.putIfAbsent(d.getClass().getSimpleName(), d));
        byName.forEach((name, e) -> all.add(new Golden(b, name + ".json", e, true)));
        all.add(new Golden("director-snapshot-json", "DirectorState.json", withEveryStepKind(state), true));
    }

    /**
     * The snapshot holds the director's outstanding steps; a start has only some kinds of them, so the golden
     * state also waits on one of each other kind (as later in a tournament: a move, a broken table, prizes).
     */
    private static DirectorState withEveryStepKind(DirectorState s) {
        long id = s.nextStepId();
        String otherTable = "2e6f4b1d-8c3a-4d9e-a7f5-1b0c6d2e8f34";
        String moveId = "3c8e1f5a-7b2d-4e9c-b0a6-d4f2e8c1a573";
        Instant at = T0.plusSeconds(3600 + 1200);
        List<DirectorStep> extra = List.of(
                new DirectorStep.CreateTable(id, otherTable, new TableSettings("Sunday Million #2", 10, 20, 9, 0, 0, 15,
                        TOURNAMENT), at),
                new DirectorStep.RemoveEntry(id + 1, TOURNAMENT_TABLE, E_CARL, P_CARL, otherTable, "balance", moveId),
                new DirectorStep.RecordMove(id + 2, E_CARL, TOURNAMENT_TABLE, otherTable, 3, 2160, "balance"),
                new DirectorStep.CloseTable(id + 3, otherTable, "broken"),
                new DirectorStep.RecordTableBroken(id + 4, otherTable),
                new DirectorStep.ReportHands(id + 5, List.of(new TournamentCommand.HandReport(TOURNAMENT_TABLE, 12,
                        List.of(new TournamentEvent.EntryStack(E_ALICE, 2340), new TournamentEvent.EntryStack(E_BOB,
                                0)), List.of(new TournamentCommand.Bust(E_BOB, 840)))), at),
                new DirectorStep.SetHandForHand(id + 6, true, at),
                new DirectorStep.CreditPrize(id + 7, TOURNAMENT, E_BOB, BOB, 90, "7a000000-0000-4000-8000-000000000013"),
                new DirectorStep.RecordPrizePaid(id + 8, E_BOB, "7a000000-0000-4000-8000-000000000013"),
                new DirectorStep.RefundEntry(id + 9, TOURNAMENT, E_CARL, CARL, 110,
                        "7a000000-0000-4000-8000-000000000012", TX3, "tournament_cancelled"));
        List<DirectorStep> steps = new ArrayList<>(s.steps());
        steps.addAll(extra);
        return new DirectorState(s.tournamentId(), s.settings(), s.phase(), s.entries(), s.tables(), s.moves(), steps,
                id + extra.size(), s.movesStarted(), s.level(), s.paidPlaces(), s.handForHand(), s.seen());
    }

    private static TableEvent tableEvent(String name) {
        List<Golden> table = new ArrayList<>();
        table(table);
        return (TableEvent) table.stream().filter(g -> g.file().equals(name + ".json")).findFirst().orElseThrow()
                .expected();
    }
}
