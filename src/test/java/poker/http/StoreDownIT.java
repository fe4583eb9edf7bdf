package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import poker.PokerServer;
import poker.support.ApiClient;
import poker.support.ApiClient.Response;
import poker.support.TestDatabase;
import poker.support.TestServer;

/** When the database stops answering, clients get 503 with a JSON body, never a 500 or a hang. */
class StoreDownIT {

    @Test
    void answers503WhileTheStoreIsUnreachableAndRecoversAfterwards() throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        PokerServer server = TestServer.start(db, Map.of("poker.ask-timeout", "3s"));
        ApiClient api = new ApiClient(server.httpPort());
        String token = api.signUp("sam");
        String tableId = api.post("/tables", "{\"name\":\"T\",\"smallBlind\":1,\"bigBlind\":2,\"maxSeats\":6,"
                + "\"minBuyIn\":40,\"maxBuyIn\":200}", token).text("tableId");
        String database = db.url().substring(db.url().lastIndexOf('/') + 1);
        String admin = db.url().substring(0, db.url().lastIndexOf('/') + 1) + "postgres";
        try {
            setReachable(admin, db, database, false);

            for (Response r : new Response[] {
                    api.get("/tables", null),
                    api.post("/sessions", "{\"username\":\"sam\",\"password\":\"correct horse\"}", null),
                    api.get("/users/me", token)}) {
                assertThat(r.status()).as(r.raw()).isEqualTo(503);
                assertThat(r.text("error")).isEqualTo("store_unavailable");
            }
        } finally {
            setReachable(admin, db, database, true);
        }
        try {
            Response join = null;
            for (int i = 0; i < 50; i++) {
                join = api.post("/tables/" + tableId + "/participants", "{\"buyIn\":100}", token);
                if (join.status() != 503) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(join.status()).as(join.raw()).isEqualTo(201);
        } finally {
            server.stop();
        }
    }

    private static void setReachable(String adminUrl, TestDatabase.Db db, String database, boolean reachable)
            throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl, db.user(), db.password());
             Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + reachable);
            if (!reachable) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }
}
