package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.Eventually;
import poker.support.TestDatabase;
import poker.support.TestServer;

/**
 * Control characters and unpaired surrogates in any text field are refused at the API boundary
 * with 400 naming the field, and nothing is stored: a NUL used to be accepted in a table name (and
 * stall the lobby), in a deposit reference (and stall the ledger), and answered 503 in a username.
 */
class HostileTextIT {

    static PokerServer server;
    static ApiClient api;
    static String player;
    static String admin;
    static String playerId;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestDatabase.fresh());
        api = new ApiClient(server.httpPort());
        player = api.signUp("hostile");
        playerId = api.get("/users/me", player).text("id");
        admin = api.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        Eventually.await(Duration.ofSeconds(15), () -> api.get("/wallet", player).status(), status -> status == 200);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** JSON string escapes, as a client sends them: NUL, ESC, DEL, a C1 control, a lone surrogate. */
    static final String[] HOSTILE = {"\\u0000", "\\u001b", "\\u007f", "\\u0085", "\\ud800"};

    static void assertRefused(Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.text("error")).as(r.raw()).isEqualTo("invalid_field");
        assertThat(r.text("field")).as(r.raw()).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aTableNameIsRefusedAndNoTableIsCreated(int which) {
        int before = api.get("/tables", null).body().size();
        Response r = api.post("/tables", "{\"name\":\"a" + HOSTILE[which] + "b\",\"smallBlind\":5,\"bigBlind\":10,"
                + "\"maxSeats\":6,\"minBuyIn\":200,\"maxBuyIn\":1000}", player);
        assertRefused(r, "name");
        assertThat(api.get("/tables", null).body().size()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void usernamePasswordAndDisplayNameAreRefusedAtRegistrationAndLogin(int which) {
        String bad = "x" + HOSTILE[which] + "y";
        assertRefused(api.post("/users", "{\"username\":\"" + bad + "\",\"password\":\"correct horse\"}", null),
                "username");
        assertRefused(api.post("/users", "{\"username\":\"newbie" + which + "\",\"password\":\"correct " + bad
                + " horse\"}", null), "password");
        assertRefused(api.post("/users", "{\"username\":\"newbie" + which + "\",\"password\":\"correct horse\","
                + "\"displayName\":\"" + bad + "\"}", null), "displayName");
        assertRefused(api.post("/sessions", "{\"username\":\"" + bad + "\",\"password\":\"correct horse\"}", null),
                "username");
        assertRefused(api.post("/sessions", "{\"username\":\"hostile\",\"password\":\"" + bad + "\"}", null),
                "password");
        // nothing was registered: the clean name is still free (a login would not tell, with another password)
        assertThat(api.post("/users", "{\"username\":\"newbie" + which + "\",\"password\":\"correct horse\"}",
                null).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void aDepositReferenceIsRefusedAndTheBalanceStays(int which) {
        long balance = api.get("/wallet", player).body().path("balance").asLong();
        Response r = api.post("/admin/wallets/" + playerId + "/deposits",
                "{\"amount\":100,\"reference\":\"wire" + HOSTILE[which] + "42\"}", admin);
        assertRefused(r, "reference");
        assertThat(api.get("/wallet", player).body().path("balance").asLong()).isEqualTo(balance);
    }
}
