package poker.domain.table.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import poker.domain.Decision;
import poker.domain.cards.Card;
import poker.domain.holdem.ActionType;
import poker.domain.table.TableCommand;
import poker.domain.table.TableDecider;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.TableCreated;
import poker.domain.table.TableSettings;
import poker.domain.table.TableState;

/**
 * A table played through {@link TableDecider}, the way {@code TableHandsTest} does it, that keeps
 * every event with the states before and after it, so views can be taken at any moment.
 */
final class TablePlay {

    static final String TABLE = "t-views";
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final TableSettings SETTINGS = new TableSettings("Views", 5, 10, 6, 10, 5000, 20);

    /** One journal event with the table before and after it. */
    record Step(TableEvent event, TableState before, TableState after) {
    }

    TableState state = TableState.empty(TABLE);
    final List<Step> steps = new ArrayList<>();

    TablePlay seat(String player, int seat, long chips) {
        if (!state.created()) {
            record(List.of(new TableCreated(TABLE, SETTINGS, "creator", NOW)));
        }
        record(List.of(new ParticipantJoined("p-" + player, player, TABLE, chips, seat, false)));
        return this;
    }

    List<Step> record(List<TableEvent> events) {
        List<Step> done = new ArrayList<>();
        for (TableEvent e : events) {
            TableState before = state;
            state = state.apply(e);
            Step step = new Step(e, before, state);
            steps.add(step);
            done.add(step);
        }
        return done;
    }

    List<Step> accept(Decision<TableEvent> decision) {
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Accepted.class);
        return record(decision.eventsOrThrow());
    }

    /** Deals the next hand from {@code deck}, sealed with {@code salts} (52 hex salts, one per position). */
    List<Step> start(List<Card> deck, List<String> salts) {
        return accept(TableDecider.startHand(state, deck, salts, NOW));
    }

    List<Step> act(String player, ActionType action, long amount) {
        return accept(TableDecider.decide(state,
                new TableCommand.Act(player, state.hand().handNumber(), action, amount), NOW));
    }

    List<Step> command(TableCommand command) {
        return accept(TableDecider.decide(state, command, NOW));
    }

    List<Step> timeout() {
        var clock = state.clock();
        return accept(TableDecider.timeout(state, clock.handNumber(), clock.seatNumber(), clock.deadline()));
    }

    /** The player whose turn clock runs. */
    String onTurn() {
        return state.seat(state.clock().seatNumber()).orElseThrow().playerId();
    }
}
