package poker.domain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import poker.domain.history.PokerStarsHistoryParser.ParsedHand;
import poker.domain.history.PokerStarsHistoryParser.Seat;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.PlayerChecked;
import poker.domain.holdem.HandEvent.PlayerFolded;
import poker.domain.holdem.HandSetup;
import poker.domain.holdem.HandState;
import poker.domain.holdem.RandomHands;
import poker.domain.holdem.SeatSetup;

/**
 * Random tables (2–10 players, short and deep stacks, antes, dead buttons, sitting-out players,
 * timeouts, extra blinds live and dead, seated players not dealt in) play random legal actions to the end; each history, for a random viewer, must read
 * back and agree with the events. The seed drives everything, so a failure names its hand.
 */
class HandHistoryPropertiesTest {

    @Property(tries = 400)
    void everyHandReadsBackAndAgreesWithItsEvents(@ForAll long seed) {
        Random random = new Random(seed);
        HandSetup setup = RandomHands.table(random);
        List<HandEvent> events = RandomHands.play(setup, random);
        HandState end = HandState.replay(events);

        Map<Integer, String> names = new HashMap<>();
        List<SeatSetup> seated = new java.util.ArrayList<>(setup.seats());
        seated.addAll(setup.notDealtIn());
        for (SeatSetup s : seated) {
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
        List<org.assertj.core.groups.Tuple> expectedSeats = new java.util.ArrayList<>(end.seats().stream()
                .map(s -> org.assertj.core.groups.Tuple.tuple(s.seat(), names.get(s.seat()), s.startingStack(),
                        s.sittingOut()))
                .toList());
        setup.notDealtIn().forEach(s -> expectedSeats.add(org.assertj.core.groups.Tuple.tuple(s.seat(),
                names.get(s.seat()), s.stack(), true)));
        expectedSeats.sort(java.util.Comparator.comparingInt(t -> (Integer) t.toArray()[0]));
        assertThat(hand.seats()).extracting(Seat::seat, Seat::name, Seat::chips, Seat::sittingOut)
                .as("every seated player; those not dealt in sitting out").containsExactlyElementsOf(expectedSeats);
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
        Statistics.label("extra posts").collect(setup.posts().isEmpty() ? "none" : "posted");
    }
}
