package poker.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import poker.domain.table.TableCommand;
import poker.support.PrometheusText;

/** What the entity meters write, under the names and labels the README's Metrics section lists. */
class MetricsTest {

    private final Metrics metrics = new Metrics();

    private PrometheusText scrape() {
        return PrometheusText.parse(metrics.scrape());
    }

    @Test
    void commandsAreCountedByEntityCommandOutcomeAndReason() {
        Metrics.EntityMeter table = metrics.entity("table");
        TableCommand create = new TableCommand.CreateTable("table-id", null, "user-id", null);
        table.accepted(create);
        table.accepted(create);
        table.repeated(create);
        table.rejected(create, "table_full");
        table.rejected(create, "Not A Code, user 42");

        PrometheusText text = scrape();
        assertThat(text.sum("poker_commands_total", "entity", "table", "command", "CreateTable",
                "outcome", "accepted", "reason", "none")).isEqualTo(2);
        assertThat(text.sum("poker_commands_total", "outcome", "repeated")).isEqualTo(1);
        assertThat(text.sum("poker_commands_total", "outcome", "rejected", "reason", "table_full")).isEqualTo(1);
        assertThat(text.sum("poker_commands_total", "outcome", "rejected", "reason", "other"))
                .as("a code that is not a plain word never becomes a label value").isEqualTo(1);
        assertThat(metrics.scrape()).doesNotContain("Not A Code").doesNotContain("table-id").doesNotContain("user-id");
    }

    @Test
    void persistsCountEventsAndLatency() {
        Metrics.EntityMeter wallet = metrics.entity("wallet");
        wallet.persisted(System.nanoTime() - 3_000_000, 2);
        wallet.persisted(System.nanoTime(), 1);

        PrometheusText text = scrape();
        assertThat(text.sum("poker_events_persisted_total", "entity", "wallet")).isEqualTo(3);
        assertThat(text.sum("poker_persist_latency_seconds_count", "entity", "wallet")).isEqualTo(2);
        assertThat(text.sum("poker_persist_latency_seconds_sum", "entity", "wallet")).isGreaterThanOrEqualTo(0.003);
        assertThat(text.sum("poker_persist_latency_seconds_bucket", "entity", "wallet", "le", "+Inf")).isEqualTo(2);
        assertThat(text.sum("poker_persist_latency_seconds_bucket", "entity", "wallet", "le", "0.001"))
                .as("the 3 ms write is above the 1 ms bucket").isLessThanOrEqualTo(1);
    }

    @Test
    void anEntityIsActiveOnceHoweverOftenItsSignalsCome() {
        Metrics.EntityMeter tournament = metrics.entity("tournament");
        Metrics.EntityMeter.Presence first = tournament.presence();
        Metrics.EntityMeter.Presence second = tournament.presence();
        first.up();
        first.up();
        second.up();
        assertThat(scrape().sum("poker_entities_active", "entity", "tournament")).isEqualTo(2);
        first.down();
        first.down();
        second.down();
        second.up();
        assertThat(scrape().sum("poker_entities_active", "entity", "tournament")).isEqualTo(1);
    }

    /** Each entity asks for its type's meter when it starts: two tables in memory count two. */
    @Test
    void entitiesOfOneTypeShareTheirGauge() {
        Metrics.EntityMeter.Presence one = metrics.entity("table").presence();
        Metrics.EntityMeter.Presence two = metrics.entity("table").presence();
        one.up();
        two.up();
        assertThat(scrape().sum("poker_entities_active", "entity", "table")).isEqualTo(2);
        two.down();
        assertThat(scrape().sum("poker_entities_active", "entity", "table")).isEqualTo(1);
    }

    @Test
    void sagaOutcomesHandsAndGauges() {
        metrics.sagaOutcome("buy_in", "seated");
        metrics.sagaOutcome("buy_in", "seated");
        metrics.sagaOutcome("buy_in", "compensated");
        metrics.handStarted();
        metrics.handFinished();
        int[] sockets = {3};
        metrics.gauge("poker.live.sockets", "Live sockets", "kind", "table", () -> sockets[0]);

        PrometheusText text = scrape();
        assertThat(text.sum("poker_saga_outcomes_total", "saga", "buy_in", "outcome", "seated")).isEqualTo(2);
        assertThat(text.sum("poker_saga_outcomes_total", "saga", "buy_in", "outcome", "compensated")).isEqualTo(1);
        assertThat(text.sum("poker_hands_started_total")).isEqualTo(1);
        assertThat(text.sum("poker_hands_finished_total")).isEqualTo(1);
        assertThat(text.sum("poker_live_sockets", "kind", "table")).isEqualTo(3);
        sockets[0] = 0;
        assertThat(scrape().sum("poker_live_sockets", "kind", "table")).as("read at scrape time").isEqualTo(0);
    }

    @Test
    void aFailingRefreshDoesNotStopTheScrape() {
        metrics.beforeScrape(() -> {
            throw new IllegalStateException("store down");
        });
        metrics.handStarted();
        assertThat(scrape().sum("poker_hands_started_total")).isEqualTo(1);
    }

    @Test
    void jvmBindersRegister() {
        metrics.bindJvm();
        assertThat(scrape().names()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
                "system_cpu_count", "process_uptime_seconds");
    }
}
