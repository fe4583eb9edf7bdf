package poker;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.infra.StartRefused;

/**
 * Starts a node; Ctrl-C or SIGTERM stops it cleanly: coordinated shutdown, then the database, and the
 * JVM exits with its usual code for the signal (130, 143). A start that is refused (the data folder
 * belongs to a running server) prints one line on stderr and exits 2; any other failed start exits 1,
 * and so does a node that the cluster shuts down (downed, or no seed node answered), so a supervisor
 * sees it and starts it again.
 */
public final class Main {

    /** How long a stop asked for during the start waits for the start to end. */
    private static final Duration START_WAIT = Duration.ofSeconds(90);

    private Main() {
    }

    public static void main(String[] args) {
        // Registered before the start: a SIGTERM while the node starts (its database already up) waits for
        // the start to end, then stops what it started; a start that fails has stopped it already.
        CompletableFuture<PokerServer> started = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logger log = LoggerFactory.getLogger(Main.class);
            log.info("Stopping");
            try {
                started.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS).stop();
                log.info("Stopped");
            } catch (ExecutionException failed) {
                log.info("Stopped (the start had failed)");
            } catch (InterruptedException | TimeoutException e) {
                log.warn("Stopping before the start ended: gave up waiting after {}", START_WAIT);
            }
            stopLogging();
        }, "poker-shutdown"));
        PokerServer server;
        try {
            server = PokerServer.start(ConfigFactory.load());
            started.complete(server);
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StartRefused refused) {
                    System.err.println(refused.getMessage());
                    System.exit(2);
                }
            }
            LoggerFactory.getLogger(Main.class).error("The server did not start", e);
            System.exit(1);
            return;
        }
        server.system().getWhenTerminated().toCompletableFuture().join();
        server.closeDatabase();
        CoordinatedShutdown.Reason reason = CoordinatedShutdown.get(server.system()).getShutdownReason()
                .orElse(CoordinatedShutdown.unknownReason());
        // a signal (JVM exit) or our own stop() is asked for; anything else came from the cluster
        if (!reason.equals(CoordinatedShutdown.jvmExitReason())
                && !reason.equals(CoordinatedShutdown.actorSystemTerminateReason())) {
            LoggerFactory.getLogger(Main.class).error("The node was shut down ({}); exiting with 1", reason);
            System.exit(1);
        }
    }

    /** An asynchronous appender (conf/logback.xml) writes what it still holds before the JVM goes. */
    private static void stopLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.stop();
        }
    }
}
