package poker.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operators' command line for the read side, over the admin API of a running server:
 * <pre>
 * mvn -q exec:java -Dmain.class=poker.ops.ProjectionsCli -Dexec.args="list"
 * mvn -q exec:java -Dmain.class=poker.ops.ProjectionsCli -Dexec.args="rebuild participants"
 * </pre>
 * {@code rebuild} starts the rebuild (or follows the one running) and prints a progress line,
 * updated in place, until it is done. Exit code 0 when done, 1 when it failed, 2 on bad usage.
 */
public final class ProjectionsCli {

    static final String USAGE = """
            usage: ProjectionsCli [options] (list | rebuild NAME | status NAME)
              list             every projection instance: offset, lag in events and seconds, the error it is stuck on
              rebuild NAME     rebuild read model NAME from the journal, printing progress until it is switched
              status NAME      the latest rebuild of NAME (on the node asked)
              --api URL        the API (default $POKER_API_URL, else http://localhost:8080/api)
              --user NAME      an admin's username (default $POKER_ADMIN_USERNAME)
              --password TEXT  their password (default $POKER_ADMIN_PASSWORD)
              --interval MS    how often progress is asked (default 500)
            """;

    record Options(URI api, String user, String password, String command, String name, long intervalMillis) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    ProjectionsCli(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            return new ProjectionsCli(options).execute(out);
        } catch (CliFailure e) {
            err.println(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            err.println("Failed: " + e);
            return 1;
        }
    }

    static Options parse(String[] args, Map<String, String> env) {
        String api = env.getOrDefault("POKER_API_URL", "http://localhost:8080/api");
        String user = env.get("POKER_ADMIN_USERNAME");
        String password = env.get("POKER_ADMIN_PASSWORD");
        long interval = 500;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--api" -> api = value(args, ++i, arg);
                case "--user" -> user = value(args, ++i, arg);
                case "--password" -> password = value(args, ++i, arg);
                case "--interval" -> {
                    try {
                        interval = Long.parseLong(value(args, ++i, arg));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--interval takes a whole number of milliseconds");
                    }
                    if (interval < 50 || interval > 60_000) {
                        throw new IllegalArgumentException("--interval must be 50 to 60000 ms");
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    words.add(arg);
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a command is needed: list, rebuild NAME or status NAME");
        }
        String command = words.get(0);
        String name = null;
        switch (command) {
            case "list" -> {
                if (words.size() != 1) {
                    throw new IllegalArgumentException("list takes no argument");
                }
            }
            case "rebuild", "status" -> {
                if (words.size() != 2 || !words.get(1).matches("[a-z_][a-z0-9_]{0,63}")) {
                    throw new IllegalArgumentException(command + " takes one projection name, e.g. participants");
                }
                name = words.get(1);
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalArgumentException("an admin's --user and --password (or POKER_ADMIN_USERNAME and"
                    + " POKER_ADMIN_PASSWORD) are needed");
        }
        URI uri;
        try {
            uri = URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--api is not a URL: " + api);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--api must be an http or https URL: " + api);
        }
        return new Options(uri, user, password, command, name, interval);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static final class CliFailure extends Exception {
        CliFailure(String message) {
            super(message);
        }
    }

    int execute(PrintStream out) throws Exception {
        login();
        switch (options.command()) {
            case "list" -> {
                JsonNode list = call("GET", "/admin/projections", null, 200);
                out.println(String.format(Locale.ROOT, "%-22s %-14s %12s %10s %10s  %s", "PROJECTION", "SLICE",
                        "OFFSET", "LAG", "LAG_S", "ERROR"));
                list.forEach(p -> out.println(listLine(p)));
                return 0;
            }
            case "status" -> {
                out.println(progressLine(call("GET", rebuildPath(), null, 200)));
                return 0;
            }
            default -> {
                return rebuild(out);
            }
        }
    }

    private String rebuildPath() {
        return "/admin/projections/" + options.name() + "/rebuild";
    }

    private int rebuild(PrintStream out) throws Exception {
        Reply started = send("POST", rebuildPath(), "{}");
        if (started.status() == 409 && started.body().path("error").asText().equals("rebuild_running")) {
            out.println("A rebuild of " + options.name() + " is running already; following it.");
        } else if (started.status() != 202) {
            throw new CliFailure(failure(started));
        }
        while (true) {
            JsonNode status = call("GET", rebuildPath(), null, 200);
            out.print("\r" + progressLine(status) + "   ");
            out.flush();
            String state = status.path("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                out.println();
                if (state.equals("done")) {
                    out.println("Switched: " + options.name() + " now serves the rebuilt tables; the old ones are in"
                            + " schema " + status.path("replacedSchema").asText() + " (drop it when satisfied).");
                    return 0;
                }
                out.println("Failed: " + status.path("error").asText() + " (the old tables still serve).");
                return 1;
            }
            Thread.sleep(options.intervalMillis());
        }
    }

    /** One projection instance: {@code participants  table-0  1234  0  0.0  -}. */
    public static String listLine(JsonNode p) {
        JsonNode offset = p.path("offset");
        JsonNode error = p.path("lastError");
        return String.format(Locale.ROOT, "%-22s %-14s %12s %10d %10.1f  %s", p.path("name").asText(),
                p.path("slice").asText(), offset.isNull() || offset.isMissingNode() ? "-" : offset.asText(),
                p.path("lag").path("events").asLong(), p.path("lag").path("seconds").asDouble(),
                error.isNull() || error.isMissingNode() ? "-" : error.path("message").asText());
    }

    /** {@code participants: running 1200/4800 events (25.0%), 850 events/s, 5 s left}. */
    public static String progressLine(JsonNode s) {
        long done = s.path("eventsDone").asLong();
        long total = s.path("eventsTotal").asLong();
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * done / total);
        JsonNode left = s.path("secondsLeft");
        String eta = left.isNull() || left.isMissingNode() ? "time left unknown" : formatSeconds(left.asLong()) + " left";
        return String.format(Locale.ROOT, "%s: %s %d/%d events (%.1f%%), %.0f events/s, %s", s.path("name").asText(),
                s.path("state").asText(), done, total, percent, s.path("eventsPerSecond").asDouble(), eta);
    }

    static String formatSeconds(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    private record Reply(int status, JsonNode body) {
    }

    private void login() throws Exception {
        String body = MAPPER.writeValueAsString(Map.of("username", options.user(), "password", options.password()));
        Reply reply = send("POST", "/sessions", body);
        if (reply.status() != 201) {
            throw new CliFailure("Could not sign in as " + options.user() + ": " + failure(reply));
        }
        token = reply.body().path("token").asText();
    }

    private JsonNode call(String method, String path, String body, int expected) throws Exception {
        Reply reply = send(method, path, body);
        if (reply.status() != expected) {
            throw new CliFailure(failure(reply));
        }
        return reply.body();
    }

    private static String failure(Reply reply) {
        return "HTTP " + reply.status() + ": " + reply.body().path("error").asText("?") + " — "
                + reply.body().path("message").asText("");
    }

    private Reply send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.api() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        return new Reply(response.statusCode(), json);
    }
}
