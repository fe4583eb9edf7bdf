package poker.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the API, as any outside client would use it. */
public final class ApiClient {

    public record Response(int status, JsonNode body, String raw) {
        /**
         * A field of the answer. A 202 (the command stored, the read side not caught up within the strong
         * consistency wait) carries the answer under {@code result}: a field missing at the top is read there.
         */
        public String text(String field) {
            JsonNode value = body.path(field);
            if (value.isMissingNode() && status == 202) {
                value = body.path("result").path(field);
            }
            return value.asText();
        }
    }

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/api";
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Response post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    public Response send(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body;
            try {
                body = raw == null || raw.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(raw);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                body = MAPPER.nullNode();
            }
            return new Response(response.statusCode(), body, raw);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    public String login(String username, String password) {
        Response session = post("/sessions", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
                null);
        if (session.status() != 201) {
            throw new IllegalStateException("login " + username + ": " + session.raw());
        }
        return session.text("token");
    }

    /** Registers a user and logs in; returns the token. */
    public String signUp(String username) {
        Response created = post("/users", "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}", null);
        if (created.status() != 201) {
            throw new IllegalStateException("register " + username + ": " + created.raw());
        }
        Response session = post("/sessions", "{\"username\":\"" + username + "\",\"password\":\"correct horse\"}", null);
        if (session.status() != 201) {
            throw new IllegalStateException("login " + username + ": " + session.raw());
        }
        return session.text("token");
    }
}
