package poker.bench;

import java.util.List;
import java.util.Locale;

/**
 * A small line chart as an SVG document, written by hand: categories along x (evenly spaced: numbers of
 * callers, or latency percentiles), values up the y axis (linear from 0, or logarithmic), one line per
 * series, and one {@code <circle class="point">} per value with its figure in a {@code <title>}. A missing
 * value (NaN) breaks the line and draws no point. Optional horizontal reference lines (a ceiling).
 */
final class SvgChart {

    record Series(String name, double[] values) {
    }

    record Reference(String name, double value) {
    }

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f"};
    private static final int WIDTH = 800;
    private static final int HEIGHT = 440;
    private static final int LEFT = 80;
    private static final int RIGHT = 240;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private SvgChart() {
    }

    static String lines(String title, String xLabel, String yLabel, List<String> categories, boolean logY,
                        List<Series> series, List<Reference> references) {
        for (Series s : series) {
            if (s.values().length != categories.size()) {
                throw new IllegalArgumentException(s.name() + ": " + s.values().length + " values for "
                        + categories.size() + " categories");
            }
        }
        double max = 0;
        double min = Double.MAX_VALUE;
        for (Series s : series) {
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
        }
        for (Reference r : references) {
            max = Math.max(max, r.value());
            min = Math.min(min, r.value());
        }
        Scale y = logY ? Scale.log(min == Double.MAX_VALUE ? 1 : min, max) : Scale.linear(max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(WIDTH / 2.0 - RIGHT / 2.0, 22, title, "middle", 15));
        // y grid and ticks
        for (double tick : y.ticks()) {
            double py = TOP + plotH - y.fraction(tick) * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                    + " stroke=\"#dddddd\"/>\n", LEFT, py, LEFT + plotW, py));
            svg.append(text(LEFT - 6, py + 4, format(tick), "end", 11));
        }
        // x ticks
        for (int i = 0; i < categories.size(); i++) {
            double px = x(i, categories.size(), plotW);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#dddddd\"/>\n", px, TOP, px, TOP + plotH));
            svg.append(text(px, TOP + plotH + 18, categories.get(i), "middle", 11));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#333333\"/>\n", LEFT, TOP, plotW, plotH));
        svg.append(text(LEFT + plotW / 2.0, HEIGHT - 18, xLabel, "middle", 12));
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\""
                + " transform=\"rotate(-90 18 %.1f)\">%s</text>\n", TOP + plotH / 2.0, TOP + plotH / 2.0,
                escape(yLabel)));
        int legendRow = 0;
        for (int r = 0; r < references.size(); r++) {
            Reference ref = references.get(r);
            double py = TOP + plotH - y.fraction(ref.value()) * plotH;
            svg.append(String.format(Locale.ROOT, "<line class=\"reference\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\""
                    + " y2=\"%.1f\" stroke=\"#555555\" stroke-dasharray=\"6 4\"/>\n", LEFT, py, LEFT + plotW, py));
            svg.append(legend(legendRow++, "#555555", true, ref.name() + " (" + format(ref.value()) + ")"));
        }
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < one.values().length; i++) {
                double v = one.values()[i];
                if (Double.isNaN(v)) {
                    pen = false;
                    continue;
                }
                double px = x(i, categories.size(), plotW);
                double py = TOP + plotH - y.fraction(v) * plotH;
                path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", pen ? "L" : "M", px, py));
                pen = true;
                points.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\""
                        + " fill=\"%s\"><title>%s, %s: %s</title></circle>\n", px, py, color, escape(one.name()),
                        escape(categories.get(i)), format(v)));
            }
            if (path.length() > 0) {
                svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\""
                        + " stroke-width=\"2\"/>\n", path.toString().trim(), color));
            }
            svg.append(points);
            svg.append(legend(legendRow++, color, false, one.name()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(int i, int n, int plotW) {
        return LEFT + (n == 1 ? plotW / 2.0 : 30 + i * (plotW - 60.0) / (n - 1));
    }

    private static String legend(int row, String color, boolean dashed, String label) {
        double lx = WIDTH - RIGHT + 15;
        double ly = TOP + 10 + row * 20;
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"2\"%s/>\n", lx, ly, lx + 20, ly, color, dashed ? " stroke-dasharray=\"6 4\"" : "")
                + text(lx + 26, ly + 4, label, "start", 11);
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n",
                x, y, anchor, size, escape(s));
    }

    static String format(double v) {
        if (v >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return v >= 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Where a value falls between the bottom (0) and the top (1) of the plot, and the ticks to draw. */
    private interface Scale {
        double fraction(double v);

        List<Double> ticks();

        static Scale linear(double max) {
            double step = niceStep(max <= 0 ? 1 : max / 5);
            double top = Math.max(step, Math.ceil(max / step) * step);
            return new Scale() {
                public double fraction(double v) {
                    return v / top;
                }

                public List<Double> ticks() {
                    List<Double> ticks = new java.util.ArrayList<>();
                    for (double t = 0; t <= top + step / 2; t += step) {
                        ticks.add(t);
                    }
                    return ticks;
                }
            };
        }

        static Scale log(double min, double max) {
            double low = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3))));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, low * 10))));
            return new Scale() {
                public double fraction(double v) {
                    return (Math.log10(Math.max(v, low)) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
                }

                public List<Double> ticks() {
                    List<Double> ticks = new java.util.ArrayList<>();
                    for (double t = low; t <= high * 1.001; t *= 10) {
                        ticks.add(t);
                    }
                    return ticks;
                }
            };
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double norm = raw / magnitude;
            double nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }
}
