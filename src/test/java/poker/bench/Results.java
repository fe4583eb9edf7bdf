package poker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    Play play;
    final List<Fanout> fanout = new ArrayList<>();
    Memory memory;
    final List<Boot> boot = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** A table with {@code events} in its journal, after a restart: seconds from the launch to its answer. */
    record RecoveredTable(String tableId, long events, long snapshotSequence, double sinceLaunchSeconds,
                          double askSeconds) {
    }

    record Recovery(double bootSeconds, List<RecoveredTable> tables) {
    }

    record Target(String name, String description) {
    }

    /** A latency distribution in milliseconds, from an HdrHistogram of microseconds ({@code count} values). */
    record Latency(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

        static Latency of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Latency(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                    h.getMaxValue() / 1000.0);
        }
    }

    /** What the sockets of a run received: event frames, frames missing (gaps in seq) and twice. */
    record Frames(long sockets, long expected, long received, long missing, long duplicates) {
    }

    /**
     * {@code play}: tables of bots acting over HTTP, with live sockets. {@code action}: the HTTP action call's
     * round trip; {@code deliveryAfterAnswer}: the action's HTTP answer to that event's frame on each socket at
     * the table ({@code framesBeforeAnswer} of them came first, counted as 0); {@code deliveryAfterSend}: the
     * action's request sent to those frames; {@code deliveryAfterWrite}: the event's journal write_timestamp
     * to every event frame; {@code readModel}: the event's write_timestamp to the commit of the first offset
     * past it, per event and table projection; {@code readModelAll}: per event, to the last of them.
     */
    record Play(int tables, int botsPerTable, double seconds, long accepted, Map<String, Long> refused,
                double actionsPerSecond, double handsPerSecond, Latency action, Latency deliveryAfterAnswer,
                long framesBeforeAnswer, Latency deliveryAfterSend, Latency deliveryAfterWrite, Latency readModel,
                Latency readModelAll, Map<String, Latency> readModelByProjection, long transactions, long rowsRead, double commitsPerAction,
                double rowsPerAction, double transactionsPerSecond, Frames frames, double loadAverage) {
    }

    /**
     * {@code fanout}: one table of bots and {@code spectators} sockets watching it. {@code delivery}: the
     * acting bot's HTTP answer to each spectator's frame of that event; {@code heapPerSocketKb}: heap used
     * after a GC with the spectators open, less before, per socket (client and server side: one JVM).
     */
    record Fanout(int spectators, double connectSeconds, double seconds, long accepted, double actionsPerSecond,
                  Latency delivery, long framesBeforeAnswer, Latency action, long transactions,
                  double transactionsPerSecond, Frames frames, double heapPerSocketKb, long notOpened, long closedEarly, Map<String, Long> refused,
                  double loadAverage) {
    }

    /** {@code memory}: idle tables in memory, heap used after a GC; again after they passivated. */
    record Memory(int tables, double createSeconds, long entitiesInMemory, long heapBeforeBytes,
                  long heapWithTablesBytes, double kbPerTable, String idlePassivation, long entitiesAfterPassivation,
                  long heapAfterPassivationBytes, double waitedSeconds) {
    }

    /** {@code boot=}: a node restarted on a journal with {@code tables} tables, first table answer. */
    record Boot(int tables, String atTheStop, long startMillis, long firstAnswerMillis, long rememberedRows,
                long launchApiMillis, long launchTableMillis) {
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
