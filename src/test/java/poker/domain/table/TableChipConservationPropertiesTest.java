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
import poker.domain.holdem.ActionType;
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
 * Chips at a table are conserved through anything players do: joins, leaves (also mid-hand),
 * sitting out and in, timeouts and whole hands. At every step, chips brought in equal chips on the
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
                        100 + random.nextInt(901), null), NOW);
            } else if (roll < 14) {
                decision = TableDecider.decide(state, new LeaveTable("p" + random.nextInt(maxSeats + 2)), NOW);
            } else if (roll < 17) {
                decision = TableDecider.decide(state, new SitOut("p" + random.nextInt(maxSeats + 2)), NOW);
            } else if (roll < 22) {
                decision = TableDecider.decide(state, new SitIn("p" + random.nextInt(maxSeats + 2)), NOW);
            } else if (TableDecider.canStartHand(state)) {
                decision = TableDecider.startHand(state, Deck.shuffled(random), DeckCommitment.newSalts(random), NOW);
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
