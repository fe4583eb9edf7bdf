package poker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A real WebSocket client on a table's live socket; keeps every frame it received, raw and parsed. */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public final List<String> raw = new CopyOnWriteArrayList<>();
    public final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile WebSocket socket;

    private LiveClient() {
    }

    public static CompletableFuture<LiveClient> open(int port, String tableId, String token, Long fromSeq,
                                                     Consumer<JsonNode> onFrame) {
        return openPath(port, "/api/tables/" + tableId + "/live", token, fromSeq, onFrame);
    }

    /** A live socket at {@code path} (e.g. {@code /api/tournaments/<id>/live}). */
    public static CompletableFuture<LiveClient> openPath(int port, String path, String token, Long fromSeq,
                                                         Consumer<JsonNode> onFrame) {
        String uri = "ws://127.0.0.1:" + port + path + "?token=" + token
                + (fromSeq == null ? "" : "&fromSeq=" + fromSeq);
        LiveClient client = new LiveClient();
        StringBuilder partial = new StringBuilder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    JsonNode node;
                    try {
                        node = MAPPER.readTree(text);
                    } catch (Exception e) {
                        throw new IllegalStateException("not JSON: " + text, e);
                    }
                    client.raw.add(text);
                    client.frames.add(node);
                    if (onFrame != null) {
                        onFrame.accept(node);
                    }
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                client.closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                client.closed.completeExceptionally(error);
            }
        };
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(uri), listener)
                .thenApply(ws -> {
                    client.socket = ws;
                    return client;
                });
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Sends one message as several frames (a fragmented message). */
    public void sendInParts(List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            socket.sendText(parts.get(i), i == parts.size() - 1).join();
        }
    }

    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + timeout);
        }
        return frame;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
