package poker.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls the eventually consistent read side until a condition holds, or fails with the last value seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; last value: " + last);
            }
            Thread.sleep(10);
            last = probe.call();
        }
        return last;
    }
}
