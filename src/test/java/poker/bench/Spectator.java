package poker.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A spectator's live socket: it reads only the start of each frame ({@code type} and {@code seq}), tallies
 * it and times it against the action's HTTP answer ({@link LiveFrames.Deliveries}). Demand is unbounded
 * (the client never holds the server back), and nothing is parsed past the first characters, so ten
 * thousand of them cost the client little.
 */
final class Spectator implements WebSocket.Listener {

    private static final int HEAD = 64;

    final LiveFrames.Tally tally = new LiveFrames.Tally();
    private final String tableId;
    private final LiveFrames.Deliveries deliveries;
    private final AtomicLong closed;
    private final StringBuilder head = new StringBuilder(HEAD);
    private boolean inMessage;
    private volatile WebSocket socket;

    Spectator(String tableId, LiveFrames.Deliveries deliveries, AtomicLong closed) {
        this.tableId = tableId;
        this.deliveries = deliveries;
        this.closed = closed;
    }

    CompletableFuture<WebSocket> connect(HttpClient http, String wsBase, String token) {
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60))
                .buildAsync(URI.create(wsBase + "/tables/" + tableId + "/live?token=" + token), this)
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

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!inMessage) {
            head.setLength(0);
            inMessage = true;
        }
        if (head.length() < HEAD) {
            head.append(data, 0, Math.min(data.length(), HEAD - head.length()));
        }
        if (last) {
            long now = System.nanoTime();
            inMessage = false;
            String type = LiveFrames.typeOf(head);
            long seq = LiveFrames.seqOf(head);
            tally.frame(type, seq);
            if (type.equals("event")) {
                deliveries.arrived(tableId, seq, now);
            }
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.incrementAndGet();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.incrementAndGet();
    }
}
