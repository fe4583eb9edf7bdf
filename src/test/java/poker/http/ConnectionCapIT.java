package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.RawHttp;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * A node holds more open connections than pekko-http's default of 1,024 (a node of live tables is
 * mostly open sockets): with 1,200 connections open and none of them closing, the last one is still
 * served. Past pekko-http's cap it would wait in the operating system's backlog and get no answer.
 */
class ConnectionCapIT {

    /** More than pekko-http's default {@code max-connections} (1024), far under the node's. */
    private static final int OPEN = 1_200;
    private static final String GET_API = "GET /api HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Test
    void theConnectionPastPekkoHttpsDefaultCapIsServedWhileTheOthersStayOpen() throws Exception {
        // the held connections send nothing: the request-head timeout (10 s) would close them while the others
        // open (a node takes a new connection in about 8 ms here: 1,200 take about 10 s)
        PokerServer server = TestServer.start(TestDatabase.fresh(), Map.of("poker.http.request-head-timeout", "2m"));
        List<RawHttp> open = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < OPEN; i++) {
                open.add(new RawHttp(server.httpPort()));
            }
            System.out.printf("ConnectionCapIT: %d connections open in %d ms%n", OPEN, (System.nanoTime() - t0) / 1_000_000);
            // every connection is still open when the last one asks; RawHttp reads for at most 15 s
            RawHttp last = open.get(OPEN - 1);
            RawHttp.Response answer = last.send(GET_API).read();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            System.out.printf("ConnectionCapIT: the last one answered after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            // and the first one, opened before all the others, too
            RawHttp.Response first = open.get(0).send(GET_API).read();
            assertThat(first.status()).as(first.toString()).isEqualTo(200);
        } finally {
            for (RawHttp connection : open) {
                connection.close();
            }
            server.stop();
        }
    }
}
