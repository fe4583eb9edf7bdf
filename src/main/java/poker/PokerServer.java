package poker;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import poker.domain.table.TableEvent;
import poker.http.AdminRoutes;
import poker.http.Consistency;
import poker.http.EdgeLimits;
import poker.http.HttpServer;
import poker.http.MetricsRoutes;
import poker.http.TableRoutes;
import poker.http.TournamentRoutes;
import poker.http.UserRoutes;
import poker.http.WalletRoutes;
import poker.readside.AuditQueries;
import poker.readside.HandHistoryProjectionHandler;
import poker.readside.HandQueries;
import poker.readside.ProjectionAdmin;
import poker.readside.ProjectionCatalog;
import poker.readside.ProjectionInstance;
import poker.readside.ProjectionRebuilds;
import poker.readside.ProjectionLagMetrics;
import poker.readside.ReadSide;
import poker.readside.ReadSideProgress;
import poker.infra.ApiListeningCheck;
import poker.infra.ClusterJoin;
import poker.infra.NodeFence;
import poker.infra.Database;
import poker.infra.EventArchive;
import poker.infra.Durability;
import poker.infra.Metrics;
import poker.infra.StoreHealth;
import poker.infra.StrayStdout;
import poker.infra.Jackson;
import poker.infra.DatabaseSettings;
import poker.infra.EmbeddedDatabase;
import poker.readside.TableProjections;
import poker.readside.TableQueries;
import poker.readside.TournamentProjections;
import poker.readside.TournamentQueries;
import poker.readside.WalletProjections;
import poker.readside.WalletQueries;
import poker.table.TableEntity;
import poker.tournament.Tournaments;
import poker.tournament.TournamentsImpl;
import poker.tournament.TournamentDirector;
import poker.user.PasswordHasher;
import poker.user.Passwords;
import poker.user.User;
import poker.user.UserRepository;
import poker.wallet.BuyInSaga;
import poker.wallet.CashOutProjectionHandler;
import poker.wallet.WalletEntity;
import poker.wallet.Wallets;

/**
 * Boots one node: database (embedded when none is configured) and migrations, the cluster,
 * sharded entities, projections and HTTP. Everything stops through coordinated shutdown.
 */
public final class PokerServer {

    private static final Logger log = LoggerFactory.getLogger(PokerServer.class);

    private final ActorSystem<Void> system;
    private final HikariDataSource dataSource;
    private final EmbeddedDatabase embedded;
    private final int httpPort;
    private final Tournaments tournaments;
    private boolean databaseClosed;

    private PokerServer(ActorSystem<Void> system, HikariDataSource dataSource, EmbeddedDatabase embedded,
                        int httpPort, Tournaments tournaments) {
        this.system = system;
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.httpPort = httpPort;
        this.tournaments = tournaments;
    }

    public static PokerServer start(Config config) {
        StrayStdout.install();
        DatabaseSettings db = DatabaseSettings.from(config);
        EmbeddedDatabase embedded = null;
        if (db.embedded()) {
            embedded = EmbeddedDatabase.start(db.dataDir(), db.embeddedPort());
            db = db.withConnection(embedded.jdbcUrl("postgres"), "postgres", "");
        }
        HikariDataSource dataSource = null;
        NodeFence fence = NodeFence.create();
        Config withDatabase;
        ActorSystem<Void> system;
        try {
            dataSource = Database.pool(db, fence.applicationName());
            if (embedded == null) {
                log.info("PostgreSQL at {}", Database.withoutCredentials(db.url()));
            }
            Database.migrate(dataSource);
            if (embedded == null) {
                Durability.warnIfWeak(dataSource, db.url().replaceFirst("\\?.*", ""));
            }
            withDatabase = fence.journalConnections(ConfigFactory.parseMap(Map.of(
                    "pekko-persistence-jdbc.shared-databases.slick.db.url", db.url(),
                    "pekko-persistence-jdbc.shared-databases.slick.db.user", db.user(),
                    "pekko-persistence-jdbc.shared-databases.slick.db.password", db.password()))
                    .withFallback(ClusterJoin.resolve(config)));
            // fails when the cluster port is taken, with the database already running
            system = ActorSystem.create(Behaviors.empty(), "poker", withDatabase);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        try {
            StoreHealth storeHealth = StoreHealth.get(system);
            // one registry per node, before the entities that count into it start
            Metrics metrics = Metrics.get(system);
            metrics.bindJvm();
            dataSource.setMetricRegistry(metrics.registry());
            fence.start(system, dataSource);
            if (withDatabase.getBoolean("poker.management.enabled")) {
                PekkoManagement.get(system).start();
            }
            ClusterJoin.join(system, withDatabase);

            int tagSlices = withDatabase.getInt("poker.tag-slices");
            Duration askTimeout = withDatabase.getDuration("poker.ask-timeout");
            Wallets wallets = new Wallets(system, askTimeout, withDatabase.getLong("poker.wallet.grant"),
                    withDatabase.getDuration("poker.wallet.buy-in-timeout"));
            TableEntity.init(system, tagSlices, new TableEntity.Environment(Clock.systemUTC(),
                    TableEntity.Dealer.secure(), withDatabase.getDuration("poker.table.hand-pause")),
                    withDatabase.getDuration("poker.table.idle-passivation"));
            WalletEntity.init(system, tagSlices);
            BuyInSaga.init(system, askTimeout);
            // tournaments and their entry saga; a finished tournament leaves memory like a quiet table
            Tournaments tournaments = TournamentsImpl.init(system, tagSlices, askTimeout, Clock.systemUTC(),
                    withDatabase.getDuration("poker.table.idle-passivation"));

            // the event archive: read with the journal by history, replay and rebuilds; filled on a schedule
            EventArchive.get(system).attach(dataSource,
                    system.dispatchers().lookup(DispatcherSelector.fromConfig("poker.blocking-dispatcher")),
                    tag -> ProjectionCatalog.get(system).instances().stream()
                            .filter(instance -> instance.slice().equals(tag)).map(ProjectionInstance::name)
                            .collect(java.util.stream.Collectors.toSet()));
            EventArchive.get(system).schedule(withDatabase.getConfig("poker.archive"));

            ReadSideProgress progress = ReadSideProgress.start(system);
            TableProjections.init(system, dataSource, progress, tagSlices);
            WalletProjections.init(system, dataSource, progress, tagSlices);
            TournamentProjections.init(system, dataSource, progress, tagSlices);
            // the directors (process managers) and the projections that forward them their events
            if (withDatabase.getBoolean("poker.tournament.directors")) {
                TournamentDirector.init(system, dataSource, tagSlices, askTimeout, tournaments);
            }
            ReadSide.<TableEvent>start(system, dataSource, progress, "table", tagSlices, CashOutProjectionHandler.NAME,
                    () -> new CashOutProjectionHandler(wallets));
            ReadSide.<TableEvent>start(system, dataSource, progress, "table", tagSlices,
                    HandHistoryProjectionHandler.NAME, HandHistoryProjectionHandler.TABLES, () -> new HandHistoryProjectionHandler(system, Jackson.MAPPER));

            Executor blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("poker.blocking-dispatcher"));
            Clock clock = Clock.systemUTC();
            Passwords passwords = new Passwords(withDatabase.getInt("poker.passwords.bcrypt-cost"));
            UserRepository users = new UserRepository(dataSource, passwords,
                    withDatabase.getDuration("poker.sessions.ttl"), clock);
            ensureAdmin(withDatabase, users, wallets);
            PasswordHasher hasher = passwordHasher(withDatabase, passwords);
            system.getWhenTerminated().thenRun(hasher::close);
            EdgeLimits limits = EdgeLimits.from(withDatabase, clock);
            Consistency consistency = new Consistency(progress, withDatabase.getDuration("poker.strong-consistency-timeout"));
            ProjectionRebuilds rebuilds = new ProjectionRebuilds(system, dataSource,
                    withDatabase.getDuration("poker.rebuild.tick"), withDatabase.getLong("poker.rebuild.switch-lag"),
                    withDatabase.getInt("poker.rebuild.group-size"));
            // the live projections, and the rebuilds running on this node
            ProjectionAdmin projectionAdmin = new ProjectionAdmin(dataSource, () -> {
                List<ProjectionInstance> instances = new ArrayList<>(ProjectionCatalog.get(system).instances());
                instances.addAll(rebuilds.instances());
                return instances;
            });
            ProjectionLagMetrics.register(metrics, projectionAdmin, storeHealth::isUp);
            HttpServer http = new HttpServer(storeHealth::isUp,
                    new UserRoutes(users, blocking, wallets, consistency, hasher, limits).routes(),
                    new TableRoutes(system, users, new TableQueries(dataSource),
                            new HandQueries(dataSource, Jackson.MAPPER), wallets, consistency, blocking, askTimeout,
                            clock, limits).routes(),
                    new TournamentRoutes(system, users, new TournamentQueries(dataSource), tournaments,
                            consistency, blocking, clock, limits).routes(),
                    new WalletRoutes(users, blocking, wallets, new WalletQueries(dataSource),
                            new AuditQueries(dataSource), consistency).routes(),
                    new AdminRoutes(users, blocking, projectionAdmin, rebuilds, EventArchive.get(system)).routes())
                    .withOperations(new MetricsRoutes(metrics::scrape, Metrics.contentType(), blocking).routes());
            log.info("Entities and {} projection instances started", ProjectionCatalog.get(system).instances().size());
            ServerBinding binding = http.bind(system, withDatabase.getString("poker.http.interface"),
                            withDatabase.getInt("poker.http.port"))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            binding.addToCoordinatedShutdown(Duration.ofSeconds(10), system);
            ApiListeningCheck.markListening(system);
            int port = HttpServer.port(binding);
            // the line an operator waits for: the last one of a start
            log.info("Poker server listening on http://{}:{}/api", withDatabase.getString("poker.http.interface"), port);
            return new PokerServer(system, dataSource, embedded, port, tournaments);
        } catch (Exception e) {
            new PokerServer(system, dataSource, embedded, -1, null).stop();
            throw new IllegalStateException("server did not start", e);
        }
    }

    /** bcrypt's own bounded pool: {@code hashing-threads} (0: half the cores, at least 1) and its queue. */
    private static PasswordHasher passwordHasher(Config config, Passwords passwords) {
        int threads = config.getInt("poker.passwords.hashing-threads");
        if (threads <= 0) {
            threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        return new PasswordHasher(passwords, threads, config.getInt("poker.passwords.hashing-queue"));
    }

    /** With POKER_ADMIN_USERNAME and POKER_ADMIN_PASSWORD set, that admin account exists after start. */
    private static void ensureAdmin(Config config, UserRepository users, Wallets wallets) throws Exception {
        String username = config.getString("poker.admin.username");
        String password = config.getString("poker.admin.password");
        if (username.isBlank() || password.isBlank()) {
            return;
        }
        if (users.findByUsername(username).isEmpty()) {
            User admin = users.register(username, password, username, "admin");
            wallets.open(admin.id());
            log.info("Created admin account {}", username);
        }
    }

    public ActorSystem<Void> system() {
        return system;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The tournaments facade (entity + entry saga) of this node. */
    public Tournaments tournaments() {
        return tournaments;
    }

    /**
     * Runs coordinated shutdown and waits for it (HTTP unbinds, projections and entities stop, the
     * journal's pool closes with the actor system), then closes the pool and the embedded database.
     */
    public void stop() {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().join();
        closeDatabase();
    }

    /** After the actor system has terminated: nothing uses the database any more. */
    public synchronized void closeDatabase() {
        if (databaseClosed) {
            return;
        }
        databaseClosed = true;
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
