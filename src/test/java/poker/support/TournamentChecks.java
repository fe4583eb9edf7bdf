package poker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a played tournament against the rules over its whole story in the journal: the tournament's own
 * events ({@code Tournament|id}), every event of its tables ({@code Table|tableId} of each
 * {@code TableOpened}) and the wallet events that name it, in journal order. The tournament journal is
 * what the director decided (and knew) at each point; the tables' journals are what happened at the
 * tables. {@link #violations()} lists every rule broken, with where; empty when all hold.
 *
 * <ul>
 *   <li>chips: after every tournament event the entries' stacks add up to entries seated × starting
 *       stack (a move carries its chips in one {@code PlayerMoved}, so none is ever in flight there), and
 *       every table hand ends with the chips it started with ({@code TournamentHandEnded});</li>
 *   <li>seats: no player is ever seated at two tables ({@code ParticipantJoined}/{@code ParticipantLeft}
 *       of all its tables in journal order), an entry moves only from where it sits;</li>
 *   <li>balance: when a table is permitted its next hand (a balancing point: the director has done its
 *       moves there), it has at most one player more than the shortest table; during hand-for-hand, when
 *       every table waits, all tables are within one;</li>
 *   <li>breaks: a table is never dealt again when the others could take its players and it is the
 *       smallest;</li>
 *   <li>hand-for-hand: on whenever the bubble (paid places + 1 remaining) is reached with more than one
 *       table, and then no table deals twice before every other table has reported its hand;</li>
 *   <li>places: one winner; every entry finishes exactly once; places 1..entries each taken once, but
 *       for ties (equal stacks at the start of the same hand, sharing the best of their places); later
 *       busts never finish higher; in one hand the bigger stack finishes higher;</li>
 *   <li>money: the prize pool is the buy-ins, the prizes add up to it, each is credited to its wallet
 *       exactly once ({@code prize-<tournamentId>-<entryId>}); each entry debited once, fees taken
 *       once per entry, refunds only for entries that left before play.</li>
 * </ul>
 */
public final class TournamentChecks {

    /** One journal row: its global ordering, persistence id, sequence number and event (JSON with "type"). */
    public record Row(long ordering, String persistenceId, long sequenceNr, JsonNode event) {

        String type() {
            return event.path("type").asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String tournamentId;
    private final List<Row> rows;
    private final List<String> violations = new ArrayList<>();

    // what the story shows
    private long startingStack;
    private int seatsPerTable;
    private long buyIn;
    private long fee;
    private final Map<String, String> entryPlayer = new LinkedHashMap<>();
    private final Map<String, String> entryTransaction = new HashMap<>();
    private final Set<String> unregistered = new HashSet<>();
    private final Set<String> seatedOnce = new HashSet<>();
    private final Map<String, String> tableOf = new HashMap<>();
    private final Map<String, Long> chips = new HashMap<>();
    private final Set<String> openTables = new LinkedHashSet<>();
    /** Who sits at each tournament table, as the tables' own journals say (ahead of the tournament's). */
    private final Map<String, Set<String>> seatedAt = new HashMap<>();
    private int settledPoints;
    /** Tables whose last settled permit came while they had two more players than the shortest table. */
    private final Set<String> overfull = new HashSet<>();
    private int unsettledPoints;
    private final Map<String, Integer> placeOf = new HashMap<>();
    private final Map<String, Long> prizeOf = new HashMap<>();
    private final Map<String, Long> prizesAwarded = new HashMap<>();
    private final List<JsonNode> eliminations = new ArrayList<>();
    /** The report each elimination came in: one hand, or a hand-for-hand round (consecutive events). */
    private final Map<JsonNode, Integer> reportOf = new java.util.IdentityHashMap<>();
    private int reports;
    private boolean lastWasElimination;
    private List<JsonNode> payouts = List.of();
    private String winner;
    private int finishedEvents;
    private boolean handForHand;
    private boolean handForHandSeen;
    private boolean bubbleWithTables;
    /** Tables with a hand permitted and not yet reported. */
    private final Set<String> dealing = new HashSet<>();
    /** Hand-for-hand: tables still playing the hand they had when it began; hands permitted and reported since. */
    private final Set<String> dealingBeforeHandForHand = new HashSet<>();
    private final Map<String, Integer> handForHandPermits = new HashMap<>();
    private final Map<String, Integer> handForHandReports = new HashMap<>();
    private int tableHands;
    private int balancingPoints;

    private TournamentChecks(String tournamentId, List<Row> rows) {
        this.tournamentId = tournamentId;
        this.rows = List.copyOf(rows);
        if (System.getenv("DEBUG_CHECKS") != null) {
            rows.stream().filter(r -> !r.persistenceId().startsWith("Wallet") && !r.type().equals("HandProgressed")
                    && !r.type().equals("TurnClockStarted") && !r.type().equals("DeckSalted"))
                    .forEach(r -> System.out.println("JOURNAL " + r.persistenceId().substring(0, 14) + " " + r.event()));
        }
    }

    /** Checks rows (all of the tournament's, its tables' and its wallet events, in journal order). */
    public static TournamentChecks of(String tournamentId, List<Row> rows) {
        TournamentChecks checks = new TournamentChecks(tournamentId, rows);
        checks.run();
        return checks;
    }

    /** Reads the tournament's story from the journal of the database at {@code jdbcUrl} and checks it. */
    public static TournamentChecks load(String jdbcUrl, String user, String password, String tournamentId)
            throws Exception {
        return of(tournamentId, rows(jdbcUrl, user, password, tournamentId));
    }

    public static List<Row> rows(String jdbcUrl, String user, String password, String tournamentId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            List<String> ids = new ArrayList<>();
            ids.add("Tournament|" + tournamentId);
            for (Row r : query(c, "SELECT ordering, persistence_id, sequence_number, convert_from(event_payload, 'UTF8')"
                    + " FROM event_journal WHERE persistence_id = ? ORDER BY sequence_number", "Tournament|" + tournamentId)) {
                if (r.type().equals("TableOpened")) {
                    ids.add("Table|" + r.event().path("tableId").asText());
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ordering, persistence_id, sequence_number,"
                    + " convert_from(event_payload, 'UTF8') FROM event_journal WHERE persistence_id = ANY (?)"
                    + " OR (persistence_id LIKE 'Wallet|%'"
                    + "     AND convert_from(event_payload, 'UTF8')::jsonb ->> 'tournamentId' = ?)"
                    + " ORDER BY ordering")) {
                ps.setArray(1, c.createArrayOf("varchar", ids.toArray()));
                ps.setString(2, tournamentId);
                rows.addAll(read(ps));
            }
            return rows;
        }
    }

    private static List<Row> query(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            return read(ps);
        }
    }

    private static List<Row> read(PreparedStatement ps) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), MAPPER.readTree(rs.getString(4))));
            }
        }
        return rows;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<Row> rows() {
        return rows;
    }

    public String winner() {
        return winner;
    }

    /** Entries that played (registered and not unregistered). */
    public int entries() {
        return entryPlayer.size() - unregistered.size();
    }

    public Map<String, Integer> places() {
        return Map.copyOf(placeOf);
    }

    public Map<String, Long> prizes() {
        return Map.copyOf(prizeOf);
    }

    public Map<String, String> entryPlayers() {
        return Map.copyOf(entryPlayer);
    }

    /** Transaction id of each entry's buy-in debit. */
    public Map<String, String> entryTransactions() {
        return Map.copyOf(entryTransaction);
    }

    public boolean handForHandHappened() {
        return handForHandSeen;
    }

    /** Hands played at all tables ({@code TournamentHandEnded}). */
    public int tableHands() {
        return tableHands;
    }

    public int balancingPoints() {
        return balancingPoints;
    }

    public long prizePool() {
        return entries() * buyIn;
    }

    private void violation(Row at, String what) {
        violations.add(what + " (at " + at.persistenceId() + " #" + at.sequenceNr() + ", ordering " + at.ordering()
                + ": " + at.event() + ")");
    }

    private void run() {
        String tournamentPid = "Tournament|" + tournamentId;
        Map<String, Set<String>> tablesOfPlayer = new HashMap<>();
        Map<String, Integer> walletDebits = new HashMap<>();
        Map<String, Long> walletPrizes = new HashMap<>();
        Map<String, Integer> walletPrizeCount = new HashMap<>();
        Set<String> refundedEntries = new HashSet<>();
        long feesTaken = 0;
        long buyInsTaken = 0;
        for (Row row : rows) {
            JsonNode e = row.event();
            if (row.persistenceId().equals(tournamentPid)) {
                tournamentEvent(row, e);
                lastWasElimination = row.type().equals("PlayerEliminated");
                checkChips(row);
            } else if (row.persistenceId().startsWith("Table|")) {
                tableEvent(row, e, tablesOfPlayer);
            } else if (row.persistenceId().startsWith("Wallet|")) {
                switch (row.type()) {
                    case "TournamentEntryDebited" -> {
                        walletDebits.merge(e.path("transactionId").asText(), 1, Integer::sum);
                        feesTaken += e.path("fee").asLong();
                        buyInsTaken += e.path("buyIn").asLong();
                    }
                    case "TournamentEntryRefunded" -> {
                        refundedEntries.add(e.path("entryId").asText());
                        feesTaken -= Math.max(0, e.path("amount").asLong() - buyIn);
                        buyInsTaken -= Math.min(buyIn, e.path("amount").asLong());
                    }
                    case "PrizeCredited" -> {
                        String tx = e.path("transactionId").asText();
                        walletPrizes.merge(tx, e.path("amount").asLong(), Long::sum);
                        walletPrizeCount.merge(tx, 1, Integer::sum);
                    }
                    default -> {
                    }
                }
            }
        }
        Row last = rows.isEmpty() ? new Row(0, tournamentPid, 0, MAPPER.nullNode()) : rows.get(rows.size() - 1);
        finalChecks(last, walletDebits, walletPrizes, walletPrizeCount, refundedEntries, feesTaken, buyInsTaken);
    }

    private void tournamentEvent(Row row, JsonNode e) {
        switch (row.type()) {
            case "TournamentCreated" -> {
                JsonNode s = e.path("settings");
                startingStack = s.path("startingStack").asLong();
                seatsPerTable = s.path("seatsPerTable").asInt();
                buyIn = s.path("buyIn").asLong();
                fee = s.path("fee").asLong();
            }
            case "PlayerRegistered" -> {
                entryPlayer.put(e.path("entryId").asText(), e.path("playerId").asText());
                entryTransaction.put(e.path("entryId").asText(), e.path("transactionId").asText());
            }
            case "PlayerUnregistered" -> unregistered.add(e.path("entryId").asText());
            case "TournamentStarted", "RegistrationClosed" -> {
                List<JsonNode> list = new ArrayList<>();
                e.path("payouts").forEach(list::add);
                payouts = list;
            }
            case "TableOpened" -> openTables.add(e.path("tableId").asText());
            case "PlayerSeated" -> {
                String entry = e.path("entryId").asText();
                if (tableOf.containsKey(entry)) {
                    violation(row, "entry " + entry + " seated again while at " + tableOf.get(entry));
                }
                if (!openTables.contains(e.path("tableId").asText())) {
                    violation(row, "seated at a table not open");
                }
                tableOf.put(entry, e.path("tableId").asText());
                chips.put(entry, e.path("chips").asLong());
                seatedOnce.add(entry);
            }
            case "PlayerMoved" -> {
                String entry = e.path("entryId").asText();
                String from = e.path("fromTable").asText();
                if (!from.equals(tableOf.get(entry))) {
                    violation(row, "entry " + entry + " moved from " + from + " but sits at " + tableOf.get(entry));
                }
                if (!openTables.contains(e.path("toTable").asText())) {
                    violation(row, "moved to a table not open");
                }
                tableOf.put(entry, e.path("toTable").asText());
                chips.put(entry, e.path("chips").asLong());
            }
            case "TableBroken" -> {
                String table = e.path("tableId").asText();
                dealing.remove(table);
                dealingBeforeHandForHand.remove(table);
                if (tableOf.containsValue(table)) {
                    violation(row, "table broken with players still at it");
                }
                openTables.remove(table);
            }
            case "HandFinished" -> {
                for (JsonNode s : e.path("stacks")) {
                    String entry = s.path("entryId").asText();
                    if (!e.path("tableId").asText().equals(tableOf.get(entry))) {
                        violation(row, "a hand at " + e.path("tableId").asText() + " reports entry " + entry
                                + " seated at " + tableOf.get(entry));
                    }
                    chips.put(entry, s.path("chips").asLong());
                }
                for (JsonNode b : e.path("busts")) {
                    // out in this hand: no chips left, its place follows in PlayerEliminated
                    chips.put(b.path("entryId").asText(), 0L);
                }

            }
            case "PlayerEliminated" -> {
                String entry = e.path("entryId").asText();
                if (placeOf.containsKey(entry)) {
                    violation(row, "entry " + entry + " eliminated twice");
                }
                if (chips.getOrDefault(entry, 0L) != 0) {
                    violation(row, "entry " + entry + " eliminated with " + chips.get(entry) + " chips");
                }
                placeOf.put(entry, e.path("place").asInt());
                prizeOf.put(entry, e.path("prize").asLong());
                eliminations.add(e);
                if (!lastWasElimination) {
                    reports++;
                }
                reportOf.put(e, reports);
                tableOf.remove(entry);
                chips.remove(entry);
            }
            case "PrizeAwarded" -> {
                String entry = e.path("entryId").asText();
                if (prizesAwarded.containsKey(entry)) {
                    violation(row, "prize of " + entry + " awarded twice");
                }
                prizesAwarded.put(entry, e.path("amount").asLong());
                if (!("prize-" + tournamentId + "-" + entry).equals(e.path("transactionId").asText())) {
                    violation(row, "prize transaction id is not prize-<tournamentId>-<entryId>");
                }
            }
            case "HandForHandStarted" -> {
                handForHand = true;
                handForHandSeen = true;
                dealingBeforeHandForHand.clear();
                dealingBeforeHandForHand.addAll(dealing);
                handForHandPermits.clear();
                handForHandReports.clear();
                if (openTables.size() > 1) {
                    bubbleWithTables = true;
                }
                if (payouts.isEmpty() || e.path("remaining").asInt() != payouts.size() + 1
                        || e.path("remaining").asInt() != remaining()) {
                    violation(row, "hand-for-hand starts with " + e.path("remaining").asInt() + " remaining ("
                            + remaining() + " seated), " + payouts.size() + " places paid");
                }
            }
            case "HandForHandEnded" -> handForHand = false;
            case "TournamentFinished" -> {
                finishedEvents++;
                winner = e.path("winnerEntryId").asText();
                if (placeOf.containsKey(winner)) {
                    violation(row, "the winner was eliminated");
                }
                placeOf.put(winner, 1);
                prizeOf.put(winner, e.path("prize").asLong());
            }
            default -> {
            }
        }
    }

    private void checkChips(Row row) {
        long sum = 0;
        for (String entry : tableOf.keySet()) {
            sum += chips.getOrDefault(entry, 0L);
        }
        // eliminated entries hold nothing; those still in hold every chip brought in
        long brought = startingStack * seatedOnce.size();
        if (!tableOf.isEmpty() && sum != brought) {
            violation(row, "tournament chips " + sum + " != " + seatedOnce.size() + " entries x " + startingStack
                    + " (" + brought + ")");
        }
    }

    private void tableEvent(Row row, JsonNode e, Map<String, Set<String>> tablesOfPlayer) {
        String table = row.persistenceId().substring("Table|".length());
        switch (row.type()) {
            case "ParticipantJoined" -> {
                Set<String> at = tablesOfPlayer.computeIfAbsent(e.path("playerId").asText(), p -> new HashSet<>());
                if (!at.isEmpty()) {
                    violation(row, "player " + e.path("playerId").asText() + " joins " + table + " while seated at "
                            + at);
                }
                at.add(table);
                seatedAt.computeIfAbsent(table, t -> new HashSet<>()).add(e.path("playerId").asText());
            }
            case "ParticipantLeft" -> {
                Set<String> at = tablesOfPlayer.computeIfAbsent(e.path("playerId").asText(), p -> new HashSet<>());
                seatedAt.getOrDefault(table, new HashSet<>()).remove(e.path("playerId").asText());
                if (!at.remove(table)) {
                    violation(row, "player " + e.path("playerId").asText() + " leaves " + table + " without a seat");
                }
            }
            case "TournamentHandEnded" -> {
                tableHands++;
                // the table's own end of hand (the tournament's HandFinished follows when the director reports it)
                dealingBeforeHandForHand.remove(table);
                if (dealing.remove(table) && handForHandPermits.containsKey(table)) {
                    handForHandReports.merge(table, 1, Integer::sum);
                }
                long start = 0;
                long end = 0;
                for (JsonNode s : e.path("stacks")) {
                    start += s.path("startChips").asLong();
                    end += s.path("endChips").asLong();
                }
                if (start != end) {
                    violation(row, "the hand started with " + start + " chips and ended with " + end);
                }
            }
            case "HandPermitted" -> permitted(row, table);
            case "TableClosed" -> seatedAt.remove(table);
            default -> {
            }
        }
    }

    /** A balancing point: the director lets {@code table} deal, its moves there done. */
    private void permitted(Row row, String table) {
        balancingPoints++;
        if (seatedAt.getOrDefault(table, Set.of()).size() < 2) {
            violation(row, "a hand permitted at a table with fewer than two seated (or closed)");
            return;
        }
        // The director records its facts in the tournament's journal after the tables' commands and reports
        // hands as their events reach it, so the tournament's journal lags the tables'. A permit is a settled
        // balancing point when both agree on who sits where (no move, seating or bust in flight); the table
        // rules are checked there, and the unsettled points are counted.
        Map<String, Integer> counts = counts();
        Map<String, Integer> atTables = new TreeMap<>();
        seatedAt.forEach((t, players) -> {
            if (!players.isEmpty()) {
                atTables.put(t, players.size());
            }
        });
        boolean settled = counts.equals(atTables);
        if (settled) {
            settledPoints++;
            settledRules(row, table, counts);
        } else {
            unsettledPoints++;
        }
        if (handForHand) {
            int min = counts.values().stream().min(Integer::compare).orElse(0);
            int max = counts.values().stream().max(Integer::compare).orElse(0);
            if (settled && max - min > 1) {
                violation(row, "hand-for-hand tables differ by more than one " + counts);
            }
            // the k-th hand-for-hand hand of a table only once every other table has reported its (k-1)-th
            Set<String> waitingFor = new HashSet<>(dealingBeforeHandForHand);
            int k = handForHandPermits.getOrDefault(table, 0) + 1;
            for (String other : counts.keySet()) {
                if (!other.equals(table) && handForHandReports.getOrDefault(other, 0) < k - 1) {
                    waitingFor.add(other);
                }
            }
            waitingFor.remove(table);
            if (!waitingFor.isEmpty()) {
                violation(row, "hand-for-hand: " + table + " deals hand-for-hand hand " + k + " while " + waitingFor
                        + " have not finished theirs");
            }
            handForHandPermits.put(table, k);
        }
        dealing.add(table);
    }

    /** Balance, breaking and the bubble, at a settled balancing point. */
    private void settledRules(Row row, String table, Map<String, Integer> counts) {
        int here = counts.get(table);
        int min = counts.values().stream().min(Integer::compare).orElse(here);
        int max = counts.values().stream().max(Integer::compare).orElse(here);
        // A permit the director decided just before a report reached it (or resent after a restart) can reach
        // its table after that report is in both journals: one such permit per table is a race, the next
        // permit of that table must be balanced.
        if (here > min + 1 && !overfull.add(table)) {
            violation(row, "table " + table + " deals with " + here + " players while another has " + min + " " + counts
                    + ", twice in a row");
        } else if (here <= min + 1) {
            overfull.remove(table);
        }
        int remaining = remaining();
        if (counts.size() > 1 && remaining <= seatsPerTable * (counts.size() - 1) && here == min
                && counts.values().stream().filter(c -> c == min).count() == 1) {
            violation(row, "table " + table + " deals again though its " + here + " players fit at the other tables "
                    + counts);
        }
        boolean bubble = !payouts.isEmpty() && remaining == payouts.size() + 1 && counts.size() > 1;
        if (bubble) {
            // The director records HandForHandStarted in the tournament's journal after it has begun holding the
            // permits, so a round's permits may come first: the bubble at several tables must bring hand-for-hand
            // (checked at the end), and once it is on, every table waits for the others (checked above).
            bubbleWithTables = true;
        }
    }

    /** Players per open table with anyone at it, as the director knows it. */
    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : tableOf.values()) {
            if (openTables.contains(t)) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Permits checked against the table rules, and permits given while something was in flight. */
    public int settledBalancingPoints() {
        return settledPoints;
    }

    public int unsettledBalancingPoints() {
        return unsettledPoints;
    }

    private int remaining() {
        return tableOf.size();
    }

    private void finalChecks(Row last, Map<String, Integer> walletDebits, Map<String, Long> walletPrizes,
                             Map<String, Integer> walletPrizeCount, Set<String> refundedEntries, long feesTaken,
                             long buyInsTaken) {
        if (finishedEvents != 1) {
            violation(last, "TournamentFinished " + finishedEvents + " times");
            return;
        }
        Set<String> played = new HashSet<>(entryPlayer.keySet());
        played.removeAll(unregistered);
        int n = played.size();
        // every entry finishes once; places 1..n, ties sharing the best of their places
        for (String entry : played) {
            if (!placeOf.containsKey(entry)) {
                violation(last, "entry " + entry + " has no finishing place");
            }
        }
        Map<Integer, List<String>> byPlace = new TreeMap<>();
        placeOf.forEach((entry, place) -> byPlace.computeIfAbsent(place, p -> new ArrayList<>()).add(entry));
        Set<Integer> covered = new HashSet<>();
        for (Map.Entry<Integer, List<String>> group : byPlace.entrySet()) {
            for (int p = group.getKey(); p < group.getKey() + group.getValue().size(); p++) {
                if (!covered.add(p)) {
                    violation(last, "place " + p + " taken twice " + byPlace);
                }
            }
        }
        for (int p = 1; p <= n; p++) {
            if (!covered.contains(p)) {
                violation(last, "place " + p + " not assigned " + byPlace);
            }
        }
        if (byPlace.getOrDefault(1, List.of()).size() != 1) {
            violation(last, "not exactly one winner: " + byPlace.get(1));
        }
        // ties and order: later busts never finish higher, ties only with equal stacks in the same hand
        for (int i = 0; i < eliminations.size(); i++) {
            JsonNode a = eliminations.get(i);
            int tied = byPlace.get(a.path("place").asInt()).size();
            if (a.path("tiedWith").asInt(1) != tied) {
                violation(last, "entry " + a.path("entryId").asText() + " tiedWith " + a.path("tiedWith").asInt()
                        + " but " + tied + " share place " + a.path("place").asInt());
            }
            for (int j = i + 1; j < eliminations.size(); j++) {
                JsonNode b = eliminations.get(j);
                int pa = a.path("place").asInt();
                int pb = b.path("place").asInt();
                if (pb > pa && !reportOf.get(a).equals(reportOf.get(b))) {
                    violation(last, "entry " + b.path("entryId").asText() + " out later finishes " + pb + ", below "
                            + pa);
                }
                if (pa == pb && a.path("stackAtHandStart").asLong() != b.path("stackAtHandStart").asLong()) {
                    violation(last, "a tie at place " + pa + " between different stacks");
                }
                boolean sameHand = a.path("tableId").asText().equals(b.path("tableId").asText())
                        && a.path("handNumber").asLong() == b.path("handNumber").asLong();
                if (sameHand && a.path("stackAtHandStart").asLong() != b.path("stackAtHandStart").asLong()
                        && (a.path("stackAtHandStart").asLong() > b.path("stackAtHandStart").asLong()) != (pa < pb)) {
                    violation(last, "in one hand the bigger stack must finish higher: " + a + " / " + b);
                }
            }
        }
        // money: prize pool = buy-ins; prizes add up to it, each paid once, to the right wallet
        long pool = (long) n * buyIn;
        long payoutSum = payouts.stream().mapToLong(p -> p.path("amount").asLong()).sum();
        if (payoutSum != pool) {
            violation(last, "payouts add up to " + payoutSum + ", the prize pool is " + pool);
        }
        long prizeSum = prizeOf.values().stream().mapToLong(Long::longValue).sum();
        if (prizeSum != pool) {
            violation(last, "prizes add up to " + prizeSum + ", the prize pool is " + pool);
        }
        prizeOf.forEach((entry, prize) -> {
            if (prize > 0) {
                String tx = "prize-" + tournamentId + "-" + entry;
                if (!prize.equals(prizesAwarded.get(entry))) {
                    violation(last, "entry " + entry + " won " + prize + ", PrizeAwarded says " + prizesAwarded.get(entry));
                }
                if (walletPrizeCount.getOrDefault(tx, 0) != 1 || !prize.equals(walletPrizes.get(tx))) {
                    violation(last, "prize " + tx + " credited " + walletPrizeCount.getOrDefault(tx, 0) + " times, "
                            + walletPrizes.get(tx) + " chips; won " + prize);
                }
            } else if (prizesAwarded.containsKey(entry) && prizesAwarded.get(entry) != 0) {
                violation(last, "entry " + entry + " out of the money was awarded " + prizesAwarded.get(entry));
            }
        });
        walletPrizeCount.keySet().stream()
                .filter(tx -> !prizeOf.containsKey(tx.substring(("prize-" + tournamentId + "-").length())))
                .forEach(tx -> violation(last, "a prize credited to nobody who won: " + tx));
        for (String entry : entryPlayer.keySet()) {
            String tx = entryTransaction.get(entry);
            if (walletDebits.getOrDefault(tx, 0) != 1) {
                violation(last, "entry " + entry + " debited " + walletDebits.getOrDefault(tx, 0) + " times");
            }
        }
        for (String entry : refundedEntries) {
            if (played.contains(entry)) {
                violation(last, "entry " + entry + " played and was refunded");
            }
        }
        if (feesTaken != (long) n * fee) {
            violation(last, "fees taken " + feesTaken + ", expected " + n + " x " + fee);
        }
        if (buyInsTaken != pool) {
            violation(last, "buy-ins taken " + buyInsTaken + ", the prize pool is " + pool);
        }
        if (bubbleWithTables && !handForHandSeen) {
            violation(last, "the bubble came with more than one table and no hand-for-hand");
        }
    }

    @Override
    public String toString() {
        return "TournamentChecks[" + rows.size() + " rows, winner " + winner + ", " + placeOf.size() + " places, "
                + prizesAwarded.size() + " prizes awarded, violations " + violations + "]";
    }

    /** Whether the bubble (paid places + 1 remaining) came while more than one table played. */
    public boolean bubbleWithTables() {
        return bubbleWithTables;
    }
}
