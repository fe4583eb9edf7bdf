package poker.infra;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * pekko-management readiness check (cluster.conf): not ready until the HTTP API listens. Management
 * starts before the API binds, and the cluster is up before that, so without it /ready said 200 while
 * the API port still refused connections.
 */
public final class ApiListeningCheck implements Supplier<CompletionStage<Boolean>> {

    private static final class Listening implements Extension {
        private volatile boolean value;
    }

    private static final ExtensionId<Listening> ID = new ExtensionId<>() {
        @Override
        public Listening createExtension(org.apache.pekko.actor.typed.ActorSystem<?> system) {
            return new Listening();
        }
    };

    private final Listening listening;

    public ApiListeningCheck(ActorSystem system) {
        this.listening = ID.apply(Adapter.toTyped(system));
    }

    /** PokerServer calls this once the HTTP API is bound. */
    public static void markListening(org.apache.pekko.actor.typed.ActorSystem<?> system) {
        ID.apply(system).value = true;
    }

    @Override
    public CompletionStage<Boolean> get() {
        return CompletableFuture.completedFuture(listening.value);
    }
}
