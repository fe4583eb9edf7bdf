package poker.domain.table;

import java.util.Optional;
import poker.domain.Decision;
import poker.domain.Rejection;
import poker.domain.table.TableCommand.CreateTable;
import poker.domain.table.TableCommand.JoinParticipant;
import poker.domain.table.TableCommand.LeaveTable;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantLeft;
import poker.domain.table.TableEvent.TableCreated;

/** The table's command handler: {@code (state, command) -> events | rejection}. Pure, no I/O. */
public final class TableDecider {

    public static final String ACTIVE = "active";
    public static final String SITTING_OUT = "sitting_out";

    private TableDecider() {
    }

    public static Decision<TableEvent> decide(TableState state, TableCommand command) {
        if (command instanceof CreateTable c) {
            return create(state, c);
        }
        if (!state.created()) {
            return Decision.reject("table_not_found", "There is no table " + state.tableId() + ".");
        }
        if (command instanceof JoinParticipant c) {
            return join(state, c);
        } else if (command instanceof LeaveTable c) {
            return leave(state, c);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static Decision<TableEvent> create(TableState state, CreateTable c) {
        if (state.created()) {
            return Decision.reject("table_exists", "Table " + state.tableId() + " already exists.");
        }
        return Decision.accept(new TableCreated(state.tableId(), c.settings(), c.createdBy(), c.createdAt()));
    }

    /**
     * A join retried with a participant id the table has seen: while that participant sits, the
     * answer is the original {@code ParticipantJoined} and nothing new is stored.
     */
    public static Optional<TableEvent> repeatOf(TableState state, TableCommand command) {
        if (command instanceof JoinParticipant c) {
            return state.participant(c.participantId()).map(p -> new ParticipantJoined(p.participantId(),
                    p.playerId(), state.tableId(), p.initialChips(), p.initialChips(), p.seatNumber(),
                    p.sittingOut(), p.status()));
        }
        return Optional.empty();
    }

    private static Decision<TableEvent> join(TableState state, JoinParticipant c) {
        TableSettings settings = state.settings();
        if (state.joinedIds().contains(c.participantId())) {
            return Decision.reject("already_joined", "This participant joined before and has left.");
        }
        if (state.participantOf(c.playerId()).isPresent()) {
            return Decision.reject("already_seated", "You already have a seat at this table.");
        }
        if (c.buyIn() < settings.minBuyIn() || c.buyIn() > settings.maxBuyIn()) {
            return Decision.reject("buy_in_out_of_range", "The buy-in must be between "
                    + settings.minBuyIn() + " and " + settings.maxBuyIn() + " chips.");
        }
        if (c.seatNumber() != null && (c.seatNumber() < 1 || c.seatNumber() > settings.maxSeats())) {
            return Decision.reject(Rejection.ofField("invalid_seat", "seatNumber",
                    "seatNumber must be between 1 and " + settings.maxSeats() + "."));
        }
        if (state.full()) {
            return Decision.reject("table_full", "All " + settings.maxSeats() + " seats are taken.");
        }
        int seat;
        if (c.seatNumber() != null) {
            if (state.seat(c.seatNumber()).isPresent()) {
                return Decision.reject("seat_taken", "Seat " + c.seatNumber() + " is taken.");
            }
            seat = c.seatNumber();
        } else {
            seat = state.firstFreeSeat().orElseThrow();
        }
        return Decision.accept(new ParticipantJoined(c.participantId(), c.playerId(), state.tableId(),
                c.buyIn(), c.buyIn(), seat, false, ACTIVE));
    }

    private static Decision<TableEvent> leave(TableState state, LeaveTable c) {
        return state.participantOf(c.playerId())
                .<Decision<TableEvent>>map(p -> Decision.accept(new ParticipantLeft(p.participantId(),
                        p.playerId(), state.tableId(), p.seatNumber(), p.chips())))
                .orElseGet(() -> Decision.reject("not_seated", "You have no seat at this table."));
    }
}
