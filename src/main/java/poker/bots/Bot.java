package poker.bots;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One bot player: plays from what its table's live socket shows it, acting only when the view offers it
 * {@code legalActions}, by its {@link Strategy}; actions go out as action frames on the socket. At a cash
 * table it buys in again when busted. In a tournament it finds its table with
 * {@code GET /api/tournaments/{id}/me}, follows {@code moved} frames to its new table, and stops when it
 * is out. A socket that drops is opened again with {@code fromSeq} (the last frame seen), so nothing is
 * missed. A bot sitting out (timed out) sits in again. One thread per bot ({@link #run()}).
 */
public final class Bot implements Runnable {

    /** Where the bot plays: one cash table, or a tournament's tables. */
    public sealed interface Seat {
    }

    public record CashTable(String tableId, long buyIn) implements Seat {
    }

    public record Tournament(String tournamentId) implements Seat {
    }

    /** A frame from socket {@code generation}, or its end ({@code frame} null). */
    private record Inbound(int generation, JsonNode frame) {
    }

    private static final Duration IDLE_CHECK = Duration.ofSeconds(3);

    public final String username;
    public final String userId;
    final String token;
    private final BotApi api;
    private final BotStats stats;
    private final Strategy strategy;
    private final SplittableRandom random;
    private final Consumer<String> log;
    private final LinkedBlockingQueue<Inbound> inbox = new LinkedBlockingQueue<>();
    private volatile CountDownLatch finished = new CountDownLatch(1);

    private volatile boolean running = true;
    private volatile Seat seat;
    private volatile Thread thread;

    // the socket and what it showed; touched by the bot's thread only
    private int generation;
    private WebSocket socket;
    private String socketTable;
    private long lastSeq = -1;
    private long lastActedSeq = -1;
    private JsonNode lastView;
    private boolean seatedHere;
    private long lastFrameAt;
    private long lastCheckAt;
    private long lastSitInAt;
    private long connectPause = 100;
    private long retriedSeq = -1;
    private boolean rebought;
    /** An action is out and its answer not seen yet: the hand number it was for, else -1. */
    private long actedInHand = -1;
    private long actedAt;

    // what the bot knows of its tournament entry
    private volatile String currentTable;
    private volatile boolean out;
    private volatile Integer place;
    private volatile Long prize;
    private volatile int rebuys;
    private volatile String stoppedBecause;

    Bot(String username, String userId, String token, BotApi api, BotStats stats, Strategy strategy, long seed,
        Consumer<String> log) {
        this.username = username;
        this.userId = userId;
        this.token = token;
        this.api = api;
        this.stats = stats;
        this.strategy = strategy;
        this.random = new SplittableRandom(seed);
        this.log = log;
    }

    public String token() {
        return token;
    }

    /** Starts playing at {@code where} on a thread of its own. */
    synchronized void start(Seat where) {
        if (thread != null && finished.getCount() > 0) {
            throw new IllegalStateException(username + " is already playing");
        }
        // again after being out (a re-entry, a new table): a fresh start
        finished = new CountDownLatch(1);
        running = true;
        out = false;
        place = null;
        prize = null;
        stoppedBecause = null;
        currentTable = null;
        socketTable = null;
        lastSeq = -1;
        lastView = null;
        inbox.clear();
        this.seat = where;
        if (where instanceof CashTable cash) {
            currentTable = cash.tableId();
        }
        thread = new Thread(this, "bot-" + username);
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the bot to stop; {@link #awaitStopped} waits for it. */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            inbox.add(new Inbound(-1, null));
        }
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return thread == null || finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Out of the tournament (or out of chips and money at a cash table): the bot has stopped by itself. */
    public boolean out() {
        return out;
    }

    public Integer place() {
        return place;
    }

    public Long prize() {
        return prize;
    }

    public int rebuys() {
        return rebuys;
    }

    /** Why the bot stopped by itself, or null. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    /** The table the bot plays at now, as far as it knows. */
    public String table() {
        return currentTable;
    }

    @Override
    public void run() {
        try {
            while (running && !out) {
                if (socket == null && !connect()) {
                    continue;
                }
                Inbound in;
                try {
                    in = inbox.poll(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (in == null) {
                    idle();
                } else if (in.generation() == generation) {
                    if (in.frame() == null) {
                        dropped();
                    } else {
                        handle(in.frame());
                    }
                }
            }
        } catch (RuntimeException e) {
            stoppedBecause = "failed: " + e;
            log.accept(username + " stopped: " + e);
        } finally {
            closeSocket();
            finished.countDown();
        }
    }

    /** Opens the socket of the current table (found first in a tournament); false to go round again. */
    private boolean connect() {
        String table = currentTable;
        if (table == null) {
            table = locate();
            if (table == null) {
                pause(out ? 0 : 500);
                return false;
            }
            currentTable = table;
        }
        Long fromSeq = table.equals(socketTable) && lastSeq >= 0 ? lastSeq : null;
        int gen = ++generation;
        BotApi.Live live = api.live(table, token, fromSeq);
        try {
            socket = api.http().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(live.socket(), new Listener(gen))
                    .get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } catch (Exception refused) {
            // the server is away, the table unknown, or too many sockets: try again a little later;
            // in a tournament the table may have been broken meanwhile, so ask where to play
            socket = null;
            // not answered (as opposed to refused by a handshake): that node is gone, try the next one
            if (refused instanceof java.util.concurrent.ExecutionException e && e.getCause() instanceof IOException
                    && !(e.getCause() instanceof java.net.http.WebSocketHandshakeException)
                    || refused instanceof java.util.concurrent.TimeoutException) {
                api.unreachable(live.base());
            }
            if (seat instanceof Tournament) {
                currentTable = null;
            }
            pause(connectPause);
            connectPause = Math.min(2_000, connectPause * 2);
            return false;
        }
        if (fromSeq == null) {
            lastSeq = -1;
            lastActedSeq = -1;
            seatedHere = false;
        }
        socketTable = table;
        lastFrameAt = System.nanoTime();
        return true;
    }

    private void dropped() {
        socket = null;
        if (running) {
            stats.reconnected();
        }
    }

    private void handle(JsonNode frame) {
        lastFrameAt = System.nanoTime();
        connectPause = 100;
        String type = frame.path("type").asText();
        switch (type) {
            case "moved" -> {
                String to = frame.hasNonNull("toTable") ? frame.path("toTable").asText()
                        : frame.path("tableId").asText(null);
                stats.moved();
                moveTo(to);
            }
            case "error" -> {
                String code = frame.path("error").asText("unknown");
                stats.rejected(code);
                actedInHand = -1;
                if (!BotStats.RACES.contains(code) && lastView != null && inbox.isEmpty() && retriedSeq != lastSeq) {
                    // refused for a reason of ours: do what is surely legal, once
                    retriedSeq = lastSeq;
                    send(lastView, Strategy.safe(lastView.path("legalActions")));
                }
            }
            case "snapshot", "event" -> view(frame);
            default -> {
                // pong and frames this bot does not need
            }
        }
    }

    private void view(JsonNode frame) {
        long seq = frame.path("seq").asLong(-1);
        if (seq >= 0) {
            lastSeq = seq;
        }
        JsonNode event = frame.path("event");
        if ("HandEnded".equals(event.path("type").asText())) {
            stats.handEnded(socketTable, event.path("handNumber").asLong());
        }
        JsonNode table = frame.path("table");
        if (table.isMissingNode() || table.isNull()) {
            return;
        }
        lastView = table;
        JsonNode you = table.path("you");
        boolean seated = you.isObject();
        if (seated) {
            seatedHere = true;
        }
        JsonNode legal = table.path("legalActions");
        boolean onTurn = legal.isArray() && !legal.isEmpty();
        if (table.path("handNumber").asLong(-1) != actedInHand || ownAction(event, you)
                || System.nanoTime() - actedAt > TimeUnit.SECONDS.toNanos(5)) {
            actedInHand = -1; // the action was taken (or lost, or the hand is over): the next turn is a new one
        }
        if (!inbox.isEmpty()) {
            return; // act on the newest view only
        }
        if (!seated && seatedHere) {
            idle(); // was seated here and is no more: moved or out
            return;
        }
        if (seated) {
            JsonNode mine = mySeat(table, you.path("seatNumber").asInt());
            if (mine != null && "sitting_out".equals(mine.path("status").asText())
                    && System.nanoTime() - lastSitInAt > TimeUnit.SECONDS.toNanos(5)) {
                lastSitInAt = System.nanoTime();
                api.post("/tables/" + socketTable + "/sit-in", null, token);
            }
            if (mine != null && mine.path("chips").asLong() > 0) {
                rebought = false;
            }
            if (seat instanceof CashTable cash && mine != null && mine.path("chips").asLong() == 0
                    && table.path("handNumber").isNull() && !rebought) {
                rebought = true;
                rebuy(cash);
                return;
            }
        }
        if (onTurn && seq > lastActedSeq && actedInHand < 0) {
            send(table, strategy.choose(legal, random));
        }
    }

    private void send(JsonNode table, Strategy.Choice choice) {
        long hand = table.path("handNumber").asLong(-1);
        if (hand < 0 || socket == null || !table.path("legalActions").isArray()
                || table.path("legalActions").isEmpty()) {
            return;
        }
        lastActedSeq = lastSeq;
        actedInHand = hand;
        actedAt = System.nanoTime();
        try {
            socket.sendText(choice.frame(hand), true).get(10, TimeUnit.SECONDS);
            stats.actionSent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (Exception e) {
            // the socket went away; its close comes through the inbox and the bot reconnects
        }
    }

    /**
     * In a tournament, asks where to play (at most every few seconds) when this table shows no seat for the
     * bot (moved, or out) or has been quiet for a while.
     */
    private void idle() {
        if (!(seat instanceof Tournament)) {
            return;
        }
        long now = System.nanoTime();
        boolean unseated = lastView != null && !lastView.path("you").isObject();
        boolean quiet = now - lastFrameAt > IDLE_CHECK.toNanos();
        long sinceCheck = now - lastCheckAt;
        if ((unseated && sinceCheck > IDLE_CHECK.toNanos() / 3) || (quiet && sinceCheck > IDLE_CHECK.toNanos())) {
            lastCheckAt = now;
            String table = locate();
            if (table != null && !table.equals(socketTable)) {
                moveTo(table);
            }
        }
    }

    private void moveTo(String table) {
        closeSocket();
        currentTable = table;
        lastView = null;
    }

    /** Where {@code GET /tournaments/{id}/me} says the bot plays; null when not seated (or out: {@link #out}). */
    private String locate() {
        if (!(seat instanceof Tournament t)) {
            return currentTable;
        }
        BotApi.Reply me = api.get("/tournaments/" + t.tournamentId() + "/me", token);
        if (!me.ok()) {
            return null;
        }
        JsonNode body = me.body();
        if (body.hasNonNull("place")) {
            place = body.path("place").asInt();
            prize = body.path("prize").isNumber() ? body.path("prize").asLong() : null;
        }
        if ("eliminated".equals(body.path("status").asText())) {
            out = true;
            stoppedBecause = "eliminated";
            return null;
        }
        return body.path("tableId").asText(null);
    }

    /** Busted at a cash table: leave and buy in again, as a player would; out of money stops the bot. */
    private void rebuy(CashTable cash) {
        api.delete("/tables/" + cash.tableId() + "/participants/me?consistency=strong", token);
        BotApi.Reply again = api.post("/tables/" + cash.tableId() + "/participants",
                "{\"buyIn\":" + cash.buyIn() + "}", token);
        rebuys++;
        if (!again.ok() && !"already_seated".equals(again.error())) {
            out = true;
            stoppedBecause = "rebuy refused: " + again.raw();
        }
    }

    /** The event is a fold, check, call, bet, raise or all-in of the viewer's seat. */
    private static boolean ownAction(JsonNode event, JsonNode you) {
        String type = event.path("type").asText();
        return you.isObject() && (type.equals("PlayerFolded") || type.equals("PlayerChecked") || type.equals("BetPlaced"))
                && event.path("seat").asInt(-1) == you.path("seatNumber").asInt(-2);
    }

    private static JsonNode mySeat(JsonNode table, int seatNumber) {
        for (JsonNode s : table.path("seats")) {
            if (s.path("seatNumber").asInt() == seatNumber) {
                return s;
            }
        }
        return null;
    }

    private void closeSocket() {
        WebSocket ws = socket;
        socket = null;
        generation++;
        if (ws != null) {
            ws.abort();
        }
    }

    private void pause(long millis) {
        if (millis > 0 && running) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Collects whole text messages into the inbox; the end of the socket as a null frame. */
    private final class Listener implements WebSocket.Listener {

        private final int gen;
        private final StringBuilder partial = new StringBuilder();

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    inbox.add(new Inbound(gen, BotApi.MAPPER.readTree(text)));
                } catch (Exception notJson) {
                    log.accept(username + ": a frame that is not JSON: " + text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(new Inbound(gen, null));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(new Inbound(gen, null));
        }
    }
}
