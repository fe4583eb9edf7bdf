package poker.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import poker.readside.HandHistoryProjectionHandler;
import poker.readside.ReadSideProgress;
import poker.readside.ReadSideProgress.Requirement;
import poker.readside.TableProjections;
import poker.readside.TournamentProjections;
import poker.readside.WalletProjections;
import poker.table.TableEntity;
import poker.wallet.WalletEntity;

/**
 * {@code ?consistency=strong}: the reply waits until the projections serving the caller's next read
 * have processed the command's events, as the projections report it. On timeout: 202, the command
 * is stored and the read side is behind. Without it the reply goes as soon as the events are stored.
 */
public final class Consistency {

    private final ReadSideProgress progress;
    private final Duration timeout;

    public Consistency(ReadSideProgress progress, Duration timeout) {
        this.progress = progress;
        this.timeout = timeout;
    }

    /** true for "strong", false when absent or "eventual"; anything else is a 400. */
    public static boolean strong(Optional<String> parameter) {
        if (parameter.isEmpty() || parameter.get().equals("eventual")) {
            return false;
        }
        if (parameter.get().equals("strong")) {
            return true;
        }
        throw ApiError.invalidField("consistency", "consistency must be strong or eventual.");
    }

    /** What a command wrote, as the reads that must see it. */
    public static final class Written {
        private final List<Requirement> requirements = new ArrayList<>();
        private boolean incomplete;

        public Written table(String tableId, long sequenceNr) {
            String pid = TableEntity.persistenceIdOf(tableId).id();
            for (String projection : List.of(TableProjections.PARTICIPANTS, TableProjections.LOBBY,
                    TableProjections.TABLE_STATS, HandHistoryProjectionHandler.NAME)) {
                requirements.add(new Requirement(projection, pid, sequenceNr));
            }
            return this;
        }

        public Written tournament(String tournamentId, long sequenceNr) {
            if (sequenceNr > 0) {
                requirements.add(new Requirement(TournamentProjections.TOURNAMENTS,
                        TournamentProjections.persistenceIdOf(tournamentId), sequenceNr));
            }
            return this;
        }

        public Written wallet(String userId, long sequenceNr) {
            if (sequenceNr > 0) {
                String pid = WalletEntity.persistenceIdOf(userId).id();
                requirements.add(new Requirement(WalletProjections.BALANCES, pid, sequenceNr));
                requirements.add(new Requirement(WalletProjections.LEDGER, pid, sequenceNr));
            }
            return this;
        }

        /** A part of the command's effect is not known to be stored yet (its step timed out). */
        public Written incomplete() {
            incomplete = true;
            return this;
        }
    }

    public CompletionStage<HttpResponse> reply(boolean strong, Written written, StatusCode status, Object body) {
        return settle(strong, written)
                .thenApply(caughtUp -> caughtUp ? Json.response(status, body) : behind(body));
    }

    /**
     * Completes with true once the read side shows what was written (at once when not strong),
     * false when it did not catch up in time or part of the effect is not known to be stored.
     */
    public CompletionStage<Boolean> settle(boolean strong, Written written) {
        if (!strong) {
            return CompletableFuture.completedFuture(true);
        }
        if (written.incomplete) {
            return CompletableFuture.completedFuture(false);
        }
        return progress.await(written.requirements, timeout)
                .thenApply(done -> true)
                .exceptionally(timedOut -> false);
    }

    private static HttpResponse behind(Object body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "stored");
        out.put("message", "The command is stored, but the read side has not caught up yet; reads may not show it.");
        out.put("result", body);
        return Json.response(StatusCodes.ACCEPTED, out);
    }
}
