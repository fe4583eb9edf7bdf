package poker.domain.tournament;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import poker.domain.table.TableCommand;
import poker.domain.table.TableSettings;
import poker.domain.wallet.WalletCommand;

/**
 * One command the {@code TournamentDirector} has decided to send and awaits the reply of: kept in
 * {@link DirectorState#steps()} until the reply is recorded, so a director recovered after a crash sends
 * it again. Every step is idempotent at its receiver (deterministic table ids, participant ids unique per
 * seating, wallet transaction ids, tournament facts idempotent by content), so sending it twice does
 * nothing twice.
 *
 * <p>Steps of one {@link #lane()} go out one at a time, in the order they were decided (a table gets its
 * {@code CreateTable} before any {@code SeatEntry}, and its {@code RemoveEntry} before the next
 * {@code PermitHand}; the tournament records facts in the order they happened). Steps of different lanes
 * run in parallel. A step that needs the reply of another (seat at B after the removal at A gave the
 * chips; record a prize after the wallet credited it) is only decided when that reply is recorded.
 *
 * <p>The "type" names are stored: never rename one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(DirectorStep.CreateTable.class),
        @JsonSubTypes.Type(DirectorStep.OpenTable.class),
        @JsonSubTypes.Type(DirectorStep.SeatEntry.class),
        @JsonSubTypes.Type(DirectorStep.RecordSeating.class),
        @JsonSubTypes.Type(DirectorStep.RemoveEntry.class),
        @JsonSubTypes.Type(DirectorStep.RecordMove.class),
        @JsonSubTypes.Type(DirectorStep.PermitHand.class),
        @JsonSubTypes.Type(DirectorStep.CloseTable.class),
        @JsonSubTypes.Type(DirectorStep.RecordTableBroken.class),
        @JsonSubTypes.Type(DirectorStep.ReportHands.class),
        @JsonSubTypes.Type(DirectorStep.SetHandForHand.class),
        @JsonSubTypes.Type(DirectorStep.CreditPrize.class),
        @JsonSubTypes.Type(DirectorStep.RecordPrizePaid.class),
        @JsonSubTypes.Type(DirectorStep.RefundEntry.class)
})
public sealed interface DirectorStep {

    /** Unique within one director, increasing in the order the steps were decided. */
    long id();

    /** The command and where it goes. */
    @JsonIgnore
    Target target();

    /** Steps of the same lane are sent one at a time, in id order. */
    @JsonIgnore
    default String lane() {
        Target t = target();
        if (t instanceof ToTable table) {
            return "table:" + table.tableId();
        } else if (t instanceof ToWallet wallet) {
            return "wallet:" + wallet.command().transactionId();
        }
        return "tournament";
    }

    /** Where a step's command goes. */
    sealed interface Target {
    }

    record ToTable(String tableId, TableCommand command) implements Target {
    }

    record ToTournament(TournamentCommand command) implements Target {
    }

    record ToWallet(String userId, WalletCommand command) implements Target {
    }

    // --- tables ---

    @JsonTypeName("CreateTable")
    record CreateTable(long id, String tableId, TableSettings settings, Instant at) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTable(tableId, new TableCommand.CreateTable(tableId, settings, DirectorDecider.CREATED_BY, at));
        }
    }

    /** {@code moveId}: the move this seating completes, null for a first seating. */
    @JsonTypeName("SeatEntry")
    record SeatEntry(long id, String tableId, String entryId, String participantId, String playerId, long chips,
                     int seatNumber, String moveId) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTable(tableId, new TableCommand.SeatEntry(participantId, playerId, chips, seatNumber));
        }
    }

    @JsonTypeName("RemoveEntry")
    record RemoveEntry(long id, String tableId, String entryId, String participantId, String movedTo, String reason,
                       String moveId) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTable(tableId, new TableCommand.RemoveEntry(participantId, movedTo, reason));
        }
    }

    @JsonTypeName("PermitHand")
    record PermitHand(long id, String tableId, long handNumber, int level, long smallBlind, long bigBlind, long ante)
            implements DirectorStep {
        @Override
        public Target target() {
            return new ToTable(tableId, new TableCommand.PermitHand(handNumber, level, smallBlind, bigBlind, ante));
        }
    }

    @JsonTypeName("CloseTable")
    record CloseTable(long id, String tableId, String reason) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTable(tableId, new TableCommand.CloseTable(reason));
        }
    }

    // --- the tournament's journal ---

    @JsonTypeName("OpenTable")
    record OpenTable(long id, String tableId, int tableNumber) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTournament(new TournamentCommand.OpenTable(tableId, tableNumber));
        }
    }

    @JsonTypeName("RecordSeating")
    record RecordSeating(long id, String entryId, String tableId, int seatNumber, long chips) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTournament(new TournamentCommand.RecordSeating(entryId, tableId, seatNumber, chips));
        }
    }

    @JsonTypeName("RecordMove")
    record RecordMove(long id, String entryId, String fromTable, String toTable, int seatNumber, long chips,
                      String reason) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTournament(new TournamentCommand.RecordMove(entryId, fromTable, toTable, seatNumber, chips,
                    reason));
        }
    }

    @JsonTypeName("RecordTableBroken")
    record RecordTableBroken(long id, String tableId) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTournament(new TournamentCommand.RecordTableBroken(tableId));
        }
    }

    @JsonTypeName("ReportHands")
    record ReportHands(long id, List<TournamentCommand.HandReport> hands, Instant at) implements DirectorStep {
        public ReportHands {
            hands = List.copyOf(hands);
        }

        @Override
        public Target target() {
            return new ToTournament(new TournamentCommand.ReportHands(hands, at));
        }
    }

    @JsonTypeName("SetHandForHand")
    record SetHandForHand(long id, boolean on, Instant at) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTournament(new TournamentCommand.SetHandForHand(on, at));
        }
    }

    @JsonTypeName("RecordPrizePaid")
    record RecordPrizePaid(long id, String entryId, String transactionId) implements DirectorStep {
        @Override
        public Target target() {
            return new ToTournament(new TournamentCommand.RecordPrizePaid(entryId, transactionId));
        }
    }

    // --- wallets ---

    @JsonTypeName("CreditPrize")
    record CreditPrize(long id, String tournamentId, String entryId, String playerId, long amount,
                       String transactionId) implements DirectorStep {
        @Override
        public Target target() {
            return new ToWallet(playerId, new WalletCommand.CreditPrize(transactionId, tournamentId, amount));
        }
    }

    @JsonTypeName("RefundEntry")
    record RefundEntry(long id, String tournamentId, String entryId, String playerId, long amount,
                       String transactionId, String entryTransactionId, String reason) implements DirectorStep {
        @Override
        public Target target() {
            return new ToWallet(playerId, new WalletCommand.RefundTournamentEntry(transactionId, entryTransactionId,
                    tournamentId, entryId, amount, reason));
        }
    }
}
