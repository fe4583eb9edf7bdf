package poker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import poker.bots.BotApi;
import poker.bots.BotStats;
import poker.bots.Strategy;

/**
 * A seated bot that plays from its live socket and acts through the HTTP API ({@code POST
 * /api/tables/{id}/actions}), so that each action has a round trip to time. The decisions are the bots'
 * ({@link Strategy}); the accounts and seats come from {@link poker.bots.BotFleet}. It acts on the newest view
 * that offers it legal actions and reflects its last accepted action, one action in flight at a time; sits in
 * again when sat out, buys in again when busted (as {@link poker.bots.Bot} does). Everything runs on the
 * shared {@link HttpClient}'s executor: no thread per bot.
 */
final class HttpPlayer implements WebSocket.Listener {

    /** What the players of one run share: the client, the clock of deliveries, the counts. */
    static final class Shared {
        final HttpClient http;
        final String api;
        final LiveFrames.Deliveries deliveries = new LiveFrames.Deliveries();
        private final Histogram action = LoadRunner.histogram();
        final AtomicLong accepted = new AtomicLong();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        final Set<String> handsEnded = ConcurrentHashMap.newKeySet();
        volatile boolean acting = true;
        volatile boolean recording;
        /** How long a bot thinks before it sends an action (0: at once, as fast as the server answers). */
        volatile long thinkMillis;

        Shared(HttpClient http, int port) {
            this.http = http;
            this.api = "http://127.0.0.1:" + port + "/api";
        }

        synchronized void recordAction(long micros) {
            action.recordValue(micros);
        }

        synchronized Results.Latency action() {
            return Results.Latency.of(action);
        }

        Map<String, Long> refusedCounts() {
            Map<String, Long> out = new java.util.TreeMap<>();
            refused.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    final String tableId;
    final LiveFrames.Tally tally = new LiveFrames.Tally();
    private final String token;
    private final long buyIn;
    private final Strategy strategy;
    private final SplittableRandom random;
    private final Shared shared;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;

    // (seq, arrival in epoch microseconds) of each event frame while recording: against write_timestamp later
    private long[] arrivals = new long[256];
    private int arrivalCount;

    // guarded by this
    private JsonNode latestView;
    private long latestSeq = -1;
    private long lastActedSeq = -1;
    private long lastAcceptedSeq = -1;
    private boolean inFlight;
    private boolean rebuying;
    private boolean safeNext;
    private long lastSitInAt;

    HttpPlayer(String token, String tableId, long buyIn, Strategy strategy, long seed, Shared shared) {
        this.token = token;
        this.tableId = tableId;
        this.buyIn = buyIn;
        this.strategy = strategy;
        this.random = new SplittableRandom(seed);
        this.shared = shared;
    }

    CompletableFuture<WebSocket> connect() {
        URI uri = URI.create(shared.api.replace("http://", "ws://") + "/tables/" + tableId + "/live?token=" + token);
        return shared.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(15)).buildAsync(uri, this)
                .thenApply(ws -> {
                    socket = ws;
                    return ws;
                });
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    /** Acts now if the newest view asks for it (when acting starts: a turn may be waiting). */
    synchronized void kick() {
        maybeAct();
    }

    /** The (seq, epoch microseconds) pairs of the event frames received while recording. */
    synchronized long[] arrivals() {
        return Arrays.copyOf(arrivals, arrivalCount * 2);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            try {
                frame(BotApi.MAPPER.readTree(text), now);
            } catch (Exception e) {
                System.err.println("player: a frame not handled: " + e);
            }
        }
        webSocket.request(1);
        return null;
    }

    private void frame(JsonNode frame, long now) {
        String type = frame.path("type").asText();
        long seq = frame.path("seq").asLong(-1);
        tally.frame(type, seq);
        if (!type.equals("event") && !type.equals("snapshot")) {
            return;
        }
        if (type.equals("event")) {
            shared.deliveries.arrived(tableId, seq, now);
            if (shared.recording) {
                Instant at = Instant.now();
                synchronized (this) {
                    if (arrivalCount * 2 == arrivals.length) {
                        arrivals = Arrays.copyOf(arrivals, arrivals.length * 2);
                    }
                    arrivals[arrivalCount * 2] = seq;
                    arrivals[arrivalCount * 2 + 1] = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
                    arrivalCount++;
                }
                JsonNode event = frame.path("event");
                if ("HandEnded".equals(event.path("type").asText())) {
                    shared.handsEnded.add(tableId + "#" + event.path("handNumber").asLong());
                }
            }
        }
        JsonNode view = frame.path("table");
        if (view.isObject()) {
            synchronized (this) {
                if (seq >= latestSeq) {
                    latestView = view;
                    latestSeq = seq;
                }
                maybeAct();
            }
        }
    }

    /** Acts, sits in or buys in again if the newest view asks for it. Holding this. */
    private void maybeAct() {
        if (!shared.acting || inFlight || rebuying || latestView == null) {
            return;
        }
        JsonNode view = latestView;
        JsonNode you = view.path("you");
        if (!you.isObject()) {
            return;
        }
        JsonNode mine = null;
        for (JsonNode s : view.path("seats")) {
            if (s.path("seatNumber").asInt() == you.path("seatNumber").asInt()) {
                mine = s;
            }
        }
        if (mine != null && "sitting_out".equals(mine.path("status").asText())
                && System.nanoTime() - lastSitInAt > TimeUnit.SECONDS.toNanos(5)) {
            lastSitInAt = System.nanoTime();
            send("POST", "/tables/" + tableId + "/sit-in", null);
        }
        if (mine != null && mine.path("chips").asLong() == 0 && view.path("handNumber").isNull()) {
            rebuying = true;
            send("DELETE", "/tables/" + tableId + "/participants/me?consistency=strong", null)
                    .thenCompose(left -> send("POST", "/tables/" + tableId + "/participants?consistency=strong",
                            "{\"buyIn\":" + buyIn + "}"))
                    .whenComplete((r, e) -> {
                        synchronized (this) {
                            rebuying = false;
                            maybeAct();
                        }
                    });
            return;
        }
        JsonNode legal = view.path("legalActions");
        long hand = view.path("handNumber").asLong(-1);
        if (!legal.isArray() || legal.isEmpty() || hand < 0 || latestSeq <= lastActedSeq
                || latestSeq < lastAcceptedSeq) {
            return;
        }
        Strategy.Choice choice = safeNext ? Strategy.safe(legal) : strategy.choose(legal, random);
        safeNext = false;
        inFlight = true;
        lastActedSeq = latestSeq;
        String body = "{\"handNumber\":" + hand + ",\"action\":\"" + choice.action() + "\""
                + (choice.amount() == null ? "" : ",\"amount\":" + choice.amount()) + "}";
        long think = shared.thinkMillis;
        if (think > 0) {
            CompletableFuture.delayedExecutor(think, TimeUnit.MILLISECONDS, shared.http.executor().orElseThrow())
                    .execute(() -> sendAction(body));
        } else {
            sendAction(body);
        }
    }

    /** Sends an action decided by {@link #maybeAct} (in flight already), timing its round trip. */
    private void sendAction(String body) {
        long sent = System.nanoTime();
        send("POST", "/tables/" + tableId + "/actions", body).whenComplete((r, e) -> {
            long answered = System.nanoTime();
            synchronized (this) {
                inFlight = false;
                if (r != null && r.statusCode() == 200) {
                    long seq = LiveFrames.seqOf(r.body());
                    lastAcceptedSeq = Math.max(lastAcceptedSeq, seq);
                    shared.deliveries.answered(tableId, seq, sent, answered);
                    if (shared.recording) {
                        shared.accepted.incrementAndGet();
                        shared.recordAction((answered - sent) / 1000);
                    }
                } else {
                    String code = r == null ? "no answer: " + e : r.statusCode() + " " + codeOf(r.body());
                    if (shared.recording) {
                        shared.refused.computeIfAbsent(code, c -> new LongAdder()).increment();
                    }
                    // refused for a reason of ours (not a race with the clock or the hand's end): play safe
                    safeNext = r != null && BotStats.RACES.stream().noneMatch(code::endsWith);
                }
                maybeAct();
            }
        });
    }

    private static String codeOf(String body) {
        try {
            return BotApi.MAPPER.readTree(body).path("error").asText("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(shared.api + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return shared.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (shared.acting) {
            System.err.println("player: socket of " + tableId + " closed: " + statusCode + " " + reason);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (shared.acting) {
            System.err.println("player: socket of " + tableId + " failed: " + error);
        }
    }
}
