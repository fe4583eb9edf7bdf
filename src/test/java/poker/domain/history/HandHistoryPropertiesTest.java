package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import poker.domain.cards.Card;
import poker.domain.history.PokerStarsHistoryParser.ParsedHand;
import poker.domain.history.PokerStarsHistoryParser.Seat;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.PlayerChecked;
import poker.domain.holdem.HandEvent.PlayerFolded;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HandState;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.LegalAction;
import poker.domain.holdem.SeatSetup;

/**
 * Random tables (2–10 players, short and deep stacks, antes, dead buttons, sitting-out players,
 * timeouts) play random legal actions to the end; each history, for a random viewer, must read
 * back and agree with the events. The seed drives everything, so a failure names its hand.
 */
class HandHistoryPropertiesTest {

    @Property(tries = 400)
    void everyHandReadsBackAndAgreesWithItsEvents(@ForAll long seed) {
        Random random = new Random(seed);
        HandSetup setup = randomTable(random);
        List<HandEvent> events = play(setup, random);
        HandState end = HandState.replay(events);

        Map<Integer, String> names = new HashMap<>();
        for (SeatSetup s : setup.seats()) {
            names.put(s.seat(), random.nextBoolean() ? "Player " + s.seat() : "p" + s.seat() + "_x");
        }
        List<Integer> dealtIn = end.seats().stream().map(s -> s.seat()).toList();
        Integer viewer = random.nextInt(4) == 0 ? null : dealtIn.get(random.nextInt(dealtIn.size()));
        long handId = random.nextLong() & Long.MAX_VALUE;
        HistoryContext ctx = new HistoryContext(handId, "Table " + random.nextInt(100), 10,
                Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000)), names);

        String text = PokerStarsHistory.format(ctx, events, viewer);
        ParsedHand hand = PokerStarsHistoryParser.parse(text);

        assertThat(hand.handId()).isEqualTo(handId);
        assertThat(hand.smallBlind()).isEqualTo(setup.smallBlind());
        assertThat(hand.bigBlind()).isEqualTo(setup.bigBlind());
        assertThat(hand.buttonSeat()).isEqualTo(setup.buttonSeat());
        assertThat(hand.seats()).extracting(Seat::seat, Seat::name, Seat::chips)
                .containsExactlyElementsOf(end.seats().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.seat(), names.get(s.seat()),
                                s.startingStack()))
                        .toList());
        assertThat(hand.board()).isEqualTo(end.board());

        Map<String, Long> expectedCollected = new LinkedHashMap<>();
        HistoryEvents.wonBySeat(events).forEach((seat, amount) -> expectedCollected.put(names.get(seat), amount));
        Map<String, Long> collected = new LinkedHashMap<>(hand.collectedByPlayer());
        collected.values().removeIf(amount -> amount == 0); // an empty pot is collected by the last player standing
        assertThat(collected).as("collected per player").isEqualTo(expectedCollected);
        assertThat(hand.totalPot()).as("total pot").isEqualTo(HistoryEvents.potFromContributions(events));
        assertThat(hand.rake()).isZero();

        long playerActions = events.stream()
                .filter(e -> e instanceof PlayerFolded || e instanceof PlayerChecked || e instanceof BetPlaced)
                .count();
        assertThat(hand.actions().values().stream().mapToLong(List::size).sum()).isEqualTo(playerActions);

        HiddenInformationTest.assertOnlyVisibleCards(text, events, viewer);

        Statistics.label("ended").collect(hand.showdown() ? "showdown" : "folds");
        Statistics.label("pots").collect(hand.potBreakdown().isEmpty() ? "one pot" : "side pots");
        Statistics.label("viewer").collect(viewer == null ? "nobody" : "a player");
    }

    private static List<HandEvent> play(HandSetup setup, Random random) {
        List<HandEvent> events = new ArrayList<>(HoldemEngine.start(setup));
        HandState state = HandState.replay(events);
        while (!state.handOver()) {
            List<HandEvent> next;
            if (random.nextInt(12) == 0) {
                next = HoldemEngine.timeout(state);
            } else {
                List<LegalAction> legal = HoldemEngine.legalActions(state);
                LegalAction choice = legal.get(random.nextInt(legal.size()));
                long amount = choice.min() + (long) (random.nextDouble() * (choice.max() - choice.min() + 1));
                next = HoldemEngine.act(state, state.toAct(), choice.action(), amount).eventsOrThrow();
            }
            for (HandEvent e : next) {
                events.add(e);
                state = state.apply(e);
            }
        }
        return events;
    }

    /** The same kind of tables as the engine's own property test. */
    private static HandSetup randomTable(Random random) {
        int players = 2 + random.nextInt(9);
        List<Integer> seatNumbers = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        Collections.shuffle(seatNumbers, random);
        seatNumbers = new ArrayList<>(seatNumbers.subList(0, players));
        Collections.sort(seatNumbers);

        long bigBlind = 2 + random.nextInt(500);
        long smallBlind = random.nextInt(4) == 0 ? random.nextInt((int) bigBlind + 1) : bigBlind / 2;
        long ante = random.nextInt(3) == 0 ? 1 + random.nextInt((int) bigBlind) : 0;

        List<SeatSetup> seats = new ArrayList<>();
        List<Integer> dealtIn = new ArrayList<>();
        for (int seat : seatNumbers) {
            long stack = switch (random.nextInt(6)) {
                case 0 -> 1 + random.nextInt((int) (3 * bigBlind));
                case 1 -> dealtIn.size() >= 2 && random.nextBoolean() ? 0 : 1 + random.nextInt(5);
                default -> bigBlind * (5 + random.nextInt(150));
            };
            seats.add(new SeatSetup(seat, "id-" + seat, stack, random.nextInt(10) == 0));
            if (stack > 0) {
                dealtIn.add(seat);
            }
        }
        if (dealtIn.size() < 2) {
            seats.clear();
            dealtIn.clear();
            for (int seat : seatNumbers.subList(0, 2)) {
                seats.add(SeatSetup.of(seat, "id-" + seat, bigBlind * 20));
                dealtIn.add(seat);
            }
        }
        int button = 1 + random.nextInt(10);
        Integer sbSeat = null;
        Integer bbSeat = null;
        if (random.nextInt(4) == 0) {
            bbSeat = dealtIn.get(random.nextInt(dealtIn.size()));
            int b = bbSeat;
            List<Integer> others = dealtIn.stream().filter(s -> s != b).toList();
            sbSeat = random.nextInt(5) == 0 ? null : others.get(random.nextInt(others.size()));
        }
        List<Card> deck = new ArrayList<>(Card.all());
        Collections.shuffle(deck, random);
        return new HandSetup(1, seats, button, sbSeat, bbSeat, smallBlind, bigBlind, ante, deck, "c");
    }
}
