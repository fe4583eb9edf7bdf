package poker.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import poker.domain.Decision;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import net.jqwik.api.statistics.Statistics;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.SeatSetup;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.LegalAction;
import poker.domain.table.TableCommand.Act;
import poker.domain.table.TableCommand.JoinParticipant;
import poker.domain.table.TableCommand.LeaveTable;
import poker.domain.table.TableCommand.SitIn;
import poker.domain.table.TableCommand.SitOut;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;

/**
 * Chips at a table are conserved through anything players do: joins and returns from sitting out
 * that wait for the big blind or post it (rule 12, with missed blinds posted live and dead), leaves
 * (also mid-hand), sitting out, timeouts and whole hands. At every step, chips brought in equal chips on the
 * table (stacks, bets and pots of the hand in play) plus chips taken away; no stack goes negative;
 * and replaying the journal rebuilds the same table.
 */
class TableChipConservationPropertiesTest {

    static final String TABLE = "t-prop";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Property(tries = 200)
    void chipsAreConservedThroughRandomPlay(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int maxSeats) {
        Random random = new Random(seed);
        TableState state = TableState.empty(TABLE);
        List<TableEvent> journal = new ArrayList<>();
        TableSettings settings = new TableSettings("P", 5, 10, maxSeats, 100, 1000, 20);
        state = record(state, journal, TableDecider.decide(state,
                new TableCommand.CreateTable(TABLE, settings, "c", NOW), NOW));
        long in = 0;
        long out = 0;
        int players = 0;
        for (int step = 0; step < 400; step++) {
            int roll = random.nextInt(100);
            Decision<TableEvent> decision;
            if (roll < 10) {
                String player = "p" + random.nextInt(maxSeats + 2);
                decision = TableDecider.decide(state, new JoinParticipant("j" + (players++), player,
                        100 + random.nextInt(901), null, waitOrPost(random)), NOW);
            } else if (roll < 14) {
                decision = TableDecider.decide(state, new LeaveTable("p" + random.nextInt(maxSeats + 2)), NOW);
            } else if (roll < 17) {
                decision = TableDecider.decide(state, new SitOut("p" + random.nextInt(maxSeats + 2)), NOW);
            } else if (roll < 22) {
                decision = TableDecider.decide(state, new SitIn("p" + random.nextInt(maxSeats + 2), waitOrPost(random)),
                        NOW);
            } else if (TableDecider.canStartHand(state)) {
                decision = TableDecider.startHand(state, Deck.shuffled(random), DeckCommitment.newSalts(random), NOW);
                dealtInOnlyAsRule12Allows(state, decision);
            } else if (state.handLive() && state.clock() != null) {
                TurnClock clock = state.clock();
                if (roll < 30) {
                    decision = TableDecider.timeout(state, clock.handNumber(), clock.seatNumber(), clock.deadline());
                } else {
                    List<LegalAction> legal = HoldemEngine.legalActions(state.hand());
                    LegalAction choice = legal.get(random.nextInt(legal.size()));
                    long amount = choice.action() == ActionType.BET || choice.action() == ActionType.RAISE
                            ? choice.min() + (long) (random.nextDouble() * (choice.max() - choice.min())) : 0;
                    String player = state.seat(clock.seatNumber()).orElseThrow().playerId();
                    decision = TableDecider.decide(state, new Act(player, clock.handNumber(), choice.action(),
                            amount), NOW);
                    assertThat(decision).as("legal action %s refused", choice).isInstanceOf(Decision.Accepted.class);
                }
            } else {
                continue;
            }
            if (decision instanceof Decision.Accepted<TableEvent> accepted) {
                for (TableEvent e : accepted.events()) {
                    if (e instanceof ParticipantJoined j) {
                        in += j.chips();
                    } else if (e instanceof ParticipantLeft l) {
                        out += l.chipsReturned();
                    }
                }
            }
            state = record(state, journal, decision);
            assertThat(onTable(state) + out).as("step %d", step).isEqualTo(in);
            assertThat(state.participants()).allSatisfy(p -> assertThat(p.chips()).isNotNegative());
        }
        assertThat(TableState.replay(TABLE, journal)).isEqualTo(state);
    }

    /** A player's choice when joining or coming back: wait for the big blind (also by default) or post. */
    private static Boolean waitOrPost(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> true;
            default -> false;
        };
    }

    /**
     * Rule 12 at every deal: a player sitting out is not dealt in; one waiting for the big blind only as
     * the big blind, or when fewer than two are in the game (it starts); only a poster posts extra blinds.
     */
    private static void dealtInOnlyAsRule12Allows(TableState before, Decision<TableEvent> decision) {
        HandEvent.HandStarted started = decision.eventsOrThrow().stream()
                .filter(e -> e instanceof TableEvent.HandProgressed p && p.event() instanceof HandEvent.HandStarted)
                .map(e -> (HandEvent.HandStarted) ((TableEvent.HandProgressed) e).event()).findFirst().orElseThrow();
        boolean starting = before.playing().stream().filter(Participant::ready).count() < 2;
        for (SeatSetup seat : started.seats()) {
            Participant p = before.seat(seat.seat()).orElseThrow();
            assertThat(p.playing()).as("dealt in while sitting out: %s", p).isTrue();
            if (p.waitingForBigBlind() && !starting) {
                assertThat(seat.seat()).as("dealt in while waiting, not as the big blind: %s", p)
                        .isEqualTo(started.bigBlindSeat());
            }
        }
        decision.eventsOrThrow().stream()
                .filter(e -> e instanceof TableEvent.HandProgressed p && p.event() instanceof HandEvent.BlindPosted b
                        && (b.blind() == HandEvent.Blind.EXTRA_BIG || b.blind() == HandEvent.Blind.DEAD_SMALL))
                .map(e -> (HandEvent.BlindPosted) ((TableEvent.HandProgressed) e).event())
                .forEach(b -> {
                    Participant p = before.seat(b.seat()).orElseThrow();
                    assertThat(p.posting() && !starting).as("an extra blind from %s", p).isTrue();
                    Statistics.label("extra posts").collect(b.blind());
                });
    }

    /** Stacks between hands; during a hand, the hand's stacks plus everything put in (bets and pots). */
    private static long onTable(TableState state) {
        long total = state.participants().stream().mapToLong(Participant::chips).sum();
        if (state.hand() != null && !state.hand().handOver()) {
            long before = state.hand().seats().stream().mapToLong(s -> s.startingStack()).sum();
            long now = state.hand().seats().stream().mapToLong(s -> s.stack()).sum() + state.hand().potTotal();
            assertThat(now).as("the hand conserves its chips").isEqualTo(before);
        }
        return total;
    }

    private static TableState record(TableState state, List<TableEvent> journal, Decision<TableEvent> decision) {
        if (decision instanceof Decision.Accepted<TableEvent> accepted) {
            for (TableEvent e : accepted.events()) {
                state = state.apply(e);
                journal.add(e);
            }
        }
        return state;
    }
}
