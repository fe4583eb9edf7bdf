package poker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * What a run of commands cost, host speed aside: the database's transactions and rows read (pg_stat_database,
 * counted in the target's own database), the CPU time of the whole machine (/proc/stat: user, nice, system,
 * irq and softirq) and that of this JVM, per command. Throughput moves with this host's speed from minute to
 * minute; the transactions do not, and the CPU time less (the wallet entity alone: 0.73-0.90 ms in six runs).
 */
record Cost(long transactions, long rows, long cpuTicks, long jvmNanos) {

    /** Per command of a run. */
    record Per(double transactions, double rows, double cpuMs, double jvmMs) {
    }

    /** Linux's clock tick (USER_HZ). */
    private static final double TICK_MS = 10.0;

    static Cost now(String url) throws Exception {
        long[] db = {0, 0};
        if (url != null) {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                db = PlayBench.counters(c);
            }
        }
        return new Cost(db[0], db[1], machineTicks(), processNanos());
    }

    Per since(Cost before, long commands) {
        double n = Math.max(1, commands);
        return new Per((transactions - before.transactions) / n, (rows - before.rows) / n,
                (cpuTicks - before.cpuTicks) * TICK_MS / n, (jvmNanos - before.jvmNanos) / 1e6 / n);
    }

    /** This JVM's CPU time: the target's in-process work and the callers'. */
    private static long processNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static long machineTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq ...
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
        } catch (Exception e) {
            return 0; // not Linux: CPU not counted
        }
    }
}
