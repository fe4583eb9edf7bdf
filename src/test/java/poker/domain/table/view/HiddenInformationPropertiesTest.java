package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.cards.DeckCommitment.Opening;
import poker.domain.history.HistoryContext;
import poker.domain.history.PokerStarsHistory;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.LegalAction;
import poker.domain.table.Participant;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.DeckSalted;
import poker.domain.table.TableEvent.HandProgressed;

/**
 * Random tables of 2–6 players play random legal actions through TableDecider, with timeouts,
 * players sitting out and leaving mid-hand. After every journal event, every viewer (each player,
 * a spectator and a stranger — a moderator's live views are a stranger's: roles do not open cards)
 * gets the table view, the event view and the snapshot's deck view, serialized as the socket would
 * send them; and after every hand, the completed-hand view (each player, a spectator, and a
 * moderator reviewing it) and the PokerStars text. None may hold a card the viewer may not see
 * (another player's unshown hole cards, burn or undealt cards — during the hand and after it), the
 * deck order, or the salt of a position not opened to the viewer; every opening any of them
 * carries matches its leaf, and the leaves hash to the commitment published in {@code HandStarted}.
 */
class HiddenInformationPropertiesTest {

    private static final int MAX_STEPS = 500;
    private static final List<String> ALL_CARDS = Card.all().stream().map(Card::toString).toList();
    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-f]{32,}");
    private static final Pattern CARD_WORD = Pattern.compile("\\b([2-9TJQKA][cdhs])\\b");

    @Property(tries = 300)
    void noViewEverShowsWhatItsViewerMayNotKnow(@ForAll long seed) {
        Random random = new Random(seed);
        TablePlay play = new TablePlay();
        List<String> players = seatPlayers(play, random);

        int hands = 1 + random.nextInt(3);
        for (int h = 0; h < hands; h++) {
            for (Participant p : play.state.participants()) {
                if (p.sittingOut() && p.chips() > 0 && random.nextBoolean()) {
                    play.command(new TableCommand.SitIn(p.playerId()));
                }
            }
            if (!TableDecider.canStartHand(play.state)) {
                break;
            }
            List<Card> deck = Deck.shuffled(new SplittableRandom(random.nextLong()));
            play.start(deck, DeckCommitment.newSalts(new SplittableRandom(random.nextLong())));
            int steps = 0;
            while (play.state.hand() != null) {
                if (++steps > MAX_STEPS) {
                    fail("hand did not end in %d steps", MAX_STEPS);
                }
                assertThat(play.state.clock()).as("a live hand has a running turn").isNotNull();
                step(play, random);
            }
        }
        boolean shown = play.steps.stream()
                .anyMatch(s -> s.event() instanceof HandProgressed p && p.event() instanceof HandEvent.CardsShown);
        boolean mucked = play.steps.stream()
                .anyMatch(s -> s.event() instanceof HandProgressed p && p.event() instanceof HandEvent.HandMucked);
        boolean folded = play.steps.stream()
                .anyMatch(s -> s.event() instanceof HandProgressed p && p.event() instanceof HandEvent.PlayerFolded);

        check(play.steps, players);
        Statistics.label("players").collect(players.size());
        Statistics.label("cards shown").collect(shown);
        Statistics.label("hand mucked").collect(mucked);
        Statistics.label("a player folded").collect(folded);
    }

    private static List<String> seatPlayers(TablePlay play, Random random) {
        int n = 2 + random.nextInt(5);
        List<Integer> seats = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
        Collections.shuffle(seats, random);
        seats = new ArrayList<>(seats.subList(0, n));
        Collections.sort(seats);
        List<String> players = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String player = "player" + (i + 1);
            players.add(player);
            long chips = random.nextInt(4) == 0 ? 10 + random.nextInt(60) : 100 + random.nextInt(1500);
            play.seat(player, seats.get(i), chips);
        }
        return players;
    }

    /** One random thing happens: mostly the player on turn acts legally; sometimes a timeout, a sit-out or a leave. */
    private static void step(TablePlay play, Random random) {
        int roll = random.nextInt(30);
        List<Participant> people = play.state.participants();
        if (roll == 0) {
            play.timeout();
        } else if (roll == 1) {
            play.command(new TableCommand.SitOut(people.get(random.nextInt(people.size())).playerId()));
        } else if (roll == 2) {
            play.command(new TableCommand.LeaveTable(people.get(random.nextInt(people.size())).playerId()));
        } else {
            List<LegalAction> legal = HoldemEngine.legalActions(play.state.hand());
            List<LegalAction> passive = legal.stream()
                    .filter(a -> a.action() == ActionType.CHECK || a.action() == ActionType.CALL).toList();
            // mostly check or call, so that many hands reach a showdown without an all-in (where hands are mucked)
            LegalAction choice = !passive.isEmpty() && random.nextInt(3) > 0
                    ? passive.get(0) : legal.get(random.nextInt(legal.size()));
            long amount = choice.min() + (long) (random.nextDouble() * (choice.max() - choice.min() + 1));
            play.act(play.onTurn(), choice.action(), Math.min(amount, choice.max()));
        }
    }

    /** What each viewer may know, rebuilt from the events alone (independently of the views). */
    private static final class Knowledge {
        List<String> salts;
        List<Card> deck;
        String deckJson;
        DeckCommitment published;
        final List<HandEvent> handEvents = new ArrayList<>();
        final Set<String> board = new HashSet<>();
        final Map<Integer, List<String>> hole = new HashMap<>();
        final Map<Integer, String> owner = new HashMap<>();
        final Set<Integer> shown = new HashSet<>();

        void learn(TableEvent event) {
            if (event instanceof DeckSalted e) {
                salts = e.salts();
                deck = null;
                deckJson = null;
                published = null;
                handEvents.clear();
                board.clear();
                hole.clear();
                owner.clear();
                shown.clear();
            } else if (event instanceof HandProgressed p) {
                HandEvent e = p.event();
                handEvents.add(e);
                if (e instanceof HandEvent.HandStarted s) {
                    s.seats().forEach(seat -> owner.put(seat.seat(), seat.playerId()));
                    deck = s.deck();
                    deckJson = ViewJson.write(s.deck());
                    published = new DeckCommitment(s.commitment(), s.leaves());
                    assertThat(published.leavesMatchCommitment()).as("the leaves hash to the commitment").isTrue();
                } else if (e instanceof HandEvent.HoleCardsDealt d) {
                    hole.put(d.seat(), TableView.cards(d.cards()));
                } else if (e instanceof HandEvent.FlopDealt f) {
                    board.addAll(TableView.cards(f.cards()));
                } else if (e instanceof HandEvent.TurnDealt t) {
                    board.add(t.card().toString());
                } else if (e instanceof HandEvent.RiverDealt r) {
                    board.add(r.card().toString());
                } else if (e instanceof HandEvent.CardsShown c) {
                    shown.add(c.seat());
                }
            }
        }

        /** Every card {@code viewer} may not see: all but the board, shown hands and their own. */
        Set<String> hiddenFrom(String viewer) {
            Set<String> hidden = new LinkedHashSet<>(ALL_CARDS);
            hidden.removeAll(board);
            hole.forEach((seat, cards) -> {
                if (shown.contains(seat) || viewer != null && viewer.equals(owner.get(seat))) {
                    hidden.removeAll(cards);
                }
            });
            return hidden;
        }

        /** The salts of the positions whose cards {@code hidden} holds: none of them may reach the viewer. */
        List<String> sealedSalts(Set<String> hidden) {
            List<String> sealed = new ArrayList<>();
            if (salts == null) {
                return sealed;
            }
            for (int i = 0; i < salts.size(); i++) {
                if (deck == null || hidden.contains(deck.get(i).toString())) {
                    sealed.add(salts.get(i));
                }
            }
            return sealed;
        }

        List<String> ownCards(String viewer) {
            return owner.entrySet().stream().filter(e -> e.getValue().equals(viewer)).findFirst()
                    .map(e -> hole.get(e.getKey())).orElse(null);
        }

        Integer seatOf(String viewer) {
            return owner.entrySet().stream().filter(e -> e.getValue().equals(viewer)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }
    }

    private static void check(List<TablePlay.Step> steps, List<String> players) {
        List<String> viewers = new ArrayList<>(players);
        viewers.add(null);
        viewers.add("stranger");
        Knowledge known = new Knowledge();
        for (int i = 0; i < steps.size(); i++) {
            TablePlay.Step step = steps.get(i);
            known.learn(step.event());
            for (String viewer : viewers) {
                Set<String> hidden = known.hiddenFrom(viewer);
                String what = "event " + i + " " + step.event().getClass().getSimpleName() + ", viewer " + viewer;

                TableView table = TableView.of(step.after(), viewer);
                assertSealed(ViewJson.write(table), hidden, known, "table view after " + what);
                checkOwnCardsAndTurn(table, step, known, viewer, what);

                Map<String, Object> event = EventView.of(step.event(), viewer, step.before());
                assertSealed(ViewJson.write(event), hidden, known, what);
                assertOpeningsVerify(openingsIn(event), known, what);

                // the live socket sends a viewer who sees the table as a spectator the spectator's frame
                if (TableView.seesAsSpectator(step.before(), viewer) && TableView.seesAsSpectator(step.after(), viewer)) {
                    assertThat(ViewJson.write(table)).as("a spectator's table view, %s", what)
                            .isEqualTo(ViewJson.write(TableView.of(step.after(), null)));
                    assertThat(ViewJson.write(event)).as("a spectator's event view, %s", what)
                            .isEqualTo(ViewJson.write(EventView.of(step.event(), null, step.before())));
                } else {
                    assertThat(viewer).as("only players have views of their own, %s", what).isIn(players);
                }

                if (!changesWhatIsSeen(step.event())) {
                    continue; // the snapshot's deck changes only with cards dealt, shown, folded or the hand's end
                }
                DeckView deck = DeckView.of(step.after(), viewer);
                if (step.after().hand() == null) {
                    assertThat(deck).as("no deck between hands, %s", what).isNull();
                } else {
                    // the leaves are public and the same for all: compared, not scanned (3 KB per viewer and step)
                    assertThat(deck.commitment()).isEqualTo(known.published.commitment());
                    assertThat(deck.leaves()).isEqualTo(known.published.leaves());
                    assertSealed(ViewJson.write(deck.openings()), hidden, known, "snapshot deck after " + what);
                    assertOpeningsVerify(deck.openings(), known, "snapshot deck after " + what);
                    assertThat(deck.verified()).as(what).isTrue();
                    assertThat(deck.openings()).as("an opening for every card the viewer sees, %s", what)
                            .hasSize(ALL_CARDS.size() - hidden.size());
                }
            }
            if (step.event() instanceof TableEvent.HandClosed) {
                checkCompletedHand(known, players);
            }
        }
    }

    private static boolean changesWhatIsSeen(TableEvent event) {
        if (event instanceof HandProgressed p) {
            HandEvent e = p.event();
            return e instanceof HandEvent.HoleCardsDealt || e instanceof HandEvent.FlopDealt
                    || e instanceof HandEvent.TurnDealt || e instanceof HandEvent.RiverDealt
                    || e instanceof HandEvent.CardsShown || e instanceof HandEvent.PlayerFolded
                    || e instanceof HandEvent.HandMucked;
        }
        return event instanceof TableEvent.HandClosed;
    }

    /** After the hand: each player, a spectator and a reviewing moderator read it; the text too. */
    private static void checkCompletedHand(Knowledge known, List<String> players) {
        CompletedHandView.PerPosition secret = new CompletedHandView.PerPosition(known.salts);
        List<String> readers = new ArrayList<>(players);
        readers.add(null);
        for (String reader : readers) {
            String what = "completed hand for " + reader;
            Set<String> hidden = known.hiddenFrom(reader);
            CompletedHandView view = CompletedHandView.of(TablePlay.TABLE, TablePlay.NOW, TablePlay.NOW,
                    known.handEvents, secret, reader, false);
            assertSealed(ViewJson.write(view), hidden, known, what);
            assertThat(view.deckReveal()).as(what).isNull();
            assertThat(view.deckCommitment().verified()).as(what).isTrue();
            assertThat(view.deckCommitment().leaves()).isEqualTo(known.published.leaves());
            assertOpeningsVerify(view.deckCommitment().openings(), known, what);
            assertThat(view.deckCommitment().openings()).as(what).hasSize(ALL_CARDS.size() - hidden.size());
            for (Map<String, Object> action : view.actions()) {
                assertOpeningsVerify(openingsIn(action), known, what);
            }

            String text = PokerStarsHistory.format(new HistoryContext(1, "Views", 6, TablePlay.NOW, Map.of()),
                    known.handEvents, known.seatOf(reader));
            Matcher card = CARD_WORD.matcher(text);
            while (card.find()) {
                assertThat(hidden).as("history text for %s: %s", reader, text).doesNotContain(card.group(1));
            }
        }
        CompletedHandView review = CompletedHandView.of(TablePlay.TABLE, TablePlay.NOW, TablePlay.NOW,
                known.handEvents, secret, "moderator", true);
        assertThat(review.deckCommitment().openings()).as("a moderator after the hand opens the whole deck")
                .hasSize(52);
        assertThat(review.deckCommitment().verified()).isTrue();
        assertOpeningsVerify(review.deckCommitment().openings(), known, "moderator's review");
    }

    /** No hidden card, no salt of a sealed position, no deck order. */
    private static void assertSealed(String json, Set<String> hidden, Knowledge known, String what) {
        assertThat(HiddenCards.leaked(json, hidden)).as("%s", what).isEmpty();
        // a salt is 32 hex digits: look for sealed ones only inside runs of hex (scanning the whole text
        // for each of up to 52 salts, at every step and for every viewer, would dominate the run time)
        List<String> sealed = known.sealedSalts(hidden);
        Matcher hex = HEX_RUN.matcher(json);
        while (hex.find()) {
            for (String salt : sealed) {
                if (hex.group().contains(salt)) {
                    fail("salt %s of a sealed position in %s: %s", salt, what, json);
                }
            }
        }
        if (known.deckJson != null && json.contains(known.deckJson)) {
            assertThat(json).as("deck order in %s", what).doesNotContain(known.deckJson);
        }
    }

    private static void assertOpeningsVerify(List<Opening> openings, Knowledge known, String what) {
        if (openings.isEmpty()) {
            return;
        }
        if (!known.published.verifies(openings)) {
            for (Opening o : openings) {
                assertThat(known.published.opens(o)).as("opening %s matches its leaf, %s", o, what).isTrue();
            }
            fail("the leaves do not hash to the commitment, %s", what);
        }
    }

    /** The openings an event view carries, read back as the client would. */
    @SuppressWarnings("unchecked")
    private static List<Opening> openingsIn(Map<String, Object> view) {
        Object openings = view.get(EventView.OPENINGS);
        if (openings == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) openings).stream()
                .map(o -> new Opening((Integer) o.get("position"), Card.parse((String) o.get("card")),
                        (String) o.get("salt")))
                .toList();
    }

    /** The views are not merely empty: the owner sees their cards, and the player on turn their actions. */
    private static void checkOwnCardsAndTurn(TableView table, TablePlay.Step step, Knowledge known, String viewer,
                                             String what) {
        if (step.after().hand() == null) {
            assertThat(table.seats()).as("no cards between hands, %s", what).allMatch(s -> s.cards() == null);
            return;
        }
        List<String> own = known.ownCards(viewer);
        if (own != null && table.you() != null) {
            TableView.Seat mine = table.seats().stream().filter(s -> s.seatNumber() == table.you().seatNumber())
                    .findFirst().orElseThrow();
            assertThat(mine.cards()).as("own cards, %s", what).isEqualTo(own);
        }
        boolean onTurn = table.toAct() != null && viewer != null && viewer.equals(table.toAct().playerId());
        assertThat(table.legalActions().isEmpty()).as("legal actions only on turn, %s", what).isEqualTo(!onTurn);
    }
}
