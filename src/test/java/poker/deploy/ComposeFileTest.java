package poker.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is a valid Compose file (the Compose specification's JSON schema, kept in
 * src/test/resources/compose-spec), and agrees with the code: PostgreSQL 15 with a volume and a health
 * check, three nodes with /ready health checks on the management port, one published HTTP port each, and
 * only environment variables the configuration reads. No container runs here: this is the check CI can do.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Schema schema;
    private static JsonNode compose;

    @BeforeAll
    static void load() throws Exception {
        ObjectNode spec;
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            spec = (ObjectNode) new ObjectMapper().readTree(in);
        }
        // the draft-07 meta-schema is built into the validator; say so in its own spelling, so nothing is fetched
        spec.put("$schema", SpecificationVersion.DRAFT_7.getDialectId());
        // its $id is a bare file name, which the validator refuses as a base; every $ref in it is local
        spec.remove("$id");
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(spec);
        compose = YAML.readTree(Files.readString(DeploymentConfig.ROOT.resolve("docker-compose.yml")));
    }

    @Test
    void theComposeFileFollowsTheComposeSpecification() {
        List<Error> errors = schema.validate(compose);
        assertThat(errors).as("schema errors").isEmpty();
    }

    @Test
    void theSchemaCatchesAMistake() throws Exception {
        JsonNode broken = YAML.readTree("services:\n  node1:\n    image: x\n    helthcheck:\n      test: [\"CMD\", \"true\"]\n");
        assertThat(schema.validate(broken)).as("a misspelt key").isNotEmpty();
        JsonNode badPort = YAML.readTree("services:\n  node1:\n    image: x\n    depends_on:\n      postgres:\n        condition: when_ready\n");
        assertThat(schema.validate(badPort)).as("an unknown depends_on condition").isNotEmpty();
    }

    @Test
    void postgresHasAVolumeAndAHealthCheck() {
        JsonNode postgres = compose.path("services").path("postgres");
        assertThat(postgres.path("image").asText()).startsWith("postgres:15");
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
        String volume = postgres.path("volumes").get(0).asText();
        assertThat(volume).endsWith(":/var/lib/postgresql/data");
        assertThat(compose.path("volumes").has(volume.substring(0, volume.indexOf(':')))).isTrue();
    }

    @Test
    void threeNodesWithReadyChecksOnePublishedPortEachAndKnownVariables() {
        List<String> nodes = new ArrayList<>();
        List<String> published = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> services = compose.path("services").fields();
        while (services.hasNext()) {
            Map.Entry<String, JsonNode> entry = services.next();
            if (entry.getKey().equals("postgres")) {
                continue;
            }
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            nodes.add(name);
            String check = node.path("healthcheck").path("test").toString();
            assertThat(check).as(name + " health check").contains("/" + DeploymentConfig.managementPort())
                    .contains("GET " + DeploymentConfig.readinessPath() + " ");
            assertThat(node.path("depends_on").path("postgres").path("condition").asText())
                    .as(name + " waits for a healthy PostgreSQL").isEqualTo("service_healthy");
            assertThat(node.path("ports")).as(name + " publishes one port").hasSize(1);
            String port = node.path("ports").get(0).asText();
            assertThat(port).as(name + " publishes the HTTP port").endsWith(":" + DeploymentConfig.httpPort());
            published.add(port.substring(0, port.indexOf(':')));

            JsonNode env = node.path("environment");
            List<String> names = new ArrayList<>();
            env.fieldNames().forEachRemaining(names::add);
            assertThat(DeploymentConfig.variables()).as(name + ": variables the configuration reads")
                    .containsAll(names);
            assertThat(names).contains("POKER_DB_URL", "POKER_DB_USER", "POKER_DB_PASSWORD", "POKER_REMOTE_HOST",
                    "POKER_MANAGEMENT_HOST", "POKER_CLUSTER_BOOTSTRAP", "POKER_DISCOVERY_METHOD",
                    "POKER_DISCOVERY_ENDPOINTS");
            assertThat(env.path("POKER_REMOTE_HOST").asText()).isEqualTo(name);
            assertThat(env.path("POKER_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env.path("POKER_DISCOVERY_METHOD").asText()).isEqualTo("config");
            // bootstrap contacts every node on its management port
            for (String endpoint : env.path("POKER_DISCOVERY_ENDPOINTS").asText().split(",")) {
                assertThat(endpoint).endsWith(":" + DeploymentConfig.managementPort());
                assertThat(compose.path("services").has(endpoint.substring(0, endpoint.indexOf(':'))))
                        .as(endpoint + " is a service").isTrue();
            }
        }
        assertThat(nodes).hasSize(3);
        assertThat(published).doesNotHaveDuplicates();
    }
}
