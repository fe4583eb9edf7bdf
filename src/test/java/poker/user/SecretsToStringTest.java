package poker.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session token and a password hash are credentials: a record that holds one never prints it. */
class SecretsToStringTest {

    @Test
    void aSessionPrintsWhoseItIsButNotItsToken() {
        Session session = new Session("tok-3Fq9zX", "user-1", Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(session.toString()).contains("user-1", "2026-12-01T00:00:00Z").doesNotContain("tok-3Fq9zX");
    }

    @Test
    void credentialsPrintWhoseTheyAreButNotTheHash() {
        UserRepository.Credentials credentials = new UserRepository.Credentials("user-1", "$2a$10$abcdefghij");

        assertThat(credentials.toString()).contains("user-1").doesNotContain("$2a$10$abcdefghij");
    }
}
