package poker;

import com.typesafe.config.ConfigFactory;

/** Starts a node; Ctrl-C or SIGTERM stops it cleanly: coordinated shutdown, then the database. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PokerServer server = PokerServer.start(ConfigFactory.load());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "poker-shutdown"));
        server.system().getWhenTerminated().toCompletableFuture().join();
        server.closeDatabase();
    }
}
