package poker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** What one harness run measured; written as results.json and summary.md. */
final class Results {

    /** The machine and the run's settings. */
    record Machine(String date, int cores, long ramBytes, String java, String postgres, String os,
                   double loadAverageAtStart, double loadAverageAtEnd) {
    }

    record Settings(String mode, int wallets, int commandsPerPoint, List<Integer> callers, List<Integer> rawBatches,
                    List<Integer> rawCallers, long seed) {
    }

    /** One target at one number of callers. Latencies in milliseconds. */
    record Point(String target, int callers, int commands, double seconds, double perSecond, long rejected,
                 long errors, double p50Ms, double p99Ms, double p999Ms, double maxMs, double meanMs,
                 double loadAverage) {

        static Point of(String target, int callers, int commands, double seconds, long rejected, long errors,
                        Histogram h) {
            return new Point(target, callers, commands, seconds, commands / seconds, rejected, errors,
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)),
                    ms(h.getMaxValue()), h.getMean() / 1000.0, Harness.load());
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    /** PostgreSQL's raw ceiling: journal-shaped rows, {@code batch} rows per INSERT, one transaction each. */
    record RawPoint(int batch, int callers, long rows, double seconds, double rowsPerSecond, double p50Ms,
                    double p99Ms, int payloadBytes, double loadAverage) {
    }

    /** The idle full server: database transactions over {@code seconds}, nothing happening. */
    record Idle(double seconds, long transactions, double perSecond) {
    }

    Machine machine;
    final Settings settings;
    final List<Target> targets = new ArrayList<>();
    final List<Point> points = new ArrayList<>();
    final List<RawPoint> raw = new ArrayList<>();
    Idle idle;
    Recovery recovery;
    final List<String> notes = new ArrayList<>();

    /** A table with {@code events} in its journal, after a restart: seconds from the launch to its answer. */
    record RecoveredTable(String tableId, long events, long snapshotSequence, double sinceLaunchSeconds,
                          double askSeconds) {
    }

    record Recovery(double bootSeconds, List<RecoveredTable> tables) {
    }

    record Target(String name, String description) {
    }

    Results(Machine machine, Settings settings) {
        this.machine = machine;
        this.settings = settings;
    }

    Results withLoadAtEnd(double load) {
        Machine m = machine;
        machine = new Machine(m.date(), m.cores(), m.ramBytes(), m.java(), m.postgres(), m.os(),
                m.loadAverageAtStart(), load);
        return this;
    }

    Optional<Point> point(String target, int callers) {
        return points.stream().filter(p -> p.target().equals(target) && p.callers() == callers).findFirst();
    }

    /** The best rows/s of the raw insert runs, 0 when none ran. */
    double rawCeiling() {
        return raw.stream().mapToDouble(RawPoint::rowsPerSecond).max().orElse(0);
    }

    /** The CRUD baseline's commands/s at this many callers, 0 when it did not run. */
    double crud(int callers) {
        return point(CrudTarget.NAME, callers).map(Point::perSecond).orElse(0.0);
    }
}
