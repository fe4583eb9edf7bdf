package poker.bots;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the bots: JSON calls to the API as any outside client makes them. At most
 * {@code concurrency} requests are in flight at once (all bots share this client). A 429 or 503 is
 * retried after its {@code Retry-After} (1 s without one), and a server that does not answer (stopped,
 * restarting) is retried with a growing pause, both for at most {@code maxWait} in all; then the last
 * answer is returned, or {@link Unreachable} thrown.
 */
public final class BotApi {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One answer: status, parsed body (a NullNode when the body is not JSON), raw body, and the
     * {@code Retry-After} header in seconds (0 when absent).
     */
    public record Reply(int status, JsonNode body, String raw, long retryAfter) {

        public String text(String field) {
            return body.path(field).asText(null);
        }

        /** The error code of an error answer ({@code {"error":code,...}}), else null. */
        public String error() {
            return body.path("error").asText(null);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The server did not answer within the wait allowed. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final List<URI> bases;
    /** Which of the bases is in use; the next one when it stops answering (a node of a cluster gone). */
    private final AtomicInteger current = new AtomicInteger();
    private final Semaphore inFlight;
    private final Duration maxWait;
    private final BotStats stats;

    /** @param base the API's address, such as {@code http://localhost:8080/api} */
    public BotApi(URI base, int concurrency, Duration maxWait, BotStats stats) {
        this(List.of(base), concurrency, maxWait, stats);
    }

    /** @param bases the API's addresses at the nodes of a cluster; the first is used while it answers */
    public BotApi(List<URI> bases, int concurrency, Duration maxWait, BotStats stats) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.bases = bases.stream().map(base -> {
            String text = base.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }).toList();
        this.inFlight = new Semaphore(concurrency);
        this.maxWait = maxWait;
        this.stats = stats;
    }

    public HttpClient http() {
        return http;
    }

    private URI base() {
        return bases.get(Math.floorMod(current.get(), bases.size()));
    }

    /**
     * The address in use did not answer: the next one is tried from now on (by every bot). Called with the
     * address that failed, so that many bots failing at once move on by one address, not by many.
     */
    public void unreachable(URI failed) {
        int at = current.get();
        if (bases.size() > 1 && bases.get(Math.floorMod(at, bases.size())).equals(failed)) {
            current.compareAndSet(at, at + 1);
        }
    }

    /** The address of a table's live socket at the node in use, and that node's API address. */
    public record Live(URI socket, URI base) {
    }

    /** The live socket address of a table. */
    public URI liveTable(String tableId, String token, Long fromSeq) {
        return live(tableId, token, fromSeq).socket();
    }

    public Live live(String tableId, String token, Long fromSeq) {
        URI base = base();
        String ws = base.toString().replaceFirst("^http", "ws");
        return new Live(URI.create(ws + "/tables/" + tableId + "/live?token=" + token
                + (fromSeq == null ? "" : "&fromSeq=" + fromSeq)), base);
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Reply post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    public Reply send(String method, String path, String json, String token) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = 200;
        while (true) {
            Reply reply;
            URI base = base();
            try {
                reply = once(base, method, path, json, token);
            } catch (IOException e) {
                unreachable(base);
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw new Unreachable(method + " " + path + ": no answer within " + maxWait, e);
                }
                stats.unreachable();
                sleep(pause);
                pause = Math.min(2_000, pause * 2);
                continue;
            }
            if (reply.status() != 429 && reply.status() != 503) {
                return reply;
            }
            long wait = Math.max(1, reply.retryAfter()) * 1000;
            if (System.nanoTime() + wait * 1_000_000 > deadline) {
                return reply;
            }
            stats.throttled(reply.status() + " " + reply.error());
            sleep(wait);
        }
    }

    private Reply once(URI base, String method, String path, String json, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body() == null || response.body().isEmpty() ? MAPPER.nullNode()
                        : MAPPER.readTree(response.body());
            } catch (JsonProcessingException notJson) {
                body = MAPPER.nullNode();
            }
            long retryAfter = response.headers().firstValue("Retry-After").map(BotApi::seconds).orElse(0L);
            return new Reply(response.statusCode(), body, response.body(), retryAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            inFlight.release();
        }
    }

    private static long seconds(String header) {
        try {
            return Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A JSON string literal. */
    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
