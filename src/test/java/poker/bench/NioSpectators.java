package poker.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spectator sockets read by one thread and one selector: a WebSocket client (RFC 6455) that only reads, so
 * that ten thousand sockets cost the measuring side little and the fan-out figures time the server rather
 * than the client ({@code java.net.http}'s WebSocket runs each message through its own schedulers: at a
 * thousand sockets it was what the delivery figure measured). It does the upgrade handshake, reads frames,
 * keeps the first characters of each text message ({@code type} and {@code seq}, as {@link Spectator}),
 * answers pings, and counts a close or a failure as a socket closed early. Frames from a server are never
 * masked; the client's own (pong, close) are.
 */
final class NioSpectators implements AutoCloseable {

    private static final int HEAD = 64;

    private final Selector selector;
    private final Thread loop;
    private final Queue<Connection> toRegister = new ConcurrentLinkedQueue<>();
    private final LiveFrames.Deliveries deliveries;
    private final AtomicLong closed;
    private volatile boolean running = true;

    NioSpectators(LiveFrames.Deliveries deliveries, AtomicLong closed) throws IOException {
        this.selector = Selector.open();
        this.deliveries = deliveries;
        this.closed = closed;
        this.loop = new Thread(this::run, "nio-spectators");
        this.loop.setDaemon(true);
        this.loop.start();
    }

    /** Opens a spectator socket on {@code path} (with its query); completes when the server accepted it. */
    CompletableFuture<LiveFrames.Tally> open(String host, int port, String path, String tableId) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        Connection c = new Connection(channel, host + ":" + port, path, tableId);
        channel.connect(new InetSocketAddress(host, port));
        toRegister.add(c);
        selector.wakeup();
        return c.opened;
    }

    /** CPU time its reading thread has used, in nanoseconds: the client's share, to leave out of a server's. */
    long readerCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(loop.getId());
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        while (running) {
            try {
                selector.select(100);
                for (Connection c; (c = toRegister.poll()) != null; ) {
                    c.channel.register(selector, SelectionKey.OP_CONNECT, c);
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            c.channel.finishConnect();
                            c.handshake();
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            buffer.clear();
                            int n = c.channel.read(buffer);
                            if (n < 0) {
                                c.fail(new IOException("closed by the server"));
                                key.cancel();
                                continue;
                            }
                            buffer.flip();
                            c.read(buffer, System.nanoTime());
                        }
                    } catch (Exception e) {
                        c.fail(e);
                        key.cancel();
                    }
                }
            } catch (IOException e) {
                System.err.println("nio-spectators: " + e);
            }
        }
    }

    /** One socket: the handshake's answer, then frames, parsed as bytes come. */
    private final class Connection {
        final SocketChannel channel;
        final String host;
        final String path;
        final String tableId;
        final LiveFrames.Tally tally = new LiveFrames.Tally();
        final CompletableFuture<LiveFrames.Tally> opened = new CompletableFuture<>();

        private final StringBuilder response = new StringBuilder();
        private boolean upgraded;
        private boolean failed;
        // the frame being read
        private final byte[] header = new byte[14];
        private int headerRead;
        private int opcode;
        private boolean fin;
        private long remaining;
        private final byte[] control = new byte[125];
        private int controlRead;
        // the text message being read: its first characters
        private final byte[] head = new byte[HEAD];
        private int headLength;
        private boolean textMessage;

        Connection(SocketChannel channel, String host, String path, String tableId) {
            this.channel = channel;
            this.host = host;
            this.path = path;
            this.tableId = tableId;
        }

        void handshake() throws IOException {
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        }

        void read(ByteBuffer in, long now) throws IOException {
            if (!upgraded) {
                while (in.hasRemaining() && !upgraded) {
                    response.append((char) (in.get() & 0xff));
                    if (response.length() >= 4 && response.substring(response.length() - 4).equals("\r\n\r\n")) {
                        if (!response.toString().startsWith("HTTP/1.1 101")) {
                            throw new IOException("not upgraded: " + response.toString().lines().findFirst()
                                    .orElse(""));
                        }
                        upgraded = true;
                        opened.complete(tally);
                    }
                }
            }
            while (in.hasRemaining()) {
                if (remaining == 0 && headerRead >= 0) {
                    if (!readHeader(in)) {
                        return;
                    }
                }
                int take = (int) Math.min(remaining, in.remaining());
                if (opcode >= 8) {
                    in.get(control, controlRead, take);
                    controlRead += take;
                } else if (textMessage && headLength < HEAD) {
                    int keep = Math.min(take, HEAD - headLength);
                    in.get(head, headLength, keep);
                    headLength += keep;
                    in.position(in.position() + take - keep);
                } else {
                    in.position(in.position() + take);
                }
                remaining -= take;
                if (remaining == 0) {
                    frameDone(now);
                }
            }
        }

        /** Reads the frame header as far as it has come; true once it is whole (and its payload may follow). */
        private boolean readHeader(ByteBuffer in) {
            while (in.hasRemaining()) {
                header[headerRead++] = in.get();
                int needed = 2;
                if (headerRead >= 2) {
                    int len = header[1] & 0x7f;
                    needed = len == 126 ? 4 : len == 127 ? 10 : 2;
                }
                if (headerRead == needed) {
                    fin = (header[0] & 0x80) != 0;
                    int op = header[0] & 0x0f;
                    int len = header[1] & 0x7f;
                    remaining = len == 126 ? ((header[2] & 0xffL) << 8) | (header[3] & 0xffL)
                            : len == 127 ? ByteBuffer.wrap(header, 2, 8).getLong() : len;
                    headerRead = 0;
                    if (op >= 8) {
                        opcode = op;
                        controlRead = 0;
                    } else {
                        opcode = op == 0 ? opcode : op;
                        if (op == 1) {
                            textMessage = true;
                            headLength = 0;
                        }
                    }
                    if (remaining == 0) {
                        frameDone(System.nanoTime());
                        continue;
                    }
                    return true;
                }
            }
            return false;
        }

        private void frameDone(long now) {
            if (opcode == 9) {
                sendControl(0xA, control, controlRead);
                opcode = textMessage ? 1 : 0;
                return;
            }
            if (opcode == 8) {
                sendControl(0x8, control, Math.min(controlRead, 2));
                fail(new IOException("closed by the server"));
                return;
            }
            if (opcode == 10) {
                opcode = textMessage ? 1 : 0;
                return;
            }
            if (fin && textMessage) {
                textMessage = false;
                CharSequence text = new String(head, 0, headLength, StandardCharsets.UTF_8);
                String type = LiveFrames.typeOf(text);
                long seq = LiveFrames.seqOf(text);
                tally.frame(type, seq);
                if (type.equals("event")) {
                    deliveries.arrived(tableId, seq, now);
                }
            }
        }

        /** A masked control frame of the client's (pong or close). */
        private void sendControl(int op, byte[] payload, int length) {
            ByteBuffer out = ByteBuffer.allocate(6 + length);
            out.put((byte) (0x80 | op));
            out.put((byte) (0x80 | length));
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            out.put(mask);
            for (int i = 0; i < length; i++) {
                out.put((byte) (payload[i] ^ mask[i % 4]));
            }
            out.flip();
            try {
                write(out);
            } catch (IOException e) {
                fail(e);
            }
        }

        private void write(ByteBuffer out) throws IOException {
            // small and rare (the handshake, pongs): a socket's send buffer takes them whole
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    Thread.onSpinWait();
                }
            }
        }

        void fail(Exception e) {
            if (failed) {
                return;
            }
            failed = true;
            if (!opened.isDone()) {
                opened.completeExceptionally(e);
            } else {
                closed.incrementAndGet();
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
