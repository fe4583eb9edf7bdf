package poker.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import poker.domain.wallet.WalletCommand;
import poker.infra.Database;
import poker.infra.DatabaseSettings;
import poker.infra.EmbeddedDatabase;
import poker.wallet.WalletEntity;
import poker.wallet.Wallets;

/**
 * What durable commits cost. The same workload — wallet deposits through the sharded WalletEntity on the
 * JDBC journal, a few thousand commands from 16 concurrent callers (one wallet each), each waiting for
 * its reply — runs against two embedded PostgreSQL servers in the same run, in alternating rounds:
 * one as the server runs it ({@link EmbeddedDatabase}: fsync, synchronous_commit, full_page_writes on)
 * and one with zonky's defaults, as the server ran before (fsync off, synchronous_commit off). Prints
 * commands/s and latency percentiles per round. Not part of mvn verify:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=poker.bench.DurableCommitBenchmark \
 *   [-Dexec.args="COMMANDS CALLERS ROUNDS"]     (defaults 4000 16 3)
 * </pre>
 */
public final class DurableCommitBenchmark {

    private record Target(String name, ActorSystem<Void> system, Wallets wallets) {
    }

    private record Result(double perSecond, double p50, double p99, double max) {
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path home = Files.createTempDirectory("poker-commit-bench");
        EmbeddedDatabase durable = EmbeddedDatabase.start(home.resolve("durable"), 0);
        EmbeddedPostgres unsafe = EmbeddedPostgres.builder().setDataDirectory(home.resolve("unsafe"))
                .setCleanDataDirectory(true).start();
        List<Target> targets = List.of(
                target("durable (fsync, synchronous_commit on)", durable.jdbcUrl("postgres")),
                target("fsync off, synchronous_commit off", "jdbc:postgresql://localhost:" + unsafe.getPort()
                        + "/postgres"));
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            System.out.printf("%d deposits per round, %d concurrent callers, %d CPUs, load average %.1f%n", commands,
                    callers, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (Target t : targets) {
                for (int c = 0; c < callers; c++) {
                    t.wallets().open("bench-" + c).toCompletableFuture().get();
                }
                run(t, commands / 4, callers, pool); // warm-up: JIT, shards, wallets, pools
            }
            System.out.printf("%-5s %-40s %10s %8s %8s %8s%n", "round", "database", "cmds/s", "p50 ms", "p99 ms",
                    "max ms");
            for (int round = 1; round <= rounds; round++) {
                for (Target t : targets) {
                    Result r = run(t, commands, callers, pool);
                    System.out.printf("%-5d %-40s %10.0f %8.1f %8.1f %8.1f%n", round, t.name(), r.perSecond(),
                            r.p50(), r.p99(), r.max());
                }
            }
        } finally {
            pool.shutdownNow();
            for (Target t : targets) {
                t.system().terminate();
                t.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            durable.close();
            unsafe.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Target target(String name, String url) {
        try (HikariDataSource ds = Database.pool(new DatabaseSettings(url, "postgres", "", 2, Path.of("unused"), 0))) {
            Database.migrate(ds);
        }
        Config config = ConfigFactory.parseMap(Map.of(
                        "pekko-persistence-jdbc.shared-databases.slick.db.url", url,
                        "pekko-persistence-jdbc.shared-databases.slick.db.user", "postgres",
                        "pekko-persistence-jdbc.shared-databases.slick.db.password", "",
                        "pekko.remote.artery.canonical.port", 0,
                        "pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on",
                        "pekko.loglevel", "WARNING"))
                .withFallback(ConfigFactory.load());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "poker", config);
        Cluster cluster = Cluster.get(system);
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        WalletEntity.init(system, 4);
        return new Target(name, system, new Wallets(system, Duration.ofSeconds(30), 10_000));
    }

    private static Result run(Target target, int commands, int callers, ExecutorService pool) throws Exception {
        long[] latencies = new long[commands];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            String wallet = "bench-" + c;
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < commands; i = next.getAndIncrement()) {
                    String reference = UUID.randomUUID().toString();
                    long t0 = System.nanoTime();
                    WalletEntity.Reply reply = target.wallets().execute(wallet,
                                    new WalletCommand.Deposit("deposit-" + reference, 1, reference))
                            .toCompletableFuture().get();
                    latencies[i] = System.nanoTime() - t0;
                    if (!(reply instanceof WalletEntity.Accepted)) {
                        throw new IllegalStateException("deposit refused: " + reply);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(commands / seconds, millis(latencies, 0.50), millis(latencies, 0.99),
                latencies[commands - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
