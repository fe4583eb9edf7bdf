package poker.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import poker.domain.Decision;
import poker.domain.cards.Deck;
import poker.domain.cards.DeckCommitment;
import poker.domain.holdem.ActionType;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HoldemEngine;
import poker.domain.holdem.LegalAction;
import poker.domain.table.TableCommand.Act;
import poker.domain.table.TableCommand.PermitHand;
import poker.domain.table.TableCommand.RemoveEntry;
import poker.domain.table.TableCommand.SeatEntry;
import poker.domain.table.TableCommand.SitIn;
import poker.domain.table.TableCommand.SitOut;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.TournamentHandEnded;

/**
 * Tournament chips are conserved at a table through random play: entries seated and removed by a
 * director, permits with rising blinds and big-blind antes, players sitting out (dealt in and blinded
 * away) and coming back, timeouts, all-ins and eliminations. At every step, chips seated equal chips on
 * the table plus chips removed; every hand's report covers exactly its dealt-in players with start and
 * end stacks summing to the same total; whoever ends a hand on 0 leaves "eliminated" right after; and
 * replaying the journal rebuilds the same table.
 */
class TournamentTableChipsPropertiesTest {

    static final String TABLE = "7a0b6c1e-0000-4000-8000-0000000000aa";
    static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @Property(tries = 100)
    void tournamentChipsAreConservedThroughRandomPlay(@ForAll long seed,
                                                      @ForAll @IntRange(min = 2, max = 9) int maxSeats) {
        Random random = new Random(seed);
        TableSettings settings = new TableSettings("T", 10, 20, maxSeats, 0, 0, 20, "tourney");
        List<TableEvent> journal = new ArrayList<>();
        TableState state = record(TableState.empty(TABLE), journal, TableDecider.decide(TableState.empty(TABLE),
                new TableCommand.CreateTable(TABLE, settings, uid("director"), NOW), NOW));
        long in = 0;
        long out = 0;
        int entries = 0;
        int level = 1;
        for (int step = 0; step < 500; step++) {
            int roll = random.nextInt(100);
            Decision<TableEvent> decision;
            if (roll < 8) {
                String player = uid("p" + random.nextInt(maxSeats + 3));
                decision = TableDecider.decide(state, new SeatEntry(pid(entries++), player,
                        1 + random.nextInt(3000), 1 + random.nextInt(maxSeats)), NOW);
            } else if (roll < 11 && !state.participants().isEmpty()) {
                Participant p = state.participants().get(random.nextInt(state.participants().size()));
                decision = TableDecider.decide(state, new RemoveEntry(p.participantId(), "elsewhere", "balance"), NOW);
            } else if (roll < 15) {
                decision = TableDecider.decide(state, new SitOut(uid("p" + random.nextInt(maxSeats + 3))), NOW);
            } else if (roll < 18) {
                decision = TableDecider.decide(state, new SitIn(uid("p" + random.nextInt(maxSeats + 3))), NOW);
            } else if (roll < 25 && !state.handLive()) {
                level += random.nextInt(2);
                long big = 20L * level;
                long ante = random.nextBoolean() ? big : random.nextInt((int) big);
                decision = TableDecider.decide(state, new PermitHand(state.handsPlayed() + 1, level, big / 2, big,
                        ante), NOW);
            } else if (TableDecider.canStartHand(state)) {
                decision = TableDecider.startHand(state, Deck.shuffled(random), DeckCommitment.newSalts(random), NOW);
                Statistics.label("hands").collect("dealt");
            } else if (state.handLive() && state.clock() != null) {
                TurnClock clock = state.clock();
                if (roll < 35) {
                    decision = TableDecider.timeout(state, clock.handNumber(), clock.seatNumber(), clock.deadline());
                } else {
                    List<LegalAction> legal = HoldemEngine.legalActions(state.hand());
                    LegalAction choice = legal.get(random.nextInt(legal.size()));
                    long amount = choice.action() == ActionType.BET || choice.action() == ActionType.RAISE
                            ? choice.min() + (long) (random.nextDouble() * (choice.max() - choice.min())) : 0;
                    String player = state.seat(clock.seatNumber()).orElseThrow().playerId();
                    decision = TableDecider.decide(state, new Act(player, clock.handNumber(), choice.action(), amount),
                            NOW);
                    assertThat(decision).as("legal action %s refused", choice).isInstanceOf(Decision.Accepted.class);
                }
            } else {
                continue;
            }
            if (decision instanceof Decision.Accepted<TableEvent> accepted) {
                TableState before = state;
                for (TableEvent e : accepted.events()) {
                    if (e instanceof ParticipantJoined j) {
                        in += j.chips();
                    } else if (e instanceof ParticipantLeft l) {
                        out += l.chipsReturned();
                        if ("eliminated".equals(l.reason())) {
                            Statistics.label("eliminations").collect("eliminated");
                            assertThat(l.chipsReturned()).isZero();
                        }
                    }
                }
                checkTheHandsEnd(before, accepted.events());
            }
            state = record(state, journal, decision);
            assertThat(onTable(state) + out).as("step %d", step).isEqualTo(in);
            assertThat(state.participants()).allSatisfy(p -> {
                assertThat(p.chips()).isNotNegative();
                assertThat(p.owesBlinds()).as("nobody owes blinds at a tournament table").isFalse();
            });
            if (!state.handLive()) {
                assertThat(state.participants()).as("nobody sits with no chips between hands")
                        .allSatisfy(p -> assertThat(p.chips()).isPositive());
            }
        }
        assertThat(journal).noneMatch(e -> e instanceof TableEvent.BlindMissed);
        assertThat(TableState.replay(TABLE, journal)).isEqualTo(state);
    }

    /**
     * A hand's end: its report lists every dealt-in player, start and end summing to the same chips,
     * and each one ending on 0 leaves as eliminated in the same batch, after the report.
     */
    private static void checkTheHandsEnd(TableState before, List<TableEvent> events) {
        HandEvent.HandStarted started = null;
        for (TableEvent e : events) {
            if (e instanceof HandProgressed p && p.event() instanceof HandEvent.HandStarted s) {
                started = s;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (!(events.get(i) instanceof TournamentHandEnded report)) {
                continue;
            }
            assertThat(events.get(i - 1)).isInstanceOf(TableEvent.HandClosed.class);
            List<Integer> dealt = started != null ? started.seats().stream().map(s -> s.seat()).toList()
                    : before.hand().seats().stream().map(s -> s.seat()).toList();
            assertThat(report.stacks()).hasSize(dealt.size());
            assertThat(report.stacks().stream().mapToLong(TableEvent.HandStack::startChips).sum())
                    .isEqualTo(report.stacks().stream().mapToLong(TableEvent.HandStack::endChips).sum());
            List<String> busted = report.stacks().stream().filter(s -> s.endChips() == 0)
                    .map(TableEvent.HandStack::participantId).toList();
            List<String> eliminated = events.subList(i + 1, events.size()).stream()
                    .filter(e -> e instanceof ParticipantLeft l && "eliminated".equals(l.reason()))
                    .map(e -> ((ParticipantLeft) e).participantId()).toList();
            assertThat(eliminated).containsExactlyInAnyOrderElementsOf(busted);
        }
    }

    private static String uid(String name) {
        return UUID.nameUUIDFromBytes(("user-" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String pid(int n) {
        return UUID.nameUUIDFromBytes(("entry-" + n).getBytes(StandardCharsets.UTF_8)).toString();
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
