package poker.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The floor under the live sockets' delivery figures: what pekko-http itself costs to push one frame to N
 * WebSockets, with nothing of ours in the way. One producer thread makes a frame of the size of a table's
 * event frame {@code rate} times a second and offers it to every socket's bounded queue (no journal, no table
 * state, no per-socket work but the socket's own stream: {@code Source.queue} into pekko-http's WebSocket);
 * {@link NioSpectators} reads them in this JVM. It prints delivery p50/p99 (frame made → read by the client) and the CPU the server side used per frame
 * delivered (this process's CPU less the client's reading thread). Compare with the harness's
 * {@code fanout} at the same N and frame rate: the difference is what our socket code adds. Extra Pekko settings
 * for an experiment: {@code -Dfloor.config="pekko.x = y"}.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.WebSocketFloor \
 *   -Dexec.args="sockets=2000 rate=4 seconds=30 bytes=1500"
 * </pre>
 */
public final class WebSocketFloor {

    private WebSocketFloor() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = Harness.options(args);
        int sockets = Integer.parseInt(options.getOrDefault("sockets", "2000"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "4"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int bytes = Integer.parseInt(options.getOrDefault("bytes", "1500"));
        Config config = ConfigFactory.parseString("pekko.loglevel = WARNING\n"
                + "pekko.http.server.max-connections = 65536\n"
                + "pekko.http.server.idle-timeout = 10 min\n" + System.getProperty("floor.config", ""))
                .withFallback(ConfigFactory.defaultReference());
        ActorSystem system = ActorSystem.create("floor", config);
        LiveFrames.Deliveries deliveries = new LiveFrames.Deliveries();
        AtomicBoolean producing = new AtomicBoolean();
        AtomicLong seq = new AtomicLong();
        String pad = "x".repeat(bytes);
        // every socket's own bounded queue; the producer offers each frame to all of them (thread-safe, no future)
        java.util.Queue<BoundedSourceQueue<Message>> queues = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ScheduledExecutorService producer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor();
        producer.scheduleAtFixedRate(() -> {
            if (!producing.get()) {
                return;
            }
            long s = seq.incrementAndGet();
            long now = System.nanoTime();
            deliveries.answered("floor", s, now, now);
            Message frame = TextMessage.create("{\"type\":\"event\",\"seq\":" + s + ",\"pad\":\"" + pad + "\"}");
            for (BoundedSourceQueue<Message> q : queues) {
                q.offer(frame);
            }
        }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
        Flow<Message, Message, NotUsed> socket = Flow.fromSinkAndSourceCoupled(Sink.ignore(),
                Source.<Message>queue(64).mapMaterializedValue(q -> {
                    queues.add(q);
                    return NotUsed.getInstance();
                }));
        ServerBinding binding = Http.get(system).newServerAt("127.0.0.1", 0)
                .bind(Directives.path("ws", () -> Directives.handleWebSocketMessages(socket)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        int port = binding.localAddress().getPort();
        AtomicLong closed = new AtomicLong();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (NioSpectators nio = new NioSpectators(deliveries, closed)) {
            List<CompletableFuture<LiveFrames.Tally>> opened = new ArrayList<>();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < sockets; i++) {
                opened.add(nio.open("127.0.0.1", port, "/ws", "floor"));
                if (i % 200 == 199) {
                    // a few hundred at a time: the listen backlog is 100
                    CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                }
            }
            List<LiveFrames.Tally> tallies = new ArrayList<>();
            for (CompletableFuture<LiveFrames.Tally> f : opened) {
                tallies.add(f.get(60, TimeUnit.SECONDS));
            }
            long cpuOpening = os.getProcessCpuTime() - cpu0;
            System.out.printf(Locale.ROOT, "floor: %d sockets open in %.1f s, %.1f CPU-s (client and server)%n", sockets,
                    (System.nanoTime() - t0) / 1e9, cpuOpening / 1e9);
            // warm up (the JIT), then the window
            producing.set(true);
            Thread.sleep(5000);
            deliveries.reset();
            long framesBefore = tallies.stream().mapToLong(LiveFrames.Tally::events).sum();
            long processBefore = os.getProcessCpuTime();
            long clientBefore = nio.readerCpuNanos();
            long began = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double elapsed = (System.nanoTime() - began) / 1e9;
            long server = os.getProcessCpuTime() - processBefore - (nio.readerCpuNanos() - clientBefore);
            producing.set(false);
            Thread.sleep(2000);
            deliveries.stopRecording();
            long frames = tallies.stream().mapToLong(LiveFrames.Tally::events).sum() - framesBefore;
            Results.Latency delivery = deliveries.afterAnswer();
            System.out.printf(Locale.ROOT, "floor: %d sockets, %.0f frames/s of %d bytes, %d s: delivery p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms; server CPU %.1f s (%.0f %% of a core), %.1f µs per frame"
                            + " delivered (%d frames); %d sockets closed early%n", sockets, rate, bytes, seconds,
                    delivery.p50Ms(), delivery.p99Ms(), delivery.maxMs(), server / 1e9, 100.0 * server / 1e9 / elapsed,
                    server / 1e3 / Math.max(1, frames), frames, closed.get());
        } finally {
            binding.unbind();
            producer.shutdownNow();
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
