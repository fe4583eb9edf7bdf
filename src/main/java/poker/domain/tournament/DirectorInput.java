package poker.domain.tournament;

import poker.domain.table.TableEvent;

/** What a director reacts to; see {@link DirectorDecider#decide}. */
public sealed interface DirectorInput {

    /** An event of the tournament's journal, at {@code sequenceNr} of {@code persistenceId}. */
    record FromTournament(String persistenceId, long sequenceNr, TournamentEvent event) implements DirectorInput {
    }

    /** An event of one of the tournament's tables, at {@code sequenceNr} of {@code persistenceId}. */
    record FromTable(String persistenceId, long sequenceNr, TableEvent event) implements DirectorInput {
    }

    /** The receiver of step {@code stepId} answered. */
    record StepReplied(long stepId, StepOutcome outcome) implements DirectorInput {
    }

    /** No news: decide whatever is due (after recovery, or when woken). */
    record Reconcile() implements DirectorInput {
    }

    /** A step's reply, reduced to what the director needs. */
    sealed interface StepOutcome {
    }

    /**
     * Done (stored, or a repeat answered with the first outcome). {@code chips}: for a removal from a table,
     * the chips the entry left with (null for other steps).
     */
    record Ok(Long chips) implements StepOutcome {
    }

    /** Refused by a named rule ({@code table_exists}, {@code hand_in_play}, ...). */
    record Refused(String code, String message) implements StepOutcome {
    }
}
