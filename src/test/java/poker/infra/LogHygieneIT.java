package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.LiveClient;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * A played session with our loggers at DEBUG, every line captured in the JSON format: no line holds a password
 * (right or wrong), a bearer token, or the hole cards of a live hand; every line parses, and the request and
 * entity lines carry their fields (correlationId, userId, entityType, entityId, command).
 */
class LogHygieneIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PASSWORD = "Hygiene-Horse-Battery-4711";
    private static final String WRONG_PASSWORD = "Wrong-Staple-0815";

    /** Encodes each event as it is logged (on the logging thread, where the MDC is). */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final Queue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(new String(LogEncoder.jsonLine(event), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPlayedSessionLogsNoSecretAndEveryLineCarriesItsFields() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger persistence = logging.getLogger("org.apache.pekko.persistence.typed");
        Level rootBefore = root.getLevel();
        Capture capture = new Capture();
        capture.setContext(logging);
        capture.start();
        // the console keeps the test run's WARN level: the DEBUG lines go to the capture only
        List<ch.qos.logback.core.Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        console.forEach(appender -> root.detachAppender(appender));
        root.addAppender(capture);
        // as POKER_LOG_LEVEL=DEBUG with the levels logback.xml pins (slick, hikari, flyway, zonky), Pekko at INFO
        // (logback.xml: WARN) and the event-sourced behaviour's own DEBUG lines, which name commands and events
        Map<String, Level> pinned = Map.of("slick", Level.WARN, "com.zaxxer.hikari", Level.WARN,
                "org.flywaydb", Level.WARN, "io.zonky", Level.OFF, "org.apache.pekko", Level.INFO);
        pinned.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        root.setLevel(Level.DEBUG);
        persistence.setLevel(Level.DEBUG);

        Map<String, List<String>> liveCards = new HashMap<>();
        List<String> tokens = new ArrayList<>();
        String tableId;
        String annId;
        HttpResponse<String> correlated;
        HttpResponse<String> insane;
        PokerServer server = TestServer.start(TestDatabase.fresh(), Map.of("poker.table.hand-pause", "100ms"));
        try {
            ApiClient api = new ApiClient(server.httpPort());
            for (String name : List.of("hyg_ann", "hyg_bob")) {
                assertThat(api.post("/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}",
                        null).status()).isEqualTo(201);
            }
            assertThat(api.post("/sessions", "{\"username\":\"hyg_ann\",\"password\":\"" + WRONG_PASSWORD + "\"}",
                    null).status()).isEqualTo(401);
            String ann = api.login("hyg_ann", PASSWORD);
            String bob = api.login("hyg_bob", PASSWORD);
            tokens.add(ann);
            tokens.add(bob);
            annId = api.get("/users/me", ann).text("id");
            tableId = api.post("/tables?consistency=strong", "{\"name\":\"Hygiene\",\"smallBlind\":5,\"bigBlind\":10,"
                    + "\"maxSeats\":2,\"minBuyIn\":200,\"maxBuyIn\":1000,\"actionSeconds\":30}", ann).text("tableId");
            LiveClient annSocket = LiveClient.open(server.httpPort(), tableId, ann, null, null).get(10, TimeUnit.SECONDS);
            LiveClient bobSocket = LiveClient.open(server.httpPort(), tableId, bob, null, null).get(10, TimeUnit.SECONDS);
            assertThat(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", ann).status()).isEqualTo(201);
            assertThat(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":500}", bob).status()).isEqualTo(201);
            // each player sees their own two cards while the hand is live
            liveCards.put("ann", ownCards(annSocket));
            liveCards.put("bob", ownCards(bobSocket));

            HttpClient http = HttpClient.newHttpClient();
            correlated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                            + "/api/wallet")).header("Authorization", "Bearer " + ann)
                    .header("X-Correlation-Id", "hygiene-42").GET().build(), HttpResponse.BodyHandlers.ofString());
            insane = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api"))
                    .header("X-Request-Id", "not sane {" + "x".repeat(80) + "}").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            // a command sent with a correlation id: the table entity's lines for it carry the same id
            HttpResponse<String> satOut = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + server.httpPort() + "/api/tables/" + tableId + "/sit-out"))
                    .header("Authorization", "Bearer " + ann).header("X-Correlation-Id", "hygiene-sit-out")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(satOut.statusCode()).as(satOut.body()).isEqualTo(200);
            annSocket.close();
            bobSocket.close();
        } finally {
            server.stop();
            root.detachAppender(capture);
            console.forEach(root::addAppender);
            root.setLevel(rootBefore);
            pinned.keySet().forEach(name -> logging.getLogger(name).setLevel(null));
            persistence.setLevel(null);
        }

        List<String> lines = new ArrayList<>(capture.lines);
        System.out.println("LogHygieneIT: " + lines.size() + " log lines captured");
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(line).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
            for (String token : tokens) {
                assertThat(line).as("a bearer token in a log line").doesNotContain(token);
            }
            for (List<String> cards : liveCards.values()) {
                for (String rendering : renderings(cards.get(0), cards.get(1))) {
                    assertThat(line).as("hole cards %s in a log line", cards).doesNotContain(rendering);
                }
            }
        }

        List<JsonNode> json = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).endsWith("\n");
            assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
            JsonNode node = ApiClient.MAPPER.readTree(line);
            assertThat(node.path("timestamp").asText()).isNotEmpty();
            assertThat(node.path("level").asText()).isNotEmpty();
            assertThat(node.path("logger").asText()).isNotEmpty();
            assertThat(node.has("message")).isTrue();
            json.add(node);
        }

        assertThat(correlated.statusCode()).isEqualTo(200);
        assertThat(correlated.headers().firstValue("X-Correlation-Id")).contains("hygiene-42");
        assertThat(json).as("the access line of the wallet read, with its fields")
                .anySatisfy(node -> {
                    assertThat(node.path("logger").asText()).isEqualTo("poker.http.access");
                    assertThat(node.path("correlationId").asText()).isEqualTo("hygiene-42");
                    assertThat(node.path("userId").asText()).isEqualTo(annId);
                    assertThat(node.path("message").asText()).startsWith("GET /api/wallet answered 200 after ");
                });
        String replaced = insane.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(replaced).as("an insane request id is replaced").matches("[0-9a-f-]{36}");
        assertThat(json).anySatisfy(node -> assertThat(node.path("correlationId").asText()).isEqualTo(replaced));
        assertThat(json).as("a line of the table entity with its fields").anySatisfy(node -> {
            assertThat(node.path("entityType").asText()).isEqualTo("Table");
            assertThat(node.path("entityId").asText()).isEqualTo(tableId);
            assertThat(node.path("command").asText()).isNotEmpty();
        });
        assertThat(json).as("the table entity's line for the sit-out, with the request's correlation id")
                .anySatisfy(node -> {
                    assertThat(node.path("entityType").asText()).isEqualTo("Table");
                    assertThat(node.path("entityId").asText()).isEqualTo(tableId);
                    assertThat(node.path("command").asText()).isEqualTo("SitOut");
                    assertThat(node.path("correlationId").asText()).isEqualTo("hygiene-sit-out");
                });
    }

    /** The caller's own hole cards, from the first frame of a hand that shows them. */
    private static List<String> ownCards(LiveClient socket) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = socket.frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame == null) {
                continue;
            }
            JsonNode view = frame.path("table");
            for (JsonNode seat : view.path("seats")) {
                if (seat.path("seatNumber").asInt() == view.path("you").path("seatNumber").asInt(-1)
                        && seat.path("cards").size() == 2) {
                    return List.of(seat.path("cards").get(0).asText(), seat.path("cards").get(1).asText());
                }
            }
        }
        throw new AssertionError("no hole cards seen; frames: " + socket.raw);
    }

    /** How two cards could show in a line: a JSON array, a Java list, a record's toString, side by side. */
    private static List<String> renderings(String a, String b) {
        List<String> out = new ArrayList<>();
        for (String[] pair : new String[][] {{a, b}, {b, a}}) {
            out.add("\"" + pair[0] + "\",\"" + pair[1] + "\"");
            out.add("\"" + pair[0] + "\", \"" + pair[1] + "\"");
            out.add(pair[0] + ", " + pair[1]);
            out.add(pair[0] + "," + pair[1]);
            out.add(pair[0] + " " + pair[1]);
            out.add(pair[0] + pair[1]);
        }
        return out;
    }
}
