package poker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.junit.jupiter.api.Test;

/** pekko-http's own request timeout answers in the API's JSON error format too. */
class HttpServerTest {

    @Test
    void aResponseThatTakesTooLongIsA503InJson() throws Exception {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "http-server-test", ConfigFactory.parseMap(Map.of(
                        "pekko.actor.provider", "local",
                        "pekko.http.server.request-timeout", "300ms"))
                .withFallback(ConfigFactory.load()));
        try {
            AllDirectives d = new AllDirectives() { };
            Route slow = d.path("slow", () -> d.completeWithFuture(CompletableFuture.supplyAsync(
                    () -> Json.ok(Map.of("late", true)), CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS))));
            ServerBinding binding = new HttpServer(() -> true, slow).bind(system, "127.0.0.1", 0)
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + HttpServer.port(binding) + "/api/slow"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(Json.MAPPER.readTree(response.body()).path("error").asText()).isEqualTo("server_timeout");
        } finally {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
