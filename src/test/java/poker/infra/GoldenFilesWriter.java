package poker.infra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;

/**
 * Writes the golden files {@link GoldenEventsTest} reads that do not exist yet (a new event type, a new
 * shape: see docs/changing-events.md), through the real serializer; never overwrites one. Run on purpose,
 * from the project folder:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.infra.GoldenFilesWriter}.
 */
public final class GoldenFilesWriter {

    private GoldenFilesWriter() {
    }

    public static void main(String[] args) throws Exception {
        Config config = ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING")
                .withFallback(ConfigFactory.parseResources("serialization.conf"))
                .withFallback(ConfigFactory.defaultReference())
                .resolve();
        ActorSystem system = ActorSystem.create("golden-writer", config);
        int written = 0;
        try {
            written = write(SerializationExtension.get(system), GoldenEventsTest.ROOT);
        } finally {
            system.terminate();
        }
        System.out.println("GoldenFilesWriter: " + written + " file(s) written under " + GoldenEventsTest.ROOT);
        System.exit(0);
    }

    /** Writes each missing file of {@link GoldenEvents#all()} under {@code root}; returns how many. */
    static int write(Serialization serialization, Path root) throws IOException {
        int written = 0;
        for (GoldenEvents.Golden g : GoldenEvents.all()) {
            Path file = root.resolve(g.path());
            if (Files.exists(file)) {
                continue;
            }
            if (!g.current()) {
                throw new IllegalStateException(g.path() + " is an old shape: it cannot be written today, only kept");
            }
            Serializer serializer = serialization.findSerializerFor(g.expected());
            byte[] bytes = serializer.toBinary(g.expected());
            // pretty-printed for review; the same JSON tree as the stored bytes
            String text = GoldenEventsTest.TREES.writeValueAsString(GoldenEventsTest.TREES.readTree(bytes)) + "\n";
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.println("GoldenFilesWriter: wrote " + g.path());
            written++;
        }
        return written;
    }
}
