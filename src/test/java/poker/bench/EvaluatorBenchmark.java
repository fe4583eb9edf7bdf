package poker.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import poker.domain.eval.HandEvaluator;

/**
 * Seven-card evaluations per second on one thread. Not a test: Surefire runs only *Test.
 *
 * <pre>
 * mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   "-Dexec.args=-cp %classpath org.openjdk.jmh.Main EvaluatorBenchmark -f 1 -wi 2 -i 3"
 * </pre>
 *
 * Scores are operations (single hand evaluations) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class EvaluatorBenchmark {

    private static final int ALL_SEVEN_CARD_HANDS = 133_784_560;
    private static final int RANDOM_HANDS = 1 << 20;

    /** RANDOM_HANDS hands of seven distinct cards, back to back. */
    private int[] randomHands;

    @Setup
    public void dealRandomHands() {
        SplittableRandom random = new SplittableRandom(2026);
        randomHands = new int[RANDOM_HANDS * 7];
        int[] deck = new int[52];
        for (int h = 0; h < RANDOM_HANDS; h++) {
            for (int i = 0; i < 52; i++) {
                deck[i] = i;
            }
            for (int i = 0; i < 7; i++) {
                int j = i + random.nextInt(52 - i);
                int swap = deck[i];
                deck[i] = deck[j];
                deck[j] = swap;
                randomHands[h * 7 + i] = deck[i];
            }
        }
    }

    /** Every seven-card hand once, in nested-loop order. */
    @Benchmark
    @OperationsPerInvocation(ALL_SEVEN_CARD_HANDS)
    public long sequentialAllSevenCardHands() {
        long sum = 0;
        for (int c0 = 0; c0 < 52; c0++) {
            for (int c1 = c0 + 1; c1 < 52; c1++) {
                for (int c2 = c1 + 1; c2 < 52; c2++) {
                    for (int c3 = c2 + 1; c3 < 52; c3++) {
                        for (int c4 = c3 + 1; c4 < 52; c4++) {
                            for (int c5 = c4 + 1; c5 < 52; c5++) {
                                for (int c6 = c5 + 1; c6 < 52; c6++) {
                                    sum += HandEvaluator.rank7(c0, c1, c2, c3, c4, c5, c6);
                                }
                            }
                        }
                    }
                }
            }
        }
        return sum;
    }

    /** Pre-dealt random hands: no locality between consecutive lookups. */
    @Benchmark
    @OperationsPerInvocation(RANDOM_HANDS)
    public long randomSevenCardHands() {
        int[] h = randomHands;
        long sum = 0;
        for (int i = 0; i < h.length; i += 7) {
            sum += HandEvaluator.rank7(h[i], h[i + 1], h[i + 2], h[i + 3], h[i + 4], h[i + 5], h[i + 6]);
        }
        return sum;
    }
}
