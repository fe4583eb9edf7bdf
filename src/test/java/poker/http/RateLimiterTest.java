package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The sliding window: exact counts per key (under concurrency too), the wait until a slot frees, and keys that age out. */
class RateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void threeAMinuteThenTheFourthWaitsForTheOldestToAgeOut() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(1), clock);
        assertThat(limiter.tryAcquire("ann")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("ann")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("ann")).isEmpty();
        clock.advance(Duration.ofSeconds(10));

        // 30 s after the first: it frees in 30 s
        assertThat(limiter.tryAcquire("ann")).contains(Duration.ofSeconds(30));
        // refused attempts are not counted
        clock.advance(Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire("ann")).isEmpty();
        assertThat(limiter.tryAcquire("ann")).contains(Duration.ofSeconds(10));
        // other keys are not affected
        assertThat(limiter.tryAcquire("bob")).isEmpty();
    }

    @Test
    void aResetForgetsAKeysEvents() {
        ManualClock clock = new ManualClock();
        RateLimiter attempts = new RateLimiter(2, Duration.ofMinutes(1), clock);
        assertThat(attempts.tryAcquire("ann")).isEmpty();
        assertThat(attempts.tryAcquire("ann")).isEmpty();
        assertThat(attempts.tryAcquire("ann")).contains(Duration.ofMinutes(1));

        attempts.reset("ann");

        assertThat(attempts.tryAcquire("ann")).isEmpty();
    }

    @Test
    void concurrentCallersGetExactlyTheLimitBetweenThem() throws Exception {
        RateLimiter limiter = new RateLimiter(10, Duration.ofMinutes(1), new ManualClock());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return limiter.tryAcquire("ann").isEmpty();
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Boolean> call : calls) {
                granted += call.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter off = new RateLimiter(0, Duration.ofMinutes(1), Clock.systemUTC());
        for (int i = 0; i < 1000; i++) {
            assertThat(off.tryAcquire("ann")).isEmpty();
        }
        assertThat(off.trackedKeys()).isZero();
    }

    @Test
    void keysThatStoppedComingAreSwept() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 5000; i++) {
            limiter.tryAcquire("address-" + i);
        }
        clock.advance(Duration.ofMinutes(2));
        for (int i = 0; i < 2048; i++) {
            limiter.tryAcquire("late");
        }
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
