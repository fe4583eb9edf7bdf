package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEncoderTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("poker.table.TableEntity");

    private LogEncoder encoder(String format) {
        LogEncoder encoder = new LogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%-5level %logger - %msg%n");
        encoder.start();
        return encoder;
    }

    private LoggingEvent event(Throwable thrown) {
        LoggingEvent event = new LoggingEvent("x", logger, Level.WARN, "Table {} refused {}", thrown,
                new Object[] {"t-1", "line\nbreak \"quoted\""});
        event.setMDCPropertyMap(Map.of("entityId", "t-1", "command", "Execute", "correlationId", "abc",
                "userId", "u-9", "message", "clash"));
        return event;
    }

    @Test
    void jsonIsOneParseableObjectPerLineWithTheMdcAsFields() throws Exception {
        byte[] bytes = encoder("json").encode(event(new IllegalStateException("boom")));
        String line = new String(bytes, StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("poker.table.TableEntity");
        assertThat(json.get("message").asText()).isEqualTo("Table t-1 refused line\nbreak \"quoted\"");
        assertThat(json.get("entityId").asText()).isEqualTo("t-1");
        assertThat(json.get("command").asText()).isEqualTo("Execute");
        assertThat(json.get("correlationId").asText()).isEqualTo("abc");
        assertThat(json.get("userId").asText()).isEqualTo("u-9");
        assertThat(json.get("mdc.message").asText()).isEqualTo("clash");
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.get("thread").asText()).isNotEmpty();
        assertThat(json.get("exception").asText()).contains("IllegalStateException: boom").contains("at poker.");
    }

    @Test
    void textIsThePatternAndTheDefault() {
        String line = new String(encoder("text").encode(event(null)), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("WARN  poker.table.TableEntity - Table t-1 refused line\nbreak \"quoted\"\n");
        assertThat(encoder("").isJson()).isFalse();
        assertThat(encoder("JSON").isJson()).isTrue();
        assertThat(encoder("yaml").isJson()).isFalse();
    }
}
