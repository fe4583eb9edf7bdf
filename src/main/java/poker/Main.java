package poker;

import com.typesafe.config.ConfigFactory;
import org.slf4j.LoggerFactory;
import poker.infra.StartRefused;

/**
 * Starts a node; Ctrl-C or SIGTERM stops it cleanly: coordinated shutdown, then the database. A start
 * that is refused (the data folder belongs to a running server) prints one line on stderr and exits 2;
 * any other failed start exits 1, so a supervisor sees it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PokerServer server;
        try {
            server = PokerServer.start(ConfigFactory.load());
        } catch (RuntimeException e) {
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
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "poker-shutdown"));
        server.system().getWhenTerminated().toCompletableFuture().join();
        server.closeDatabase();
    }
}
