package poker.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Config for entity tests: in-memory journal and snapshots, local provider, the real serializers. */
public final class EntityTestKit {

    public static final Config CONFIG = EventSourcedBehaviorTestKit.config()
            .withFallback(PersistenceTestKitSnapshotPlugin.config())
            .withFallback(ConfigFactory.parseString("pekko.actor.provider = local\npekko.loglevel = WARNING"))
            .withFallback(ConfigFactory.load());

    private EntityTestKit() {
    }
}
