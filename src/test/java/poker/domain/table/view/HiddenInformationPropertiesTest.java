package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import poker.domain.cards.Card;
import poker.domain.cards.Deck;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.LegalAction;
import poker.domain.table.Participant;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.DeckRevealed;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.HandSalted;

/**
 * Random tables of 2–6 players play random legal actions through TableDecider, with timeouts,
 * players sitting out and leaving mid-hand. After every journal event, every viewer (each player,
 * a spectator and a stranger) gets the table view and the event view, serialized as the socket
 * would send them; none may hold a card the viewer may not know (another player's unshown hole
 * cards, burn or undealt cards), the deck order, or the salt, until the deck is revealed.
 */
class HiddenInformationPropertiesTest {

    private static final int MAX_STEPS = 500;
    private static final List<String> ALL_CARDS = Card.all().stream().map(Card::toString).toList();

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
            byte[] salt = new byte[Deck.SALT_LENGTH];
            random.nextBytes(salt);
            play.start(deck, HexFormat.of().formatHex(salt));
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

        check(play.steps, players);
        Statistics.label("players").collect(players.size());
        Statistics.label("cards shown").collect(shown);
        Statistics.label("hand mucked").collect(mucked);
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
        String salt;
        String deckJson;
        final Set<String> board = new HashSet<>();
        final Map<Integer, List<String>> hole = new HashMap<>();
        final Map<Integer, String> owner = new HashMap<>();
        final Set<Integer> shown = new HashSet<>();

        void learn(TableEvent event) {
            if (event instanceof HandSalted e) {
                salt = e.salt();
                deckJson = null;
                board.clear();
                hole.clear();
                owner.clear();
                shown.clear();
            } else if (event instanceof HandProgressed p) {
                HandEvent e = p.event();
                if (e instanceof HandEvent.HandStarted s) {
                    s.seats().forEach(seat -> owner.put(seat.seat(), seat.playerId()));
                    deckJson = ViewJson.write(s.deck());
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

        List<String> ownCards(String viewer) {
            return owner.entrySet().stream().filter(e -> e.getValue().equals(viewer)).findFirst()
                    .map(e -> hole.get(e.getKey())).orElse(null);
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
            boolean reveal = step.event() instanceof DeckRevealed;
            for (String viewer : viewers) {
                Set<String> hidden = known.hiddenFrom(viewer);
                String what = "event " + i + " " + step.event().getClass().getSimpleName() + ", viewer " + viewer;

                TableView table = TableView.of(step.after(), viewer);
                String tableJson = ViewJson.write(table);
                assertThat(HiddenCards.leaked(tableJson, hidden)).as("table view after %s", what).isEmpty();
                assertNoSecret(tableJson, known, "table view after " + what);
                checkOwnCardsAndTurn(table, step, known, viewer, what);

                String eventJson = ViewJson.write(EventView.of(step.event(), viewer, step.before()));
                if (!reveal) {
                    assertThat(HiddenCards.leaked(eventJson, hidden)).as("%s", what).isEmpty();
                    assertNoSecret(eventJson, known, what);
                }
            }
        }
    }

    private static void assertNoSecret(String json, Knowledge known, String what) {
        if (known.salt != null) {
            assertThat(json).as("salt in %s", what).doesNotContain(known.salt);
        }
        if (known.deckJson != null) {
            assertThat(json).as("deck order in %s", what).doesNotContain(known.deckJson);
        }
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
