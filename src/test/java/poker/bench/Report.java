package poker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's results: results.json, summary.md, throughput.svg and latency-16.svg. */
final class Report {

    private Report() {
    }

    static void write(Results results, Path dir) throws Exception {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", results.machine);
        json.put("settings", results.settings);
        json.put("targets", results.targets);
        json.put("points", results.points);
        json.put("raw", results.raw);
        json.put("rawCeilingRowsPerSecond", results.rawCeiling());
        json.put("idle", results.idle);
        json.put("recovery", results.recovery);
        json.put("play", results.play);
        json.put("fanout", results.fanout);
        json.put("memory", results.memory);
        json.put("boot", results.boot);
        json.put("issueBefore", BEFORE);
        json.put("notes", results.notes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.QUOTE_NON_NUMERIC_NUMBERS, true)
                .writeValue(dir.resolve("results.json").toFile(), json);
        Files.writeString(dir.resolve("summary.md"), markdown(results));
        Files.writeString(dir.resolve("throughput.svg"), throughputChart(results));
        Files.writeString(dir.resolve("latency-" + Harness.LATENCY_CALLERS + ".svg"), latencyChart(results));
    }

    static String markdown(Results r) {
        Results.Machine m = r.machine;
        StringBuilder md = new StringBuilder();
        md.append("# Wallet workload: event sourcing against CRUD\n\n");
        md.append(String.format(Locale.ROOT, "%s · %d cores, %.1f GB RAM, %s · Java %s · PostgreSQL %s (embedded,"
                        + " fsync and synchronous_commit on) · load average %.1f at the start, %.1f at the end (load: the"
                        + " 1-minute load average at the end of each point, the run's own threads included)\n\n",
                m.date(), m.cores(), m.ramBytes() / 1e9, m.os(), m.java(), m.postgres(), m.loadAverageAtStart(),
                m.loadAverageAtEnd()));
        Results.Settings s = r.settings;
        md.append(String.format(Locale.ROOT, "Mode %s: %,d wallets, %,d commands per point, a closed loop of"
                        + " deposits and debits (half each, 1–100 chips) on uniformly random wallets, %.0f%% of the"
                        + " debits refused for insufficient funds; seed %d.%n%n", s.mode(), s.wallets(),
                s.commandsPerPoint(), WalletWorkload.OVERDRAWN_SHARE * 100, s.seed()));
        double ceiling = r.rawCeiling();
        if (!r.points.isEmpty()) {
            md.append("| target | callers | commands/s | × CRUD | × raw ceiling | p50 ms | p99 ms | p99.9 ms | max ms"
                    + " | refused | errors | load |\n");
            md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Results.Point p : r.points) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f%% | %d | %.1f |%n",
                        p.target(), p.callers(), p.perSecond(), times(p.perSecond(), r.crud(p.callers())),
                        ceiling <= 0 ? "–" : String.format(Locale.ROOT, "%.3f", p.perSecond() / ceiling), p.p50Ms(), p.p99Ms(), p.p999Ms(), p.maxMs(),
                        100.0 * p.rejected() / p.commands(), p.errors(), p.loadAverage()));
            }
        }
        if (!r.raw.isEmpty()) {
            md.append(String.format(Locale.ROOT, "%nPostgreSQL's raw ceiling (journal-shaped rows of %d payload"
                    + " bytes, one durable transaction per INSERT): best %,.0f rows/s.%n%n", r.raw.get(0).payloadBytes(),
                    ceiling));
            md.append("| rows per INSERT | connections | rows/s | × CRUD (same callers) | p50 ms | p99 ms | load |\n");
            md.append("|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Results.RawPoint p : r.raw) {
                md.append(String.format(Locale.ROOT, "| %d | %d | %,.0f | %s | %.1f | %.1f | %.1f |%n", p.batch(),
                        p.callers(), p.rowsPerSecond(), times(p.rowsPerSecond(), r.crud(p.callers())), p.p50Ms(),
                        p.p99Ms(), p.loadAverage()));
            }
        }
        if (r.idle != null) {
            md.append(String.format(Locale.ROOT, "%nIdle full server: %.1f database transactions/s (%d in %.0f s,"
                            + " pg_stat_database xact_commit, nothing happening).%n", r.idle.perSecond(),
                    r.idle.transactions(), r.idle.seconds()));
        }
        if (r.recovery != null) {
            md.append(String.format(Locale.ROOT, "%nRecovery after a restart (the server's start took %.1f s):%n%n",
                    r.recovery.bootSeconds()));
            md.append("| table events | latest snapshot at | answered after the launch, s | the ask after the start, s |\n");
            md.append("|--:|--:|--:|--:|\n");
            for (Results.RecoveredTable t : r.recovery.tables()) {
                md.append(String.format(Locale.ROOT, "| %,d | %,d | %.2f | %.3f |%n", t.events(),
                        t.snapshotSequence(), t.sinceLaunchSeconds(), t.askSeconds()));
            }
        }
        md.append(tables(r));
        if (!r.targets.isEmpty()) {
            md.append("\nTargets:\n\n");
        }
        for (Results.Target t : r.targets) {
            md.append("- `").append(t.name()).append("`: ").append(t.description()).append('\n');
        }
        for (String note : r.notes) {
            md.append("\n").append(note).append('\n');
        }
        return md.toString();
    }

    /** The figures issue 13 gives for the code before it ("issue's before"), by the name of the row they fit. */
    static final Map<String, Double> BEFORE = Map.of(
            "accepted actions/s", 145.0,
            "action HTTP round trip p99, ms", 18.0,
            "socket delivery p50 after the journal write, ms", 60.0,
            "socket delivery p99 after the journal write, ms", 120.0,
            "event to read model p50 (each projection), ms", 150.0,
            "event to read model p99 (each projection), ms", 259.0,
            "database commits per accepted action", 22.5,
            "rows read per accepted action", 16_000.0);

    /** One row of a comparison: a figure, what was measured, and the before figure (NaN: none). */
    record Row(String figure, double measured, double before) {

        static Row of(String figure, double measured) {
            return new Row(figure, measured, BEFORE.getOrDefault(figure, Double.NaN));
        }
    }

    /** {@code | figure | measured | issue's before | × before |}, the ratio measured / before. */
    static String comparison(List<Row> rows) {
        StringBuilder md = new StringBuilder("| figure | measured | issue's before | × before |\n|---|--:|--:|--:|\n");
        for (Row row : rows) {
            md.append("| ").append(row.figure()).append(" | ").append(number(row.measured())).append(" | ")
                    .append(Double.isNaN(row.before()) ? "–" : number(row.before())).append(" | ")
                    .append(Double.isNaN(row.before()) || Double.isNaN(row.measured()) ? "–"
                            : String.format(Locale.ROOT, "%.2f", row.measured() / row.before()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** A figure with as many decimals as its size deserves: 16,000 · 145.3 · 18.4 · 0.52. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%,.0f" : a >= 1 ? "%.1f" : "%.2f", v);
    }

    /** "p50 1.2  p99 3.4  p99.9 5.6  max 7.8 ms (n 123)". */
    static String latency(Results.Latency l) {
        return String.format(Locale.ROOT, "p50 %s  p99 %s  p99.9 %s  max %s ms (n %d)", number(l.p50Ms()),
                number(l.p99Ms()), number(l.p999Ms()), number(l.maxMs()), l.count());
    }

    static List<Row> playRows(Results.Play p) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("accepted actions/s", p.actionsPerSecond()));
        rows.add(Row.of("hands/s", p.handsPerSecond()));
        rows.add(Row.of("action HTTP round trip p50, ms", p.action().p50Ms()));
        rows.add(Row.of("action HTTP round trip p99, ms", p.action().p99Ms()));
        rows.add(Row.of("action HTTP round trip p99.9, ms", p.action().p999Ms()));
        rows.add(Row.of("socket delivery p50 after the journal write, ms", p.deliveryAfterWrite().p50Ms()));
        rows.add(Row.of("socket delivery p99 after the journal write, ms", p.deliveryAfterWrite().p99Ms()));
        rows.add(Row.of("socket delivery p50 after the action's HTTP answer, ms", p.deliveryAfterAnswer().p50Ms()));
        rows.add(Row.of("socket delivery p99 after the action's HTTP answer, ms", p.deliveryAfterAnswer().p99Ms()));
        rows.add(Row.of("socket delivery p50 after the action was sent, ms", p.deliveryAfterSend().p50Ms()));
        rows.add(Row.of("socket delivery p99 after the action was sent, ms", p.deliveryAfterSend().p99Ms()));
        rows.add(Row.of("event to read model p50 (each projection), ms", p.readModel().p50Ms()));
        rows.add(Row.of("event to read model p99 (each projection), ms", p.readModel().p99Ms()));
        rows.add(Row.of("event to read model p50 (the last projection), ms", p.readModelAll().p50Ms()));
        rows.add(Row.of("event to read model p99 (the last projection), ms", p.readModelAll().p99Ms()));
        rows.add(Row.of("database commits per accepted action", p.commitsPerAction()));
        rows.add(Row.of("rows read per accepted action", p.rowsPerAction()));
        rows.add(Row.of("database transactions/s", p.transactionsPerSecond()));
        return rows;
    }

    /** The play, fanout, memory and boot sections of summary.md (empty when none of them ran). */
    static String tables(Results r) {
        StringBuilder md = new StringBuilder();
        if (r.play != null) {
            Results.Play p = r.play;
            md.append(String.format(Locale.ROOT, "%n## Play: %d tables × %d bots over HTTP and live sockets, %.0f s"
                            + " (load %.1f)%n%n", p.tables(), p.botsPerTable(), p.seconds(), p.loadAverage()));
            md.append(comparison(playRows(p)));
            md.append(String.format(Locale.ROOT, "%n%,d actions accepted, refused: %s. Frames on the players' sockets:"
                            + " %,d expected, %,d received, %,d missing, %,d twice. %,d frames came before their action's"
                            + " HTTP answer (counted as 0 after it).%n", p.accepted(), p.refused(), p.frames().expected(),
                    p.frames().received(), p.frames().missing(), p.frames().duplicates(), p.framesBeforeAnswer()));
            if (!p.readModelByProjection().isEmpty()) {
                md.append("\nEvent to read model by projection:\n\n");
                p.readModelByProjection().forEach((k, v) -> md.append("- `").append(k).append("`: ")
                        .append(latency(v)).append('\n'));
            }
        }
        if (!r.fanout.isEmpty()) {
            md.append("\n## Fan-out: one table of bots, N spectator sockets\n\n");
            md.append("| spectators | opened in s | actions/s | delivery p50 ms | p99 ms | max ms | before the answer"
                    + " | DB transactions/s | frames expected | received | missing | twice | heap KB/socket"
                    + " | not opened | closed early | load |\n");
            md.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Results.Fanout f : r.fanout) {
                md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %s | %s | %s | %,d | %.1f | %,d | %,d | %,d"
                                + " | %,d | %.1f | %d | %d | %.1f |%n", f.spectators(), f.connectSeconds(),
                        f.actionsPerSecond(), number(f.delivery().p50Ms()), number(f.delivery().p99Ms()),
                        number(f.delivery().maxMs()), f.framesBeforeAnswer(), f.transactionsPerSecond(),
                        f.frames().expected(), f.frames().received(), f.frames().missing(), f.frames().duplicates(),
                        f.heapPerSocketKb(), f.notOpened(), f.closedEarly(), f.loadAverage()));
            }
            md.append("\nDelivery: from the acting bot's HTTP answer to each spectator's frame of that event (frames"
                    + " that came first count as 0). Heap per socket: heap used after a GC with the spectators open,"
                    + " less before, per socket; client and server ends are both in this JVM. Frames: event frames after each"
                    + " socket's snapshot up to the table's last event once the bots stopped (sockets that did not open"
                    + " left out).\n");
        }
        if (r.memory != null) {
            Results.Memory m = r.memory;
            md.append(String.format(Locale.ROOT, "%n## Memory per idle table%n%n%,d tables created in %.1f s, %,d table"
                            + " entities in memory: heap used %.1f MB before, %.1f MB with them: **%.1f KB per idle table**."
                            + " Idle passivation after %s: %,d entities left in memory %.0f s later, heap used %.1f MB.%n",
                    m.tables(), m.createSeconds(), m.entitiesInMemory(), m.heapBeforeBytes() / 1e6,
                    m.heapWithTablesBytes() / 1e6, m.kbPerTable(), m.idlePassivation(), m.entitiesAfterPassivation(),
                    m.waitedSeconds(), m.heapAfterPassivationBytes() / 1e6));
        }
        if (!r.boot.isEmpty()) {
            md.append("\n## Boot with many tables (BootBenchmark)\n\n");
            md.append("| tables | at the stop | start() ms | first table answer ms | remembered-entity rows"
                    + " | launched: API's first answer ms | launched: table's first frame ms |\n");
            md.append("|--:|---|--:|--:|--:|--:|--:|\n");
            for (Results.Boot b : r.boot) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %,d | %,d | %,d | %,d |%n", b.tables(),
                        b.atTheStop(), b.startMillis(), b.firstAnswerMillis(), b.rememberedRows(), b.launchApiMillis(),
                        b.launchTableMillis()));
            }
            md.append("\nIn-process: the server restarted in this JVM, timed from the call of its start. Launched: a new"
                    + " JVM running poker.Main on the same database (README variables), timed from the launch of the"
                    + " process to the API's first answer (GET /api/tables/{id}, a read model) and to the first frame"
                    + " of the table's live socket (its entity recovered).\n");
        }
        return md.toString();
    }

    private static String times(double value, double baseline) {
        return baseline <= 0 ? "–" : String.format(Locale.ROOT, "%.2f", value / baseline);
    }

    static String throughputChart(Results r) {
        List<Integer> callers = r.settings.callers();
        List<String> categories = callers.stream().map(String::valueOf).toList();
        List<SvgChart.Series> series = new ArrayList<>();
        for (Results.Target t : r.targets) {
            if (t.name().equals(Harness.RAW)) {
                continue;
            }
            double[] values = new double[callers.size()];
            for (int i = 0; i < callers.size(); i++) {
                values[i] = r.point(t.name(), callers.get(i)).map(Results.Point::perSecond).orElse(Double.NaN);
            }
            series.add(new SvgChart.Series(t.name(), values));
        }
        List<SvgChart.Reference> references = r.raw.isEmpty() ? List.of()
                : List.of(new SvgChart.Reference("raw ceiling, rows/s", r.rawCeiling()));
        return SvgChart.lines("Wallet commands/s by callers (" + r.machine.date() + ")", "callers (closed loop)",
                "commands/s (log scale)", categories, true, series, references);
    }

    static String latencyChart(Results r) {
        List<String> categories = List.of("p50", "p99", "p99.9", "max");
        List<SvgChart.Series> series = new ArrayList<>();
        for (Results.Target t : r.targets) {
            r.point(t.name(), Harness.LATENCY_CALLERS).ifPresent(p -> series.add(new SvgChart.Series(t.name(),
                    new double[] {p.p50Ms(), p.p99Ms(), p.p999Ms(), p.maxMs()})));
        }
        return SvgChart.lines("Latency at " + Harness.LATENCY_CALLERS + " callers (" + r.machine.date() + ")",
                "percentile", "milliseconds (log scale)", categories, true, series, List.of());
    }
}
