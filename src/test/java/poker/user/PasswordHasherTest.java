package poker.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** bcrypt on its own bounded pool: a full queue refuses at once instead of queueing without end. */
class PasswordHasherTest {

    @Test
    void hashesAndVerifiesAndAnUnknownUserNeverMatches() throws Exception {
        try (PasswordHasher hasher = new PasswordHasher(new Passwords(4), 1, 4)) {
            String hash = hasher.hash("correct horse").toCompletableFuture().get();
            assertThat(hasher.verify("correct horse", Optional.of(hash)).toCompletableFuture().get()).isTrue();
            assertThat(hasher.verify("wrong horse", Optional.of(hash)).toCompletableFuture().get()).isFalse();
            assertThat(hasher.verify("correct horse", Optional.empty()).toCompletableFuture().get()).isFalse();
        }
    }

    @Test
    void whenTheOneThreadIsBusyAndTheQueueFullTheNextIsRefusedAtOnce() throws Exception {
        // cost 12: each hash takes far longer than submitting a handful
        try (PasswordHasher hasher = new PasswordHasher(new Passwords(12), 1, 1)) {
            List<CompletionStage<String>> submitted = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                submitted.add(hasher.hash("password " + i));
            }
            int busy = 0;
            for (CompletionStage<String> stage : submitted.subList(2, 4)) {
                try {
                    stage.toCompletableFuture().getNow(null);
                } catch (java.util.concurrent.CompletionException e) {
                    assertThat(e.getCause()).isInstanceOf(PasswordHasher.Busy.class);
                    busy++;
                }
            }
            assertThat(busy).as("refused without waiting").isEqualTo(2);
            // the running one and the queued one complete
            assertThat(submitted.get(0).toCompletableFuture().get()).startsWith("$2");
            assertThat(submitted.get(1).toCompletableFuture().get()).startsWith("$2");
        }
    }

    @Test
    void hashingRunsOnItsOwnThreads() throws ExecutionException, InterruptedException {
        // A callback attached to a future that has already completed runs on the caller's thread: keep the
        // one hashing thread busy (a cost-12 hash, a few hundred ms) so that the next hash is still queued
        // when the callback is attached, and the callback runs where that hash ran.
        try (PasswordHasher hasher = new PasswordHasher(new Passwords(12), 1, 1)) {
            var busy = hasher.hash("slow");
            String thread = hasher.hash("x").thenApply(h -> Thread.currentThread().getName())
                    .toCompletableFuture().get();
            busy.toCompletableFuture().get();
            assertThat(thread).startsWith("password-hashing-");
        }
    }
}
