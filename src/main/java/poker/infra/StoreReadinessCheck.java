package poker.infra;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/** pekko-management readiness check (cluster.conf): a node whose store does not answer is not ready. */
public final class StoreReadinessCheck implements Supplier<CompletionStage<Boolean>> {

    private final StoreHealth health;

    public StoreReadinessCheck(ActorSystem system) {
        this.health = StoreHealth.get(Adapter.toTyped(system));
    }

    @Override
    public CompletionStage<Boolean> get() {
        return CompletableFuture.completedFuture(health.isUp());
    }
}
