package poker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The harness's pure parts: the workload's shares, the SVG writer, the summary's ratios, the arguments. */
class HarnessTest {

    @Test
    void theWorkloadIsHalfDebitsOnUniformWalletsWithSevenPercentOfThemOverdrawn() {
        WalletWorkload workload = new WalletWorkload(42, 100, false);
        int n = 200_000;
        int debits = 0;
        int overdrawn = 0;
        int[] perWallet = new int[100];
        for (int i = 0; i < n; i++) {
            WalletWorkload.Command c = workload.next();
            perWallet[c.wallet()]++;
            if (c.kind() == WalletWorkload.Kind.DEBIT) {
                debits++;
                if (c.overdrawn()) {
                    overdrawn++;
                    assertThat(c.amount()).isEqualTo(WalletWorkload.OVERDRAFT);
                } else {
                    assertThat(c.amount()).isBetween(1L, (long) WalletWorkload.MAX_AMOUNT);
                }
            } else {
                assertThat(c.overdrawn()).isFalse();
                assertThat(c.amount()).isBetween(1L, (long) WalletWorkload.MAX_AMOUNT);
            }
        }
        assertThat((double) debits / n).isBetween(0.49, 0.51);
        assertThat((double) overdrawn / debits).isBetween(0.065, 0.075);
        // uniform: each of 100 wallets near 2,000 commands (a standard deviation is about 45)
        for (int count : perWallet) {
            assertThat(count).isBetween(1700, 2300);
        }
        // an overdraft is more than any wallet holds: its grant and every deposit a long run could bring
        assertThat(WalletWorkload.OVERDRAFT).isGreaterThan(WalletWorkload.GRANT + 500_000L * WalletWorkload.MAX_AMOUNT);
    }

    @Test
    void depositsOnlyHasNoDebitsAndTheSameSeedTheSameCommands() {
        WalletWorkload deposits = new WalletWorkload(7, 10, true);
        for (int i = 0; i < 10_000; i++) {
            assertThat(deposits.next().kind()).isEqualTo(WalletWorkload.Kind.DEPOSIT);
        }
        WalletWorkload a = new WalletWorkload(7, 10, false);
        WalletWorkload b = new WalletWorkload(7, 10, false);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
        assertThatThrownBy(() -> new WalletWorkload(1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theChartIsWellFormedSvgWithOnePointPerValue() throws Exception {
        String svg = SvgChart.lines("Throughput <&> \"test\"", "callers", "commands/s", List.of("1", "4", "16", "64"),
                false, List.of(new SvgChart.Series("crud & co", new double[] {100, 200, 300, 250}),
                        new SvgChart.Series("server", new double[] {50, Double.NaN, 150, 180})),
                List.of(new SvgChart.Reference("ceiling", 1000)));
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        NodeList circles = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        int points = 0;
        for (int i = 0; i < circles.getLength(); i++) {
            if (((Element) circles.item(i)).getAttribute("class").equals("point")) {
                points++;
            }
        }
        assertThat(points).isEqualTo(7); // 4 + 3: the missing value draws none
        assertThat(svg).contains("crud &amp; co").contains("Throughput &lt;&amp;&gt; &quot;test&quot;")
                .contains("class=\"reference\"");
        // a log scale too, and a value count that does not match the categories is refused
        parse(SvgChart.lines("Latency", "percentile", "ms", List.of("p50", "p99"), true,
                List.of(new SvgChart.Series("a", new double[] {0.4, 130})), List.of()));
        assertThatThrownBy(() -> SvgChart.lines("x", "x", "y", List.of("1", "2"), false,
                List.of(new SvgChart.Series("a", new double[] {1})), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSummaryPutsEveryFigureBesideItsRatioToCrudAndTheCeiling() throws Exception {
        Results r = new Results(new Results.Machine("2026-01-01T00:00:00Z", 2, 8_000_000_000L, "17", "14.22",
                "Linux amd64", 1.0, 2.0), new Results.Settings("quick", 10, 100, List.of(16), List.of(10),
                List.of(16), 13));
        r.targets.add(new Results.Target(CrudTarget.NAME, "crud"));
        r.targets.add(new Results.Target(Harness.ENTITY, "entity"));
        r.points.add(point(CrudTarget.NAME, 16, 1000));
        r.points.add(point(Harness.ENTITY, 16, 500));
        r.raw.add(new Results.RawPoint(10, 16, 10_000, 1, 4000, 1, 2, 200, 1.0));
        String md = Report.markdown(r);
        assertThat(md).contains("| entity | 16 | 500 | 0.50 | 0.125 |").contains("| crud | 16 | 1,000 | 1.00 | 0.250 |")
                .contains("| 10 | 16 | 4,000 | 4.00 |").contains("PostgreSQL 14.22").contains("2 cores");
        parse(Report.throughputChart(r));
        parse(Report.latencyChart(r));
    }

    @Test
    void argumentsAreAModeAndKeyValues() {
        assertThat(Harness.options(new String[] {"full callers=1,16 wallets=50"}))
                .containsEntry("mode", "full").containsEntry("callers", "1,16").containsEntry("wallets", "50");
        assertThat(Harness.ints("1, 4,16")).containsExactly(1, 4, 16);
        assertThatThrownBy(() -> Harness.options(new String[] {"fast"})).isInstanceOf(IllegalArgumentException.class);
        assertThat(Harness.walletIds(3, 1)).isEqualTo(Harness.walletIds(3, 1)).doesNotHaveDuplicates();
    }

    private static Results.Point point(String target, int callers, double perSecond) {
        Histogram h = LoadRunner.histogram();
        h.recordValue(1000);
        return Results.Point.of(target, callers, (int) perSecond, 1.0, 0, 0, h);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
