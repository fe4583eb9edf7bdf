package poker.bench;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import poker.support.ServerProcess;
import poker.support.TestDatabase;

/**
 * A node started as an operator starts it ({@link ServerProcess#operator}): a new JVM running
 * {@code poker.Main}, configured by the README's variables (an external PostgreSQL, ports), timed from the
 * launch of the process to the first frame of a table's live socket (the table's state, from its entity: the shard has started and the table recovered) and
 * to the first HTTP answer of the API. The socket logs in with a session made before the stop (sessions are
 * rows in PostgreSQL), so no login is timed. The node is stopped with SIGTERM afterwards.
 */
final class Launch {

    /** Milliseconds from the launch: the API's first answer, the table's first live frame. */
    record Answers(long apiMillis, long tableMillis) {
    }

    private static final Duration LIMIT = Duration.ofMinutes(3);
    /** A generation's (or G1's heap's) line of {@code GC.heap_info}: "total 9216K, used 2021K". */
    private static final java.util.regex.Pattern HEAP_USED =
            java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K");

    private Launch() {
    }

    /** {@code home}: where the node's output goes ({@code server-N.out}, {@code server-N.err}). */
    static Answers firstAnswers(TestDatabase.Db db, String tableId, String token, Map<String, String> properties,
                                List<String> jvmOptions, Path home) throws Exception {
        ServerProcess.Settings settings = settings(db, properties, jvmOptions, home);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long launched = System.nanoTime();
        ServerProcess node = ServerProcess.launch(settings, classPath());
        try {
            long api = -1;
            long table = -1;
            long deadline = launched + LIMIT.toNanos();
            int http = settings.httpPort();
            URI get = URI.create("http://127.0.0.1:" + http + "/api/tables/" + tableId);
            URI live = URI.create("ws://127.0.0.1:" + http + "/api/tables/" + tableId + "/live?token=" + token);
            while (table < 0) {
                if (System.nanoTime() > deadline || !node.isAlive()) {
                    throw new IllegalStateException("the launched node did not answer\n" + node.describe());
                }
                try {
                    if (api < 0) {
                        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(get).timeout(Duration.ofSeconds(1))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            api = System.nanoTime() - launched;
                        }
                    }
                    if (api >= 0) {
                        CompletableFuture<Boolean> frame = new CompletableFuture<>();
                        WebSocket ws = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(1))
                                .buildAsync(live, new FirstFrame(frame)).get(2, TimeUnit.SECONDS);
                        try {
                            if (frame.get(2, TimeUnit.SECONDS)) {
                                table = System.nanoTime() - launched;
                            }
                        } finally {
                            ws.abort();
                        }
                    }
                } catch (Exception notYet) {
                    // not listening yet, or the table's shard is still starting
                }
                if (table < 0) {
                    Thread.sleep(20);
                }
            }
            return new Answers(api / 1_000_000, table / 1_000_000);
        } finally {
            stop(node);
        }
    }

    /** The README's variables for {@code db}, the configuration {@code properties} as -D options. */
    private static ServerProcess.Settings settings(TestDatabase.Db db, Map<String, String> properties,
                                                   List<String> jvmOptions, Path home) {
        List<String> options = new ArrayList<>(jvmOptions);
        properties.forEach((k, v) -> options.add("-D" + k + "=" + v));
        return ServerProcess.operator(home, Map.of(
                "POKER_DB_URL", db.url(),
                "POKER_DB_USER", db.user(),
                "POKER_DB_PASSWORD", db.password(),
                "POKER_LOG_LEVEL", "INFO"), options);
    }

    /** A node launched as {@link #firstAnswers} launches it, returned once its /ready answers. */
    static ServerProcess node(TestDatabase.Db db, Map<String, String> properties, List<String> jvmOptions,
                              Path home) {
        ServerProcess node = ServerProcess.launch(settings(db, properties, jvmOptions, home), classPath());
        try {
            return node.awaitReady(LIMIT);
        } catch (RuntimeException | AssertionError e) {
            stop(node);
            throw e;
        }
    }

    /** SIGTERM, and SIGKILL if it does not stop in time. */
    static void stop(ServerProcess node) {
        if (node.isAlive()) {
            try {
                node.stop();
            } catch (AssertionError notStopped) {
                node.kill();
            }
        }
    }

    /**
     * The CPU time (user and system) process {@code pid} has used, from {@code /proc/<pid>/stat} (Linux), in
     * nanoseconds; its clock ticks are USER_HZ, 100 a second on Linux.
     */
    static long cpuNanos(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
        return ticks * 10_000_000L;
    }

    /**
     * The heap a JVM of this machine's user uses after a full GC, in bytes, by {@code jcmd}: {@code GC.run},
     * then the sum of the generations' (or G1's heap's) "used" in {@code GC.heap_info}.
     */
    static long heapAfterGc(long pid) throws Exception {
        for (int i = 0; i < 2; i++) {
            jcmd(pid, "GC.run");
            Thread.sleep(300);
        }
        return usedHeap(jcmd(pid, "GC.heap_info"));
    }

    /** The heap's "used" in {@code GC.heap_info}'s output (Metaspace and class space left out), in bytes. */
    static long usedHeap(String heapInfo) {
        long used = 0;
        boolean found = false;
        for (String line : heapInfo.split("\\R")) {
            String t = line.strip();
            if (t.startsWith("Metaspace") || t.startsWith("class space")) {
                continue;
            }
            java.util.regex.Matcher m = HEAP_USED.matcher(t);
            if (m.find()) {
                used += Long.parseLong(m.group(1)) * 1024;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no heap figure in GC.heap_info:\n" + heapInfo);
        }
        return used;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }

    /** Completes true with a first text frame that is the table's snapshot, false on a close. */
    private record FirstFrame(CompletableFuture<Boolean> frame) implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.complete(data.toString().contains("\"snapshot\""));
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            frame.complete(false);
            return null;
        }
    }

    /**
     * This JVM's class path without the tests' classes: under {@code exec:java} the classes are in a class loader of the plugin's, not on
     * {@code java.class.path}.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = Launch.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (Exception notAFile) {
                        // skipped
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank() && !e.contains("plexus-classworlds")) {
                entries.add(e);
            }
        }
        // the server's own classes and libraries, as an operator runs them: not the tests' (their logback-test.xml)
        entries.removeIf(e -> !Files.exists(Path.of(e)) || e.endsWith("test-classes"));
        return String.join(File.pathSeparator, entries);
    }
}
