package poker.user;

import java.time.Instant;

/** A login: the opaque token is shown once; only its hash is stored. */
public record Session(String token, String userId, Instant expiresAt) {
}
