package poker.http;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open live sockets per user on this node. A slot is reserved before the upgrade (so the next socket
 * over the cap is refused with 429 before it opens) and released when the socket's stream ends; a
 * slot whose socket never started (the client vanished after the upgrade answer) is released by the
 * caller's timer. {@link #live} counts the sockets whose stream runs (for {@code poker_live_sockets}).
 */
final class LiveSockets {

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
