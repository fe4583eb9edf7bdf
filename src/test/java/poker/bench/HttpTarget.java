package poker.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The full server over HTTP: admin deposits, {@code POST /api/admin/wallets/{userId}/deposits}, one request
 * per command on keep-alive HTTP/1.1 connections (one per caller). The API has no debit route (a player's
 * debits are buy-ins, which run a saga with a table), so this target runs deposits only. The wallets are
 * opened in process by the target that shares the server ({@link WalletsApiTarget}).
 */
final class HttpTarget implements WalletTarget {

    static final String NAME = "server-http";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String adminToken;

    HttpTarget(int port, String adminToken) {
        this.base = "http://127.0.0.1:" + port + "/api/admin/wallets/";
        this.adminToken = adminToken;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the full server over HTTP: admin deposits (POST /api/admin/wallets/{id}/deposits; no debit route,"
                + " deposits only)";
    }

    @Override
    public boolean debits() {
        return false;
    }

    @Override
    public void open(List<String> walletIds) {
        // opened in process by the in-process target of the same server
    }

    @Override
    public Outcome execute(String walletId, WalletWorkload.Command command) throws Exception {
        if (command.kind() != WalletWorkload.Kind.DEPOSIT) {
            throw new IllegalArgumentException("the API has no debit route");
        }
        String body = "{\"amount\":" + command.amount() + ",\"reference\":\"" + UUID.randomUUID() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + walletId + "/deposits"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            return Outcome.ACCEPTED;
        }
        throw new IllegalStateException("deposit answered " + response.statusCode() + ": " + response.body());
    }
}
