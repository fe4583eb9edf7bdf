package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrayStdoutTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<String> stopped = new ArrayList<>();
    private final PrintStream stream = new PrintStream(new StrayStdout(out, stopped::add), true, StandardCharsets.UTF_8);

    private String passed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stopLinesGoToTheLoggerAndNotToStdout() {
        stream.println("# stop org.apache.pekko.projection.jdbc.internal.JdbcProjectionImpl$JdbcRunningProjection@1a2b");
        assertThat(passed()).isEmpty();
        assertThat(stopped).containsExactly("org.apache.pekko.projection.jdbc.internal.JdbcProjectionImpl$JdbcRunningProjection@1a2b");
    }

    @Test
    void everyOtherLinePassesThroughUnchanged() {
        stream.println("hello");
        stream.print("# stopper is not a stop line\n");
        stream.println("# sto");
        stream.print("partial");
        stream.flush();
        assertThat(passed()).isEqualTo("hello" + System.lineSeparator() + "# stopper is not a stop line\n"
                + "# sto" + System.lineSeparator() + "partial");
        assertThat(stopped).isEmpty();
    }

    @Test
    void aStopLineWrittenInPiecesAmongOthersIsStillCaught() {
        stream.print("before\n# st");
        stream.print("op projection-1");
        stream.print("\nafter\n");
        assertThat(passed()).isEqualTo("before\nafter\n");
        assertThat(stopped).containsExactly("projection-1");
    }

    @Test
    void installIsIdempotent() {
        PrintStream original = System.out;
        try {
            StrayStdout.install();
            PrintStream first = System.out;
            StrayStdout.install();
            assertThat(System.out).isSameAs(first).isNotSameAs(original);
        } finally {
            System.setOut(original);
        }
    }
}
