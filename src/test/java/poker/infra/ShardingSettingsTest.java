package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.cluster.sharding.ClusterShardingSettings;
import org.junit.jupiter.api.Test;

/**
 * What Pekko makes of cluster.conf's sharding section: the settings it really applies, not just the keys
 * written (a misspelt or deprecated key is silently ignored or changes the meaning of another).
 */
class ShardingSettingsTest {

    private static final Config CONFIG = ConfigFactory.load();
    private static final ClusterShardingSettings SETTINGS =
            ClusterShardingSettings.apply(CONFIG.getConfig("pekko.cluster.sharding"));

    @Test
    void rememberedEntitiesAreKeptInTheJournalWithTheCoordinatorInDistributedData() {
        // with state-store-mode = persistence Pekko would ignore remember-entities-store (and warn)
        assertThat(SETTINGS.stateStoreMode()).isEqualTo(ClusterShardingSettings.StateStoreModeDData());
        assertThat(SETTINGS.rememberEntitiesStore()).isEqualTo("eventsourced");
    }

    @Test
    void entitiesThatAreNotRememberedPassivateAfterTenIdleMinutes() {
        assertThat(SETTINGS.passivationStrategySettings().oldSettingUsed()).as("deprecated passivate-idle-entity-after")
                .isFalse();
        assertThat(SETTINGS.passivationStrategy().toString()).isEqualTo("IdlePassivationStrategy(600000 milliseconds,5 minutes)");
        // remembered entities (tables, buy-in sagas): Pekko never passivates them by itself
        assertThat(SETTINGS.withRememberEntities(true).passivationStrategy().toString())
                .isEqualTo("NoPassivationStrategy");
    }

    @Test
    void theOldCoordinatorsEventsAreAdaptedForTheEventsourcedStore() {
        assertThat(CONFIG.getString("jdbc-journal.event-adapters.sharding-coordinator-migration"))
                .isEqualTo("org.apache.pekko.cluster.sharding.OldCoordinatorStateMigrationEventAdapter");
        assertThat(CONFIG.getString("jdbc-journal.event-adapter-bindings.\""
                + "org.apache.pekko.cluster.sharding.ShardCoordinator$Internal$DomainEvent\""))
                .isEqualTo("sharding-coordinator-migration");
    }
}
