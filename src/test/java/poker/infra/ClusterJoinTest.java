package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterJoinTest {

    private static Config with(Map<String, Object> values) {
        return ConfigFactory.parseMap(values).withFallback(ConfigFactory.load()).resolve();
    }

    @Test
    void nothingConfiguredLeavesNoSeedNodes() {
        Config resolved = ClusterJoin.resolve(ConfigFactory.load());
        assertThat(resolved.getStringList("pekko.cluster.seed-nodes")).isEmpty();
        assertThat(resolved.getBoolean("poker.cluster.bootstrap")).isFalse();
    }

    @Test
    void seedNodesFromACommaSeparatedVariable() {
        Config resolved = ClusterJoin.resolve(with(Map.of("poker.cluster.seed-nodes",
                " pekko://poker@10.0.0.1:2551, pekko://poker@node2:2552,")));
        assertThat(resolved.getStringList("pekko.cluster.seed-nodes"))
                .containsExactly("pekko://poker@10.0.0.1:2551", "pekko://poker@node2:2552");
    }

    @Test
    void aSeedThatIsNotANodeAddressIsRefused() {
        assertThatThrownBy(() -> ClusterJoin.resolve(with(Map.of("poker.cluster.seed-nodes", "10.0.0.1:2551"))))
                .isInstanceOf(StartRefused.class).hasMessageContaining("POKER_SEED_NODES");
        assertThatThrownBy(() -> ClusterJoin.resolve(with(Map.of("poker.cluster.seed-nodes",
                "pekko://other@10.0.0.1:2551")))).isInstanceOf(StartRefused.class)
                .hasMessageContaining("pekko://poker@");
    }

    @Test
    void bootstrapAndSeedNodesTogetherAreRefused() {
        assertThatThrownBy(() -> ClusterJoin.resolve(with(Map.of("poker.cluster.seed-nodes",
                "pekko://poker@10.0.0.1:2551", "poker.cluster.bootstrap", "on"))))
                .isInstanceOf(StartRefused.class).hasMessageContaining("bootstrap");
    }

    @Test
    void configDiscoveryEndpointsBecomeTheBootstrapService() {
        Config resolved = ClusterJoin.resolve(with(Map.of("poker.cluster.bootstrap", "on",
                "poker.cluster.discovery-endpoints", "node1:8558,node2:8558")));
        List<? extends Config> endpoints = resolved.getConfigList("pekko.discovery.config.services.poker.endpoints");
        assertThat(endpoints).hasSize(2);
        assertThat(endpoints.get(1).getString("host")).isEqualTo("node2");
        assertThat(endpoints.get(1).getInt("port")).isEqualTo(8558);
        assertThatThrownBy(() -> ClusterJoin.resolve(with(Map.of("poker.cluster.discovery-endpoints", "node1"))))
                .isInstanceOf(StartRefused.class).hasMessageContaining("POKER_DISCOVERY_ENDPOINTS");
    }
}
