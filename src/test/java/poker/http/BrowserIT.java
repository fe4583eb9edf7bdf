package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import poker.PokerServer;
import poker.bots.Bot;
import poker.bots.BotFleet;
import poker.bots.Strategy;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * The browser client in a real Chromium: {@code src/test/browser} (playwright-core, pinned by its
 * package-lock) is copied to {@code target/browser-tests}, installed there once with {@code npm ci}, and
 * its {@code run.mjs} drives the system Chromium against a server started here on an embedded
 * PostgreSQL: two players play a hand to a showdown through the UI while a spectator watches (no hole
 * card reaches the spectator early), a dropped connection resumes, the replay scrubbers (a hand's, and the
 * moderators' over the journal) show the right board and pot, and a browser player plays a sit-and-go
 * with three bots to the end. Screenshots land in {@code target/screenshots}. Chromium comes from {@code CHROMIUM_PATH}
 * or {@code chromium}/{@code chromium-browser} on the PATH ({@code .ci/run} installs it); without one the
 * test fails and says how to install it.
 */
class BrowserIT {

    private static final Path SOURCE = Path.of("src", "test", "browser");
    private static final Path WORK = Path.of("target", "browser-tests");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static PokerServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static long startedAt;

    @BeforeAll
    static void start() {
        startedAt = System.nanoTime();
        server = TestServer.start(TestDatabase.fresh(), Map.of(
                "poker.table.hand-pause", "1s",
                "jdbc-read-journal.refresh-interval", "50ms"));
        base = "http://127.0.0.1:" + server.httpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        System.out.printf("BrowserIT: %.1f s in all (server start and stop included)%n", (System.nanoTime() - startedAt) / 1e9);
    }

    @Test
    void staticFilesAreServedBesideTheApi() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(index.body()).contains("<script type=\"module\" src=\"/app.js\">");

        HttpResponse<String> script = get("/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).get().asString().contains("javascript");
        assertThat(get("/style.css").headers().firstValue("Content-Type")).get().asString().startsWith("text/css");

        HttpResponse<String> api = get("/api");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"resources\"");

        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/nothing-here"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("POST to an unknown address").isEqualTo(404);
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/tables"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as("PUT /api/tables").isEqualTo(405);

        for (String missing : List.of("/nothing-here", "/web/index.html", "/api/nothing-here", "/.hidden", "/../pom.xml")) {
            HttpResponse<String> r = get(missing);
            assertThat(r.statusCode()).as(missing).isEqualTo(404);
            assertThat(r.body()).as(missing).contains("\"error\"");
        }
    }

    @Test
    void playsThroughTheBrowser() throws Exception {
        String chromium = chromium().orElseThrow(() -> new AssertionError(
                "No Chromium found: set CHROMIUM_PATH or install it (apt-get install -y chromium); .ci/run does this."));
        long t0 = System.nanoTime();
        install();
        long installed = System.nanoTime();
        Files.createDirectories(SCREENSHOTS);
        Path out = Files.createTempFile("browser-tests", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder("node", "run.mjs").directory(WORK.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().put("BASE_URL", base);
            pb.environment().put("CHROMIUM_PATH", chromium);
            pb.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toAbsolutePath().toString());
            pb.environment().put("ADMIN_USERNAME", TestServer.ADMIN);
            pb.environment().put("ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
            Process p = pb.start();
            Thread bots = botsForTheSitAndGo(p);
            boolean done = p.waitFor(240, TimeUnit.SECONDS);
            bots.interrupt();
            bots.join(10_000);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String output = Files.readString(out);
            System.out.println(output);
            System.out.printf("BrowserIT: npm ci %.1f s, browser tests %.1f s%n",
                    (installed - t0) / 1e9, (System.nanoTime() - installed) / 1e9);
            assertThat(done).as("browser tests finished in 240 s\n" + output).isTrue();
            assertThat(p.exitValue()).as("browser tests failed:\n" + output).isZero();
        } finally {
            Files.deleteIfExists(out);
        }
        for (String shot : List.of("lobby.png", "table-mid-hand.png", "table-showdown.png", "replay.png",
                "moderator-replay.png", "tournament.png", "tournament-table.png")) {
            assertThat(SCREENSHOTS.resolve(shot)).as(shot).exists();
        }
    }

    /**
     * The browser test creates a sit-and-go named "Bots SNG ..." from its form; three bots (going all-in
     * whenever they may, so it ends in a few hands) register into it and play it to the end beside the
     * browser player. Runs until the tournament ends, the browser tests end, or it is interrupted.
     */
    private static Thread botsForTheSitAndGo(Process browserTests) {
        Thread t = new Thread(() -> {
            BotFleet.Settings settings = BotFleet.Settings.of(URI.create(base + "/api"), 3)
                    .withPrefix("sngbot").withStrategy(new Strategy(0, 0, 100)).withSeed(11)
                    .withLog(line -> { });
            try (BotFleet fleet = new BotFleet(settings)) {
                fleet.signUp();
                String tournamentId = null;
                while (tournamentId == null && browserTests.isAlive()) {
                    HttpResponse<String> lobby = get("/api/tournaments?status=registering");
                    for (JsonNode tournament : JSON.readTree(lobby.body())) {
                        if (tournament.path("name").asText().startsWith("Bots SNG")) {
                            tournamentId = tournament.path("tournamentId").asText();
                        }
                    }
                    Thread.sleep(200);
                }
                if (tournamentId == null) {
                    return;
                }
                System.out.println("BrowserIT: bots register into " + tournamentId + ": " + fleet.register(tournamentId));
                fleet.play(new Bot.Tournament(tournamentId));
                System.out.println("BrowserIT: sit-and-go " + fleet.awaitTournamentEnd(tournamentId, Duration.ofSeconds(180)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.out.println("BrowserIT: the bots failed: " + e);
            }
        }, "sit-and-go-bots");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** CHROMIUM_PATH, else chromium or chromium-browser on the PATH. */
    static Optional<String> chromium() {
        String env = System.getenv("CHROMIUM_PATH");
        if (env != null && !env.isBlank()) {
            return Files.isExecutable(Path.of(env)) ? Optional.of(env) : Optional.empty();
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    /** Copies the test folder to target/ and runs {@code npm ci} there when the lock file changed. */
    private static void install() throws IOException, InterruptedException {
        poker.support.NodeFolder.install(SOURCE, WORK, List.of("run.mjs"), "node_modules/playwright-core/package.json");
    }
}
