package poker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * PostgreSQL's own ceiling for what the journal does: rows shaped like {@code event_journal}'s (the same
 * columns, primary key and ordering index; persistence id, sequence number, writer, timestamp, serializer
 * id and manifest as the wallet's events have them, a payload of the wallet events' mean size) into a
 * scratch table, {@code batch} rows per multi-row INSERT, each INSERT its own durable transaction,
 * {@code callers} connections at once. No {@code event_tag} rows (the JDBC journal writes one per tagged
 * event besides).
 */
final class RawInsertCeiling implements AutoCloseable {

    /** How a journal row of the wallet looks, taken from the entity target's journal. */
    record RowShape(int payloadBytes, int serializerId, String manifest) {
    }

    private final HikariDataSource pool;
    private final RowShape shape;

    RawInsertCeiling(String url, int poolSize, RowShape shape) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        config.setPoolName("bench-raw");
        this.pool = new HikariDataSource(config);
        this.shape = shape;
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS raw_journal (ordering BIGSERIAL,"
                    + " persistence_id VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
                    + " deleted BOOLEAN DEFAULT FALSE NOT NULL, writer VARCHAR(255) NOT NULL, write_timestamp BIGINT,"
                    + " adapter_manifest VARCHAR(255), event_ser_id INTEGER NOT NULL,"
                    + " event_ser_manifest VARCHAR(255) NOT NULL, event_payload BYTEA NOT NULL,"
                    + " meta_ser_id INTEGER, meta_ser_manifest VARCHAR(255), meta_payload BYTEA,"
                    + " PRIMARY KEY (persistence_id, sequence_number))");
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS raw_journal_ordering_idx ON raw_journal (ordering)");
        }
    }

    Results.RawPoint run(int batch, int callers, long rows, String label) throws Exception {
        int statements = (int) Math.max(callers, (rows + batch - 1) / batch);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger doneRows = new AtomicInteger();
        String sql = insert(batch);
        List<Histogram> histograms = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        LoadRunner.Progress progress = LoadRunner.Progress.start(label, doneRows, statements * batch);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                Histogram h = LoadRunner.histogram();
                histograms.add(h);
                int caller = c;
                running.add(threads.submit(() -> {
                    byte[] payload = new byte[shape.payloadBytes()];
                    new Random(caller).nextBytes(payload);
                    String writer = UUID.randomUUID().toString();
                    long sequence = 0;
                    try (Connection conn = pool.getConnection(); PreparedStatement st = conn.prepareStatement(sql)) {
                        while (next.getAndIncrement() < statements) {
                            int p = 1;
                            for (int r = 0; r < batch; r++) {
                                sequence++;
                                // 64 persistence ids per caller, each with its own run of sequence numbers
                                st.setString(p++, "Wallet|raw-" + run + "-" + caller + "-" + (sequence % 64));
                                st.setLong(p++, sequence);
                                st.setString(p++, writer);
                                st.setLong(p++, System.currentTimeMillis());
                                st.setInt(p++, shape.serializerId());
                                st.setString(p++, shape.manifest());
                                st.setBytes(p++, payload);
                            }
                            long t0 = System.nanoTime();
                            st.executeUpdate();
                            h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                            doneRows.addAndGet(batch);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            progress.stop();
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = LoadRunner.histogram();
        histograms.forEach(all::add);
        long inserted = (long) statements * batch;
        return new Results.RawPoint(batch, callers, inserted, seconds, inserted / seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, shape.payloadBytes(), Harness.load());
    }

    /** A multi-row INSERT of {@code batch} rows. */
    static String insert(int batch) {
        StringBuilder sql = new StringBuilder("INSERT INTO raw_journal (persistence_id, sequence_number, writer,"
                + " write_timestamp, event_ser_id, event_ser_manifest, event_payload) VALUES ");
        for (int r = 0; r < batch; r++) {
            sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    @Override
    public void close() {
        pool.close();
    }
}
