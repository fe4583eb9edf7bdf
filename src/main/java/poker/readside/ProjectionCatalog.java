package poker.readside;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * Every projection instance this node's actor system runs (or may run: a sharded daemon process
 * spreads the instances over the cluster, and every node starts the same list), in start order.
 */
public final class ProjectionCatalog implements Extension {

    private static final ExtensionId<ProjectionCatalog> ID = new ExtensionId<>() {
        @Override
        public ProjectionCatalog createExtension(ActorSystem<?> system) {
            return new ProjectionCatalog();
        }
    };

    private final List<ProjectionInstance> instances = new CopyOnWriteArrayList<>();
    private final Map<String, ProjectionDefinition> definitions = new ConcurrentHashMap<>();

    private ProjectionCatalog() {
    }

    public static ProjectionCatalog get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    void add(ProjectionInstance instance) {
        instances.add(instance);
    }

    void define(ProjectionDefinition definition) {
        definitions.put(definition.name(), definition);
    }

    /** How projection {@code name} was started (tags, handler, tables), if it was. */
    public Optional<ProjectionDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    public List<ProjectionInstance> instances() {
        return List.copyOf(instances);
    }

    public boolean contains(ProjectionInstance instance) {
        return instances.contains(instance);
    }
}
