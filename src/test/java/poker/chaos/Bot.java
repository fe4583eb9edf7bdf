package poker.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import poker.support.LiveClient;

/**
 * A player over the public API, as a client program would play: it watches its table on the live socket
 * and, on its turn, posts a legal action over HTTP (check when it may, else call, else fold). When its
 * node stops answering (refused, silent for {@link #STALE}), it moves to another node and reconnects the
 * socket with {@code fromSeq}: every event seq it receives must follow the one before, across reconnects.
 * A sleeper never acts on its turn, so its table moves only by turn clocks; when the clock has sat it out
 * it sits in again.
 */
final class Bot implements Runnable {

    static final Duration STALE = Duration.ofSeconds(6);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A 2xx answer to an action: the journal must hold this table's event {@code seq}. */
    record Ack(String tableId, long seq) {
    }

    final String name;
    final String tableId;
    final String token;
    final boolean sleeper;
    private final List<Integer> ports;

    final List<Ack> acks = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    volatile int reconnects;
    volatile long lastSeq;
    volatile boolean running = true;

    private int node;
    private LiveClient socket;
    private JsonNode table;
    private long actedAt = -1;
    private long lastFrameAt;

    Bot(String name, String tableId, String token, boolean sleeper, List<Integer> ports, int startNode) {
        this.name = name;
        this.tableId = tableId;
        this.token = token;
        this.sleeper = sleeper;
        this.ports = ports;
        this.node = startNode;
    }

    @Override
    public void run() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                moveOn();
            }
        }
        if (socket != null) {
            socket.close();
        }
    }

    private void step() throws Exception {
        if (socket == null) {
            socket = LiveClient.open(ports.get(node), tableId, token, lastSeq > 0 ? lastSeq : null, null)
                    .get(3, TimeUnit.SECONDS);
            lastFrameAt = System.nanoTime();
        }
        JsonNode frame = socket.frames.poll(200, TimeUnit.MILLISECONDS);
        if (frame != null) {
            lastFrameAt = System.nanoTime();
            accept(frame);
        } else if (socket.closed.isDone() || System.nanoTime() - lastFrameAt > STALE.toNanos()) {
            moveOn();
            return;
        }
        if (socket.frames.isEmpty() && table != null) {
            act();
        }
    }

    private void accept(JsonNode frame) {
        String type = frame.path("type").asText();
        long seq = frame.path("seq").asLong();
        if (type.equals("snapshot")) {
            if (lastSeq > 0 && seq != lastSeq) {
                problems.add(name + ": reconnected with fromSeq=" + lastSeq + " but the snapshot is at " + seq);
            }
            lastSeq = seq;
            table = frame.path("table");
        } else if (type.equals("event")) {
            if (seq != lastSeq + 1) {
                problems.add(name + ": event seq " + seq + " after " + lastSeq);
            }
            lastSeq = Math.max(lastSeq, seq);
            table = frame.path("table");
        }
    }

    private void act() throws Exception {
        if (lastSeq <= actedAt) {
            return;
        }
        JsonNode you = table.path("you");
        if (you.isMissingNode() || you.isNull()) {
            return;
        }
        if (sleeper) {
            for (JsonNode seat : table.path("seats")) {
                if (seat.path("seatNumber").asInt() == you.path("seatNumber").asInt()
                        && seat.path("status").asText().equals("sitting_out")) {
                    HttpResponse<String> answer = post("/tables/" + tableId + "/sit-in", "{}");
                    if (answer.statusCode() / 100 == 2 || answer.statusCode() == 409) {
                        actedAt = lastSeq;
                    } else if (answer.statusCode() >= 500) {
                        moveOn(); // the table is moving: try again from another node
                    }
                }
            }
            return;
        }
        JsonNode legal = table.path("legalActions");
        if (!legal.isArray() || legal.isEmpty() || table.path("handNumber").isNull()) {
            return;
        }
        String choice = null;
        for (String preferred : List.of("check", "call", "fold")) {
            for (JsonNode action : legal) {
                if (choice == null && action.path("action").asText().equals(preferred)) {
                    choice = preferred;
                }
            }
        }
        if (choice == null) {
            return;
        }
        actedAt = lastSeq;
        HttpResponse<String> answer = post("/tables/" + tableId + "/actions",
                "{\"handNumber\":" + table.path("handNumber").asLong() + ",\"action\":\"" + choice + "\"}");
        if (answer.statusCode() / 100 == 2) {
            acks.add(new Ack(tableId, MAPPER.readTree(answer.body()).path("seq").asLong()));
        } else if (answer.statusCode() >= 500) {
            moveOn();
        }
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node) + "/api" + path))
                .timeout(Duration.ofSeconds(4))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The node did not answer: drop the socket and go to the next node. */
    private void moveOn() {
        if (socket != null) {
            socket.close();
            socket = null;
            reconnects++;
        }
        node = (node + 1) % ports.size();
        actedAt = -1;
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
