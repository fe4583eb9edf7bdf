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

    @Test
    void aFramesTypeAndSeqAreReadFromItsFirstCharacters() {
        String event = "{\"type\":\"event\",\"seq\":1234,\"event\":{\"type\":\"BetPlaced\",\"seq\":9}}";
        assertThat(LiveFrames.seqOf(event)).isEqualTo(1234);
        assertThat(LiveFrames.typeOf(event)).isEqualTo("event");
        assertThat(LiveFrames.seqOf("{\"type\":\"snapshot\",\"seq\": 7,")).isEqualTo(7);
        assertThat(LiveFrames.typeOf("{\"type\":\"snapshot\",\"seq\": 7,")).isEqualTo("snapshot");
        assertThat(LiveFrames.seqOf("{\"type\":\"pong\"}")).isEqualTo(-1);
        assertThat(LiveFrames.seqOf("{\"seq\":")).isEqualTo(-1); // cut before the number
        assertThat(LiveFrames.typeOf("{\"type\":\"even")).isEmpty(); // cut inside the string
        assertThat(LiveFrames.seqOf("{\"seq\":42}")).isEqualTo(42); // the answer of an action
    }

    @Test
    void aSocketsTallyCountsGapsDuplicatesAndTheTailNotReceived() {
        LiveFrames.Tally t = new LiveFrames.Tally();
        t.frame("snapshot", 10);
        for (long seq : new long[] {11, 12, 15, 15, 16}) {
            t.frame("event", seq);
        }
        t.frame("pong", -1);
        assertThat(t.events()).isEqualTo(5);
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.expected(18)).isEqualTo(8); // 11..18
        assertThat(t.missing(18)).isEqualTo(4); // 13, 14 (the gap) and 17, 18 (not come yet)
        assertThat(t.missing(16)).isEqualTo(2);
        LiveFrames.Tally clean = new LiveFrames.Tally();
        clean.frame("snapshot", 3);
        clean.frame("event", 4);
        clean.frame("event", 5);
        LiveFrames.Tally neverOpened = new LiveFrames.Tally();
        assertThat(neverOpened.missing(18)).isZero();
        Results.Frames sum = LiveFrames.sum(List.of(t, clean, neverOpened), x -> x == clean ? 5 : 16);
        // the socket that never opened is left out; received = expected - missing
        assertThat(sum).isEqualTo(new Results.Frames(2, 6 + 2, 4 + 2, 2, 1));
    }

    @Test
    void deliveriesAreTimedAfterTheAnswerAndEarlyFramesCountAsZero() {
        LiveFrames.Deliveries d = new LiveFrames.Deliveries();
        long ms = 1_000_000;
        d.arrived("t", 5, 100 * ms);              // before the answer of seq 5
        d.answered("t", 5, 90 * ms, 104 * ms);    // sent at 90, answered at 104
        d.arrived("t", 5, 110 * ms);              // 6 ms after the answer
        d.arrived("t", 6, 120 * ms);              // no action answered seq 6: not timed
        d.arrived("u", 5, 130 * ms);              // another table's seq 5: not timed either
        assertThat(d.beforeAnswer()).isEqualTo(1);
        Results.Latency after = d.afterAnswer();
        assertThat(after.count()).isEqualTo(2);
        assertThat(after.p50Ms()).isEqualTo(0.0);
        assertThat(after.maxMs()).isBetween(5.99, 6.02);
        assertThat(d.afterSend().maxMs()).isBetween(19.9, 20.1); // HdrHistogram: 3 significant digits
        assertThat(d.afterSend().p50Ms()).isBetween(9.95, 10.05);
        d.stopRecording();
        d.arrived("t", 5, 111 * ms);
        assertThat(d.afterAnswer().count()).isEqualTo(2);
    }

    @Test
    void theComparisonPutsEachFigureBesideTheIssuesBeforeFigure() {
        String md = Report.comparison(List.of(Report.Row.of("accepted actions/s", 290),
                Report.Row.of("rows read per accepted action", 4000), Report.Row.of("hands/s", 2.5),
                Report.Row.of("action HTTP round trip p99, ms", Double.NaN)));
        assertThat(md).contains("| accepted actions/s | 290.0 | 145.0 | 2.00 |")
                .contains("| rows read per accepted action | 4,000 | 16,000 | 0.25 |")
                .contains("| hands/s | 2.5 | – | – |")
                .contains("| action HTTP round trip p99, ms | – | 18.0 | – |");
        assertThat(Report.number(0.456)).isEqualTo("0.46");
        assertThat(Report.latency(Results.Latency.of(LoadRunner.histogram()))).contains("p50 –").contains("(n 0)");
    }

    @Test
    void tooFewFileDescriptorsForTheSpectatorsAreSaidClearly() {
        assertThat(PlayBench.descriptorsRefusal(1000, 2, 20_000, 100)).isNull();
        String refusal = PlayBench.descriptorsRefusal(10_000, 2, 20_000, 100);
        assertThat(refusal).contains("10,000 spectator sockets").contains("the limit is 20,000")
                .contains("at most 9,200").contains("ulimit -n").contains("fanout-node=launched");
        assertThat(PlayBench.descriptorsRefusal(10_000, 1, 20_000, 100)).as("the server's ends in the node's JVM")
                .isNull();
        assertThat(PlayBench.descriptorsRefusal(20_000, 1, 20_000, 100)).contains("at most 18,400")
                .doesNotContain("fanout-node");
    }

    @Test
    void aLaunchedNodesHeapIsReadFromJcmdsHeapInfo() {
        String g1 = """
                12345:
                 garbage-first heap   total 262144K, used 20480K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 5 young (5120K), 0 survivors (0K)
                 Metaspace       used 51234K, committed 51712K, reserved 1097728K
                  class space    used 6543K, committed 6784K, reserved 1048576K
                """;
        String serial = """
                 def new generation   total 9216K, used 2021K [0x00000000e6e00000, 0x00000000e7800000)
                  eden space 8192K,  24% used [0x00000000e6e00000, 0x00000000e6ff9580, 0x00000000e7600000)
                 tenured generation   total 20480K, used 1000K [0x00000000e7800000, 0x00000000e8c00000)
                 Metaspace       used 1000K, committed 1200K, reserved 1056768K
                """;
        assertThat(Launch.usedHeap(g1)).isEqualTo(20480L * 1024);
        assertThat(Launch.usedHeap(serial)).isEqualTo(3021L * 1024);
        assertThatThrownBy(() -> Launch.usedHeap("12345:\nNo such process"))
                .hasMessageContaining("no heap figure");
    }

    @Test
    void theSummaryHasTheNewTargetsSectionsAndNoEmptyWalletTable() {
        Results r = new Results(new Results.Machine("2026-01-01T00:00:00Z", 2, 8_000_000_000L, "17", "14.22",
                "Linux amd64", 1.0, 2.0), new Results.Settings("quick", 10, 100, List.of(16), List.of(10),
                List.of(16), 13));
        Histogram h = LoadRunner.histogram();
        h.recordValue(30_000);
        Results.Latency l = Results.Latency.of(h);
        r.play = new Results.Play(10, 6, 20, 2900, java.util.Map.of(), 145, 3, l, l, 5, l, l, l, l,
                java.util.Map.of("lobby", l), 1000, 100_000, 22.5, 32_000, 50, new Results.Frames(60, 100, 100, 0, 0),
                1.5);
        r.fanout.add(new Results.Fanout(1000, 4.2, 15, 300, 20, l, 7, l, 900, 60, new Results.Frames(1000, 5000,
                5000, 0, 0), 150.5, 0, 0, java.util.Map.of(), 2.0));
        r.memory = new Results.Memory(2000, 3.0, 2000, 40_000_000, 60_000_000, 9.8, "60s", 0, 41_000_000, 65);
        r.boot.add(new Results.Boot(10_000, "passivated before the stop", 2500, 3100, 20_000, 4200, 5100));
        String md = Report.markdown(r);
        assertThat(md).doesNotContain("| target | callers |")
                .contains("| accepted actions/s | 145.0 | 145.0 | 1.00 |")
                .contains("| database commits per accepted action | 22.5 | 22.5 | 1.00 |")
                .contains("| rows read per accepted action | 32,000 | 16,000 | 2.00 |")
                .contains("| socket delivery p50 after the journal write, ms | 30.0 | 60.0 | 0.50 |")
                .contains("| 1,000 | 4.2 | 20.0 | 30.0 | 30.0 | 30.0 | 7 | 60.0 | 5,000 | 5,000 | 0 | 0 | 150.5 | 0 | 0 |")
                .contains("**9.8 KB per idle table**")
                .contains("| 10,000 | passivated before the stop | 2,500 | 3,100 | 20,000 | 4,200 | 5,100 |")
                .contains("- `lobby`: p50 30.0");
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
