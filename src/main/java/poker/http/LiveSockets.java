package poker.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Flow;

/**
 * Open live sockets per user on this node. A slot is reserved before the upgrade (so the next socket
 * over the cap is refused with 429 before it opens) and released when the socket's stream ends; a
 * slot whose socket never started (the client vanished after the upgrade answer) is released by the
 * caller's timer. {@link #live} counts the sockets whose stream runs (for {@code poker_live_sockets}).
 */
final class LiveSockets {

    /** How long a reserved slot waits for its socket to start before it is given back. */
    static final Duration SLOT_CLAIM = Duration.ofSeconds(10);

    private final int maxPerUser;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();

    LiveSockets(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** A slot for one more socket of {@code userId}; empty at the cap ({@code maxPerUser <= 0}: no cap). */
    Optional<Slot> reserve(String userId) {
        boolean[] granted = {false};
        open.compute(userId, (id, n) -> {
            int count = n == null ? 0 : n;
            if (maxPerUser > 0 && count >= maxPerUser) {
                return n;
            }
            granted[0] = true;
            return count + 1;
        });
        return granted[0] ? Optional.of(new Slot(userId)) : Optional.empty();
    }

    /**
     * Opens the socket if {@code userId} is still under the cap, else answers {@code refused} (429, before
     * the upgrade: a route's early {@link #atCap} check is not atomic). The slot is reserved now, given back
     * if the socket has not started within {@link #SLOT_CLAIM}, and held until the socket's stream ends.
     */
    Route open(ActorSystem<?> system, WebSocketUpgrade upgrade, String userId, Flow<Message, Message, NotUsed> flow,
               Supplier<Route> refused) {
        Optional<Slot> reserved = reserve(userId);
        if (reserved.isEmpty()) {
            return refused.get();
        }
        Slot slot = reserved.get();
        system.scheduler().scheduleOnce(SLOT_CLAIM, () -> {
            if (!slot.hasStarted()) {
                slot.release();
            }
        }, system.executionContext());
        return complete(upgrade.handleMessagesWith(flow.watchTermination((notUsed, done) -> {
            slot.started();
            done.whenComplete((d, failure) -> slot.release());
            return notUsed;
        })));
    }

    int open(String userId) {
        return open.getOrDefault(userId, 0);
    }

    /** Whether {@code userId} has no slot left now (a cheap early check; {@link #reserve} decides). */
    boolean atCap(String userId) {
        return maxPerUser > 0 && open(userId) >= maxPerUser;
    }

    /** Sockets on this node whose stream started and has not ended. */
    int live() {
        return live.get();
    }

    /** Guarded by itself: started and released may race (the stream's end and the claim timer). */
    final class Slot {
        private final String userId;
        private boolean started;
        private boolean released;

        private Slot(String userId) {
            this.userId = userId;
        }

        /** The socket's stream started: from now on its end releases the slot. */
        synchronized void started() {
            if (!started && !released) {
                live.incrementAndGet();
            }
            started = true;
        }

        synchronized boolean hasStarted() {
            return started;
        }

        /** Frees the slot; a second call does nothing. */
        synchronized void release() {
            if (!released) {
                released = true;
                open.computeIfPresent(userId, (id, n) -> n <= 1 ? null : n - 1);
                if (started) {
                    live.decrementAndGet();
                }
            }
        }
    }
}
