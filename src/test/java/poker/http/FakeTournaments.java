package poker.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import poker.domain.Rejection;
import poker.domain.tournament.TournamentCommand;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentSettings;
import poker.readside.PooledJdbcSession;
import poker.readside.TournamentProjectionHandler;
import poker.readside.TournamentProjections;
import poker.tournament.Tournaments;

/**
 * An in-memory stand-in for the tournament facade, for route tests: a few of the entity's rules
 * (registering only before the start, one live entry per player, the field's maximum, the minimum to
 * start), every stored event applied at once to the read model through the real projection handler,
 * and refusals or failures a test scripts.
 */
final class FakeTournaments implements Tournaments {

    private static final class T {
        TournamentSettings settings;
        String status = "registering";
        long seq;
        final Map<String, String> liveEntryByPlayer = new LinkedHashMap<>();
    }

    private final DataSource dataSource;
    private final TournamentProjectionHandler handler = new TournamentProjectionHandler();
    private final Map<String, T> tournaments = new HashMap<>();
    final Set<String> poor = new HashSet<>();
    private Rejection nextRefusal;
    private Throwable nextFailure;
    final List<TournamentCommand> commands = new ArrayList<>();

    FakeTournaments(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    synchronized void refuseNext(String code) {
        nextRefusal = Rejection.of(code, "Scripted: " + code + ".");
    }

    synchronized void failNext(Throwable failure) {
        nextFailure = failure;
    }

    @Override
    public synchronized CompletionStage<Result> execute(String tournamentId, TournamentCommand command) {
        commands.add(command);
        Result scripted = scripted();
        if (scripted != null || nextFailure != null) {
            return outcome(scripted);
        }
        T t = tournaments.get(tournamentId);
        if (command instanceof TournamentCommand.CreateTournament c) {
            if (t != null) {
                return refused("tournament_exists");
            }
            t = new T();
            t.settings = c.settings();
            tournaments.put(tournamentId, t);
            return done(tournamentId, t, new TournamentEvent.TournamentCreated(tournamentId, c.settings(), c.createdBy(),
                    c.createdAt()));
        }
        if (t == null) {
            return refused("tournament_not_found");
        }
        if (command instanceof TournamentCommand.Start s) {
            if (!t.status.equals("registering")) {
                return refused("tournament_running");
            }
            if (t.liveEntryByPlayer.size() < t.settings.minPlayers()) {
                return refused("not_enough_players");
            }
            t.status = "running";
            int n = t.liveEntryByPlayer.size();
            return done(tournamentId, t, new TournamentEvent.TournamentStarted(tournamentId, n,
                    n * t.settings.buyIn(), List.of(new TournamentEvent.Payout(1, n * t.settings.buyIn())), s.at()));
        }
        if (command instanceof TournamentCommand.Cancel c) {
            if (t.status.equals("finished") || t.status.equals("cancelled")) {
                return refused("tournament_over");
            }
            t.status = "cancelled";
            return done(tournamentId, t, new TournamentEvent.TournamentCancelled(tournamentId, c.reason(), c.at()));
        }
        return refused("unsupported_by_fake");
    }

    @Override
    public synchronized CompletionStage<Result> register(String tournamentId, String userId) {
        Result scripted = scripted();
        if (scripted != null || nextFailure != null) {
            return outcome(scripted);
        }
        T t = tournaments.get(tournamentId);
        if (t == null) {
            return refused("tournament_not_found");
        }
        if (!t.status.equals("registering")) {
            return refused("registration_closed");
        }
        if (t.liveEntryByPlayer.containsKey(userId)) {
            return refused("already_registered");
        }
        if (t.liveEntryByPlayer.size() >= t.settings.maxPlayers()) {
            return refused("tournament_full");
        }
        if (poor.contains(userId)) {
            return refused("insufficient_funds");
        }
        String entryId = UUID.randomUUID().toString();
        t.liveEntryByPlayer.put(userId, entryId);
        return done(tournamentId, t, new TournamentEvent.PlayerRegistered(tournamentId, entryId, userId, 1,
                "tx-" + entryId, t.settings.buyIn(), t.settings.fee(), false, Instant.now()));
    }

    @Override
    public synchronized CompletionStage<Result> unregister(String tournamentId, String userId) {
        Result scripted = scripted();
        if (scripted != null || nextFailure != null) {
            return outcome(scripted);
        }
        T t = tournaments.get(tournamentId);
        if (t == null) {
            return refused("tournament_not_found");
        }
        if (!t.status.equals("registering")) {
            return refused("tournament_running");
        }
        String entryId = t.liveEntryByPlayer.remove(userId);
        if (entryId == null) {
            return refused("not_registered");
        }
        return done(tournamentId, t, new TournamentEvent.PlayerUnregistered(tournamentId, entryId, userId,
                t.settings.buyIn() + t.settings.fee(), Instant.now()));
    }

    private Result scripted() {
        if (nextRefusal != null) {
            Rejection r = nextRefusal;
            nextRefusal = null;
            return new Refused(r);
        }
        return null;
    }

    private CompletionStage<Result> outcome(Result scripted) {
        if (nextFailure != null) {
            Throwable f = nextFailure;
            nextFailure = null;
            return CompletableFuture.failedFuture(f);
        }
        return CompletableFuture.completedFuture(scripted);
    }

    private static CompletionStage<Result> refused(String code) {
        return CompletableFuture.completedFuture(new Refused(Rejection.of(code, "Refused: " + code + ".")));
    }

    /** Stores the event: its sequence number, and the read model updated as the projection would. */
    private CompletionStage<Result> done(String tournamentId, T t, TournamentEvent event) {
        long seq = ++t.seq;
        String pid = TournamentProjections.persistenceIdOf(tournamentId);
        PooledJdbcSession session = new PooledJdbcSession(dataSource);
        try {
            handler.process(session, EventEnvelope.create(Sequence.apply(seq), pid, seq, event, System.currentTimeMillis()));
            session.commit();
            session.close();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(new Done(List.of(event), pid, seq));
    }
}
