package poker.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.domain.table.TableEvent;
import poker.domain.wallet.WalletCommand;
import poker.domain.wallet.WalletState;
import poker.readside.PooledJdbcSession;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/** Wallets, buy-ins with compensation, cash-outs and the chip audit, over HTTP on a real PostgreSQL. */
class WalletIT {

    static PokerServer server;
    static ApiClient api;
    static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.fresh());
        api = new ApiClient(server.httpPort());
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String table(String token, int maxSeats) {
        Response r = api.post("/tables", "{\"name\":\"W\",\"smallBlind\":5,\"bigBlind\":10,\"maxSeats\":" + maxSeats
                + ",\"minBuyIn\":100,\"maxBuyIn\":5000}", token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("tableId");
    }

    static long balance(String token) throws Exception {
        return Eventually.await(Duration.ofSeconds(10), () -> api.get("/wallet", token), r -> r.status() == 200)
                .body().path("balance").asLong();
    }

    static JsonNode audit() {
        Response r = api.get("/admin/audit", admin);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    static JsonNode settledAudit() throws Exception {
        return Eventually.await(Duration.ofSeconds(15), WalletIT::audit,
                a -> a.path("balanced").asBoolean() && a.path("buyInsInFlight").asLong() == 0
                        && a.path("cashOutsInFlight").asLong() == 0);
    }

    @Test
    void newAccountsGetTheGrantAndAdminsDeposit() throws Exception {
        Response created = api.post("/users?consistency=strong",
                "{\"username\":\"wendy\",\"password\":\"correct horse\"}", null);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String wendy = api.login("wendy", "correct horse");
        assertThat(api.get("/wallet", wendy).body().path("balance").asLong()).isEqualTo(10_000);

        String userId = created.text("id");
        String deposit = "{\"amount\":2500,\"reference\":\"bank-transfer-1\"}";
        assertThat(api.post("/admin/wallets/" + userId + "/deposits", deposit, wendy).status()).isEqualTo(403);
        Response first = api.post("/admin/wallets/" + userId + "/deposits?consistency=strong", deposit, admin);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().path("balance").asLong()).isEqualTo(12_500);
        assertThat(api.get("/wallet", wendy).body().path("balance").asLong()).isEqualTo(12_500);
        // the same reference is the same transaction: nothing more is deposited
        Response again = api.post("/admin/wallets/" + userId + "/deposits?consistency=strong", deposit, admin);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("transactionId")).isEqualTo(first.text("transactionId"));
        assertThat(api.get("/wallet", wendy).body().path("balance").asLong()).isEqualTo(12_500);

        Response unknown = api.post("/admin/wallets/00000000-0000-4000-8000-000000000000/deposits", deposit, admin);
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(api.post("/admin/wallets/" + userId + "/deposits", "{\"amount\":-5,\"reference\":\"x\"}", admin)
                .text("field")).isEqualTo("amount");
        assertThat(api.post("/admin/wallets/" + userId + "/deposits?consistency=sometimes", deposit, admin)
                .text("field")).isEqualTo("consistency");

        JsonNode ledger = api.get("/wallet/transactions", wendy).body();
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).path("kind").asText()).isEqualTo("deposit");
        assertThat(ledger.get(0).path("amount").asLong()).isEqualTo(2_500);
        assertThat(ledger.get(0).path("reference").asText()).isEqualTo("bank-transfer-1");
        assertThat(ledger.get(1).path("kind").asText()).isEqualTo("grant");
        assertThat(ledger.get(1).path("balance").asLong()).isEqualTo(10_000);
    }

    @Test
    void buyInDebitsLeavingCashesOutAndARefusedSeatIsRefunded() throws Exception {
        String xena = api.signUp("xena");
        String yuri = api.signUp("yuri");
        String tableId = table(xena, 2);
        String join = "/tables/" + tableId + "/participants?consistency=strong";

        Response seated = api.post(join, "{\"buyIn\":3000}", xena);
        assertThat(seated.status()).as(seated.raw()).isEqualTo(201);
        assertThat(api.get("/wallet", xena).body().path("balance").asLong()).isEqualTo(7_000);

        // the seat is refused after the debit: compensation refunds the wallet, naming the reason
        Response taken = api.post(join, "{\"buyIn\":2000,\"seatNumber\":" + seated.body().path("seatNumber").asInt()
                + "}", yuri);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(409);
        assertThat(taken.text("error")).isEqualTo("seat_taken");
        assertThat(api.get("/wallet", yuri).body().path("balance").asLong()).isEqualTo(10_000);
        JsonNode ledger = api.get("/wallet/transactions", yuri).body();
        assertThat(ledger.get(0).path("kind").asText()).isEqualTo("buy_in_refund");
        assertThat(ledger.get(0).path("reference").asText()).isEqualTo("seat_taken");
        assertThat(ledger.get(0).path("amount").asLong()).isEqualTo(2_000);
        assertThat(ledger.get(1).path("kind").asText()).isEqualTo("buy_in");
        assertThat(ledger.get(1).path("amount").asLong()).isEqualTo(-2_000);

        Response poor = api.post(join, "{\"buyIn\":5000}", api.signUp("zoe_poor"));
        assertThat(poor.status()).isEqualTo(201);
        Response broke = api.post("/tables/" + table(xena, 6) + "/participants", "{\"buyIn\":5000}",
                api.login("zoe_poor", "correct horse"));
        Response broke2 = api.post("/tables/" + table(xena, 6) + "/participants", "{\"buyIn\":1000}",
                api.login("zoe_poor", "correct horse"));
        assertThat(broke.status()).isEqualTo(201);
        assertThat(broke2.status()).as(broke2.raw()).isEqualTo(409);
        assertThat(broke2.text("error")).isEqualTo("insufficient_funds");

        Response left = api.delete("/tables/" + tableId + "/participants/me?consistency=strong", xena);
        assertThat(left.status()).as(left.raw()).isEqualTo(200);
        assertThat(left.body().path("chipsReturned").asLong()).isEqualTo(3_000);
        assertThat(api.get("/wallet", xena).body().path("balance").asLong()).isEqualTo(10_000);
        assertThat(api.get("/wallet/transactions", xena).body().get(0).path("kind").asText()).isEqualTo("cash_out");

        assertThat(settledAudit().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void twentyPlayersRaceForTheLastThreeSeats() throws Exception {
        String host = api.signUp("host");
        String tableId = table(host, 4);
        assertThat(api.post("/tables/" + tableId + "/participants", "{\"buyIn\":1000}", host).status()).isEqualTo(201);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(api.signUp("racer_" + i));
        }
        for (String token : tokens) {
            balance(token);
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> results = new ArrayList<>();
        for (String token : tokens) {
            Callable<Response> join = () -> api.post("/tables/" + tableId + "/participants", "{\"buyIn\":1500}", token);
            results.add(pool.submit(join));
        }
        int seated = 0;
        int full = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Response r = results.get(i).get();
            String token = tokens.get(i);
            if (r.status() == 201) {
                seated++;
                Eventually.await(Duration.ofSeconds(10), () -> api.get("/wallet", token), b ->
                        b.status() == 200 && b.body().path("balance").asLong() == 8_500);
            } else {
                assertThat(r.status()).as(r.raw()).isEqualTo(409);
                assertThat(r.text("error")).isEqualTo("table_full");
                full++;
                Eventually.await(Duration.ofSeconds(10), () -> api.get("/wallet", token), b ->
                        b.status() == 200 && b.body().path("balance").asLong() == 10_000);
            }
        }
        pool.shutdown();
        assertThat(seated).isEqualTo(3);
        assertThat(full).isEqualTo(17);
        Eventually.await(Duration.ofSeconds(10), () -> api.get("/tables/" + tableId + "/participants", null).body(),
                b -> b.size() == 4);
        JsonNode audit = settledAudit();
        assertThat(audit.path("balanced").asBoolean()).as(audit.toString()).isTrue();
    }

    @Test
    void theAuditStaysBalancedThroughRandomJoinsAndLeaves() throws Exception {
        Random random = new Random(42);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(api.signUp("mover_" + i));
        }
        List<String> tables = List.of(table(tokens.get(0), 3), table(tokens.get(0), 4));
        for (int step = 0; step < 40; step++) {
            String token = tokens.get(random.nextInt(tokens.size()));
            String tableId = tables.get(random.nextInt(tables.size()));
            if (random.nextBoolean()) {
                api.post("/tables/" + tableId + "/participants", "{\"buyIn\":" + (100 + random.nextInt(4000)) + "}",
                        token);
            } else {
                api.delete("/tables/" + tableId + "/participants/me", token);
            }
        }
        JsonNode audit = settledAudit();
        assertThat(audit.path("balanced").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.path("expected").asLong()).isEqualTo(audit.path("actual").asLong());
        assertThat(audit.path("walletBalances").asLong() + audit.path("tableChips").asLong())
                .isEqualTo(audit.path("granted").asLong() + audit.path("deposited").asLong());
    }

    static String userId(String token) {
        return api.get("/users/me", token).text("id");
    }

    /** Transactions that push everything before them out of the wallet's window of remembered ids. */
    static void fillTheWindow(String userId) throws Exception {
        Wallets wallets = new Wallets(server.system(), Duration.ofSeconds(10), 0);
        for (int i = 0; i < WalletState.TRANSACTION_WINDOW; i++) {
            WalletEntity.Reply reply = wallets.execute(userId, new WalletCommand.Deposit("deposit-fill-" + i, 1,
                    "fill-" + i)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(reply).isInstanceOf(WalletEntity.Accepted.class);
        }
    }

    static WalletState wallet(String userId) {
        return ClusterSharding.get(server.system()).entityRefFor(WalletEntity.ENTITY_KEY, userId)
                .<WalletState>ask(WalletEntity.GetBalance::new, Duration.ofSeconds(10)).toCompletableFuture().join();
    }

    @Test
    void aDepositReferenceNamesOneDepositForGood() throws Exception {
        String token = api.signUp("vera");
        String deposits = "/admin/wallets/" + userId(token) + "/deposits?consistency=strong";
        String promo = "{\"amount\":300,\"reference\":\"promo-9\"}";
        String promoBigger = "{\"amount\":3000,\"reference\":\"promo-9\"}";
        Response first = api.post(deposits, promo, admin);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);

        Response reused = api.post(deposits, promoBigger, admin);
        assertThat(reused.status()).as(reused.raw()).isEqualTo(409);
        assertThat(reused.text("error")).isEqualTo("reference_reused");
        assertThat(balance(token)).isEqualTo(10_300);

        // long after, when the wallet itself no longer remembers it: the ledger does
        fillTheWindow(userId(token));
        Eventually.await(Duration.ofSeconds(15), () -> api.get("/wallet/transactions?limit=1000", token).body(),
                ledger -> ledger.size() == 2 + WalletState.TRANSACTION_WINDOW);
        assertThat(wallet(userId(token)).transactions()).doesNotContainKey("deposit-promo-9");
        Response again = api.post(deposits, promo, admin);
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.text("transactionId")).isEqualTo(first.text("transactionId"));
        assertThat(again.body().path("balance").asLong()).isEqualTo(10_300);
        assertThat(api.post(deposits, promoBigger, admin).text("error")).isEqualTo("reference_reused");
        assertThat(wallet(userId(token)).balance()).isEqualTo(10_300 + WalletState.TRANSACTION_WINDOW);
    }

    @Test
    void aCashOutReplayedLongAfterTheLeaveCreditsNothing() throws Exception {
        String token = api.signUp("ulla");
        String user = userId(token);
        String tableId = table(token, 2);
        Response seated = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":1000}", token);
        assertThat(seated.status()).as(seated.raw()).isEqualTo(201);
        Response left = api.delete("/tables/" + tableId + "/participants/me?consistency=strong", token);
        assertThat(left.body().path("chipsReturned").asLong()).isEqualTo(1_000);
        fillTheWindow(user);
        Eventually.await(Duration.ofSeconds(15), () -> api.get("/wallet/transactions?limit=1000", token).body(),
                ledger -> ledger.size() == 3 + WalletState.TRANSACTION_WINDOW);
        long balance = wallet(user).balance();
        assertThat(balance).isEqualTo(10_000 + WalletState.TRANSACTION_WINDOW);

        // the cash_outs projection meets the same ParticipantLeft again, as after a reset of its offset
        var replayed = EventEnvelope.<TableEvent>create(Offset.sequence(1), "Table|" + tableId, 2,
                new TableEvent.ParticipantLeft(seated.text("participantId"), user, tableId,
                        seated.body().path("seatNumber").asInt(), 1_000), 0L);
        CashOutProjectionHandler handler = new CashOutProjectionHandler(new Wallets(server.system(),
                Duration.ofSeconds(10), 0));
        PooledJdbcSession session = new PooledJdbcSession(server.dataSource());
        try {
            handler.process(session, replayed);
            assertThat(wallet(user).balance()).isEqualTo(balance);

            // with the ledger far behind the wallet nobody can tell yet: the envelope fails, to be retried
            session.withConnection(c -> {
                try (var delete = c.prepareStatement("DELETE FROM wallet_ledger WHERE user_id = ?::uuid")) {
                    delete.setString(1, user);
                    return delete.executeUpdate();
                }
            });
            assertThatThrownBy(() -> handler.process(session, replayed)).isInstanceOf(IllegalStateException.class);
            assertThat(wallet(user).balance()).isEqualTo(balance);
        } finally {
            session.rollback();
            session.close();
        }
    }
}
