package poker.user;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * bcrypt on a small pool of its own: neither on the HTTP threads nor on the JDBC pool, so a burst of
 * logins slows logins only. The queue is bounded; when it is full the stage fails at once with
 * {@link Busy} (the API answers 503 with Retry-After) instead of queueing without end.
 */
public final class PasswordHasher implements AutoCloseable {

    /** The hashing queue is full: try again shortly. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("password hashing is at capacity", null, false, false);
        }
    }

    private final Passwords passwords;
    private final ThreadPoolExecutor pool;

    public PasswordHasher(Passwords passwords, int threads, int queueSize) {
        this.passwords = passwords;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueSize)), r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    public CompletionStage<String> hash(String password) {
        return run(() -> passwords.hash(password));
    }

    /**
     * Whether {@code password} matches {@code storedHash}; with no stored hash (unknown user) it spends
     * the same time and answers false, so an unknown username is not faster to try.
     */
    public CompletionStage<Boolean> verify(String password, Optional<String> storedHash) {
        return run(() -> {
            if (storedHash.isEmpty()) {
                passwords.verifyNothing(password);
                return false;
            }
            return passwords.verify(password, storedHash.get());
        });
    }

    private <T> CompletionStage<T> run(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(new Busy());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
