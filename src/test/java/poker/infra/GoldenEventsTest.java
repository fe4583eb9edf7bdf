package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.domain.holdem.HandEvent;
import poker.domain.table.TableEvent;
import poker.domain.table.TableState;
import poker.domain.tournament.DirectorEvent;
import poker.domain.tournament.DirectorState;
import poker.domain.tournament.DirectorStep;
import poker.domain.tournament.EntryEvent;
import poker.domain.tournament.EntryState;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentState;
import poker.domain.wallet.BuyInEvent;
import poker.domain.wallet.BuyInState;
import poker.domain.wallet.WalletEvent;
import poker.domain.wallet.WalletState;
import poker.infra.GoldenEvents.Golden;

/**
 * Events are forever: every persisted event and snapshot type has golden files under
 * {@code src/test/resources/golden/events/<serializer>/}, the bytes the journal (or the snapshot store)
 * holds for it, written once by Pekko's own serializer. This test only reads them: each file must still
 * deserialize, through the serializer id and manifest the journal would hand Pekko, into today's type;
 * the newest file of each type must be what today's serializer writes; every concrete type must have one.
 * A change that breaks an old payload, or reshapes a type without a new golden file, fails here.
 *
 * <p>Missing files (a new type, a new shape) are written by
 * {@link GoldenFilesWriter} (a main class, never part of a build), which never overwrites a file. See
 * docs/changing-events.md.
 */
class GoldenEventsTest {

    static final Path ROOT = Path.of("src/test/resources/golden/events");

    /** The persisted families: each root type, bound to its own serializer in serialization.conf. */
    static final Map<Class<?>, String> BINDINGS = new LinkedHashMap<>();

    static {
        BINDINGS.put(TableEvent.class, "table-event-json");
        BINDINGS.put(TableState.class, "table-snapshot-json");
        BINDINGS.put(WalletEvent.class, "wallet-event-json");
        BINDINGS.put(WalletState.class, "wallet-snapshot-json");
        BINDINGS.put(BuyInEvent.class, "buy-in-event-json");
        BINDINGS.put(BuyInState.class, "buy-in-snapshot-json");
        BINDINGS.put(TournamentEvent.class, "tournament-event-json");
        BINDINGS.put(TournamentState.class, "tournament-snapshot-json");
        BINDINGS.put(EntryEvent.class, "tournament-entry-event-json");
        BINDINGS.put(EntryState.class, "tournament-entry-snapshot-json");
        BINDINGS.put(DirectorEvent.class, "director-event-json");
        BINDINGS.put(DirectorState.class, "director-snapshot-json");
    }

    static final ObjectMapper TREES = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static ActorSystem system;
    static Serialization serialization;
    static Config config;
    static List<Golden> goldens;

    @BeforeAll
    static void start() {
        // the project's serialization settings, nothing else: no cluster, no journal
        config = ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
                .withFallback(ConfigFactory.parseResources("serialization.conf"))
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
        system = ActorSystem.create("golden", config);
        serialization = SerializationExtension.get(system);
        goldens = GoldenEvents.all();
    }

    @AfterAll
    static void stop() throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** (a) every golden file reads, as the journal would read it, into the expected instance of today's type. */
    @Test
    void everyGoldenFileDeserializesIntoTodaysType() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Golden g : goldens) {
            Path file = ROOT.resolve(g.path());
            if (!Files.exists(file)) {
                failures.add(g.path() + ": missing (a new type or shape? write it with GoldenFilesWriter and"
                        + " commit it)");
                continue;
            }
            byte[] stored = Files.readAllBytes(file);
            int id = config.getInt("pekko.actor.serialization-identifiers." + g.binding());
            String manifest = g.version() == 1 ? "" : "#" + g.version();
            Object read;
            try {
                read = serialization.deserialize(stored, id, manifest).get();
            } catch (RuntimeException e) {
                failures.add(g.path() + ": does not deserialize with serializer " + id + " and manifest '"
                        + manifest + "': " + e);
                continue;
            }
            if (!read.equals(g.expected())) {
                failures.add(g.path() + ": reads as\n  " + read + "\nexpected\n  " + g.expected());
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The current file of each type is what today's serializer writes (same JSON tree), and today's manifest
     * reads it back: a type reshaped without a new golden file (and, for a removed or renamed field, a
     * migration) fails here.
     */
    @Test
    void todaysSerializerWritesTheCurrentGoldenFile() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Golden g : goldens) {
            Path file = ROOT.resolve(g.path());
            if (!g.current() || !Files.exists(file)) {
                continue;
            }
            Serializer serializer = serialization.findSerializerFor(g.expected());
            int id = config.getInt("pekko.actor.serialization-identifiers." + g.binding());
            assertThat(serializer.identifier()).as("serializer of %s", g.path()).isEqualTo(id);
            String manifest = ((SerializerWithStringManifest) serializer).manifest(g.expected());
            JsonNode written = TREES.readTree(serializer.toBinary(g.expected()));
            JsonNode golden = TREES.readTree(Files.readAllBytes(file));
            if (!written.equals(golden)) {
                failures.add(g.path() + ": today's serializer writes\n" + TREES.writeValueAsString(written));
                continue;
            }
            Object read = serialization.deserialize(Files.readAllBytes(file), id, manifest).get();
            if (!read.equals(g.expected())) {
                failures.add(g.path() + ": with today's manifest '" + manifest + "' reads as " + read);
            }
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /** (b) a concrete type without a current golden file (a new event, say) fails the build. */
    @Test
    void everyPersistedTypeHasAGoldenFile() {
        Set<String> current = goldens.stream().filter(Golden::current).map(Golden::path)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> required = new TreeSet<>();
        BINDINGS.forEach((root, binding) -> {
            for (Class<?> type : concrete(root)) {
                if (type == TableEvent.HandProgressed.class) {
                    // one per hand fact it carries
                    concrete(HandEvent.class).forEach(h -> required.add(binding + "/HandProgressed-"
                            + h.getSimpleName() + ".json"));
                } else {
                    required.add(binding + "/" + type.getSimpleName() + ".json");
                }
            }
        });
        // the current file of a type may be a later version of it
        Set<String> covered = current.stream().map(p -> p.replaceAll("\\.v\\d+\\.json$", ".json"))
                .collect(Collectors.toSet());
        assertThat(required).as("types without a golden file").allMatch(covered::contains,
                "has a golden file (add it to GoldenEvents and write it with GoldenFilesWriter)");
        for (Golden g : goldens) {
            assertThat(Files.exists(ROOT.resolve(g.path()))).as("%s exists", g.path()).isTrue();
        }
    }

    /** Both the json subtype list and the sealed interface name the same types: neither is forgotten. */
    @Test
    void subtypeAnnotationsMatchThePermittedSubclasses() {
        for (Class<?> root : List.of(TableEvent.class, HandEvent.class, WalletEvent.class, BuyInEvent.class,
                TournamentEvent.class, EntryEvent.class, DirectorEvent.class, DirectorStep.class)) {
            Set<Class<?>> annotated = Stream.of(root.getAnnotation(JsonSubTypes.class).value())
                    .map(JsonSubTypes.Type::value).collect(Collectors.toSet());
            assertThat(annotated).as("@JsonSubTypes of %s", root.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(concrete(root));
        }
    }

    /** The director's snapshot holds its outstanding steps: its golden file holds one of each kind. */
    @Test
    void theDirectorSnapshotHoldsEveryKindOfStep() throws IOException {
        JsonNode state = TREES.readTree(Files.readAllBytes(ROOT.resolve("director-snapshot-json/DirectorState.json")));
        Set<String> kinds = new TreeSet<>();
        state.get("steps").forEach(s -> kinds.add(s.get("type").asText()));
        Set<String> missing = new TreeSet<>();
        concrete(DirectorStep.class).forEach(c -> missing.add(c.getSimpleName()));
        missing.removeAll(kinds);
        assertThat(missing).as("step kinds DirectorState.json lacks").isEmpty();
    }

    /** Files nobody expects are a mistake (a typo in a name, a file for a type that was renamed). */
    @Test
    void noStrayGoldenFiles() throws IOException {
        Set<String> expected = goldens.stream().map(Golden::path).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<String> stray = files.filter(Files::isRegularFile).map(p -> ROOT.relativize(p).toString()
                    .replace('\\', '/')).filter(p -> !expected.contains(p)).sorted().toList();
            assertThat(stray).as("golden files no entry of GoldenEvents reads").isEmpty();
        }
    }

    /** The writer writes each current shape once, as the committed file has it, and never overwrites. */
    @Test
    void theWriterWritesWhatIsCommittedAndNeverOverwrites(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        long current = goldens.stream().filter(GoldenEvents.Golden::current).count();
        for (GoldenEvents.Golden g : goldens) {
            if (!g.current()) { // old shapes are kept, never written: there already
                Files.createDirectories(dir.resolve(g.path()).getParent());
                Files.copy(ROOT.resolve(g.path()), dir.resolve(g.path()));
            }
        }
        assertThat(GoldenFilesWriter.write(serialization, dir)).isEqualTo((int) current);
        for (GoldenEvents.Golden g : goldens) {
            if (g.current()) {
                assertThat(TREES.readTree(dir.resolve(g.path()).toFile()))
                        .as(g.path()).isEqualTo(TREES.readTree(ROOT.resolve(g.path()).toFile()));
            }
        }
        assertThat(GoldenFilesWriter.write(serialization, dir)).as("a second run").isZero();
    }

    static List<Class<?>> concrete(Class<?> root) {
        if (!root.isSealed()) {
            return List.of(root);
        }
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> sub : root.getPermittedSubclasses()) {
            out.addAll(concrete(sub));
        }
        return out;
    }
}
