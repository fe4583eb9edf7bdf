package poker;

import com.typesafe.config.ConfigFactory;

/** Starts a node; Ctrl-C or SIGTERM stops it cleanly (coordinated shutdown runs from the JVM hook). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PokerServer server = PokerServer.start(ConfigFactory.load());
        server.system().getWhenTerminated().toCompletableFuture().join();
    }
}
