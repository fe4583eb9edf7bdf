package poker.bots;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fleet of {@link Bot}s against one server, over the public API only: signs the bots up (or logs them
 * in when their names exist), seats them at a cash table or registers them into a tournament, plays
 * them, and counts what happened ({@link BotStats}). Setup calls run at most {@code concurrency} at a
 * time. Used by {@link BotRunner} and by the tests, in-process.
 *
 * <pre>
 * try (BotFleet fleet = new BotFleet(BotFleet.Settings.of(URI.create("http://localhost:8080/api"), 6))) {
 *     fleet.signUp();
 *     fleet.register(tournamentId);
 *     fleet.play(new Bot.Tournament(tournamentId));
 *     fleet.awaitTournamentEnd(tournamentId, Duration.ofMinutes(10));
 * }
 * </pre>
 */
public final class BotFleet implements AutoCloseable {

    /**
     * {@code api}: the API's address; {@code bots}: how many; their names are {@code prefix1},
     * {@code prefix2}, ... with {@code password}; {@code concurrency}: requests in flight at once;
     * {@code maxWait}: how long one call may wait for a server that throttles (429/503) or does not answer.
     */
    public record Settings(List<URI> api, int bots, String prefix, String password, int concurrency, long seed,
                           Strategy strategy, Duration maxWait, Consumer<String> log) {

        public Settings {
            api = List.copyOf(api);
            if (api.isEmpty()) {
                throw new IllegalArgumentException("at least one API address");
            }
            if (bots < 1) {
                throw new IllegalArgumentException("bots must be at least 1");
            }
            if (!prefix.matches("[a-z0-9_]{1,24}")) {
                throw new IllegalArgumentException("prefix must be 1-24 of [a-z0-9_] (usernames are 3-32 of them)");
            }
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1");
            }
        }

        public static Settings of(URI api, int bots) {
            return of(List.of(api), bots);
        }

        /** Several addresses of one cluster (a node each): a bot moves to the next when one does not answer. */
        public static Settings of(List<URI> api, int bots) {
            return new Settings(api, bots, "bot", "bot-password", 8, System.nanoTime(), Strategy.CASH,
                    Duration.ofMinutes(2), message -> { });
        }

        public Settings withPrefix(String value) {
            return new Settings(api, bots, value, password, concurrency, seed, strategy, maxWait, log);
        }

        public Settings withStrategy(Strategy value) {
            return new Settings(api, bots, prefix, password, concurrency, seed, value, maxWait, log);
        }

        public Settings withConcurrency(int value) {
            return new Settings(api, bots, prefix, password, value, seed, strategy, maxWait, log);
        }

        public Settings withSeed(long value) {
            return new Settings(api, bots, prefix, password, concurrency, value, strategy, maxWait, log);
        }

        public Settings withMaxWait(Duration value) {
            return new Settings(api, bots, prefix, password, concurrency, seed, strategy, value, log);
        }

        public Settings withPassword(String value) {
            return new Settings(api, bots, prefix, value, concurrency, seed, strategy, maxWait, log);
        }

        public Settings withLog(Consumer<String> value) {
            return new Settings(api, bots, prefix, password, concurrency, seed, strategy, maxWait, value);
        }
    }

    private final Settings settings;
    private final BotStats stats = new BotStats();
    private final BotApi api;
    private final List<Bot> bots = new ArrayList<>();
    private final ExecutorService setup;

    public BotFleet(Settings settings) {
        this.settings = settings;
        this.api = new BotApi(settings.api(), settings.concurrency(), settings.maxWait(), stats);
        this.setup = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "bot-setup");
            t.setDaemon(true);
            return t;
        });
    }

    public BotApi api() {
        return api;
    }

    public BotStats stats() {
        return stats;
    }

    public List<Bot> bots() {
        return List.copyOf(bots);
    }

    /** Signs up the bots, or logs them in where the name is taken already (a second run). */
    public List<Bot> signUp() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= settings.bots(); i++) {
            numbers.add(i);
        }
        List<Bot> made = each(numbers, i -> account(settings.prefix() + i, i));
        bots.addAll(made);
        return bots();
    }

    private Bot account(String username, int index) {
        String credentials = "{\"username\":" + BotApi.quote(username) + ",\"password\":"
                + BotApi.quote(settings.password()) + "}";
        BotApi.Reply created = api.post("/users", credentials, null);
        if (!created.ok() && !"username_taken".equals(created.error())) {
            throw new IllegalStateException("sign-up of " + username + " refused: " + created.status() + " "
                    + created.raw());
        }
        BotApi.Reply session = api.post("/sessions", credentials, null);
        if (!session.ok()) {
            throw new IllegalStateException("log-in of " + username + " refused: " + session.status() + " "
                    + session.raw());
        }
        stats.bot();
        return new Bot(username, session.text("userId"), session.text("token"), api, stats, settings.strategy(),
                settings.seed() * 1_000_003L + index, settings.log());
    }

    /** Every bot takes a seat (any free one) at a cash table; a bot seated there already keeps its seat. */
    public void joinTable(String tableId, long buyIn) {
        each(bots, bot -> {
            BotApi.Reply joined = api.post("/tables/" + tableId + "/participants?consistency=strong",
                    "{\"buyIn\":" + buyIn + "}", bot.token());
            if (!joined.ok() && !"already_seated".equals(joined.error())) {
                throw new IllegalStateException(bot.username + " could not join " + tableId + ": " + joined.raw());
            }
            return null;
        });
    }

    /**
     * Every bot registers into the tournament. Answers each bot's outcome: its entry id, or the error code
     * ({@code already_registered} counts as registered).
     */
    public Map<String, String> register(String tournamentId) {
        List<String> outcomes = each(bots, bot -> {
            BotApi.Reply r = api.post("/tournaments/" + tournamentId + "/registrations", "{}", bot.token());
            return r.ok() ? r.text("entryId") : r.error() != null ? r.error() : "status " + r.status();
        });
        Map<String, String> byBot = new LinkedHashMap<>();
        for (int i = 0; i < bots.size(); i++) {
            byBot.put(bots.get(i).username, outcomes.get(i));
        }
        return byBot;
    }

    /** Starts every bot playing (one thread each). */
    public void play(Bot.Seat seat) {
        bots.forEach(b -> b.start(seat));
    }

    /** Starts one bot playing again (after it was out, or stopped): a re-entry, another table. */
    public void play(Bot bot, Bot.Seat seat) {
        bot.start(seat);
    }

    /** Waits until {@code hands} hands have been seen to end at the table; false at the timeout. */
    public boolean awaitHands(String tableId, int hands, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stats.handsSeen(tableId) < hands) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * Waits until the tournament is finished or cancelled (GET /api/tournaments/{id}); answers its last
     * status seen (still {@code running} at the timeout).
     */
    public String awaitTournamentEnd(String tournamentId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = null;
        while (true) {
            try {
                JsonNode t = api.get("/tournaments/" + tournamentId, null).body();
                status = t.path("status").asText(status);
            } catch (BotApi.Unreachable e) {
                settings.log().accept("tournament status: " + e.getMessage());
            }
            if ("finished".equals(status) || "cancelled".equals(status) || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(500);
        }
    }

    /** Each bot's {@code GET /api/tournaments/{id}/me} (entry, table, status, place and prize once known). */
    public Map<String, JsonNode> results(String tournamentId) {
        List<JsonNode> answers = each(bots, bot -> api.get("/tournaments/" + tournamentId + "/me", bot.token()).body());
        Map<String, JsonNode> byBot = new LinkedHashMap<>();
        for (int i = 0; i < bots.size(); i++) {
            byBot.put(bots.get(i).username, answers.get(i));
        }
        return byBot;
    }

    /** Every bot leaves the cash table (after the hand in play, if any), its stack going back to its wallet. */
    public Map<String, BotApi.Reply> leave(String tableId) {
        List<BotApi.Reply> replies = each(bots, bot -> api.delete("/tables/" + tableId
                + "/participants/me?consistency=strong", bot.token()));
        Map<String, BotApi.Reply> byBot = new LinkedHashMap<>();
        for (int i = 0; i < bots.size(); i++) {
            byBot.put(bots.get(i).username, replies.get(i));
        }
        return byBot;
    }

    /** Stops every bot and waits for them (sockets closed). */
    public void stop() {
        bots.forEach(Bot::stop);
        for (Bot bot : bots) {
            try {
                bot.awaitStopped(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public BotStats.Summary summary() {
        return stats.summary();
    }

    @Override
    public void close() {
        stop();
        setup.shutdownNow();
    }

    /** {@code work} for each item, at most {@code concurrency} at once; results in the items' order. */
    private <T, R> List<R> each(List<T> items, Function<T, R> work) {
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(setup.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return results;
    }
}
