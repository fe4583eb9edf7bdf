package poker.domain.table;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import poker.domain.RecentIds;
import poker.domain.RecentMap;
import poker.domain.holdem.HandEvent;
import poker.domain.holdem.HandEvent.BetPlaced;
import poker.domain.holdem.HandEvent.HandEnded;
import poker.domain.holdem.HandEvent.HandStarted;
import poker.domain.holdem.HandEvent.PlayerChecked;
import poker.domain.holdem.HandEvent.PlayerFolded;
import poker.domain.holdem.HandState;
import poker.domain.holdem.HoldemEngine;
import poker.domain.table.TableEvent.BlindMissed;
import poker.domain.table.TableEvent.DeckRevealed;
import poker.domain.table.TableEvent.DeckSalted;
import poker.domain.table.TableEvent.HandClosed;
import poker.domain.table.TableEvent.HandPermitted;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.HandSalted;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeaving;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.ParticipantSatIn;
import poker.domain.table.TableEvent.ParticipantSatOut;
import poker.domain.table.TableEvent.TableClosed;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableEvent.TournamentHandEnded;
import poker.domain.table.TableEvent.TurnClockStarted;

/**
 * A table as its events made it. Pure and deterministic: {@link #apply} never reads a clock or
 * a random source, so replaying the journal always rebuilds the same state.
 *
 * @param settings       null until the table is created
 * @param participants   ordered by seat number
 * @param joinedIds      the last {@link #JOIN_WINDOW} participant ids that joined, oldest first, so a
 *                       retried join of a participant who has since left is recognised
 * @param handsPlayed    hands that have ended here; the next hand is number {@code handsPlayed + 1}
 * @param button         the dealer button's seat in the last hand, null before the first
 * @param lastBigBlind   the big blind's seat in the last hand (heads-up button placement)
 * @param hand           the hand in play (server-side: holds the deck), null between hands
 * @param salt           first scheme: the one secret salt of the current hand's deck commitment
 * @param salts          the current hand's per-position salts (secret; {@code DeckSalted}), null for a
 *                       first-scheme hand and between hands
 * @param clock          the running turn, null when nobody is to act
 * @param permit         a tournament table's latest hand permit (the director's {@code HandPermitted}), null
 *                       before the first and at a cash table; the next hand may be dealt when it is for
 *                       hand {@code handsPlayed + 1}
 * @param closed         how a tournament table was closed, null while it is open
 * @param removals       a tournament table's last {@link #REMOVAL_WINDOW} departures by participant id, oldest
 *                       first, so a director that retries a {@code RemoveEntry} learns the chips then removed
 */
public record TableState(String tableId, TableSettings settings, List<Participant> participants,
                         @JsonDeserialize(as = LinkedHashSet.class) Set<String> joinedIds,
                         long handsPlayed, Integer button, Integer lastBigBlind,
                         HandState hand, String salt, List<String> salts, TurnClock clock,
                         HandPermitted permit, TableClosed closed,
                         @JsonDeserialize(as = LinkedHashMap.class) Map<String, ParticipantLeft> removals) {

    /**
     * How many of the latest joins a table remembers. Only a buy-in saga retries a join, within seconds
     * of the first attempt (a seated participant is recognised without this window), while a table sees
     * a few joins a minute; 256 is far beyond that, at about 10 KB per snapshot.
     */
    public static final int JOIN_WINDOW = 256;

    /**
     * How many departures a tournament table remembers. A director retries a removal within seconds, and
     * a table sees at most a few seats change per hand (its own size when it breaks); 64 is far beyond.
     */
    public static final int REMOVAL_WINDOW = 64;

    public TableState {
        participants = List.copyOf(participants);
        salts = salts == null ? null : List.copyOf(salts);
        joinedIds = RecentIds.copyOf(joinedIds);
        removals = RecentMap.copyOf(removals);
    }

    public static TableState empty(String tableId) {
        return new TableState(tableId, null, List.of(), Set.of(), 0, null, null, null, null, null, null, null, null,
                Map.of());
    }

    public boolean created() {
        return settings != null;
    }

    /** A tournament's table, driven by its director. */
    public boolean tournament() {
        return created() && settings.tournament();
    }

    /** Closed by its director: it refuses everything. */
    public boolean tableClosed() {
        return closed != null;
    }

    /** The permit for the next hand, if the director has given it. */
    public Optional<HandPermitted> nextHandPermit() {
        return permit != null && permit.handNumber() == handsPlayed + 1 ? Optional.of(permit) : Optional.empty();
    }

    public boolean full() {
        return created() && participants.size() >= settings.maxSeats();
    }

    /** A hand is being played (it has started and not yet ended). */
    public boolean handLive() {
        return hand != null && !hand.handOver();
    }

    public Optional<Participant> participant(String participantId) {
        return participants.stream().filter(p -> p.participantId().equals(participantId)).findFirst();
    }

    public Optional<Participant> seat(int seatNumber) {
        return participants.stream().filter(p -> p.seatNumber() == seatNumber).findFirst();
    }

    public Optional<Participant> participantOf(String playerId) {
        return participants.stream().filter(p -> p.playerId().equals(playerId)).findFirst();
    }

    /** Sitting in with chips: dealt into the next hand, or waiting for the big blind (rule 12). */
    public List<Participant> playing() {
        return participants.stream().filter(Participant::playing).toList();
    }

    /** The lowest free seat, if any. */
    public Optional<Integer> firstFreeSeat() {
        if (!created()) {
            return Optional.empty();
        }
        for (int s = 1; s <= settings.maxSeats(); s++) {
            if (seat(s).isEmpty()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public TableState apply(TableEvent event) {
        if (event instanceof TableCreated e) {
            return new TableState(e.tableId(), e.settings(), List.of(), Set.of(), 0, null, null, null, null, null,
                    null, null, null, Map.of());
        } else if (event instanceof ParticipantJoined e) {
            List<Participant> next = new ArrayList<>(participants);
            // a newcomer owes a big blind (rule 12); one who joined before the rule owes nothing
            next.add(new Participant(e.participantId(), e.playerId(), e.seatNumber(), e.chips(),
                    e.chips(), e.sittingOut(), 0, false,
                    e.waitForBigBlind() == null ? Participant.BlindsDue.NONE : Participant.BlindsDue.NEW_PLAYER,
                    Boolean.TRUE.equals(e.waitForBigBlind())));
            next.sort(Comparator.comparingInt(Participant::seatNumber));
            Set<String> joined = RecentIds.copyOf(joinedIds).plus(e.participantId(), JOIN_WINDOW);
            return new TableState(tableId, settings, next, joined, handsPlayed, button, lastBigBlind, hand, salt,
                    salts, clock, permit, closed, removals);
        } else if (event instanceof ParticipantLeft e) {
            List<Participant> next = new ArrayList<>(participants);
            next.removeIf(p -> p.participantId().equals(e.participantId()));
            // a tournament table remembers who went with what, for a director's retried removal
            Map<String, ParticipantLeft> gone = tournament()
                    ? RecentMap.copyOf(removals).plus(e.participantId(), e, REMOVAL_WINDOW) : removals;
            return new TableState(tableId, settings, next, joinedIds, handsPlayed, button, lastBigBlind, hand, salt,
                    salts, clock, permit, closed, gone);
        } else if (event instanceof ParticipantLeaving e) {
            return updateParticipant(e.participantId(), Participant::markLeaving);
        } else if (event instanceof ParticipantSatOut e) {
            return updateParticipant(e.participantId(), p -> p.withSittingOut(true));
        } else if (event instanceof ParticipantSatIn e) {
            return updateParticipant(e.participantId(), p -> p.sittingIn(!Boolean.FALSE.equals(e.waitForBigBlind())));
        } else if (event instanceof BlindMissed e) {
            return updateParticipant(e.participantId(), p -> p.missed(e.blind() == HandEvent.Blind.BIG));
        } else if (event instanceof HandSalted e) {
            return new TableState(tableId, settings, participants, joinedIds, handsPlayed, button, lastBigBlind,
                    hand, e.salt(), null, clock, permit, closed, removals);
        } else if (event instanceof DeckSalted e) {
            return new TableState(tableId, settings, participants, joinedIds, handsPlayed, button, lastBigBlind,
                    hand, null, e.salts(), clock, permit, closed, removals);
        } else if (event instanceof HandProgressed e) {
            return applyHandEvent(e.event());
        } else if (event instanceof TurnClockStarted e) {
            return new TableState(tableId, settings, participants, joinedIds, handsPlayed, button, lastBigBlind,
                    hand, salt, salts, new TurnClock(e.handNumber(), e.seatNumber(), e.deadline()), permit, closed,
                    removals);
        } else if (event instanceof HandPermitted e) {
            return new TableState(tableId, settings, participants, joinedIds, handsPlayed, button, lastBigBlind,
                    hand, salt, salts, clock, e, closed, removals);
        } else if (event instanceof TournamentHandEnded) {
            return this; // a report for the director: the hand's stacks are in the participants already
        } else if (event instanceof TableClosed e) {
            return new TableState(tableId, settings, participants, joinedIds, handsPlayed, button, lastBigBlind,
                    hand, salt, salts, clock, permit, e, removals);
        } else if (event instanceof HandClosed || event instanceof DeckRevealed) {
            // the hand is over: nothing of it, and none of its secrets, stays in the table's state
            return new TableState(tableId, settings, participants, joinedIds, handsPlayed, button, lastBigBlind,
                    null, null, null, null, permit, closed, removals);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private TableState applyHandEvent(HandEvent event) {
        if (event instanceof HandStarted e) {
            // dealt in settles what a player owed: posted, or dealt in as the big blind (rule 12)
            List<Participant> people = participants.stream()
                    .map(p -> e.seats().stream().anyMatch(s -> s.seat() == p.seatNumber()
                            && s.playerId().equals(p.playerId())) ? p.dealtIn() : p)
                    .toList();
            return new TableState(tableId, settings, people, joinedIds, handsPlayed, e.button(),
                    e.bigBlindSeat(), HandState.started(e), salt, salts, null, permit, closed, removals);
        }
        HandState next = hand.apply(event);
        List<Participant> people = participants;
        Integer actedSeat = actingSeat(event);
        if (actedSeat != null) {
            boolean timedOut = HoldemEngine.TIMEOUT.equals(reason(event));
            people = people.stream().map(p -> p.seatNumber() != actedSeat ? p
                    : p.withTimeouts(timedOut ? p.timeouts() + 1 : 0)).toList();
        }
        if (event instanceof HandEnded ended) {
            people = people.stream().map(p -> ended.stacks().stream()
                    .filter(s -> s.seat() == p.seatNumber()).findFirst()
                    .map(s -> p.withChips(s.stack())).orElse(p)).toList();
            return new TableState(tableId, settings, people, joinedIds, handsPlayed + 1, button, lastBigBlind,
                    next, salt, salts, null, permit, closed, removals);
        }
        TurnClock running = clock != null && next.toAct() != null && next.toAct() == clock.seatNumber()
                && !(actedSeat != null && actedSeat == clock.seatNumber()) ? clock : null;
        return new TableState(tableId, settings, people, joinedIds, handsPlayed, button, lastBigBlind, next, salt,
                salts, running, permit, closed, removals);
    }

    private static Integer actingSeat(HandEvent event) {
        if (event instanceof PlayerFolded e) {
            return e.seat();
        } else if (event instanceof PlayerChecked e) {
            return e.seat();
        } else if (event instanceof BetPlaced e) {
            return e.seat();
        }
        return null;
    }

    private static String reason(HandEvent event) {
        if (event instanceof PlayerFolded e) {
            return e.reason();
        } else if (event instanceof PlayerChecked e) {
            return e.reason();
        } else if (event instanceof BetPlaced e) {
            return e.reason();
        }
        return null;
    }

    private TableState updateParticipant(String participantId, UnaryOperator<Participant> change) {
        return withParticipants(participants.stream()
                .map(p -> p.participantId().equals(participantId) ? change.apply(p) : p).toList());
    }

    private TableState withParticipants(List<Participant> next) {
        return new TableState(tableId, settings, next, joinedIds, handsPlayed, button, lastBigBlind, hand, salt,
                salts, clock, permit, closed, removals);
    }

    /** Leaves the salts out (the hand in play prints no deck either): a log must not show them. */
    @Override
    public String toString() {
        return "TableState[tableId=" + tableId + ", settings=" + settings + ", participants=" + participants
                + ", joinedIds=" + joinedIds.size() + ", handsPlayed=" + handsPlayed + ", button=" + button
                + ", lastBigBlind=" + lastBigBlind + ", hand=" + hand + ", clock=" + clock + ", permit=" + permit
                + ", closed=" + closed + ", removals=" + removals.size() + "]";
    }

    /** Rebuilds a table from its history. */
    public static TableState replay(String tableId, List<? extends TableEvent> events) {
        TableState state = empty(tableId);
        for (TableEvent e : events) {
            state = state.apply(e);
        }
        return state;
    }
}
