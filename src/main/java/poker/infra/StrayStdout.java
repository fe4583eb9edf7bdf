package poker.infra;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pekko-projection-jdbc 1.0.0 prints {@code # stop <projection>} on stdout (a System.out.println) each time a
 * projection stops: dozens of lines at every shutdown, past the logger and its format. This stream sits in
 * front of System.out and sends those lines to a logger at DEBUG; everything else passes through unchanged.
 */
public final class StrayStdout extends OutputStream {

    static final String PREFIX = "# stop ";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(StrayStdout.class);

    private final OutputStream target;
    private final Consumer<String> stopped;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    StrayStdout(OutputStream target, Consumer<String> stopped) {
        this.target = target;
        this.stopped = stopped;
    }

    /** Puts the filter in front of System.out once per JVM (a second call does nothing). */
    public static synchronized void install() {
        if (System.out instanceof Filtered) {
            return;
        }
        PrintStream original = System.out;
        System.setOut(new Filtered(new StrayStdout(original, text -> log.debug("Projection stopped: {}", text)),
                original));
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                endOfLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
        if (!mayBeStopLine()) {
            passThrough();
        }
    }

    @Override
    public synchronized void flush() {
        if (!mayBeStopLine()) {
            passThrough();
        }
        flushTarget();
    }

    private void endOfLine() {
        byte[] bytes = line.toByteArray();
        if (startsWithPrefix(bytes, bytes.length)) {
            line.reset();
            stopped.accept(new String(bytes, PREFIX_BYTES.length, bytes.length - PREFIX_BYTES.length,
                    StandardCharsets.UTF_8).stripTrailing());
        } else {
            passThrough();
        }
    }

    /** The line so far could still become a "# stop " line (it is a start of the prefix, or starts with it). */
    private boolean mayBeStopLine() {
        byte[] bytes = line.toByteArray();
        int n = Math.min(bytes.length, PREFIX_BYTES.length);
        for (int i = 0; i < n; i++) {
            if (bytes[i] != PREFIX_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithPrefix(byte[] bytes, int length) {
        if (length < PREFIX_BYTES.length) {
            return false;
        }
        for (int i = 0; i < PREFIX_BYTES.length; i++) {
            if (bytes[i] != PREFIX_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    private void passThrough() {
        if (line.size() == 0) {
            return;
        }
        try {
            line.writeTo(target);
        } catch (java.io.IOException e) {
            // stdout is gone: nothing sensible to do with the line
        }
        line.reset();
        flushTarget();
    }

    private void flushTarget() {
        try {
            target.flush();
        } catch (java.io.IOException e) {
            // as above
        }
    }

    /** Marks the installed stream so that {@link #install} is idempotent; close leaves the real stdout open. */
    private static final class Filtered extends PrintStream {
        Filtered(StrayStdout filter, PrintStream original) {
            super(filter, true, StandardCharsets.UTF_8);
        }
    }
}
