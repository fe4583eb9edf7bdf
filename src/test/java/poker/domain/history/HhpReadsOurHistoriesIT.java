package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.domain.cards.Card;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.AntePosted;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.BlindPosted;
import poker.domain.holdem.HandEvent.CardsShown;
import poker.domain.holdem.HandEvent.FlopDealt;
import poker.domain.holdem.HandEvent.HandMucked;
import poker.domain.holdem.HandEvent.HandStarted;
import poker.domain.holdem.HandEvent.HoleCardsDealt;
import poker.domain.holdem.HandEvent.PlayerChecked;
import poker.domain.holdem.HandEvent.PlayerFolded;
import poker.domain.holdem.HandEvent.RiverDealt;
import poker.domain.holdem.HandEvent.TurnDealt;
import poker.domain.holdem.HandEvent.UncalledBetReturned;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HandState;
import poker.domain.holdem.RandomHands;
import poker.domain.holdem.SeatSetup;

/**
 * Our PokerStars histories read by a parser we did not write: hhp (npm), run by {@link HhpReader}.
 * Engine-played hands (a showdown with a muck, side pots, an uncalled bet, a fold win, a split pot,
 * and 150 random hands) are written out, read by hhp, and what it reads is compared with the
 * hand's events: players and stacks, blinds and antes, every action with its amounts, uncalled
 * bets, shown and mucked cards, the board, the pot and who collected what.
 *
 * <p>hhp's own limits, so not checked with it (our test parser checks them): stakes without a
 * currency sign (play money; {@code read.js} adds a "$" to the header), the pots of a hand with
 * more than one side pot ({@code side pot-1}), blinds and antes posted all-in ({@code posts big blind
 * 40 and is all-in}), a returning player's {@code posts small & big blinds 15} (hhp skips the line), and
 * summary lines with two positions ({@code (button) (small blind)} heads-up).
 */
class HhpReadsOurHistoriesIT {

    private static final int RANDOM_HANDS = 150;

    private record Sample(HistoryContext ctx, List<HandEvent> events, Integer viewer, String text) {
        static Sample of(HistoryContext ctx, List<HandEvent> events, Integer viewer) {
            return new Sample(ctx, events, viewer, PokerStarsHistory.format(ctx, events, viewer));
        }
    }

    /** One player action as hhp reports it: raises carry the increment and the total. */
    private record Act(String player, String type, long amount, long raiseTo, boolean allIn) {
    }

    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();
    private static Map<String, JsonNode> read;

    @BeforeAll
    static void readEveryHandWithHhp() throws IOException {
        assumeThat(HhpReader.nodeAvailable() || System.getenv("CI") != null)
                .as("node is not installed: hhp cannot run").isTrue();
        scenario("showdown", Scenarios.showdownWithMuck(), 3);
        scenario("side pot", Scenarios.allInWithSidePot(), null);
        scenario("fold win", Scenarios.wonByFoldsPreflop(), 3);
        scenario("split pot", Scenarios.splitPot(), 1);
        scenario("posts", Scenarios.postsOfNewAndReturningPlayers(), 5);
        for (int i = 0; i < RANDOM_HANDS; i++) {
            Random random = new Random(i);
            HandSetup setup = RandomHands.table(random);
            List<HandEvent> events = RandomHands.play(setup, random);
            Map<Integer, String> names = new HashMap<>();
            setup.seats().forEach(s -> names.put(s.seat(), "Player " + s.seat()));
            setup.notDealtIn().forEach(s -> names.put(s.seat(), "Player " + s.seat()));
            HistoryContext ctx = new HistoryContext(1_000 + i, "Table " + i, 10,
                    Instant.ofEpochSecond(1_700_000_000L + i * 25_013L), names);
            List<SeatSetup> seats = ((HandStarted) events.get(0)).seats(); // dealt in: seats with chips
            Integer viewer = i % 3 == 0 ? null : seats.get(random.nextInt(seats.size())).seat();
            SAMPLES.put("random " + i, Sample.of(ctx, events, viewer));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        SAMPLES.forEach((id, s) -> texts.put(id, s.text()));
        read = HhpReader.read(texts);
    }

    private static void scenario(String id, TestHand hand, Integer viewer) {
        SAMPLES.put(id, Sample.of(Scenarios.context(hand), hand.events(), viewer));
    }

    @Test
    void aShowdownWithAMuckedHand() {
        JsonNode hand = agrees("showdown");

        assertThat(actions(hand, "river")).containsExactly(
                new Act("bob", "bet", 40, 0, false), new Act("carol", "call", 40, 0, false));
        assertThat(hand.at("/showdown/0/desc").asText()).isEqualTo("a pair of Queens");
        assertThat(hand.at("/showdown/1/type").asText()).isEqualTo("muck");
        assertThat(collected(hand)).isEqualTo(Map.of("bob", 150L));
        assertThat(hand.at("/summary/0/amount").asLong()).isEqualTo(150);
    }

    @Test
    void twoAllInsMakeAMainAndASidePot() {
        JsonNode hand = agrees("side pot");

        assertThat(actions(hand, "preflop")).containsExactly(
                new Act("alice", "raise", 200, 300, true),
                new Act("bob", "raise", 400, 700, true),
                new Act("carol", "call", 600, 0, false));
        JsonNode pot = hand.at("/summary/0");
        assertThat(pot.get("single").asBoolean()).isFalse();
        assertThat(List.of(pot.get("amount").asLong(), pot.get("main").asLong(), pot.get("side").asLong()))
                .containsExactly(1700L, 900L, 800L);
        assertThat(collected(hand)).isEqualTo(Map.of("alice", 900L, "bob", 800L));
    }

    @Test
    void aFoldWinReturnsTheUncalledRaise() {
        JsonNode hand = agrees("fold win");

        assertThat(hand.at("/preflop").findValuesAsText("type")).contains("bet-returned", "collect");
        assertThat(uncalled(hand)).containsExactly("carol 70");
        assertThat(collected(hand)).isEqualTo(Map.of("carol", 65L));
        assertThat(hand.get("showdown")).isEmpty();
        assertThat(hand.get("hero").asText()).isEqualTo("carol");
    }

    @Test
    void aSplitPotGivesTheOddChipToTheFirstWinnerLeftOfTheButton() {
        JsonNode hand = agrees("split pot");

        assertThat(collected(hand)).isEqualTo(Map.of("bob", 163L, "carol", 162L));
        assertThat(hand.at("/showdown").findValuesAsText("desc")).containsExactly("a Royal Flush", "a Royal Flush");
    }

    @Test
    void newAndReturningPlayersPostsAndASeatSittingOut() {
        JsonNode hand = agrees("posts");

        assertThat(hand.get("seats")).hasSize(6);
        assertThat(actions(hand, "preflop")).containsExactly(
                new Act("erin", "check", 0, 0, false), new Act("finn", "check", 0, 0, false),
                new Act("alice", "fold", 0, 0, false), new Act("bob", "fold", 0, 0, false),
                new Act("carol", "check", 0, 0, false));
        assertThat(collected(hand)).isEqualTo(Map.of("erin", 40L));
    }

    @Test
    void randomHandsReadBackAsTheyWerePlayed() {
        int potsChecked = 0;
        int sidePots = 0;
        int showdowns = 0;
        for (int i = 0; i < RANDOM_HANDS; i++) {
            JsonNode hand = agrees("random " + i);
            if (!SAMPLES.get("random " + i).text().contains("side pot-")) {
                potsChecked++;
            }
            sidePots += hand.at("/summary/0/single").asBoolean(true) ? 0 : 1;
            showdowns += hand.get("showdown").isEmpty() ? 0 : 1;
        }
        // the random tables must reach what this test is about
        assertThat(potsChecked).isGreaterThan(RANDOM_HANDS / 2);
        assertThat(sidePots).isPositive();
        assertThat(showdowns).isPositive();
    }

    /** Checks everything hhp read from one history against the events of its hand. */
    private static JsonNode agrees(String id) {
        Sample sample = SAMPLES.get(id);
        JsonNode hand = read.get(id);
        assertThat(hand.has("error")).as("%s: hhp failed: %s%n%s", id, hand.path("error").asText(), sample.text())
                .isFalse();
        String why = id + " read by hhp from\n" + sample.text();
        HandStarted started = (HandStarted) sample.events().get(0);
        Map<Integer, String> names = new HashMap<>();
        started.seats().forEach(s -> names.put(s.seat(), sample.ctx().seatNames().getOrDefault(s.seat(), s.playerId())));
        started.seatedNotDealtIn().forEach(s -> names.put(s.seat(),
                sample.ctx().seatNames().getOrDefault(s.seat(), s.playerId())));

        JsonNode info = hand.get("info");
        ZonedDateTime at = sample.ctx().startedAt().atZone(ZoneOffset.UTC);
        assertThat(List.of(info.get("handid").asText(), info.get("gametype").asText(), info.get("timezone").asText()))
                .as(why).containsExactly(Long.toString(sample.ctx().handId()), "cashgame", "UTC");
        assertThat(List.of(info.get("sb").asLong(), info.get("bb").asLong())).as(why)
                .containsExactly(started.smallBlind(), started.bigBlind());
        assertThat(List.of(info.get("year").asInt(), info.get("month").asInt(), info.get("day").asInt(),
                info.get("hour").asInt(), info.get("min").asInt(), info.get("sec").asInt())).as(why)
                .containsExactly(at.getYear(), at.getMonthValue(), at.getDayOfMonth(), at.getHour(), at.getMinute(),
                        at.getSecond());
        assertThat(hand.at("/table/button").asInt()).as(why).isEqualTo(started.button());
        assertThat(hand.at("/table/maxseats").asInt()).as(why).isEqualTo(sample.ctx().maxSeats());

        List<String> seats = new ArrayList<>();
        hand.get("seats").forEach(s -> seats.add(s.get("seatno").asInt() + " " + s.get("player").asText() + " "
                + s.get("chips").asLong()));
        List<SeatSetup> seated = new ArrayList<>(started.seats()); // those not dealt in too ("is sitting out")
        seated.addAll(started.seatedNotDealtIn());
        seated.sort(java.util.Comparator.comparingInt(SeatSetup::seat));
        assertThat(seats).as(why).containsExactlyElementsOf(seated.stream()
                .map(s -> s.seat() + " " + names.get(s.seat()) + " " + s.stack()).toList());

        Expected expected = Expected.from(sample.events(), names);
        List<String> posts = new ArrayList<>();
        hand.get("posts").forEach(p -> posts.add(p.get("player").asText() + " " + p.get("type").asText() + " "
                + p.get("amount").asLong()));
        assertThat(posts).as(why).containsExactlyElementsOf(expected.posts);
        for (String street : List.of("preflop", "flop", "turn", "river")) {
            assertThat(actions(hand, street)).as("%s: %s", street, why)
                    .containsExactlyElementsOf(expected.actions.getOrDefault(street, List.of()));
        }
        assertThat(uncalled(hand)).as(why).containsExactlyElementsOf(expected.uncalled);

        List<String> showdown = new ArrayList<>();
        hand.get("showdown").forEach(s -> {
            if (s.get("type").asText().equals("show")) {
                showdown.add(s.get("player").asText() + " shows " + s.get("card1").asText() + s.get("card2").asText());
            } else if (s.get("type").asText().equals("muck")) {
                showdown.add(s.get("player").asText() + " mucks");
            }
        });
        assertThat(showdown).as(why).containsExactlyElementsOf(expected.showdown);

        List<Card> board = new ArrayList<>();
        JsonNode b = hand.path("board");
        for (String card : List.of("card1", "card2", "card3", "card4", "card5")) {
            if (b.hasNonNull(card)) {
                board.add(Card.parse(b.get(card).asText()));
            }
        }
        assertThat(board).as(why).isEqualTo(HistoryEvents.board(sample.events()));

        if (sample.viewer() != null) {
            assertThat(hand.get("hero").asText()).as(why).isEqualTo(names.get(sample.viewer()));
            assertThat(List.of(Card.parse(hand.at("/holecards/card1").asText()),
                    Card.parse(hand.at("/holecards/card2").asText()))).as(why).isEqualTo(expected.hole.get(sample.viewer()));
        } else {
            assertThat(hand.has("hero")).as(why).isFalse();
        }

        if (!sample.text().contains("side pot-")) {
            Map<String, Long> won = new LinkedHashMap<>();
            HistoryEvents.wonBySeat(sample.events()).forEach((seat, amount) -> won.put(names.get(seat), amount));
            Map<String, Long> collected = collected(hand);
            collected.values().removeIf(amount -> amount == 0); // an empty pot is collected by the last one standing
            assertThat(collected).as(why).isEqualTo(won);
            assertThat(hand.at("/summary/0/type").asText()).as(why).isEqualTo("pot");
            assertThat(hand.at("/summary/0/amount").asLong()).as(why)
                    .isEqualTo(HistoryEvents.potFromContributions(sample.events()));
        }
        return hand;
    }

    /** The player actions of one street, without the collect and bet-returned entries hhp files there too. */
    private static List<Act> actions(JsonNode hand, String street) {
        List<Act> acts = new ArrayList<>();
        for (JsonNode a : hand.get(street)) {
            String type = a.get("type").asText();
            if (List.of("fold", "check", "call", "bet", "raise").contains(type)) {
                acts.add(new Act(a.get("player").asText(), type, a.path("amount").asLong(0),
                        a.path("raiseTo").asLong(0), a.path("allin").asBoolean(false)));
            }
        }
        return acts;
    }

    private static List<String> uncalled(JsonNode hand) {
        List<String> out = new ArrayList<>();
        for (String part : List.of("preflop", "flop", "turn", "river", "showdown")) {
            hand.get(part).forEach(a -> {
                if (a.get("type").asText().equals("bet-returned")) {
                    out.add(a.get("player").asText() + " " + a.get("amount").asLong());
                }
            });
        }
        return out;
    }

    private static Map<String, Long> collected(JsonNode hand) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String part : List.of("preflop", "flop", "turn", "river", "showdown")) {
            hand.get(part).forEach(a -> {
                if (a.get("type").asText().equals("collect")) {
                    out.merge(a.get("player").asText(), a.get("amount").asLong(), Long::sum);
                }
            });
        }
        return out;
    }

    /** What a reader should find, read from the events alone (the bet to match comes from {@link HandState}). */
    private static final class Expected {
        final List<String> posts = new ArrayList<>();
        final Map<String, List<Act>> actions = new HashMap<>();
        final List<String> uncalled = new ArrayList<>();
        final List<String> showdown = new ArrayList<>();
        final Map<Integer, List<Card>> hole = new HashMap<>();

        static Expected from(List<HandEvent> events, Map<Integer, String> names) {
            Expected x = new Expected();
            HandState state = HandState.replay(events.subList(0, 1));
            String street = "preflop";
            List<HandEvent> hand = events.subList(1, events.size());
            for (int i = 0; i < hand.size(); i++) {
                HandEvent e = hand.get(i);
                HandState before = state;
                state = state.apply(e);
                HandEvent next = i + 1 < hand.size() ? hand.get(i + 1) : null;
                if (e instanceof BlindPosted big && big.blind() == HandEvent.Blind.EXTRA_BIG
                        && next instanceof BlindPosted small && small.blind() == HandEvent.Blind.DEAD_SMALL
                        && small.seat() == big.seat()) {
                    state = state.apply(next); // "posts small & big blinds": hhp does not read that line
                    i++;
                    continue;
                }
                if (e instanceof BlindPosted p && state.seat(p.seat()).stack() == 0
                        || e instanceof AntePosted a && state.seat(a.seat()).stack() == 0) {
                    continue; // posted all-in: hhp does not read "posts big blind 40 and is all-in"
                } else if (e instanceof BlindPosted p) {
                    boolean small = p.blind() == HandEvent.Blind.SMALL || p.blind() == HandEvent.Blind.DEAD_SMALL;
                    x.posts.add(names.get(p.seat()) + " " + (small ? "sb" : "bb") + " " + p.amount());
                } else if (e instanceof AntePosted p) {
                    x.posts.add(names.get(p.seat()) + " ante " + p.amount());
                } else if (e instanceof HoleCardsDealt d) {
                    x.hole.put(d.seat(), d.cards());
                } else if (e instanceof FlopDealt) {
                    street = "flop";
                } else if (e instanceof TurnDealt) {
                    street = "turn";
                } else if (e instanceof RiverDealt) {
                    street = "river";
                } else if (e instanceof PlayerFolded f) {
                    x.act(street, new Act(names.get(f.seat()), "fold", 0, 0, false));
                } else if (e instanceof PlayerChecked c) {
                    x.act(street, new Act(names.get(c.seat()), "check", 0, 0, false));
                } else if (e instanceof BetPlaced b) {
                    long level = before.currentBet();
                    String name = names.get(b.seat());
                    boolean allIn = b.stackAfter() == 0;
                    x.act(street, b.totalBet() <= level ? new Act(name, "call", b.added(), 0, allIn)
                            : level == 0 ? new Act(name, "bet", b.added(), 0, allIn)
                            : new Act(name, "raise", b.totalBet() - level, b.totalBet(), allIn));
                } else if (e instanceof UncalledBetReturned u) {
                    x.uncalled.add(names.get(u.seat()) + " " + u.amount());
                } else if (e instanceof CardsShown s) {
                    x.showdown.add(names.get(s.seat()) + " shows " + s.cards().get(0) + s.cards().get(1));
                } else if (e instanceof HandMucked m) {
                    x.showdown.add(names.get(m.seat()) + " mucks");
                }
            }
            return x;
        }

        private void act(String street, Act act) {
            actions.computeIfAbsent(street, s -> new ArrayList<>()).add(act);
        }
    }
}
