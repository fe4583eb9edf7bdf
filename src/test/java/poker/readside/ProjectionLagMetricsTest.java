package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import poker.support.PrometheusText;

class ProjectionLagMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong now = new AtomicLong(10_000);
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicBoolean storeUp = new AtomicBoolean(true);
    private volatile List<ProjectionAdmin.Status> statuses = List.of(
            status("lobby", "table-0", 3, 0.5), status("lobby", "table-1", 4, 2.0),
            status("participants", "table-0", 0, 0), status("participants", "table-1", 0, 0));

    private final AtomicBoolean queryFails = new AtomicBoolean();
    private final ProjectionLagMetrics lag = new ProjectionLagMetrics(() -> {
        queries.incrementAndGet();
        if (queryFails.get()) {
            throw new SQLException("connection refused");
        }
        return statuses;
    }, storeUp::get, registry, 1000, now::get);

    private static ProjectionAdmin.Status status(String name, String slice, long events, double seconds) {
        return new ProjectionAdmin.Status(name, slice, 1L, null, new ProjectionAdmin.Lag(events, seconds), null);
    }

    private PrometheusText scrape() {
        lag.refresh();
        return PrometheusText.parse(registry.scrape());
    }

    @Test
    void eventsAreSummedOverSlicesAndSecondsAreTheWorstSlice() {
        PrometheusText text = scrape();
        assertThat(text.sum("poker_projection_lag_events", "projection", "lobby")).isEqualTo(7);
        assertThat(text.sum("poker_projection_lag_seconds", "projection", "lobby")).isEqualTo(2.0);
        assertThat(text.sum("poker_projection_lag_events", "projection", "participants")).isEqualTo(0);
        assertThat(text.samples("poker_projection_lag_events")).allSatisfy(s ->
                assertThat(s.labels().keySet()).containsExactly("projection"));
    }

    @Test
    void theDatabaseIsAskedAtMostOncePerInterval() {
        scrape();
        scrape();
        now.addAndGet(999);
        statuses = List.of(status("lobby", "table-0", 1, 0.1));
        assertThat(scrape().sum("poker_projection_lag_events", "projection", "lobby")).isEqualTo(7);
        assertThat(queries).hasValue(1);
        now.addAndGet(1);
        assertThat(scrape().sum("poker_projection_lag_events", "projection", "lobby")).isEqualTo(1);
        assertThat(queries).hasValue(2);
    }

    @Test
    void whileTheStoreIsDownOrTheQueryFailsTheValuesAreNaNNotStale() {
        scrape();
        storeUp.set(false);
        now.addAndGet(1000);
        assertThat(scrape().sum("poker_projection_lag_events", "projection", "lobby")).isNaN();
        assertThat(queries).as("not asked while the store is down").hasValue(1);

        storeUp.set(true);
        now.addAndGet(1000);
        assertThat(scrape().sum("poker_projection_lag_events", "projection", "lobby")).isEqualTo(7);

        queryFails.set(true);
        now.addAndGet(1000);
        assertThat(scrape().sum("poker_projection_lag_seconds", "projection", "lobby")).isNaN();
        assertThat(queries).hasValue(3);
    }
}
