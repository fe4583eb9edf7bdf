package poker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed loop: {@code callers} threads each send a command, wait for its answer, and send the next, until
 * {@code commands} have been answered. Latency of every command (send to answer) into an HdrHistogram in
 * microseconds; a progress line on stderr every few seconds.
 */
final class LoadRunner {

    /** Latencies up to 10 minutes, 3 significant digits, in microseconds. */
    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    private LoadRunner() {
    }

    static Results.Point run(WalletTarget target, List<String> wallets, int callers, int commands, long seed,
                             String label) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong rejected = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers, r -> {
            Thread t = new Thread(r, "bench-caller");
            t.setDaemon(true);
            return t;
        });
        Progress progress = Progress.start(label, done, commands);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                Histogram h = histogram();
                histograms.add(h);
                WalletWorkload workload = new WalletWorkload(seed * 1_000_003L + c, wallets.size(), !target.debits());
                running.add(pool.submit(() -> {
                    while (next.getAndIncrement() < commands) {
                        WalletWorkload.Command command = workload.next();
                        long t0 = System.nanoTime();
                        try {
                            WalletTarget.Outcome outcome = target.execute(wallets.get(command.wallet()), command);
                            if (outcome == WalletTarget.Outcome.REJECTED) {
                                rejected.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                        h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            progress.stop();
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = histogram();
        histograms.forEach(all::add);
        if (firstError.get() != null) {
            System.err.printf("%n%s: %d errors, the first: %s%n", label, errors.get(), firstError.get());
        }
        return Results.Point.of(target.name(), callers, commands, seconds, rejected.get(), errors.get(), all);
    }

    /** A line on stderr every 2 s while a point runs: done/total and the rate so far. */
    static final class Progress {
        private final Thread thread;

        private Progress(Thread thread) {
            this.thread = thread;
        }

        static Progress start(String label, AtomicInteger done, int total) {
            long start = System.nanoTime();
            Thread t = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(2000);
                        double s = (System.nanoTime() - start) / 1e9;
                        System.err.printf("\r  %-40s %7d/%d  %8.0f/s  %5.0f s ", label, done.get(), total,
                                done.get() / s, s);
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-progress");
            t.setDaemon(true);
            t.start();
            return new Progress(t);
        }

        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join();
            System.err.print("\r" + " ".repeat(90) + "\r");
        }
    }
}
