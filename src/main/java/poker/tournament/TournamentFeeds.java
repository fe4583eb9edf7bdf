package poker.tournament;

import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import poker.domain.tournament.TournamentEvent;
import poker.infra.EventFeeds;
import poker.infra.JsonSerializable;

/** Stored tournament events pushed to the live tournament sockets of each node ({@link EventFeeds}). */
public final class TournamentFeeds implements Extension {

    /** Events one write of a tournament stored, numbered {@code firstSeq}, {@code firstSeq + 1}, .... */
    public record Stored(String tournamentId, long firstSeq, List<TournamentEvent> events)
            implements EventFeeds.Batch<TournamentEvent>, JsonSerializable {

        @Override
        public String entityId() {
            return tournamentId;
        }

        /** Without the events: they may hold hole cards, and a log line must not. */
        @Override
        public String toString() {
            return "Stored[tournamentId=" + tournamentId + ", firstSeq=" + firstSeq + ", events=" + events.size() + "]";
        }
    }

    /** The pub-sub topic of one tournament's stored events. */
    public static String topicName(String tournamentId) {
        return "tournament-live-" + tournamentId;
    }

    private static final ExtensionId<TournamentFeeds> ID = new ExtensionId<>() {
        @Override
        public TournamentFeeds createExtension(ActorSystem<?> system) {
            return new TournamentFeeds(system);
        }
    };

    private final EventFeeds<TournamentEvent, Stored> feeds;

    private TournamentFeeds(ActorSystem<?> system) {
        this.feeds = new EventFeeds<>(system, "tournament-feeds", Stored.class, TournamentFeeds::topicName,
                id -> TournamentEntity.persistenceIdOf(id).id(), Stored::new);
    }

    public static EventFeeds<TournamentEvent, Stored> get(ActorSystem<?> system) {
        return ID.apply(system).feeds;
    }
}
