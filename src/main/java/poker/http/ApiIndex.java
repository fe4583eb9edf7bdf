package poker.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api}: what a newcomer finds at the address the server prints when it starts. */
final class ApiIndex {

    static final Map<String, Object> INDEX = index();

    private ApiIndex() {
    }

    private static Map<String, Object> index() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", "poker-platform");
        index.put("version", "v1");
        index.put("contract", "API.md (HTTP and WebSocket API v1); README.md has a walk-through");
        index.put("auth", "POST /api/sessions gives a token; send it as Authorization: Bearer <token>");
        // HttpApiIT calls every entry: one that no route answers fails the build
        index.put("resources", List.of(
                "POST /api/users", "POST /api/sessions", "DELETE /api/sessions/current", "GET /api/users/me",
                "POST /api/tables", "GET /api/tables?limit={n}&after={id}", "GET /api/tables/{id}",
                "GET|POST /api/tables/{id}/participants",
                "DELETE /api/tables/{id}/participants/me", "GET /api/tables/{id}/stats",
                "POST /api/tables/{id}/actions", "POST /api/tables/{id}/close", "POST /api/tables/{id}/sit-out", "POST /api/tables/{id}/sit-in",
                "GET /api/tables/{id}/live?fromSeq={seq} (WebSocket)", "GET /api/tables/{id}/hands?limit={n}&before={n}",
                "GET /api/tables/{id}/hands/{n}", "GET /api/tables/{id}/hands/{n}/history.txt",
                "GET /api/tables/{id}/replay?at={seq}", "GET /api/wallet", "GET /api/wallet/transactions?limit={n}",
                "POST /api/tournaments", "GET /api/tournaments?limit={n}&after={id}&status=registering",
                "GET /api/tournaments/{id}", "POST /api/tournaments/{id}/registrations",
                "DELETE /api/tournaments/{id}/registrations/me", "POST /api/tournaments/{id}/start",
                "POST /api/tournaments/{id}/cancel", "GET /api/tournaments/{id}/standings",
                "GET /api/tournaments/{id}/me", "GET /api/tournaments/{id}/live?fromSeq={seq} (WebSocket)",
                "POST /api/admin/wallets/{userId}/deposits", "GET /api/admin/audit", "GET /api/admin/projections",
                "GET /api/admin/projections/skips", "POST /api/admin/projections/{name}/{slice}/skip",
                "GET|POST /api/admin/projections/{name}/rebuild", "GET|POST /api/admin/archive"));
        return Collections.unmodifiableMap(index);
    }
}
