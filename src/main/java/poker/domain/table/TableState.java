package poker.domain.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.TableCreated;

/**
 * A table as its events made it. Pure and deterministic: {@link #apply} never reads a clock or
 * a random source, so replaying the journal always rebuilds the same state.
 *
 * @param settings     null until the table is created
 * @param participants ordered by seat number
 * @param joinedIds    every participant id that ever joined, so a retried join is recognised
 */
public record TableState(String tableId, TableSettings settings, List<Participant> participants,
                         Set<String> joinedIds) {

    public TableState {
        participants = List.copyOf(participants);
        joinedIds = joinedIds == null ? Set.of() : Set.copyOf(joinedIds);
    }

    public static TableState empty(String tableId) {
        return new TableState(tableId, null, List.of(), Set.of());
    }

    public Optional<Participant> participant(String participantId) {
        return participants.stream().filter(p -> p.participantId().equals(participantId)).findFirst();
    }

    public boolean created() {
        return settings != null;
    }

    public boolean full() {
        return created() && participants.size() >= settings.maxSeats();
    }

    public Optional<Participant> seat(int seatNumber) {
        return participants.stream().filter(p -> p.seatNumber() == seatNumber).findFirst();
    }

    public Optional<Participant> participantOf(String playerId) {
        return participants.stream().filter(p -> p.playerId().equals(playerId)).findFirst();
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
            return new TableState(e.tableId(), e.settings(), List.of(), Set.of());
        } else if (event instanceof ParticipantJoined e) {
            List<Participant> next = new ArrayList<>(participants);
            next.add(new Participant(e.participantId(), e.playerId(), e.seatNumber(), e.chips(),
                    e.initialChips(), e.sittingOut(), e.status()));
            next.sort(Comparator.comparingInt(Participant::seatNumber));
            Set<String> joined = new HashSet<>(joinedIds);
            joined.add(e.participantId());
            return new TableState(tableId, settings, next, joined);
        } else if (event instanceof ParticipantLeft e) {
            List<Participant> next = new ArrayList<>(participants);
            next.removeIf(p -> p.participantId().equals(e.participantId()));
            return new TableState(tableId, settings, next, joinedIds);
        }
        throw new IllegalArgumentException("unknown event " + event);
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
