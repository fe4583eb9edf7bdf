package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.table.view.HiddenCards;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.TestServer;
import poker.table.TableEntity;

/**
 * Hands stored by the first version, in a real journal on PostgreSQL: the stored JSON of
 * {@code journal/first-scheme-hand.jsonl} (HandSalted, HandStarted without leaves, DeckRevealed)
 * is written into {@code event_journal} as that version wrote it. A completed old hand keeps its
 * public {@code deckReveal}, verified; an old hand still in play when this version starts ends
 * with HandClosed and its deck goes only to moderators and admins.
 *
 * <p>The stored hand: alice (seat 1) AhAd, bob (2) KhKd, carl (3) folds 7c2s; board As 9c 4d 3h Js.
 */
class FirstSchemeHandsIT {

    static final String STORED_TABLE = "0b1d7e2a-5c4f-4a8e-9d3b-6f2e1c0a9b87";
    static final List<String> CARLS = List.of("7c", "2s");
    static final Duration WAIT = Duration.ofSeconds(20);

    static List<String> storedJournal() throws Exception {
        try (InputStream in = FirstSchemeHandsIT.class.getResourceAsStream("/journal/first-scheme-hand.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** Appends stored payloads to a table's journal, tagged as the entity tags them. */
    static void writeJournal(PokerServer server, String tableId, List<String> payloads) throws Exception {
        Serialization serialization = SerializationExtension.get(server.system());
        DataSource ds = server.dataSource();
        String tag = TableEntity.tagFor(tableId, server.system().settings().config().getInt("poker.tag-slices"));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long seq = 0;
            for (String json : payloads) {
                byte[] bytes = json.replace(STORED_TABLE, tableId).getBytes(StandardCharsets.UTF_8);
                Object event = serialization.deserialize(bytes, 9001, "").get();
                Serializer serializer = serialization.findSerializerFor(event);
                assertThat(serializer.identifier()).isEqualTo(9001);
                long ordering;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_journal (persistence_id,"
                        + " sequence_number, writer, write_timestamp, adapter_manifest, event_ser_id,"
                        + " event_ser_manifest, event_payload) VALUES (?, ?, 'first-version', ?, '', 9001, ?, ?)"
                        + " RETURNING ordering")) {
                    ps.setString(1, TableEntity.persistenceIdOf(tableId).id());
                    ps.setLong(2, ++seq);
                    ps.setLong(3, System.currentTimeMillis());
                    ps.setString(4, ""); // as the first version stored them: version 1, no manifest (TableEventMigration)
                    ps.setBytes(5, bytes);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        ordering = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_tag (event_id, tag) VALUES (?, ?)")) {
                    ps.setLong(1, ordering);
                    ps.setString(2, tag);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
    }

    @Test
    void storedFirstSchemeHandsStillReadVerifyAndEndWithoutARevealAfterTheUpgrade() throws Exception {
        PokerServer server = TestServer.start(TestDatabase.fresh());
        try {
            ApiClient api = new ApiClient(server.httpPort());
            String admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
            String eve = api.signUp("old_eve");
            List<String> journal = storedJournal();
            String ended = UUID.randomUUID().toString();
            String inPlay = UUID.randomUUID().toString();
            writeJournal(server, ended, journal);
            // cut before alice's last check on the river: the hand is still in play
            writeJournal(server, inPlay, journal.subList(0, journal.size() - 6));

            // the completed old hand: its public deck reveal, verified, as before
            JsonNode old = Eventually.await(WAIT, () -> api.get("/tables/" + ended + "/hands/1", null),
                    r -> r.status() == 200).body();
            assertThat(old.path("deckReveal").path("verified").asBoolean()).as(old.toString()).isTrue();
            assertThat(old.path("deckReveal").path("deck")).hasSize(52);
            assertThat(old.path("deckCommitment").isNull()).isTrue();
            assertThat(api.send("GET", "/tables/" + ended + "/hands/1/history.txt", null, null).raw())
                    .contains("*** SUMMARY ***");
            Eventually.await(WAIT, () -> api.get("/tables", null).body(), lobby -> lobby.size() == 2);

            // the old hand in play: the table recovers when a socket opens, the expired clock checks for
            // alice, and the hand ends with HandClosed, not DeckRevealed
            LiveClient spectator = LiveClient.open(server.httpPort(), inPlay, eve, null, null).get(10, TimeUnit.SECONDS);
            Eventually.await(WAIT, () -> List.copyOf(spectator.raw),
                    frames -> frames.stream().anyMatch(f -> f.contains("\"type\":\"HandClosed\"")));
            List<String> frames = new ArrayList<>(spectator.raw);
            assertThat(frames).noneMatch(f -> f.contains("DeckRevealed"));
            for (String frame : frames) {
                assertThat(HiddenCards.leaked(frame, CARLS)).as(frame).isEmpty();
                assertThat(frame).doesNotContain("\"deck\":[");
            }
            spectator.close();

            Response anonymous = Eventually.await(WAIT, () -> api.get("/tables/" + inPlay + "/hands/1", null),
                    r -> r.status() == 200);
            assertThat(anonymous.body().path("deckReveal").isNull()).as(anonymous.raw()).isTrue();
            assertThat(HiddenCards.leaked(anonymous.raw(), CARLS)).isEmpty();
            Response player = api.get("/tables/" + inPlay + "/hands/1", eve);
            assertThat(player.body().path("deckReveal").isNull()).isTrue();
            Response review = api.get("/tables/" + inPlay + "/hands/1", admin);
            assertThat(review.body().path("deckReveal").path("verified").asBoolean()).as(review.raw()).isTrue();
            assertThat(HiddenCards.leaked(review.raw(), CARLS)).containsExactlyInAnyOrderElementsOf(CARLS);
            assertThat(scalar(server.dataSource(), "SELECT count(*) FROM hand_histories WHERE deck_revealed"))
                    .as("only the hand that ended under the first version had its deck revealed").isEqualTo(1);
            Eventually.await(WAIT, () -> api.get("/tables", null).body(), lobby -> {
                for (JsonNode table : lobby) {
                    if (table.path("tableId").asText().equals(inPlay)) {
                        return table.path("status").asText().equals("waiting");
                    }
                }
                return false;
            });
        } finally {
            server.stop();
        }
    }

    static long scalar(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
