package poker.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL processes of one data folder, as the operating system sees them: what
 * {@code postmaster.pid} names, whether that is a live PostgreSQL serving this folder, and how to
 * stop one cleanly. Used before the embedded server starts, to tell an orphan left by a killed
 * server (stop it) from a stale pid file (clear it).
 */
public final class Postmaster {

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private Postmaster() {
    }

    public static Path pidFile(Path dataDir) {
        return dataDir.resolve("postmaster.pid");
    }

    /** The pid on the first line of postmaster.pid, if the file is there and readable. */
    public static Optional<Long> pidInFile(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(pidFile(dataDir));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live postmaster that postmaster.pid names, if it is a PostgreSQL serving this folder. */
    public static Optional<ProcessHandle> running(Path dataDir) {
        return pidInFile(dataDir).flatMap(ProcessHandle::of).filter(p -> servesFolder(p, dataDir));
    }

    /** Every live PostgreSQL process working in this folder: a postmaster and its children (Linux only). */
    public static List<ProcessHandle> processesIn(Path dataDir) {
        return ProcessHandle.allProcesses().filter(p -> servesFolder(p, dataDir)).toList();
    }

    /**
     * A live process named postgres whose working directory is this folder (PostgreSQL changes into its
     * data folder, children included), or, where /proc is missing, whose arguments name the folder.
     * A zombie is not live: {@link ProcessHandle} does not show it.
     */
    static boolean servesFolder(ProcessHandle p, Path dataDir) {
        if (!p.isAlive() || p.pid() == ProcessHandle.current().pid()) {
            return false;
        }
        boolean postgres = p.info().command()
                .map(c -> Path.of(c).getFileName().toString())
                .filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .isPresent();
        if (!postgres) {
            return false;
        }
        Path folder = dataDir.toAbsolutePath().normalize();
        Path cwd = Path.of("/proc", Long.toString(p.pid()), "cwd");
        if (Files.isDirectory(Path.of("/proc", "self"))) {
            try {
                return Files.readSymbolicLink(cwd).equals(folder.toRealPath());
            } catch (IOException | SecurityException e) {
                return false;
            }
        }
        return p.info().arguments().map(List::of).orElse(List.of()).contains(folder.toString());
    }

    /**
     * Stops a postmaster cleanly and waits for it: SIGINT is PostgreSQL's fast shutdown (sessions rolled
     * back, a checkpoint written), what {@code pg_ctl stop -m fast} sends; pg_ctl itself refuses to run as
     * root, which is how it runs in many containers. Without a kill command, SIGTERM (smart shutdown).
     */
    public static void stop(ProcessHandle postmaster, Duration timeout) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || kill.exitValue() != 0) {
                postmaster.destroy();
            }
        } catch (IOException e) {
            log.warn("Could not run kill -INT {} ({}); sending SIGTERM", postmaster.pid(), e.toString());
            postmaster.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        awaitExit(List.of(postmaster), timeout);
    }

    /** Waits until none of these processes is alive; true when they are all gone. */
    public static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
