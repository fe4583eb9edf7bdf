package poker.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bots given a cluster's nodes move to the next node when the one in use does not answer, and stay there. */
class BotApiFailoverTest {

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aNodeThatDoesNotAnswerIsLeftForTheNext() throws Exception {
        HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger served = new AtomicInteger();
        node.createContext("/api/ping", exchange -> {
            served.incrementAndGet();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
        try {
            URI gone = URI.create("http://127.0.0.1:" + closedPort() + "/api");
            URI alive = URI.create("http://127.0.0.1:" + node.getAddress().getPort() + "/api/");
            BotStats stats = new BotStats();
            BotApi api = new BotApi(List.of(gone, alive), 2, Duration.ofSeconds(10), stats);

            assertThat(api.get("/ping", null).status()).isEqualTo(200);
            assertThat(api.get("/ping", null).status()).isEqualTo(200);
            assertThat(served.get()).isEqualTo(2);
            // the sockets follow: the next live socket goes to the node that answers
            assertThat(api.live("t1", "tok", 7L).socket().toString())
                    .isEqualTo("ws://127.0.0.1:" + node.getAddress().getPort() + "/api/tables/t1/live?token=tok&fromSeq=7");
            // a failure reported for an address no longer in use moves nothing
            api.unreachable(gone);
            assertThat(api.live("t1", "tok", null).base()).isEqualTo(URI.create(alive.toString().replaceAll("/$", "")));
        } finally {
            node.stop(0);
        }
    }

    @Test
    void oneAddressThatDoesNotAnswerIsUnreachableAfterTheWait() throws Exception {
        BotApi api = new BotApi(URI.create("http://127.0.0.1:" + closedPort() + "/api"), 1, Duration.ofMillis(500),
                new BotStats());
        assertThatThrownBy(() -> api.get("/ping", null)).isInstanceOf(BotApi.Unreachable.class);
    }
}
