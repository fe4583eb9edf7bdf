package poker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import poker.infra.Postmaster;

/**
 * The server as a separate JVM ({@code java -cp <test classpath> poker.Main}), configured by environment
 * variables as an operator would, on an embedded PostgreSQL in a data folder of its own. It can be
 * killed with SIGKILL and started again on the same folder and ports ({@link #restart()}). Output goes
 * to files next to the data folder. {@link #close()} also kills what a killed server leaves behind
 * (an orphan PostgreSQL), so tests leave no processes.
 *
 * <pre>
 * try (ServerProcess server = ServerProcess.start(ServerProcess.settings(tempDir))) {
 *     server.api().signUp("alice");
 *     server.kill();
 *     try (ServerProcess again = server.restart()) { ... }
 * }
 * </pre>
 */
public final class ServerProcess implements AutoCloseable {

    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** How to launch: the environment (POKER_* variables) and JVM options; one folder, fixed ports. */
    public record Settings(Path home, Map<String, String> env, List<String> jvmOptions) {

        public Path dataDir() {
            return Path.of(env.get("POKER_DATA_DIR"));
        }

        public int httpPort() {
            return Integer.parseInt(env.get("POKER_HTTP_PORT"));
        }

        public int managementPort() {
            return Integer.parseInt(env.get("POKER_MANAGEMENT_PORT"));
        }

        /** The same data folder, other free ports: a second server on the same folder. */
        public Settings withFreshPorts() {
            Map<String, String> copy = new LinkedHashMap<>(env);
            copy.putAll(freePorts());
            return new Settings(home, copy, jvmOptions);
        }

        public Settings with(String variable, String value) {
            Map<String, String> copy = new LinkedHashMap<>(env);
            copy.put(variable, value);
            return new Settings(home, copy, jvmOptions);
        }

        /** A JVM option more, such as {@code -Dpekko.some.setting=value} for what no variable sets. */
        public Settings withJvmOption(String option) {
            List<String> copy = new ArrayList<>(jvmOptions);
            copy.add(option);
            return new Settings(home, env, copy);
        }
    }

    /**
     * Defaults for a test server in home: data in home/pgdata, free ports, cheap password hashing, the
     * admin account of {@link TestServer}, no hands dealt unless a test sets POKER_HAND_PAUSE.
     */
    public static Settings settings(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POKER_DATA_DIR", home.resolve("pgdata").toAbsolutePath().toString());
        env.putAll(freePorts());
        env.put("POKER_HTTP_INTERFACE", "127.0.0.1");
        env.put("POKER_BCRYPT_COST", "4");
        env.put("POKER_ADMIN_USERNAME", TestServer.ADMIN);
        env.put("POKER_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        env.put("POKER_HAND_PAUSE", "1h");
        // no archiving round in a test's lifetime: the tests' checks read event_journal directly
        env.put("POKER_ARCHIVE_INTERVAL", "24h");
        // small and quick to start: a few of these run beside the test JVM on a small machine
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        // -Dserver.logback=<file> runs the servers with another logging set-up (INFO, to see start-up phases)
        String logback = System.getProperty("server.logback");
        if (logback != null && !logback.isBlank()) {
            jvm.add("-Dlogback.configurationFile=" + Path.of(logback).toAbsolutePath());
        }
        return new Settings(home, env, List.copyOf(jvm));
    }

    /**
     * As an operator launches a node: only {@code env} (the README's variables) and free ports, no test
     * defaults, and {@code jvmOptions}; output goes to home.
     */
    public static Settings operator(Path home, Map<String, String> env, List<String> jvmOptions) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.putAll(freePorts());
        return new Settings(home, all, List.copyOf(jvmOptions));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static int launches;

    private final Settings settings;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServerProcess(Settings settings, Process process, Path stdout, Path stderr) {
        this.settings = settings;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Launches and waits until /ready answers 200; fails with the server's output if it exits first. */
    public static ServerProcess start(Settings settings) {
        ServerProcess server = launch(settings);
        server.awaitReady(READY_TIMEOUT);
        return server;
    }

    /** Launches without waiting for anything. */
    public static ServerProcess launch(Settings settings) {
        return launch(settings, System.getProperty("java.class.path"));
    }

    /** Launches on {@code classPath} (see {@code poker.bench.Launch}: under exec:java the tests' is elsewhere). */
    public static synchronized ServerProcess launch(Settings settings, String classPath) {
        int n = ++launches;
        Path out = settings.home().resolve("server-" + n + ".out");
        Path err = settings.home().resolve("server-" + n + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(classPath);
        command.add("poker.Main");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(settings.env());
        try {
            Files.createDirectories(settings.home());
            return new ServerProcess(settings, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new server on the same folder and ports, this one being dead (killed or stopped). */
    public ServerProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("still running: kill() or stop() it first");
        }
        return start(settings);
    }

    public ServerProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + " before it was ready\n"
                        + describe());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server not ready within " + timeout + "\n" + describe());
            }
            sleep(100);
        }
        return this;
    }

    /** GET /ready on the management port answers 200. */
    public boolean ready() {
        return managementStatus("/ready") == 200;
    }

    /** The status of a GET on the management port, or -1 when nothing answers. */
    public int managementStatus(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + settings.managementPort() + path))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public ApiClient api() {
        return new ApiClient(settings.httpPort());
    }

    public Settings settings() {
        return settings;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. Waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGSTOP: the JVM freezes, as in a long GC pause or a stalled VM; its sockets stay open. */
    public void pause() {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}: the JVM runs on from where it stopped, timers overdue. */
    public void resume() {
        signal("CONT");
        paused = false;
    }

    /** Frozen by {@link #pause()} and not resumed since. */
    public boolean paused() {
        return paused;
    }

    private volatile boolean paused;

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: a clean stop (coordinated shutdown, then the database). Returns the exit code. */
    public int stop() {
        process.destroy();
        return awaitExit(Duration.ofSeconds(60)).orElseThrow(() ->
                new AssertionError("server did not stop within 60 s\n" + describe()));
    }

    public Optional<Integer> awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The live postmaster of the embedded PostgreSQL on this server's folder. */
    public Optional<ProcessHandle> postmaster() {
        return Postmaster.running(dataDir());
    }

    /**
     * SIGKILL to the embedded PostgreSQL, postmaster and children at once, as when the database process
     * crashes or is OOM-killed: whatever it had not written out is lost. Returns the postmaster's pid.
     */
    public long killPostgres() {
        ProcessHandle postmaster = postmaster().orElseThrow(() ->
                new AssertionError("no live PostgreSQL on " + dataDir()));
        List<ProcessHandle> all = new ArrayList<>(postmaster.children().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        Postmaster.awaitExit(all, Duration.ofSeconds(10));
        return postmaster.pid();
    }

    public List<String> stdout() {
        return lines(stdout);
    }

    public List<String> stderr() {
        return lines(stderr);
    }

    /** The tail of the output, for assertion messages. */
    public String describe() {
        List<String> out = stdout();
        return "pid " + process.pid() + ", output in " + stdout + "\n--- stdout (tail) ---\n"
                + String.join("\n", out.subList(Math.max(0, out.size() - 40), out.size()))
                + "\n--- stderr ---\n" + String.join("\n", stderr());
    }

    /** Kills the server if it still runs, then any PostgreSQL still working in its data folder. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        killOrphans(dataDir());
    }

    /** SIGKILL to every PostgreSQL process still working in this folder (a test's folder is thrown away). */
    public static void killOrphans(Path dataDir) {
        List<ProcessHandle> left = Postmaster.processesIn(dataDir);
        left.forEach(ProcessHandle::destroyForcibly);
        Postmaster.awaitExit(left, Duration.ofSeconds(10));
    }

    private static Map<String, String> freePorts() {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String variable : List.of("POKER_HTTP_PORT", "POKER_MANAGEMENT_PORT", "POKER_REMOTE_PORT")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.put(variable, Integer.toString(socket.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
