package poker.infra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node finds its cluster, in this order:
 * <ol>
 * <li>Pekko Management cluster bootstrap ({@code poker.cluster.bootstrap = on}, POKER_CLUSTER_BOOTSTRAP): the
 * nodes find each other through Pekko Discovery ({@code config} with POKER_DISCOVERY_ENDPOINTS locally and in
 * docker-compose, {@code kubernetes-api} on Kubernetes) and form or join the cluster;</li>
 * <li>seed nodes: POKER_SEED_NODES (comma-separated {@code pekko://poker@host:port}) or
 * {@code pekko.cluster.seed-nodes} in a config file; Pekko joins them by itself;</li>
 * <li>neither: the node joins itself, a cluster of one (the default).</li>
 * </ol>
 */
public final class ClusterJoin {

    private static final Logger log = LoggerFactory.getLogger(ClusterJoin.class);

    private ClusterJoin() {
    }

    /**
     * The configuration with the comma-separated environment values turned into Pekko's lists: seed nodes into
     * {@code pekko.cluster.seed-nodes} (replacing any list a config file gives), discovery endpoints into config
     * discovery's service. Refuses a value that is not an address, and seed nodes together with bootstrap.
     */
    public static Config resolve(Config config) {
        Map<String, Object> overlay = new LinkedHashMap<>();
        String systemName = "poker";
        List<String> seeds = split(config.getString("poker.cluster.seed-nodes"));
        boolean bootstrap = config.getBoolean("poker.cluster.bootstrap");
        if (!seeds.isEmpty()) {
            for (String seed : seeds) {
                Address address;
                try {
                    address = AddressFromURIString.parse(seed);
                } catch (Exception e) { // Scala throws a MalformedURLException without declaring it
                    throw new StartRefused("POKER_SEED_NODES: '" + seed
                            + "' is not a node address such as pekko://poker@10.0.0.1:2551");
                }
                if (!address.system().equals(systemName) || address.getHost().isEmpty()
                        || address.getPort().isEmpty()) {
                    throw new StartRefused("POKER_SEED_NODES: '" + seed
                            + "' must be pekko://poker@<host>:<port>");
                }
            }
            overlay.put("pekko.cluster.seed-nodes", seeds);
        }
        boolean anySeeds = !seeds.isEmpty() || !config.getStringList("pekko.cluster.seed-nodes").isEmpty();
        // POKER_SEED_NODES replaces the list of a config file: e.g. conf/local1.conf's node started again while
        // the others run, with them listed first (see the README)
        if (bootstrap && anySeeds) {
            throw new StartRefused("Cluster bootstrap (POKER_CLUSTER_BOOTSTRAP) and seed nodes are both"
                    + " set; bootstrap finds the nodes itself: set one of them");
        }
        if (bootstrap && !config.getBoolean("poker.management.enabled")) {
            throw new StartRefused("Cluster bootstrap needs Pekko Management (POKER_MANAGEMENT_ENABLED)");
        }
        List<String> endpoints = split(config.getString("poker.cluster.discovery-endpoints"));
        if (!endpoints.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (String endpoint : endpoints) {
                int colon = endpoint.lastIndexOf(':');
                int port;
                try {
                    port = Integer.parseInt(endpoint.substring(colon + 1));
                } catch (RuntimeException e) {
                    port = -1;
                }
                if (colon <= 0 || port <= 0 || port > 65535) {
                    throw new StartRefused("POKER_DISCOVERY_ENDPOINTS: '" + endpoint
                            + "' is not host:port (the management port of a node)");
                }
                list.add(Map.of("host", endpoint.substring(0, colon), "port", port));
            }
            String service = config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name");
            overlay.put("pekko.discovery.config.services." + service + ".endpoints",
                    ConfigValueFactory.fromIterable(list));
        }
        return overlay.isEmpty() ? config : ConfigFactory.parseMap(overlay).withFallback(config).resolve();
    }

    /** Starts joining, after Pekko Management has started (bootstrap answers on its routes). */
    public static void join(ActorSystem<?> system, Config config) {
        Cluster cluster = Cluster.get(system);
        if (config.getBoolean("poker.cluster.bootstrap")) {
            log.info("Cluster node {} joining by cluster bootstrap (discovery: {})", cluster.selfMember().address(),
                    config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
            ClusterBootstrap.get(Adapter.toClassic(system)).start();
        } else if (!config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
            log.info("Cluster node {} joining seed nodes {}", cluster.selfMember().address(), config.getStringList("pekko.cluster.seed-nodes"));
        } else {
            log.info("Cluster node {} joining itself (a cluster of one)", cluster.selfMember().address());
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
