package poker.infra;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one encoder of our logback.xml files: {@code format} {@code text} (the default) writes the
 * {@code pattern}; {@code json} (POKER_LOG_FORMAT=json) writes one JSON object a line with timestamp,
 * level, logger, thread, message, every MDC entry as a field of its own (entityId, command,
 * correlationId, userId, pekkoAddress, ...) and the exception's stack trace. No janino needed.
 */
public final class LogEncoder extends EncoderBase<ILoggingEvent> {

    /** Fields of our own; an MDC entry of the same name is written with an {@code mdc.} prefix. */
    private static final Set<String> FIXED = Set.of("timestamp", "level", "logger", "thread", "message", "exception");
    private static final byte[] NOTHING = new byte[0];
    private static final JsonFactory JSON = new JsonFactory();

    private String format = "text";
    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";
    private PatternLayoutEncoder text;
    private boolean json;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        String chosen = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        json = chosen.equals("json");
        if (!json && !chosen.equals("text") && !chosen.isEmpty()) {
            addWarn("Unknown log format [" + format + "] (text or json); writing text");
        }
        text = new PatternLayoutEncoder();
        text.setContext(getContext());
        text.setPattern(pattern);
        text.start();
        super.start();
    }

    @Override
    public void stop() {
        text.stop();
        super.stop();
    }

    public boolean isJson() {
        return json;
    }

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return json ? jsonLine(event) : text.encode(event);
    }

    /** One line: a JSON object followed by a newline (no newline inside: the generator escapes them). */
    static byte[] jsonLine(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("message", event.getFormattedMessage());
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> e : new java.util.TreeMap<>(mdc).entrySet()) {
                    if (e.getKey() != null && e.getValue() != null) {
                        g.writeStringField(FIXED.contains(e.getKey()) ? "mdc." + e.getKey() : e.getKey(), e.getValue());
                    }
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                g.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
