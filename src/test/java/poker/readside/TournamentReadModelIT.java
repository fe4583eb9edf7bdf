package poker.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import poker.domain.tournament.BlindLevel;
import poker.domain.tournament.TournamentEvent;
import poker.domain.tournament.TournamentEvent.Payout;
import poker.domain.wallet.WalletEvent;
import poker.infra.Database;
import poker.readside.TournamentQueries.Detail;
import poker.readside.TournamentQueries.Level;
import poker.readside.TournamentQueries.MyEntry;
import poker.readside.TournamentQueries.Standing;
import poker.readside.TournamentQueries.TableEntry;
import poker.support.TestDatabase;
import poker.user.Passwords;
import poker.user.UserRepository;

/**
 * The tournament projection handler against a real PostgreSQL, fed a small tournament's journal
 * envelope by envelope: lobby, detail, standings and entries at each step; the in-memory
 * {@link TournamentView} (the live socket's) agreeing with the read model at each step; replays
 * changing nothing; and the chip audit's tournament section, balanced only once the prizes are paid.
 */
class TournamentReadModelIT {

    HikariDataSource ds;
    TournamentQueries queries;
    UserRepository users;

    /** A database of its own per test: the audit sums everything in it. */
    @BeforeEach
    void database() {
        TestDatabase.Db db = TestDatabase.fresh();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(3);
        ds = new HikariDataSource(config);
        Database.migrate(ds);
        queries = new TournamentQueries(ds);
        users = new UserRepository(ds, new Passwords(4), Duration.ofHours(1), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        ds.close();
    }

    String user(String name) throws Exception {
        return users.create(name, "x", name.substring(0, 1).toUpperCase() + name.substring(1), "player").id();
    }

    static <E> EventEnvelope<E> envelope(String pid, long seq, E event) {
        return EventEnvelope.create(Sequence.apply(seq), pid, seq, event, 1_900_000_000_000L + seq);
    }

    final TournamentProjectionHandler handler = new TournamentProjectionHandler();

    void apply(TournamentStory story, int from, int to) throws Exception {
        for (int seq = from; seq <= to; seq++) {
            process(envelope("Tournament|" + story.id, seq, story.events.get(seq - 1)));
        }
    }

    void process(EventEnvelope<TournamentEvent> env) throws Exception {
        PooledJdbcSession session = new PooledJdbcSession(ds);
        try {
            handler.process(session, env);
            session.commit();
        } finally {
            session.close();
        }
    }

    static TournamentView fold(TournamentStory story, int to) {
        TournamentView view = new TournamentView(story.id);
        story.events.subList(0, to).forEach(view::apply);
        return view;
    }

    /** The live socket's fold and the read model tell the same at this point. */
    void agree(TournamentStory story, int at) throws Exception {
        TournamentView view = fold(story, at);
        assertThat(view.detail()).as("detail after event " + at).isEqualTo(queries.detail(story.id).orElseThrow());
        for (String player : List.of(story.alice, story.bob, story.carol, story.dave)) {
            assertThat(Optional.ofNullable(view.entryOf(player))).as("entry of " + player + " after event " + at)
                    .isEqualTo(queries.entryOf(story.id, player));
        }
    }

    @Test
    void aTournamentStoryFillsLobbyDetailStandingsAndEntries() throws Exception {
        String creator = user("director");
        TournamentStory story = new TournamentStory(UUID.randomUUID().toString(), user("alice"), user("bob"),
                user("carol"), user("dave"), creator);

        apply(story, 1, TournamentStory.AFTER_REGISTRATION);
        Detail registering = queries.detail(story.id).orElseThrow();
        assertThat(registering.status()).isEqualTo("registering");
        assertThat(registering.entrants()).isEqualTo(3);
        assertThat(registering.remaining()).isEqualTo(3);
        assertThat(registering.prizePool()).isEqualTo(300);
        assertThat(registering.averageStack()).isEqualTo(1000);
        assertThat(registering.level()).isNull();
        assertThat(registering.tables()).isEmpty();
        assertThat(registering.registrationOpen()).isTrue();
        assertThat(registering.createdBy()).isEqualTo(creator);
        assertThat(registering.startAt()).isEqualTo(TournamentStory.T0);
        assertThat(registering.levels()).containsExactly(new BlindLevel(10, 20, 0, 10), new BlindLevel(20, 40, 40, 10));
        assertThat(queries.standings(story.id).orElseThrow()).extracting(Standing::displayName)
                .containsExactlyInAnyOrder("Alice", "Bob", "Carol");
        assertThat(queries.entryOf(story.id, story.dave)).isEmpty();
        assertThat(queries.entryOf(story.id, story.alice).orElseThrow().status()).isEqualTo("registered");
        List<TournamentQueries.LobbyEntry> lobby = queries.lobby(10, Optional.empty(), Optional.of("registering"))
                .orElseThrow();
        assertThat(lobby).extracting(TournamentQueries.LobbyEntry::tournamentId).contains(story.id);
        assertThat(queries.lobby(10, Optional.empty(), Optional.of("running")).orElseThrow())
                .extracting(TournamentQueries.LobbyEntry::tournamentId).doesNotContain(story.id);
        assertThat(queries.createdBy(story.id)).contains(creator);
        assertThat(queries.registeringCreatedBy(creator)).isEqualTo(1);
        agree(story, TournamentStory.AFTER_REGISTRATION);

        apply(story, TournamentStory.AFTER_REGISTRATION + 1, TournamentStory.AFTER_FIRST_HAND);
        Detail running = queries.detail(story.id).orElseThrow();
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.level()).isEqualTo(new Level(1, 10, 20, 0, TournamentStory.T0.plusSeconds(600)));
        assertThat(running.tables()).containsExactly(new TableEntry(story.table1, 1, 2),
                new TableEntry(story.table2, 2, 1));
        assertThat(running.payouts()).containsExactly(new Payout(1, 200), new Payout(2, 100));
        assertThat(running.registrationOpen()).isFalse();
        assertThat(running.startedAt()).isEqualTo(TournamentStory.T0);
        assertThat(queries.standings(story.id).orElseThrow())
                .extracting(Standing::entryId, Standing::chips, Standing::tableId, Standing::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("e1", 1500L, story.table1, "playing"),
                        org.assertj.core.groups.Tuple.tuple("e3", 1000L, story.table2, "playing"),
                        org.assertj.core.groups.Tuple.tuple("e2", 500L, story.table1, "playing"));
        assertThat(queries.entryOf(story.id, story.alice)).contains(
                new MyEntry("e1", 1, story.table1, 1, "playing", 1500, null, null));
        agree(story, TournamentStory.AFTER_FIRST_HAND);

        apply(story, TournamentStory.AFTER_FIRST_HAND + 1, TournamentStory.AFTER_MOVE);
        assertThat(queries.detail(story.id).orElseThrow().tables()).containsExactly(new TableEntry(story.table1, 1, 3));
        assertThat(queries.entryOf(story.id, story.carol)).contains(
                new MyEntry("e3", 1, story.table1, 3, "playing", 1000, null, null));
        agree(story, TournamentStory.AFTER_MOVE);

        apply(story, TournamentStory.AFTER_MOVE + 1, TournamentStory.IN_HAND_FOR_HAND);
        Detail bubble = queries.detail(story.id).orElseThrow();
        assertThat(bubble.handForHand()).isTrue();
        assertThat(bubble.level().number()).isEqualTo(2);
        assertThat(bubble.level().ante()).isEqualTo(40);
        agree(story, TournamentStory.IN_HAND_FOR_HAND);

        apply(story, TournamentStory.IN_HAND_FOR_HAND + 1, TournamentStory.FINISHED);
        Detail finished = queries.detail(story.id).orElseThrow();
        assertThat(finished.status()).isEqualTo("finished");
        assertThat(finished.handForHand()).isFalse();
        assertThat(finished.remaining()).isEqualTo(1);
        assertThat(finished.winnerEntryId()).isEqualTo("e1");
        assertThat(finished.prizesPaid()).isZero();
        assertThat(finished.averageStack()).isEqualTo(3000);
        assertThat(queries.standings(story.id).orElseThrow())
                .extracting(Standing::entryId, Standing::status, Standing::place, Standing::prize, Standing::chips)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("e1", "playing", 1, 200L, 3000L),
                        org.assertj.core.groups.Tuple.tuple("e3", "eliminated", 2, 100L, 0L),
                        org.assertj.core.groups.Tuple.tuple("e2", "eliminated", 3, 0L, 0L));
        assertThat(queries.entryOf(story.id, story.bob)).contains(
                new MyEntry("e2", 1, null, null, "eliminated", 0, 3, 0L));
        agree(story, TournamentStory.FINISHED);

        apply(story, TournamentStory.FINISHED + 1, story.events.size());
        assertThat(queries.detail(story.id).orElseThrow().prizesPaid()).isEqualTo(300);
        assertThat(queries.standings(story.id).orElseThrow()).extracting(Standing::prizePaid)
                .containsExactly(200L, 100L, null);
        agree(story, story.events.size());

        // a replayed registration or prize changes nothing
        process(envelope("Tournament|" + story.id, 2, story.events.get(1)));
        process(envelope("Tournament|" + story.id, TournamentStory.ONE_PRIZE_PAID,
                story.events.get(TournamentStory.ONE_PRIZE_PAID - 1)));
        Detail after = queries.detail(story.id).orElseThrow();
        assertThat(after.entrants()).isEqualTo(3);
        assertThat(after.prizePool()).isEqualTo(300);
        assertThat(after.prizesPaid()).isEqualTo(300);
        agree(story, story.events.size());

        assertThat(queries.detail("no-such-tournament")).isEmpty();
        assertThat(queries.standings("no-such-tournament")).isEmpty();
    }

    @Test
    void theAuditBalancesATournamentOnlyOncePoolPrizesAndWalletsAgree() throws Exception {
        TournamentStory story = new TournamentStory(UUID.randomUUID().toString(), user("ann"), user("ben"),
                user("cat"), user("dan"), user("host"));
        // the wallets: opened, four entries paid, the unregistered one refunded
        WalletBalancesProjectionHandler wallets = new WalletBalancesProjectionHandler();
        Map<String, Long> balance = new java.util.HashMap<>();
        Map<String, Long> seq = new java.util.HashMap<>();
        java.util.function.BiConsumer<String, java.util.function.LongFunction<WalletEvent>> wallet = (user, event) -> {
            long after = balance.merge(user, 0L, Long::sum);
            WalletEvent e = event.apply(after);
            balance.put(user, e.balance());
            long n = seq.merge(user, 1L, Long::sum);
            PooledJdbcSession session = new PooledJdbcSession(ds);
            try {
                wallets.process(session, envelope("Wallet|" + user, n, e));
                session.commit();
                session.close();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        };
        List<String> players = List.of(story.alice, story.bob, story.carol, story.dave);
        List<String> entries = List.of("e1", "e2", "e3", "e4");
        for (String p : players) {
            wallet.accept(p, b -> new WalletEvent.WalletOpened(p, "grant-" + p, 10_000, 10_000));
        }
        AuditQueries audit = new AuditQueries(ds);
        long grantedBefore = audit.audit().granted() - 40_000;
        for (int i = 0; i < 4; i++) {
            String p = players.get(i);
            String entry = entries.get(i);
            wallet.accept(p, b -> new WalletEvent.TournamentEntryDebited(p, "tx-" + entry, story.id, entry, 100, 10,
                    b - 110));
        }
        // debited, not registered yet: in flight
        AuditQueries.Audit inFlight = audit.audit();
        assertThat(inFlight.tournamentEntriesInFlight()).isEqualTo(440);
        assertThat(inFlight.balanced()).as(inFlight.toString()).isTrue();

        apply(story, 1, TournamentStory.AFTER_REGISTRATION);
        // dave unregistered, his refund not yet in his wallet: still in flight
        assertThat(audit.audit().tournamentEntriesInFlight()).isEqualTo(110);
        wallet.accept(story.dave, b -> new WalletEvent.TournamentEntryRefunded(story.dave, "refund-e4", "tx-e4",
                story.id, "e4", 110, "unregistered", b + 110));
        AuditQueries.Audit registered = audit.audit();
        assertThat(registered.tournamentEntriesInFlight()).isZero();
        assertThat(registered.tournamentFees()).isEqualTo(30);
        assertThat(registered.tournamentBuyIns()).isEqualTo(300);
        assertThat(registered.balanced()).as(registered.toString()).isTrue();

        apply(story, TournamentStory.AFTER_REGISTRATION + 1, TournamentStory.FINISHED);
        AuditQueries.TournamentAudit mine = mine(audit.audit(), story.id);
        assertThat(mine.chips()).isEqualTo(3000);
        assertThat(mine.expectedChips()).isEqualTo(3000);
        assertThat(mine.chipsBalanced()).isTrue();
        // finished, but no prize awarded yet: the pool is not paid out
        assertThat(mine.prizesBalanced()).isFalse();
        assertThat(audit.audit().balanced()).isFalse();

        wallet.accept(story.carol, b -> new WalletEvent.PrizeCredited(story.carol, "prize-" + story.id + "-e3",
                story.id, 100, b + 100));
        wallet.accept(story.alice, b -> new WalletEvent.PrizeCredited(story.alice, "prize-" + story.id + "-e1",
                story.id, 200, b + 200));
        apply(story, TournamentStory.FINISHED + 1, story.events.size());
        AuditQueries.Audit done = audit.audit();
        mine = mine(done, story.id);
        assertThat(mine.prizesPaid()).isEqualTo(300);
        assertThat(mine.prizePool()).isEqualTo(300);
        assertThat(mine.balanced()).isTrue();
        assertThat(done.chipsInPrizePools()).isZero();
        assertThat(done.prizeCreditsInFlight()).isZero();
        assertThat(done.expected()).isEqualTo(done.actual());
        assertThat(done.granted() - grantedBefore).isEqualTo(40_000);
        assertThat(done.balanced()).as(done.toString()).isTrue();
    }

    private static AuditQueries.TournamentAudit mine(AuditQueries.Audit audit, String id) {
        return audit.tournaments().stream().filter(t -> t.tournamentId().equals(id)).findFirst().orElseThrow();
    }
}
