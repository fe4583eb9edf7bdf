package poker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.tournament.TournamentEvent;
import poker.readside.TournamentStory;
import poker.support.ApiClient;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * A whole node with a tournament's journal written as the tournament entity would (persistence id
 * "Tournament|id", tag "tournament-slice"), by a scripted writer: the projection fills the read side
 * (lobby, detail, standings, audit) and the live socket gives a snapshot at a journal position, then
 * every event after it, across a reconnect with {@code fromSeq}: no gap, no duplicate; no wallet
 * transaction id on the socket.
 */
class LiveTournamentIT {

    static PokerServer server;
    static ApiClient api;

    /**
     * The test writes a tournament's journal by hand: no director may act on it (it would record its own
     * facts through the tournament entity, a second writer of the same journal).
     */
    static Map<String, Object> settings() {
        Map<String, Object> s = new HashMap<>();
        s.put("poker.tournament.directors", "off");
        return s;
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh(), settings());
        api = new ApiClient(server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Appends what it is given to one tournament's journal, tagged as the tournament entity tags it. */
    static final class Writer extends EventSourcedBehavior<Writer.Append, TournamentEvent, Long> {

        record Append(List<TournamentEvent> events, ActorRef<Long> replyTo) {
        }

        private final String tag;

        Writer(String tournamentId, int slices) {
            super(PersistenceId.ofUniqueId("Tournament|" + tournamentId));
            this.tag = "tournament-" + Math.floorMod(tournamentId.hashCode(), slices);
        }

        @Override
        public Long emptyState() {
            return 0L;
        }

        @Override
        public CommandHandler<Append, TournamentEvent, Long> commandHandler() {
            return newCommandHandlerBuilder().forAnyState()
                    .onCommand(Append.class, (state, a) -> Effect().persist(a.events()).thenReply(a.replyTo(), s -> s))
                    .build();
        }

        @Override
        public EventHandler<Long, TournamentEvent> eventHandler() {
            return newEventHandlerBuilder().forAnyState().onAnyEvent((state, e) -> state + 1);
        }

        @Override
        public Set<String> tagsFor(TournamentEvent event) {
            return Set.of(tag);
        }
    }

    static void append(ActorRef<Writer.Append> writer, TournamentStory story, int from, int to) {
        long seq = AskPattern.<Writer.Append, Long>ask(writer,
                        r -> new Writer.Append(story.events.subList(from - 1, to), r), Duration.ofSeconds(10),
                        server.system().scheduler())
                .toCompletableFuture().join();
        assertThat(seq).isEqualTo(to);
    }

    static String userId(String token) {
        return api.get("/users/me", token).text("id");
    }

    /** The frames' seqs, and each event frame checked against the snapshot-or-event before it. */
    static List<Long> seqs(List<JsonNode> frames) {
        List<Long> out = new ArrayList<>();
        frames.forEach(f -> out.add(f.path("seq").asLong()));
        return out;
    }

    static List<JsonNode> take(LiveClient client, int n) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(client.next(Duration.ofSeconds(15)));
        }
        return out;
    }

    @Test
    void snapshotThenEveryEventAndAResumeWithoutGapsOrDuplicates() throws Exception {
        String alice = api.signUp("alice");
        String bob = api.signUp("bob");
        String carol = api.signUp("carol");
        String dave = api.signUp("dave");
        String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        TournamentStory story = new TournamentStory(UUID.randomUUID().toString(), userId(alice), userId(bob),
                userId(carol), userId(dave), userId(admin));
        int slices = server.system().settings().config().getInt("poker.tag-slices");
        ActorRef<Writer.Append> writer = server.system().systemActorOf(new Writer(story.id, slices),
                "writer-" + story.id, Props.empty());
        String live = "/api/tournaments/" + story.id + "/live";
        int port = server.httpPort();

        assertThatThrownBy(() -> LiveClient.openPath(port, live, alice, null, null).join())
                .as("no socket on a tournament that does not exist").isNotNull();

        append(writer, story, 1, TournamentStory.AFTER_FIRST_HAND);
        try (LiveClient socket = LiveClient.openPath(port, live, alice, null, null).join()) {
            JsonNode snapshot = socket.next(Duration.ofSeconds(15));
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("seq").asLong()).isEqualTo(TournamentStory.AFTER_FIRST_HAND);
            assertThat(snapshot.path("tournament").path("status").asText()).isEqualTo("running");
            assertThat(snapshot.path("tournament").path("tables")).hasSize(2);
            assertThat(snapshot.path("you").path("entryId").asText()).isEqualTo("e1");
            assertThat(snapshot.path("you").path("tableId").asText()).isEqualTo(story.table1);
            assertThat(snapshot.path("you").path("chips").asLong()).isEqualTo(1500);

            append(writer, story, TournamentStory.AFTER_FIRST_HAND + 1, TournamentStory.IN_HAND_FOR_HAND);
            List<JsonNode> events = take(socket, TournamentStory.IN_HAND_FOR_HAND - TournamentStory.AFTER_FIRST_HAND);
            assertThat(seqs(events)).containsExactly(16L, 17L, 18L, 19L, 20L);
            JsonNode moved = events.get(0);
            assertThat(moved.path("type").asText()).isEqualTo("event");
            assertThat(moved.path("event").path("type").asText()).isEqualTo("PlayerMoved");
            assertThat(moved.path("event").path("entryId").asText()).isEqualTo("e3");
            assertThat(moved.path("event").path("fromTable").asText()).isEqualTo(story.table2);
            assertThat(moved.path("event").path("toTable").asText()).isEqualTo(story.table1);
            assertThat(moved.path("event").path("seatNumber").asInt()).isEqualTo(3);
            assertThat(events.get(1).path("event").path("type").asText()).isEqualTo("TableBroken");
            assertThat(events.get(1).path("tournament").path("tables")).hasSize(1);
            assertThat(events.get(1).path("tournament").path("tables").get(0).path("players").asInt()).isEqualTo(3);
            assertThat(events.get(3).path("event").path("type").asText()).isEqualTo("HandForHandStarted");
            assertThat(events.get(3).path("tournament").path("handForHand").asBoolean()).isTrue();
            socket.send("{\"type\":\"ping\"}");
            assertThat(socket.next(Duration.ofSeconds(5)).path("type").asText()).isEqualTo("pong");
            socket.send("{\"type\":\"action\"}");
            JsonNode refused = socket.next(Duration.ofSeconds(5));
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("field").asText()).isEqualTo("type");
        }

        // while nobody listens, more happens; the client comes back from the last seq it saw
        append(writer, story, TournamentStory.IN_HAND_FOR_HAND + 1, 23);
        try (LiveClient back = LiveClient.openPath(port, live, alice, (long) TournamentStory.IN_HAND_FOR_HAND, null)
                .join()) {
            JsonNode snapshot = back.next(Duration.ofSeconds(15));
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("seq").asLong()).isEqualTo(TournamentStory.IN_HAND_FOR_HAND);
            assertThat(snapshot.path("tournament").path("remaining").asInt()).isEqualTo(3);
            List<JsonNode> missed = take(back, 3);
            append(writer, story, 24, story.events.size());
            List<JsonNode> live2 = take(back, story.events.size() - 23);
            List<JsonNode> all = new ArrayList<>(missed);
            all.addAll(live2);
            assertThat(seqs(all)).containsExactly(21L, 22L, 23L, 24L, 25L, 26L, 27L);
            JsonNode eliminated = all.get(0);
            assertThat(eliminated.path("event").path("type").asText()).isEqualTo("PlayerEliminated");
            assertThat(eliminated.path("event").path("entryId").asText()).isEqualTo("e2");
            assertThat(eliminated.path("event").path("place").asInt()).isEqualTo(3);
            assertThat(all.get(4).path("event").path("type").asText()).isEqualTo("TournamentFinished");
            assertThat(all.get(4).path("you").path("place").asInt()).isEqualTo(1);
            JsonNode prize = all.get(5);
            assertThat(prize.path("event").path("type").asText()).isEqualTo("PrizeAwarded");
            assertThat(prize.path("event").has("transactionId")).isFalse();
            assertThat(prize.path("event").path("amount").asLong()).isEqualTo(100);
            Thread.sleep(300);
            assertThat(back.frames).as("nothing after the last event").isEmpty();
        }

        // from the start: the snapshot right after the creation, then every event once; no wallet ids
        try (LiveClient all = LiveClient.openPath(port, live, dave, 0L, null).join()) {
            List<JsonNode> frames = take(all, story.events.size());
            assertThat(frames.get(0).path("type").asText()).isEqualTo("snapshot");
            assertThat(frames.get(0).path("tournament").path("entrants").asInt()).isZero();
            List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= story.events.size(); s++) {
                expected.add(s);
            }
            assertThat(seqs(frames)).containsExactlyElementsOf(expected);
            assertThat(frames.get(5).path("event").path("type").asText()).isEqualTo("PlayerUnregistered");
            assertThat(frames.get(5).path("you").isNull()).as("dave unregistered: no entry").isTrue();
            assertThat(frames.get(4).path("you").path("entryId").asText()).isEqualTo("e4");
            assertThat(String.join("\n", all.raw)).doesNotContain("transactionId").doesNotContain("tx-e");
        }

        // the read side got there too
        JsonNode detail = Eventually.await(Duration.ofSeconds(20), () -> api.get("/tournaments/" + story.id, null).body(),
                d -> d.path("prizesPaid").asLong() == 300);
        assertThat(detail.path("status").asText()).isEqualTo("finished");
        JsonNode standings = api.get("/tournaments/" + story.id + "/standings", null).body();
        assertThat(standings.get(0).path("displayName").asText()).isEqualTo("alice");
        assertThat(standings.get(0).path("place").asInt()).isEqualTo(1);
        assertThat(api.get("/tournaments/" + story.id + "/me", carol).body().path("prize").asLong()).isEqualTo(100);
        assertThat(api.get("/tournaments?status=finished", null).body().get(0).path("tournamentId").asText())
                .isEqualTo(story.id);
        JsonNode projections = api.get("/admin/projections", admin).body();
        assertThat(projections.toString()).contains("\"tournaments\"").contains("tournament-0");
        JsonNode audit = api.get("/admin/audit", admin).body();
        JsonNode mine = audit.path("tournaments").get(0);
        assertThat(mine.path("tournamentId").asText()).isEqualTo(story.id);
        assertThat(mine.path("chips").asLong()).isEqualTo(3000);
        assertThat(mine.path("balanced").asBoolean()).as(audit.toString()).isTrue();
    }
}
