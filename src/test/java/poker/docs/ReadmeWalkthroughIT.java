package poker.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import poker.docs.Readme.Block;
import poker.docs.Readme.Kind;

/**
 * Runs README.md as a reader would: its server blocks start the server with exactly the commands
 * written there (on free ports and a fresh data folder, set through the environment variables the
 * README documents), its client blocks run in order in one bash session. Every request must answer
 * below 500, the errors that come back must be exactly the ones the README announces in
 * {@code # {"error":…}} comments, and every variable the README sets must hold a value. So the
 * README cannot drift from the code.
 */
class ReadmeWalkthroughIT {

    private static final Path WORK = Path.of("target", "readme-walkthrough");
    private static final Pattern STATUS = Pattern.compile("@@HTTP (\\d{3})");
    private static final Pattern ERROR_BODY = Pattern.compile("^\\{\"error\":\"([a-z_]+)\"", Pattern.MULTILINE);

    @Test
    void theWalkThroughWorksAsWritten() throws Exception {
        Readme readme = Readme.parse(Path.of("README.md"));
        assertThat(readme.unmarked()).as("README lines of shell blocks without a readme-test marker").isEmpty();
        List<Block> servers = readme.of(Kind.SERVER);
        assertThat(servers).as("server blocks").isNotEmpty();
        assertThat(readme.blocks().get(0).text())
                .as("the README's run command is the one the walk-through starts the server with")
                .contains(servers.get(0).text().strip());

        recreate(WORK);
        Map<String, String> env = new LinkedHashMap<>();
        int httpPort = freePort();
        env.put("POKER_DATA_DIR", WORK.resolve("pgdata").toAbsolutePath().toString());
        env.put("POKER_HTTP_PORT", Integer.toString(httpPort));
        env.put("POKER_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.put("POKER_REMOTE_PORT", Integer.toString(freePort()));
        env.put("POKER_BCRYPT_COST", "4");
        env.put("POKER_LOG_LEVEL", "WARN");

        Path bodies = WORK.resolve("bodies.txt");
        Files.createFile(bodies);
        Server server = null;
        try (Shell shell = Shell.start(env, bodies)) {
            int started = 0;
            for (Block block : readme.blocks()) {
                if (block.kind() == Kind.SERVER) {
                    if (server != null) {
                        server.stop();
                    }
                    server = Server.start(block.text(), env, WORK.resolve("server-" + ++started + ".log"), httpPort);
                } else if (block.kind() == Kind.CLIENT) {
                    shell.run(block.text().replace("localhost:8080", "localhost:" + httpPort), block.line());
                }
            }
            Map<String, String> values = shell.values(readme.assignedVariables());
            assertThat(values).as("variables the README sets").allSatisfy((name, value) ->
                    assertThat(value).as(name).isNotBlank().isNotEqualTo("null"));

            List<Integer> statuses = new ArrayList<>();
            Matcher m = STATUS.matcher(shell.stderr());
            while (m.find()) {
                statuses.add(Integer.parseInt(m.group(1)));
            }
            String transcript = "\n--- bodies ---\n" + Files.readString(bodies) + "\n--- shell stderr ---\n"
                    + shell.stderr();
            assertThat(statuses).as("status of every request" + transcript).isNotEmpty()
                    .allSatisfy(s -> assertThat(s).isBetween(200, 499));
            List<String> errors = new ArrayList<>();
            Matcher e = ERROR_BODY.matcher(Files.readString(bodies));
            while (e.find()) {
                errors.add(e.group(1));
            }
            assertThat(errors).as("errors that came back, against those the README announces" + transcript)
                    .isEqualTo(readme.documentedErrors());
            assertThat(statuses.stream().filter(s -> s >= 400).count()).as("4xx answers" + transcript)
                    .isEqualTo(errors.size());
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    /** A server started by a README block, with its process tree. */
    private record Server(Process process, Path log) {

        static Server start(String command, Map<String, String> env, Path log, int httpPort) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Server server = new Server(builder.start(), log);
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (System.nanoTime() < deadline) {
                if (!server.process.isAlive()) {
                    throw new AssertionError("server block `" + command.strip() + "` exited: " + server.tail());
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + httpPort + "/api/tables")).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return server;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            server.stop();
            throw new AssertionError("server block `" + command.strip() + "` did not answer: " + server.tail());
        }

        /** Ctrl-C as a reader would: SIGTERM to the whole tree (bash, Maven's JVM), then wait. */
        void stop() throws Exception {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : tree) {
                try {
                    p.onExit().get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    p.destroyForcibly();
                }
            }
        }

        String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    /** One bash session for every client block, so variables and functions carry from block to block. */
    private static final class Shell implements AutoCloseable {

        private static final String DONE = "@@DONE";

        private final Process process;
        private final Writer stdin;
        private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
        private final List<String> errLines = new CopyOnWriteArrayList<>();

        private Shell(Process process) {
            this.process = process;
            this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            pump(process.inputReader(StandardCharsets.UTF_8), stdout::add);
            pump(process.errorReader(StandardCharsets.UTF_8), errLines::add);
        }

        static Shell start(Map<String, String> env, Path bodies) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc");
            builder.environment().putAll(env);
            Shell shell = new Shell(builder.start());
            // every curl call reports its status on stderr and keeps its body in a file, as it prints it
            shell.write("WALK_BODIES='" + bodies.toAbsolutePath() + "'\n"
                    + "curl() { command curl -w '%{stderr}@@HTTP %{http_code}\\n' \"$@\" | tee -a \"$WALK_BODIES\";"
                    + " local s=${PIPESTATUS[0]}; printf '\\n@@END\\n' >> \"$WALK_BODIES\"; return $s; }\n");
            return shell;
        }

        void run(String block, int line) throws Exception {
            write(block + "\nprintf '\\n" + DONE + " %s\\n' \"$?\"\n");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (true) {
                String out = stdout.poll(1, TimeUnit.SECONDS);
                if (out != null && out.startsWith(DONE)) {
                    return;
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("README block at line " + line + " did not finish; stderr:\n" + stderr());
                }
            }
        }

        Map<String, String> values(Iterable<String> names) throws Exception {
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : names) {
                write("printf '@@VAR %s\\n' \"${" + name + "-}\"\n");
                String out;
                do {
                    out = stdout.poll(30, TimeUnit.SECONDS);
                    if (out == null) {
                        throw new AssertionError("no answer for variable " + name);
                    }
                } while (!out.startsWith("@@VAR "));
                values.put(name, out.substring("@@VAR ".length()));
            }
            return values;
        }

        String stderr() {
            return String.join("\n", errLines);
        }

        private void write(String text) throws IOException {
            stdin.write(text);
            stdin.flush();
        }

        private static void pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
            Thread t = new Thread(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null; ) {
                        sink.accept(line);
                    }
                } catch (IOException closed) {
                    // the shell ended
                }
            }, "readme-shell");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws Exception {
            stdin.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
