package poker.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import poker.infra.Jackson;

/** JSON in and out of the HTTP API. */
public final class Json {

    public static final ObjectMapper MAPPER = Jackson.MAPPER;

    private Json() {
    }

    public static HttpResponse response(StatusCode status, Object body) {
        try {
            return HttpResponse.create()
                    .withStatus(status)
                    .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body not serializable", e);
        }
    }

    public static HttpResponse ok(Object body) {
        return response(StatusCodes.OK, body);
    }

    public static HttpResponse error(ApiError e) {
        HttpResponse response = response(e.status(), ErrorMapping.body(e));
        return e.retryAfter()
                // whole seconds, rounded up: Retry-After: 0 would invite an immediate retry
                .map(after -> response.addHeader(RetryAfter.create(Math.max(1, (after.toMillis() + 999) / 1000))))
                .orElse(response);
    }

    /** Reads a request body that must be one JSON object. */
    public static Fields object(String body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("malformed_json", "The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("malformed_json", "The body must be a JSON object.");
        }
        return new Fields(node);
    }
}
