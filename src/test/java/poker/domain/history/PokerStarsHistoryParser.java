package poker.domain.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import poker.domain.cards.Card;

/**
 * Reads PokerStars text back, the way a tracking tool would, and refuses anything it does not
 * recognise: every line must match a known form in its section, sections come in order, names must
 * be seated players, raise sizes must agree with the bet they raise, the summary must agree with the
 * body (pot, board, seats, winnings) and no card may appear twice.
 */
public final class PokerStarsHistoryParser {

    enum Street { PREFLOP, FLOP, TURN, RIVER }

    record Seat(int seat, String name, long chips, boolean sittingOut) {
    }

    /** {@code verb}: folds, checks, calls, bets, raises; {@code amount} is what was added (raise: the increment); {@code to} the raise total. */
    record Action(String player, String verb, long amount, long to, boolean allIn) {
    }

    record Post(String player, String kind, long amount, boolean allIn) {
    }

    record Collected(String player, long amount, String pot) {
    }

    record Uncalled(String player, long amount) {
    }

    public record ParsedHand(long handId, long smallBlind, long bigBlind, Instant startedAt, String tableName, int maxSeats,
                      int buttonSeat, List<Seat> seats, List<Post> posts, Map<String, List<Card>> dealt,
                      Map<Street, List<Action>> actions, List<Card> board, List<Uncalled> uncalled,
                      boolean showdown, Map<String, List<Card>> shown, List<String> mucked,
                      List<Collected> collected, long totalPot, List<Long> potBreakdown, long rake,
                      List<String> summarySeats) {

        /** What each player collected, over all pots. */
        Map<String, Long> collectedByPlayer() {
            Map<String, Long> by = new LinkedHashMap<>();
            collected.forEach(c -> by.merge(c.player(), c.amount(), Long::sum));
            return by;
        }

        Seat seatOf(String name) {
            return seats.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        }
    }

    static final class MalformedHistory extends RuntimeException {
        MalformedHistory(int line, String text, String why) {
            super("line " + line + " '" + text + "': " + why);
        }
    }

    private static final String CARD = "[2-9TJQKA][cdhs]";
    private static final String TIME = "\\d{4}/\\d{2}/\\d{2} (?:1?\\d|2[0-3]):\\d{2}:\\d{2}"; // hours unpadded
    private static final Pattern HEADER = Pattern.compile("PokerStars Hand #(\\d+):  Hold'em No Limit \\((\\d+)/(\\d+)\\) - ("
            + TIME + ") UTC \\[(" + TIME + ") ET\\]");
    private static final DateTimeFormatter HEADER_TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd H:mm:ss");
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    /** The rank words PokerStars uses, and the forms of a shown hand ("a pair of Deuces", never "Twos"). */
    private static final String RANK = "(?:Deuce|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Jack|Queen|King|Ace)";
    private static final String RANKS = "(?:Deuces|Threes|Fours|Fives|Sixes|Sevens|Eights|Nines|Tens|Jacks|Queens|Kings|Aces)";
    private static final String HAND_WORDS = "(?:high card " + RANK + "|a pair of " + RANKS + "|two pair, " + RANKS
            + " and " + RANKS + "|three of a kind, " + RANKS + "|a straight, " + RANK + " to " + RANK + "|a flush, "
            + RANK + " high|a full house, " + RANKS + " full of " + RANKS + "|four of a kind, " + RANKS
            + "|a straight flush, " + RANK + " to " + RANK + "|a Royal Flush)";
    private static final Pattern TABLE = Pattern.compile("Table '(.+)' (\\d+)-max Seat #(\\d+) is the button");
    private static final Pattern SEAT = Pattern.compile("Seat (\\d+): (.+) \\((\\d+) in chips\\)( is sitting out)?");
    /** {@code small & big blinds}: a returning player's big blind, live, with the small blind dead. */
    private static final Pattern POST = Pattern.compile(
            "posts (small blind|big blind|the ante|small & big blinds) (\\d+)( and is all-in)?");
    private static final Pattern DEALT = Pattern.compile("Dealt to (.+) \\[(" + CARD + ") (" + CARD + ")\\]");
    private static final Pattern CALL_BET = Pattern.compile("(calls|bets) (\\d+)( and is all-in)?");
    private static final Pattern RAISE = Pattern.compile("raises (\\d+) to (\\d+)( and is all-in)?");
    private static final Pattern TIMED_OUT = Pattern.compile("(.+) has timed out");
    private static final Pattern UNCALLED = Pattern.compile("Uncalled bet \\((\\d+)\\) returned to (.+)");
    private static final Pattern FLOP = Pattern.compile("\\*\\*\\* FLOP \\*\\*\\* \\[(" + CARD + " " + CARD + " " + CARD + ")\\]");
    private static final Pattern TURN = Pattern.compile("\\*\\*\\* TURN \\*\\*\\* \\[([^\\]]+)\\] \\[(" + CARD + ")\\]");
    private static final Pattern RIVER = Pattern.compile("\\*\\*\\* RIVER \\*\\*\\* \\[([^\\]]+)\\] \\[(" + CARD + ")\\]");
    private static final Pattern SHOWS = Pattern.compile("shows \\[(" + CARD + " " + CARD + ")\\] \\(" + HAND_WORDS + "\\)");
    private static final Pattern COLLECTED = Pattern.compile("(.+) collected (\\d+) from (pot|main pot|side pot|side pot-\\d+)");
    private static final Pattern TOTAL = Pattern.compile(
            "Total pot (\\d+)((?: Main pot \\d+\\.)(?: Side pot(?:-\\d+)? \\d+\\.)+)? \\| Rake (\\d+)");
    private static final Pattern POT_PART = Pattern.compile("(Main pot|Side pot(?:-\\d+)?) (\\d+)\\.");
    private static final Pattern BOARD = Pattern.compile("Board \\[(" + CARD + "(?: " + CARD + "){2,4})\\]");
    private static final Pattern SUMMARY_SEAT = Pattern.compile("Seat (\\d+): (.+?)( \\(button\\))?( \\(small blind\\))?"
            + "( \\(big blind\\))? (folded before Flop(?: \\(didn't bet\\))?|folded on the (?:Flop|Turn|River)"
            + "|showed \\[(" + CARD + " " + CARD + ")\\] and (?:won \\((\\d+)\\)|lost) with " + HAND_WORDS
            + "|mucked(?: \\[" + CARD + " " + CARD + "\\])?|collected \\((\\d+)\\))");

    private final List<String> lines;
    private int at;

    private PokerStarsHistoryParser(String text) {
        if (!text.endsWith("\n")) {
            throw new MalformedHistory(0, "", "the text must end with a line break");
        }
        this.lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    public static ParsedHand parse(String text) {
        return new PokerStarsHistoryParser(text).hand();
    }

    private ParsedHand hand() {
        Matcher h = expect(HEADER, "the header");
        long handId = Long.parseLong(h.group(1));
        long sb = Long.parseLong(h.group(2));
        long bb = Long.parseLong(h.group(3));
        Instant startedAt = LocalDateTime.parse(h.group(4), HEADER_TIME).toInstant(ZoneOffset.UTC);
        if (!HEADER_TIME.format(startedAt.atZone(EASTERN)).equals(h.group(5))) {
            at--;
            fail("the ET time is not the UTC time in New York");
        }
        Matcher t = expect(TABLE, "the table line");
        int maxSeats = Integer.parseInt(t.group(2));
        int button = Integer.parseInt(t.group(3));

        List<Seat> seats = new ArrayList<>();
        Matcher m;
        while ((m = match(SEAT)) != null) {
            int number = Integer.parseInt(m.group(1));
            String name = m.group(2);
            if (number < 1 || number > maxSeats || !seats.isEmpty() && seats.get(seats.size() - 1).seat() >= number) {
                fail("seat number out of range, repeated or out of order");
            }
            if (seats.stream().anyMatch(s -> s.name().equals(name))) {
                fail("two seats with one name");
            }
            seats.add(new Seat(number, name, Long.parseLong(m.group(3)), m.group(4) != null));
            at++;
        }
        if (seats.size() < 2) {
            fail("a hand has at least two seats");
        }
        List<String> names = seats.stream().map(Seat::name).sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        Map<String, Long> stacks = new LinkedHashMap<>();
        seats.forEach(s -> stacks.put(s.name(), s.chips()));

        List<Post> posts = new ArrayList<>();
        while (!current().equals("*** HOLE CARDS ***")) {
            String name = playerPrefix(names);
            Matcher p = POST.matcher(current().substring(name.length() + 2));
            if (!p.matches()) {
                fail("expected a blind or ante");
            }
            long amount = Long.parseLong(p.group(2));
            stacks.merge(name, -amount, Long::sum);
            checkAllIn(stacks.get(name), p.group(3) != null);
            posts.add(new Post(name, p.group(1), amount, p.group(3) != null));
            at++;
        }
        at++;

        Set<Card> seen = new HashSet<>();
        Map<String, List<Card>> dealt = new LinkedHashMap<>();
        if ((m = match(DEALT)) != null) {
            dealt.put(seated(names, m.group(1)), cards(m.group(2) + " " + m.group(3), seen));
            at++;
        }

        Map<Street, List<Action>> actions = new EnumMap<>(Street.class);
        List<Card> board = new ArrayList<>();
        List<Uncalled> uncalled = new ArrayList<>();
        Set<String> folded = new HashSet<>();
        Street street = Street.PREFLOP;
        long level = bb;
        actions.put(street, new ArrayList<>());
        Map<String, Long> bets = new LinkedHashMap<>();
        boolean smallBlindPosted = false;
        for (Post p : posts) {
            // live blinds are bets; the ante, a second small blind and the small part of "small & big" are dead
            long live = switch (p.kind()) {
                case "the ante" -> 0;
                case "small & big blinds" -> Math.min(p.amount(), bb);
                case "small blind" -> smallBlindPosted ? 0 : p.amount();
                default -> p.amount();
            };
            smallBlindPosted |= p.kind().equals("small blind");
            if (live > 0) {
                bets.merge(p.player(), live, Long::sum);
            }
        }

        while (true) {
            String line = current();
            if (line.equals("*** SHOW DOWN ***") || line.equals("*** SUMMARY ***") || COLLECTED.matcher(line).matches()) {
                break;
            }
            if ((m = match(FLOP)) != null) {
                street = nextStreet(street, Street.FLOP, board, 0);
                board.addAll(cards(m.group(1), seen));
            } else if ((m = match(TURN)) != null) {
                street = nextStreet(street, Street.TURN, board, 3);
                checkBoardSoFar(m.group(1), board);
                board.addAll(cards(m.group(2), seen));
            } else if ((m = match(RIVER)) != null) {
                street = nextStreet(street, Street.RIVER, board, 4);
                checkBoardSoFar(m.group(1), board);
                board.addAll(cards(m.group(2), seen));
            } else if ((m = match(UNCALLED)) != null) {
                String name = seated(names, m.group(2));
                long amount = Long.parseLong(m.group(1));
                uncalled.add(new Uncalled(name, amount));
                stacks.merge(name, amount, Long::sum);
            } else if ((m = match(TIMED_OUT)) != null) {
                seated(names, m.group(1));
            } else {
                String name = playerPrefix(names);
                if (folded.contains(name)) {
                    fail(name + " acts after folding");
                }
                String rest = line.substring(name.length() + 2);
                Action action;
                if (rest.equals("folds") || rest.equals("checks")) {
                    action = new Action(name, rest, 0, 0, false);
                    if (rest.equals("folds")) {
                        folded.add(name);
                    } else if (bets.getOrDefault(name, 0L) != level) {
                        fail("checks facing a bet");
                    }
                } else if ((m = CALL_BET.matcher(rest)).matches()) {
                    long amount = Long.parseLong(m.group(2));
                    boolean allIn = m.group(3) != null;
                    if (m.group(1).equals("bets")) {
                        if (level != 0) {
                            fail("bets when there is a bet: raises");
                        }
                        level = amount;
                    } else if (bets.getOrDefault(name, 0L) + amount > level) {
                        fail("calls more than the bet");
                    } else if (!allIn && bets.getOrDefault(name, 0L) + amount != level) {
                        fail("calls less than the bet without being all-in");
                    }
                    bets.merge(name, amount, Long::sum);
                    stacks.merge(name, -amount, Long::sum);
                    checkAllIn(stacks.get(name), allIn);
                    action = new Action(name, m.group(1), amount, 0, allIn);
                } else if ((m = RAISE.matcher(rest)).matches()) {
                    long by = Long.parseLong(m.group(1));
                    long to = Long.parseLong(m.group(2));
                    if (level == 0 || to - by != level || by <= 0) {
                        fail("raise " + by + " to " + to + " does not raise the bet of " + level);
                    }
                    long added = to - bets.getOrDefault(name, 0L);
                    bets.put(name, to);
                    stacks.merge(name, -added, Long::sum);
                    checkAllIn(stacks.get(name), m.group(3) != null);
                    level = to;
                    action = new Action(name, "raises", by, to, m.group(3) != null);
                } else {
                    fail("not an action");
                    return null;
                }
                actions.get(street).add(action);
                at++;
                continue;
            }
            if (line.startsWith("*** ")) {
                actions.put(street, new ArrayList<>());
                bets.clear();
                level = 0;
            }
            at++;
        }

        boolean showdown = false;
        Map<String, List<Card>> shown = new LinkedHashMap<>();
        List<String> mucked = new ArrayList<>();
        if (current().equals("*** SHOW DOWN ***")) {
            showdown = true;
            at++;
            while (!COLLECTED.matcher(current()).matches()) {
                String name = playerPrefix(names);
                String rest = current().substring(name.length() + 2);
                if (folded.contains(name) || shown.containsKey(name) || mucked.contains(name)) {
                    fail(name + " cannot show or muck here");
                }
                if (rest.equals("mucks hand")) {
                    mucked.add(name);
                } else if ((m = SHOWS.matcher(rest)).matches()) {
                    if (dealt.containsKey(name) && !dealt.get(name).equals(Card.parseAll(m.group(1)))) {
                        fail(name + " shows other cards than were dealt");
                    }
                    shown.put(name, dealt.containsKey(name) ? dealt.get(name) : cards(m.group(1), seen));
                } else {
                    fail("expected shows or mucks");
                }
                at++;
            }
            if (board.size() != 5) {
                fail("a showdown needs the whole board");
            }
        }

        List<Collected> collected = new ArrayList<>();
        while ((m = match(COLLECTED)) != null) {
            String name = seated(names, m.group(1));
            if (folded.contains(name) || mucked.contains(name)) {
                fail(name + " cannot win");
            }
            collected.add(new Collected(name, Long.parseLong(m.group(2)), m.group(3)));
            at++;
        }
        if (collected.isEmpty()) {
            fail("nobody collected the pot");
        }
        while (current().endsWith(": doesn't show hand")) {
            if (showdown) {
                fail("doesn't show hand after a showdown");
            }
            seated(names, current().substring(0, current().length() - ": doesn't show hand".length()));
            at++;
        }
        if (!current().equals("*** SUMMARY ***")) {
            fail("expected *** SUMMARY ***");
        }
        at++;

        Matcher total = expect(TOTAL, "the total pot");
        long totalPot = Long.parseLong(total.group(1));
        long rake = Long.parseLong(total.group(3));
        List<Long> breakdown = new ArrayList<>();
        if (total.group(2) != null) {
            Matcher part = POT_PART.matcher(total.group(2));
            while (part.find()) {
                breakdown.add(Long.parseLong(part.group(2)));
            }
            if (breakdown.stream().mapToLong(Long::longValue).sum() != totalPot) {
                fail("the pots do not add up to the total");
            }
        }
        long collectedSum = collected.stream().mapToLong(Collected::amount).sum();
        if (collectedSum + rake != totalPot) {
            fail("collected " + collectedSum + " + rake " + rake + " is not the total pot " + totalPot);
        }
        boolean sidePots = collected.stream().anyMatch(c -> !c.pot().equals("pot"));
        if (sidePots != !breakdown.isEmpty()) {
            at--;
            fail("side pots in the collected lines and in the total disagree");
        }

        if (board.isEmpty()) {
            if (match(BOARD) != null) {
                fail("a board with no street dealt");
            }
        } else {
            Matcher b = expect(BOARD, "the board");
            if (!Card.parseAll(b.group(1)).equals(board)) {
                at--;
                fail("the summary board differs from the streets");
            }
        }

        List<String> summarySeats = new ArrayList<>();
        Map<String, Long> collectedBy = new LinkedHashMap<>();
        collected.forEach(c -> collectedBy.merge(c.player(), c.amount(), Long::sum));
        for (Seat seat : seats) {
            Matcher listed = match(SUMMARY_SEAT);
            if (seat.sittingOut() && (listed == null || Integer.parseInt(listed.group(1)) != seat.seat())) {
                // seated but not dealt in: no summary line, and no part in the hand
                boolean tookPart = posts.stream().anyMatch(p -> p.player().equals(seat.name()))
                        || actions.values().stream().flatMap(List::stream).anyMatch(a -> a.player().equals(seat.name()))
                        || collectedBy.containsKey(seat.name()) || dealt.containsKey(seat.name());
                if (tookPart) {
                    fail(seat.name() + " took part in the hand but has no summary line");
                }
                continue;
            }
            Matcher s = expect(SUMMARY_SEAT, "the summary of seat " + seat.seat());
            at--;
            if (Integer.parseInt(s.group(1)) != seat.seat() || !s.group(2).equals(seat.name())) {
                fail("expected the summary of seat " + seat.seat() + " " + seat.name());
            }
            if ((s.group(3) != null) != (seat.seat() == button)) {
                fail("the button is seat " + button);
            }
            String outcome = s.group(6);
            long amount = s.group(8) != null ? Long.parseLong(s.group(8))
                    : s.group(9) != null ? Long.parseLong(s.group(9)) : 0;
            if (amount != collectedBy.getOrDefault(seat.name(), 0L)) {
                fail("summary winnings differ from what " + seat.name() + " collected");
            }
            if (outcome.startsWith("folded") != folded.contains(seat.name())) {
                fail("summary fold differs from the actions");
            }
            if (outcome.startsWith("showed") && !Card.parseAll(s.group(7)).equals(shown.get(seat.name()))) {
                fail("summary shows other cards than the showdown");
            }
            if (outcome.startsWith("showed") != shown.containsKey(seat.name())
                    || outcome.startsWith("mucked") != mucked.contains(seat.name())) {
                fail("summary disagrees with the showdown");
            }
            if (outcome.startsWith("mucked [")
                    && !Card.parseAll(outcome.substring(8, 13)).equals(dealt.get(seat.name()))) {
                fail("a mucked hand in the summary that was not dealt to this reader");
            }
            summarySeats.add(current());
            at++;
        }
        if (at != lines.size()) {
            fail("text after the summary");
        }
        return new ParsedHand(handId, sb, bb, startedAt, t.group(1), maxSeats, button, List.copyOf(seats),
                List.copyOf(posts), dealt, actions, List.copyOf(board), List.copyOf(uncalled), showdown, shown,
                List.copyOf(mucked), List.copyOf(collected), totalPot, List.copyOf(breakdown), rake,
                List.copyOf(summarySeats));
    }

    // --- helpers

    private Street nextStreet(Street current, Street next, List<Card> board, int boardBefore) {
        if (next.ordinal() != current.ordinal() + 1 || board.size() != boardBefore) {
            fail(next + " out of order");
        }
        return next;
    }

    private void checkBoardSoFar(String text, List<Card> board) {
        if (!Card.parseAll(text).equals(board)) {
            fail("the board so far differs from the streets dealt");
        }
    }

    private void checkAllIn(long stack, boolean saysAllIn) {
        if (stack < 0) {
            fail("more chips than the stack");
        }
        if ((stack == 0) != saysAllIn) {
            fail(saysAllIn ? "all-in with chips behind" : "no chips left but not all-in");
        }
    }

    private List<Card> cards(String text, Set<Card> seen) {
        List<Card> cards = Card.parseAll(text);
        for (Card c : cards) {
            if (!seen.add(c)) {
                fail("card " + c + " appears twice");
            }
        }
        return cards;
    }

    /** The seated name this line starts with, followed by ": ". */
    private String playerPrefix(List<String> names) {
        for (String name : names) {
            if (current().startsWith(name + ": ")) {
                return name;
            }
        }
        fail("the line does not start with a seated player");
        return null;
    }

    private String seated(List<String> names, String name) {
        if (!names.contains(name)) {
            fail("'" + name + "' is not seated");
        }
        return name;
    }

    private Matcher expect(Pattern pattern, String what) {
        Matcher m = match(pattern);
        if (m == null) {
            fail("expected " + what);
        }
        at++;
        return m;
    }

    private Matcher match(Pattern pattern) {
        if (at >= lines.size()) {
            return null;
        }
        Matcher m = pattern.matcher(lines.get(at));
        return m.matches() ? m : null;
    }

    private String current() {
        if (at >= lines.size()) {
            fail("the text ends early");
        }
        return lines.get(at);
    }

    private void fail(String why) {
        throw new MalformedHistory(at + 1, at < lines.size() ? lines.get(at) : "<end>", why);
    }
}
