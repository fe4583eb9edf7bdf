package poker.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionsCliTest {

    static final Map<String, String> ENV = Map.of("POKER_ADMIN_USERNAME", "root", "POKER_ADMIN_PASSWORD", "pw");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsCommandsOptionsAndTheEnvironment() {
        ProjectionsCli.Options o = ProjectionsCli.parse(new String[] {"rebuild", "participants"}, ENV);
        assertThat(o.command()).isEqualTo("rebuild");
        assertThat(o.name()).isEqualTo("participants");
        assertThat(o.api().toString()).isEqualTo("http://localhost:8080/api");
        assertThat(o.user()).isEqualTo("root");
        assertThat(o.intervalMillis()).isEqualTo(500);

        o = ProjectionsCli.parse(new String[] {"--api", "http://poker:9000/api/", "--user", "ops", "--password", "x",
                "--interval", "100", "list"}, Map.of());
        assertThat(o.api().toString()).isEqualTo("http://poker:9000/api");
        assertThat(o.user()).isEqualTo("ops");
        assertThat(o.password()).isEqualTo("x");
        assertThat(o.command()).isEqualTo("list");
        assertThat(o.intervalMillis()).isEqualTo(100);

        o = ProjectionsCli.parse(new String[] {"status", "hand_histories"},
                Map.of("POKER_API_URL", "https://a.example/api", "POKER_ADMIN_USERNAME", "u", "POKER_ADMIN_PASSWORD", "p"));
        assertThat(o.api().getHost()).isEqualTo("a.example");
    }

    @Test
    void refusesBadUsageNamingWhatIsWrong() {
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {}, ENV)).hasMessageContaining("a command");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"rebuild"}, ENV)).hasMessageContaining("one projection");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"rebuild", "Robert'); DROP"}, ENV))
                .hasMessageContaining("one projection");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"list", "x"}, ENV)).hasMessageContaining("no argument");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"drop"}, ENV)).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"--verbose", "list"}, ENV))
                .hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"list", "--api"}, ENV)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"--interval", "soon", "list"}, ENV))
                .hasMessageContaining("--interval");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"--api", "ftp://x/api", "list"}, ENV))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> ProjectionsCli.parse(new String[] {"list"}, Map.of())).hasMessageContaining("--user");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ProjectionsCli.run(new String[] {"rebuild"}, ENV, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ProjectionsCli");
    }

    @Test
    void formatsTheProgressLineAndTheList() throws Exception {
        assertThat(ProjectionsCli.progressLine(MAPPER.readTree("""
                {"name":"participants","state":"running","eventsDone":1200,"eventsTotal":4800,
                 "eventsPerSecond":850.4,"secondsLeft":5}""")))
                .isEqualTo("participants: running 1200/4800 events (25.0%), 850 events/s, 5 s left");
        assertThat(ProjectionsCli.progressLine(MAPPER.readTree("""
                {"name":"hand_histories","state":"running","eventsDone":0,"eventsTotal":0,
                 "eventsPerSecond":0.0,"secondsLeft":null}""")))
                .isEqualTo("hand_histories: running 0/0 events (100.0%), 0 events/s, time left unknown");
        assertThat(ProjectionsCli.formatSeconds(59)).isEqualTo("59 s");
        assertThat(ProjectionsCli.formatSeconds(125)).isEqualTo("2 min 05 s");
        assertThat(ProjectionsCli.formatSeconds(7260)).isEqualTo("2 h 01 min");
        assertThat(ProjectionsCli.listLine(MAPPER.readTree("""
                {"name":"lobby","slice":"table-1","offset":42,"lag":{"events":3,"seconds":1.25},
                 "lastError":{"message":"PSQLException: value too long"}}""")))
                .matches("lobby +table-1 +42 +3 +1\\.3  PSQLException: value too long");
        assertThat(ProjectionsCli.listLine(MAPPER.readTree("""
                {"name":"lobby","slice":"table-0","offset":null,"lag":{"events":0,"seconds":0},"lastError":null}""")))
                .endsWith("  -").contains(" - ");
    }
}
