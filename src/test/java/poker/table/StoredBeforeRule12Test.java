package poker.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent;
import poker.domain.table.Participant;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.HandProgressed;
import poker.domain.table.TableEvent.ParticipantJoined;
import poker.domain.table.TableEvent.ParticipantSatIn;
import poker.domain.table.TableState;
import poker.domain.wallet.BuyInEvent;
import poker.support.EntityTestKit;

/**
 * Events are forever: what was stored before rule 12 (joins and returns with no choice recorded, hands
 * with no list of seated players not dealt in, snapshots of participants owing nothing, buy-in requests
 * with no choice) reads with the serializers the journal uses, and means what it meant then: nobody owes
 * a blind, nobody waits.
 */
class StoredBeforeRule12Test {

    static final ActorTestKit TESTKIT = ActorTestKit.create(EntityTestKit.CONFIG);

    @AfterAll
    static void shutdown() {
        TESTKIT.shutdownTestKit();
    }

    private static <T> T read(String json, int serializerId, Class<T> type) {
        Serialization serialization = SerializationExtension.get(TESTKIT.system());
        return type.cast(serialization.deserialize(json.getBytes(StandardCharsets.UTF_8), serializerId, "").get());
    }

    @Test
    void aJournalStoredBeforeTheRuleReplaysWithNobodyOwingOrWaiting() throws Exception {
        List<TableEvent> journal = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/journal/first-scheme-hand.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    journal.add(read(line, 9001, TableEvent.class));
                }
            }
        }
        ParticipantJoined joined = (ParticipantJoined) journal.get(1);
        assertThat(joined.waitForBigBlind()).isNull();
        HandEvent.HandStarted started = (HandEvent.HandStarted) ((HandProgressed) journal.get(5)).event();
        assertThat(started.notDealtIn()).isNull();
        assertThat(started.seatedNotDealtIn()).isEmpty();
        assertThat(((HandProgressed) journal.get(6)).event())
                .isEqualTo(new HandEvent.BlindPosted(2, HandEvent.Blind.SMALL, 5));

        TableState state = TableState.replay("0b1d7e2a-5c4f-4a8e-9d3b-6f2e1c0a9b87", journal);
        assertThat(state.participants()).allSatisfy(p -> {
            assertThat(p.blindsDue()).isEqualTo(Participant.BlindsDue.NONE);
            assertThat(p.waitingForBigBlind()).isFalse();
            assertThat(p.ready()).isTrue();
        });
    }

    @Test
    void aStoredReturnFromSittingOutOwesNothing() {
        ParticipantSatIn satIn = read("{\"type\":\"ParticipantSatIn\",\"participantId\":\"p-a\",\"tableId\":\"t\","
                + "\"seatNumber\":3}", 9001, ParticipantSatIn.class);

        assertThat(satIn).isEqualTo(new ParticipantSatIn("p-a", "t", 3, null));
    }

    @Test
    void aStoredSnapshotsParticipantsOweNothing() {
        TableState old = read("{\"tableId\":\"t1\",\"settings\":{\"name\":\"Main\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":6,\"minBuyIn\":100,\"maxBuyIn\":1000,\"actionSeconds\":20},"
                + "\"participants\":[{\"participantId\":\"p-a\",\"playerId\":\"a\",\"seatNumber\":1,\"chips\":480,"
                + "\"initialChips\":500,\"sittingOut\":false,\"status\":\"active\",\"timeouts\":0,\"leaving\":false},"
                + "{\"participantId\":\"p-b\",\"playerId\":\"b\",\"seatNumber\":2,\"chips\":520,"
                + "\"initialChips\":500,\"sittingOut\":true,\"status\":\"sitting_out\",\"timeouts\":0,\"leaving\":false}],"
                + "\"joinedIds\":[\"p-a\",\"p-b\"],\"handsPlayed\":3,\"button\":1,\"lastBigBlind\":2,"
                + "\"hand\":null,\"salt\":null,\"clock\":null}", 9002, TableState.class);

        assertThat(old.participants()).extracting(Participant::blindsDue)
                .containsExactly(Participant.BlindsDue.NONE, Participant.BlindsDue.NONE);
        assertThat(old.participants()).extracting(Participant::status).containsExactly("active", "sitting_out");
        assertThat(old.participantOf("a").orElseThrow().ready()).isTrue();
        assertThat(old.apply(new ParticipantSatIn("p-b", "t1", 2)).participantOf("b").orElseThrow().ready()).isTrue();
    }

    @Test
    void aSnapshotThatStoredTheParticipantsStatusReadsTheSameAndIsWrittenWithoutIt() {
        TableState stored = read("{\"tableId\":\"t1\",\"settings\":{\"name\":\"Main\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":6,\"minBuyIn\":100,\"maxBuyIn\":1000,\"actionSeconds\":20},"
                + "\"participants\":[{\"participantId\":\"p-a\",\"playerId\":\"a\",\"seatNumber\":1,\"chips\":500,"
                + "\"initialChips\":500,\"sittingOut\":false,\"status\":\"waiting\",\"timeouts\":0,\"leaving\":false,"
                + "\"blindsDue\":\"NEW_PLAYER\",\"waitingForBigBlind\":true}],"
                + "\"joinedIds\":[\"p-a\"],\"handsPlayed\":3,\"button\":1,\"lastBigBlind\":2,"
                + "\"hand\":null,\"salt\":null,\"salts\":null,\"clock\":null}", 9002, TableState.class);

        Participant waiting = stored.participantOf("a").orElseThrow();
        assertThat(waiting.status()).isEqualTo("waiting");
        assertThat(waiting.waitingForBigBlind()).isTrue();
        Serialization serialization = SerializationExtension.get(TESTKIT.system());
        byte[] written = serialization.serialize(stored).get();
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("status");
        assertThat(read(new String(written, StandardCharsets.UTF_8), 9002, TableState.class)).isEqualTo(stored);
    }

    @Test
    void aStoredBuyInRequestJoinsWaitingForTheBigBlind() {
        BuyInEvent.BuyInRequested request = read("{\"type\":\"BuyInRequested\",\"buyInId\":\"b1\",\"userId\":\"u1\","
                + "\"tableId\":\"t1\",\"amount\":400,\"seatNumber\":null}", 9005, BuyInEvent.BuyInRequested.class);

        assertThat(request).isEqualTo(new BuyInEvent.BuyInRequested("b1", "u1", "t1", 400, null, null));
    }
}
