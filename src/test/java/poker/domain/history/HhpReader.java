package poker.domain.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs hhp, a third-party PokerStars hand-history parser from the npm registry, on our histories:
 * {@code src/test/node/hand-history-reader} (its package-lock pins hhp 1.1.1) is copied to
 * {@code target/} and installed there with {@code npm ci} on first use, then one {@code node}
 * process reads every history given.
 */
final class HhpReader {

    private static final Path SOURCE = Path.of("src", "test", "node", "hand-history-reader");
    private static final Path WORK = Path.of("target", "hand-history-reader");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HhpReader() {
    }

    /** Whether {@code node} can be started here (developers and CI have it). */
    static boolean nodeAvailable() {
        try {
            return run(List.of("node", "--version"), Path.of("."), null, 30).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** What hhp reads from each text, by id: its parsed hand, or {@code {"error": ...}}. */
    static Map<String, JsonNode> read(Map<String, String> texts) throws IOException {
        install();
        ArrayNode input = JSON.createArrayNode();
        texts.forEach((id, text) -> input.addObject().put("id", id).put("text", text));
        Result r = run(List.of("node", "read.js"), WORK, JSON.writeValueAsBytes(input), 120);
        if (r.exit != 0) {
            throw new IllegalStateException("node read.js exited with " + r.exit + ": " + r.stderr);
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode entry : JSON.readTree(r.stdout)) {
            out.put(entry.get("id").asText(), entry.has("hand") ? entry.get("hand") : entry);
        }
        return out;
    }

    private static void install() throws IOException {
        try {
            poker.support.NodeFolder.install(SOURCE, WORK, List.of("read.js"), "node_modules/hhp/package.json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(List<String> command, Path dir, byte[] stdin, long timeoutSeconds) throws IOException {
        Path err = Files.createTempFile("hhp-reader", ".err");
        Path out = Files.createTempFile("hhp-reader", ".out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }
}
