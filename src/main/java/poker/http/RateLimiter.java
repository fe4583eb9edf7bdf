package poker.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most {@code max} events per key in any sliding {@code window}: each key keeps the times of its
 * last {@code max} events, so the limit is exact and the wait until the next free slot is known
 * (it becomes {@code Retry-After}). In memory, on one node: a cluster of N nodes allows up to N
 * times the limit, and a restart forgets. {@code max <= 0} turns the limit off.
 */
public final class RateLimiter {

    /** Stale keys are swept every this many calls, so keys that stopped coming do not pile up. */
    private static final int SWEEP_EVERY = 1024;

    private final int max;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    public boolean enabled() {
        return max > 0;
    }

    /** Counts one event for {@code key} if the key is under its limit; else the wait until it is not. */
    public Optional<Duration> tryAcquire(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        long now = now();
        return window(key).tryAdd(now);
    }

    /** Forgets {@code key}'s events (e.g. after a successful login). */
    public void reset(String key) {
        windows.remove(key);
    }

    int trackedKeys() {
        return windows.size();
    }

    private Window window(String key) {
        return windows.computeIfAbsent(key, k -> new Window(max, windowMillis));
    }

    private long now() {
        long now = clock.millis();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            windows.entrySet().removeIf(e -> e.getValue().stale(now));
        }
        return now;
    }

    /** The times of a key's last {@code max} events, oldest first, in a ring. */
    private static final class Window {
        private final long[] times;
        private final long windowMillis;
        private int count;
        private int oldest;

        Window(int max, long windowMillis) {
            this.times = new long[max];
            this.windowMillis = windowMillis;
        }

        synchronized Optional<Duration> tryAdd(long now) {
            Optional<Duration> wait = waitFor(now);
            if (wait.isEmpty()) {
                add(now);
            }
            return wait;
        }

        private Optional<Duration> waitFor(long now) {
            if (count < times.length) {
                return Optional.empty();
            }
            long freeAt = times[oldest] + windowMillis;
            return freeAt <= now ? Optional.empty() : Optional.of(Duration.ofMillis(freeAt - now));
        }

        private void add(long now) {
            if (count < times.length) {
                times[(oldest + count) % times.length] = now;
                count++;
            } else {
                times[oldest] = now;
                oldest = (oldest + 1) % times.length;
            }
        }

        synchronized boolean stale(long now) {
            int newest = (oldest + count - 1) % times.length;
            return count == 0 || times[newest] + windowMillis <= now;
        }
    }
}
