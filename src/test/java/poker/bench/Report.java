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
        md.append("| target | callers | commands/s | × CRUD | × raw ceiling | p50 ms | p99 ms | p99.9 ms | max ms"
                + " | refused | errors | load |\n");
        md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Results.Point p : r.points) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f%% | %d | %.1f |%n",
                    p.target(), p.callers(), p.perSecond(), times(p.perSecond(), r.crud(p.callers())),
                    ceiling <= 0 ? "–" : String.format(Locale.ROOT, "%.3f", p.perSecond() / ceiling), p.p50Ms(), p.p99Ms(), p.p999Ms(), p.maxMs(),
                    100.0 * p.rejected() / p.commands(), p.errors(), p.loadAverage()));
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
