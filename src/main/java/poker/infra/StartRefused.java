package poker.infra;

/**
 * The server must not start, for a reason an operator fixes (the data folder is another server's):
 * Main prints the one-line message and exits non-zero, without a stack trace.
 */
public final class StartRefused extends RuntimeException {

    public StartRefused(String message) {
        super(message, null, false, false);
    }
}
