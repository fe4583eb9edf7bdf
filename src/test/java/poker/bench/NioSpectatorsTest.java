package poker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's reading WebSocket client against a socket that speaks the server's side of RFC 6455 byte by
 * byte: the handshake, text frames short, 16-bit-long and fragmented, a ping between fragments (answered by a
 * masked pong), and a close; a refused upgrade fails the open.
 */
class NioSpectatorsTest {

    @Test
    void readsTheTypeAndSeqOfEachMessageAnswersPingsAndCountsTheClose() throws Exception {
        AtomicLong closed = new AtomicLong();
        LiveFrames.Deliveries deliveries = new LiveFrames.Deliveries();
        try (ServerSocket server = new ServerSocket(0); NioSpectators client = new NioSpectators(deliveries, closed)) {
            var open = client.open("127.0.0.1", server.getLocalPort(), "/api/tables/t/live?token=x", "t");
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                String request = readRequest(in);
                assertThat(request).startsWith("GET /api/tables/t/live?token=x HTTP/1.1\r\n")
                        .contains("Upgrade: websocket\r\n").contains("Sec-WebSocket-Version: 13\r\n");
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(frame(0x81, "{\"type\":\"snapshot\",\"seq\":3,\"table\":{}}"));
                String padding = "x".repeat(300);
                out.write(frame(0x81, "{\"type\":\"event\",\"seq\":4,\"event\":{\"p\":\"" + padding + "\"}}"));
                out.write(frame(0x01, "{\"type\":\"ev"));
                out.write(frame(0x89, "hi"));
                out.write(frame(0x80, "ent\",\"seq\":5}"));
                out.flush();
                LiveFrames.Tally tally = open.get(10, TimeUnit.SECONDS);

                byte[] pong = in.readNBytes(2 + 4 + 2);
                assertThat(pong[0] & 0xff).as("FIN and pong").isEqualTo(0x8A);
                assertThat(pong[1] & 0xff).as("masked, two bytes").isEqualTo(0x82);
                String payload = new String(new byte[] {(byte) (pong[6] ^ pong[2]), (byte) (pong[7] ^ pong[3])},
                        StandardCharsets.US_ASCII);
                assertThat(payload).isEqualTo("hi");
                assertThat(tally.opened()).isTrue();
                awaitSeq(tally, 5);
                assertThat(tally.snapshotSeq()).isEqualTo(3);
                assertThat(tally.events()).as("the long frame and the fragmented one").isEqualTo(2);
                assertThat(tally.missing(5)).isZero();
                assertThat(closed).hasValue(0);

                out.write(frame(0x88, ""));
                out.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (closed.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(closed).as("a close after the upgrade: a socket closed early").hasValue(1);
            }
        }
    }

    @Test
    void aRefusedUpgradeFailsTheOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0);
             NioSpectators client = new NioSpectators(new LiveFrames.Deliveries(), new AtomicLong())) {
            var open = client.open("127.0.0.1", server.getLocalPort(), "/live", "t");
            try (Socket s = server.accept()) {
                readRequest(s.getInputStream());
                s.getOutputStream().write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThatThrownBy(() -> open.get(10, TimeUnit.SECONDS)).hasMessageContaining("not upgraded")
                        .hasMessageContaining("401");
            }
        }
    }

    private static void awaitSeq(LiveFrames.Tally tally, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tally.lastSeq() < seq && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(tally.lastSeq()).isEqualTo(seq);
    }

    private static String readRequest(InputStream in) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** A server's frame (unmasked): first byte as given, then the length in 7 or 7+16 bits. */
    private static byte[] frame(int first, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(first);
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
