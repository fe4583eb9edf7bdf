package poker.user;

import java.time.Instant;

/** A login: the opaque token is shown once; only its hash is stored. */
public record Session(String token, String userId, Instant expiresAt) {

    /** Leaves the token out: it must not reach a log. */
    @Override
    public String toString() {
        return "Session[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
