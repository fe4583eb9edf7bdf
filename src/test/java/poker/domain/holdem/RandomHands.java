package poker.domain.holdem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import poker.domain.cards.Card;

/**
 * Random tables and random play for property tests: 2–10 players, short and deep stacks, random
 * blinds and antes, dead buttons, sitting-out players, timeouts; at cash tables, extra blinds posted
 * live or dead and seated players not dealt in (rule 12). The {@link Random} drives
 * everything, so a seed names a reproducible hand.
 */
public final class RandomHands {

    private RandomHands() {
    }

    /** A random table with a shuffled deck; player ids are {@code p<seat>}. */
    public static HandSetup table(Random random) {
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
                case 0 -> 1 + random.nextInt((int) (3 * bigBlind));        // short
                case 1 -> dealtIn.size() >= 2 && random.nextBoolean() ? 0 : 1 + random.nextInt(5); // tiny or busted
                default -> bigBlind * (5 + random.nextInt(150));
            };
            boolean sittingOut = random.nextInt(10) == 0;
            seats.add(new SeatSetup(seat, "p" + seat, stack, sittingOut));
            if (stack > 0) {
                dealtIn.add(seat);
            }
        }
        if (dealtIn.size() < 2) {
            seats.clear();
            dealtIn.clear();
            for (int seat : seatNumbers.subList(0, 2)) {
                seats.add(SeatSetup.of(seat, "p" + seat, bigBlind * 20));
                dealtIn.add(seat);
            }
        }
        int button = 1 + random.nextInt(10); // may be an empty seat: a dead button
        Integer sbSeat = null;
        Integer bbSeat = null;
        if (random.nextInt(4) == 0) {        // tournament: positions given explicitly
            bbSeat = dealtIn.get(random.nextInt(dealtIn.size()));
            int b = bbSeat;
            List<Integer> others = dealtIn.stream().filter(s -> s != b).toList();
            sbSeat = random.nextInt(5) == 0 ? null : others.get(random.nextInt(others.size()));
        }
        List<Card> deck = new ArrayList<>(Card.all());
        Collections.shuffle(deck, random);
        HandSetup setup = new HandSetup(1, seats, button, sbSeat, bbSeat, smallBlind, bigBlind, ante, deck, "c");
        if (bbSeat == null && random.nextInt(3) == 0) { // cash: new or returning players post (rule 12)
            HandEvent.HandStarted positions = (HandEvent.HandStarted) HoldemEngine.start(setup).get(0);
            List<HandSetup.Post> posts = new ArrayList<>();
            for (int seat : dealtIn) {
                if (seat == positions.bigBlindSeat() || Integer.valueOf(seat).equals(positions.smallBlindSeat())
                        || random.nextInt(3) != 0) {
                    continue;
                }
                switch (random.nextInt(3)) {
                    case 0 -> posts.add(new HandSetup.Post(seat, HandEvent.Blind.EXTRA_BIG));
                    case 1 -> posts.add(new HandSetup.Post(seat, HandEvent.Blind.DEAD_SMALL));
                    default -> {
                        posts.add(new HandSetup.Post(seat, HandEvent.Blind.EXTRA_BIG));
                        posts.add(new HandSetup.Post(seat, HandEvent.Blind.DEAD_SMALL));
                    }
                }
            }
            List<SeatSetup> notDealtIn = new ArrayList<>();
            for (int seat = 1; seat <= 10; seat++) { // others seated but not dealt in: sitting out, or waiting
                int s = seat;
                if (seats.stream().noneMatch(x -> x.seat() == s) && random.nextInt(4) == 0) {
                    notDealtIn.add(new SeatSetup(seat, "p" + seat, 1 + random.nextInt((int) (100 * bigBlind)), true));
                }
            }
            setup = setup.withPosts(posts).withNotDealtIn(notDealtIn);
        }
        return setup;
    }

    /**
     * One random step of a live hand: a timeout one time in twelve, otherwise a random offered
     * action at a random amount within its range.
     */
    public static List<HandEvent> step(HandState state, Random random) {
        if (random.nextInt(12) == 0) {
            return HoldemEngine.timeout(state);
        }
        List<LegalAction> legal = HoldemEngine.legalActions(state);
        LegalAction choice = legal.get(random.nextInt(legal.size()));
        long amount = choice.min() + (long) (random.nextDouble() * (choice.max() - choice.min() + 1));
        return HoldemEngine.act(state, state.toAct(), choice.action(), amount).eventsOrThrow();
    }

    /** Plays a hand from {@code setup} with random {@link #step steps} to its end; all its events. */
    public static List<HandEvent> play(HandSetup setup, Random random) {
        List<HandEvent> events = new ArrayList<>(HoldemEngine.start(setup));
        HandState state = HandState.replay(events);
        while (!state.handOver()) {
            for (HandEvent e : step(state, random)) {
                events.add(e);
                state = state.apply(e);
            }
        }
        return events;
    }
}
