package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.domain.table.TableEvent;
import poker.domain.table.TableEvent.ParticipantJoined;

/**
 * Version 2 of {@code ParticipantJoined} through Pekko's real serializer: what the journal holds without a
 * version (manifest {@code ""}) goes through {@link TableEventMigration}, today's events are written with
 * {@code "#2"}, and both read as the same join. The proof that the migration (and not the lenient reader)
 * strips the old fields: a serializer that fails on unknown properties still reads version 1, and stops
 * reading it once the migration is taken away.
 */
class TableEventMigrationTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/events/table-event-json");
    static final int TABLE_EVENTS = 9001;

    static ActorSystem strict;
    static ActorSystem strictWithoutMigration;

    @BeforeAll
    static void start() {
        Config project = ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
                .withFallback(ConfigFactory.parseResources("serialization.conf"))
                .withFallback(ConfigFactory.defaultReference());
        Config failOnUnknown = ConfigFactory.parseString(
                "pekko.serialization.jackson.table-event-json.deserialization-features.FAIL_ON_UNKNOWN_PROPERTIES = on");
        strict = ActorSystem.create("strict", failOnUnknown.withFallback(project).resolve());
        Config withoutMigration = ConfigFactory.parseResources("serialization.conf")
                .withoutPath("pekko.serialization.jackson.table-event-json.migrations");
        strictWithoutMigration = ActorSystem.create("strict-without-migration", failOnUnknown
                .withFallback(ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING"))
                .withFallback(withoutMigration).withFallback(ConfigFactory.defaultReference()).resolve());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ActorSystem s : List.of(strict, strictWithoutMigration)) {
            s.terminate();
        }
        for (ActorSystem s : List.of(strict, strictWithoutMigration)) {
            s.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static Object read(ActorSystem system, byte[] bytes, String manifest) {
        return SerializationExtension.get(system).deserialize(bytes, TABLE_EVENTS, manifest).get();
    }

    static byte[] golden(String file) throws Exception {
        return Files.readAllBytes(GOLDEN.resolve(file));
    }

    @Test
    void tableEventsAreWrittenAtVersion2() {
        Serialization serialization = SerializationExtension.get(strict);
        ParticipantJoined joined = new ParticipantJoined("p1", "u1", "t1", 500, 3, false, true);
        var serializer = (SerializerWithStringManifest) serialization.findSerializerFor(joined);
        assertThat(serializer.identifier()).isEqualTo(TABLE_EVENTS);
        assertThat(serializer.manifest(joined)).isEqualTo("#2");
        // every table event: the version belongs to the family, since the migration is found by TableEvent
        assertThat(serializer.manifest(new TableEvent.HandClosed("t1", 4))).isEqualTo("#2");
        String json = new String(serializer.toBinary(joined), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("initialChips").doesNotContain("status");
    }

    @Test
    void version1AndVersion2ReadAsTheSameJoin() throws Exception {
        Object v1 = read(strict, golden("ParticipantJoined.v1.json"), "");
        Object v2 = read(strict, golden("ParticipantJoined.v2.json"), "#2");
        assertThat(v1).isInstanceOf(ParticipantJoined.class).isEqualTo(v2);
        ParticipantJoined joined = (ParticipantJoined) v1;
        assertThat(joined.chips()).isEqualTo(200);
        assertThat(joined.status()).isEqualTo("active");
    }

    @Test
    void withoutTheMigrationAStrictReaderRefusesVersion1() throws Exception {
        byte[] v1 = golden("ParticipantJoined.v1.json");
        assertThatThrownBy(() -> read(strictWithoutMigration, v1, "")).hasMessageContaining("initialChips");
        // and version 2 needs no migration
        assertThat(read(strictWithoutMigration, golden("ParticipantJoined.v2.json"), "#2"))
                .isInstanceOf(ParticipantJoined.class);
    }

    @Test
    void aVersion1WaitingJoinKeepsItsStatusDerived() {
        String v1 = "{\"type\":\"ParticipantJoined\",\"participantId\":\"p-c\",\"playerId\":\"c\",\"tableId\":\"t1\","
                + "\"chips\":700,\"initialChips\":700,\"seatNumber\":2,\"sittingOut\":false,\"status\":\"waiting\","
                + "\"waitForBigBlind\":true}";
        Object read = read(strict, v1.getBytes(StandardCharsets.UTF_8), "");
        assertThat(read).isEqualTo(new ParticipantJoined("p-c", "c", "t1", 700, 2, false, true));
        assertThat(((ParticipantJoined) read).status()).isEqualTo("waiting");
    }

    @Test
    void theFirstSchemeFixtureJoinsReadWithoutWaitForBigBlind() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/journal/first-scheme-hand.jsonl"));
        List<ParticipantJoined> joins = lines.stream().filter(l -> l.contains("\"ParticipantJoined\""))
                .map(l -> (ParticipantJoined) read(strict, l.getBytes(StandardCharsets.UTF_8), "")).toList();
        assertThat(joins).hasSize(3).allSatisfy(j -> {
            assertThat(j.waitForBigBlind()).isNull();
            assertThat(j.status()).isEqualTo("active");
            assertThat(j.chips()).isEqualTo(1000);
        });
    }

    @Test
    void otherVersion1EventsPassThroughUnchanged() throws Exception {
        for (String file : List.of("TableCreated.json", "ParticipantLeft.json", "HandProgressed-HandStarted.json",
                "TournamentHandEnded.json")) {
            assertThat(read(strict, golden(file), "")).as(file).isEqualTo(read(strict, golden(file), "#2"));
        }
    }
}
