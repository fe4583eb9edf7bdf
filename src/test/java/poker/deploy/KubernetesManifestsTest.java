package poker.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in k8s/ parses into fabric8's typed Kubernetes model, strictly: a field the model does not
 * know (a typo, a field at the wrong level) fails, where fabric8 would otherwise keep it aside in
 * "additionalProperties" and Kubernetes would drop or refuse it. Then the manifests agree with the code:
 * probes on the management port and routes, the labels and port name cluster bootstrap's Kubernetes
 * discovery looks for, RBAC that lets it list pods, and the environment the production overlay requires.
 */
class KubernetesManifestsTest {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "rbac.authorization.k8s.io/v1/Role", Role.class,
            "rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final ObjectMapper STRICT = strictMapper();
    private static List<HasMetadata> resources;

    @BeforeAll
    static void parseAll() throws IOException {
        resources = new ArrayList<>();
        try (var files = Files.list(DeploymentConfig.ROOT.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                resources.addAll(parse(Files.readString(file), file.getFileName().toString()));
            }
        }
    }

    /** Jackson, with fabric8's catch-all for unknown fields switched off and unknown fields failing. */
    private static ObjectMapper strictMapper() {
        SimpleModule noCatchAll = new SimpleModule("strict-kubernetes-model");
        noCatchAll.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                                                         BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        return new ObjectMapper(new YAMLFactory())
                .registerModule(noCatchAll)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static List<HasMetadata> parse(String yaml, String source) throws IOException {
        List<HasMetadata> parsed = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode document : STRICT.readValues(parser, JsonNode.class).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new AssertionError(source + ": a kind this test does not know: " + kind);
                }
                try {
                    parsed.add(STRICT.treeToValue(document, type));
                } catch (IOException e) {
                    throw new AssertionError(source + ": " + kind + " does not parse: " + e.getMessage(), e);
                }
            }
        }
        return parsed;
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static Deployment platform() {
        return one(Deployment.class);
    }

    private static Container node() {
        List<Container> containers = platform().getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    @Test
    void anUnknownFieldFailsTheParse() {
        String typo = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replica: 3\n";
        assertThatThrownBy(() -> parse(typo, "typo.yaml")).hasMessageContaining("replica");
        String misplaced = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  selector:\n    app: poker\n";
        assertThatThrownBy(() -> parse(misplaced, "misplaced.yaml")).hasMessageContaining("selector");
        String wrongKind = "apiVersion: v1\nkind: Deployment\nmetadata:\n  name: x\n";
        assertThatThrownBy(() -> parse(wrongKind, "kind.yaml")).hasMessageContaining("v1/Deployment");
    }

    @Test
    void everythingIsInTheNamespaceTheFilesCreate() {
        String namespace = one(Namespace.class).getMetadata().getName();
        assertThat(resources).filteredOn(r -> !(r instanceof Namespace))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).as(r.getKind() + " "
                        + r.getMetadata().getName()).isEqualTo(namespace));
        assertThat(resources.stream().map(HasMetadata::getKind).collect(Collectors.toSet())).contains("Namespace",
                "Deployment", "ServiceAccount", "Role", "RoleBinding", "Service", "ConfigMap", "Secret",
                "PodDisruptionBudget", "StatefulSet");
    }

    @Test
    void threeReplicasLabelledForDiscoveryWithTheManagementPortNamedAsDiscoveryExpects() {
        Deployment deployment = platform();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        // pekko.discovery.kubernetes-api: pod-label-selector "app=%s" with the bootstrap service name
        var config = DeploymentConfig.defaults();
        ConfigMap settings = named(ConfigMap.class, "poker-config");
        String service = settings.getData().getOrDefault("POKER_DISCOVERY_SERVICE_NAME",
                config.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name"));
        String selector = String.format(config.getString("pekko.discovery.kubernetes-api.pod-label-selector"), service);
        String[] labelSelector = selector.split("=");
        assertThat(podLabels).containsEntry(labelSelector[0], labelSelector[1]);

        Map<String, Integer> ports = node().getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        assertThat(ports).containsEntry(config.getString("pekko.discovery.kubernetes-api.pod-port-name"),
                DeploymentConfig.managementPort());
        assertThat(ports).containsEntry("http", DeploymentConfig.httpPort());
        assertThat(ports).containsEntry("remoting", DeploymentConfig.remotePort());
    }

    @Test
    void probesUseTheManagementRoutes() {
        Container node = node();
        Map<String, Integer> ports = node.getPorts().stream()
                .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
        assertProbe(node.getReadinessProbe(), DeploymentConfig.readinessPath(), ports);
        assertProbe(node.getLivenessProbe(), DeploymentConfig.livenessPath(), ports);
        if (node.getStartupProbe() != null) {
            assertProbe(node.getStartupProbe(), DeploymentConfig.livenessPath(), ports);
        }
    }

    private static void assertProbe(Probe probe, String path, Map<String, Integer> ports) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        var port = probe.getHttpGet().getPort();
        int number = port.getStrVal() != null ? ports.getOrDefault(port.getStrVal(), -1) : port.getIntVal();
        assertThat(number).as("probe port of " + path).isEqualTo(DeploymentConfig.managementPort());
    }

    @Test
    void theServiceAccountMayListAndWatchPodsAndNothingMore() {
        Deployment deployment = platform();
        String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        ServiceAccount serviceAccount = named(ServiceAccount.class, account);
        RoleBinding binding = one(RoleBinding.class);
        assertThat(binding.getSubjects()).anySatisfy(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(account);
            assertThat(s.getNamespace()).isEqualTo(serviceAccount.getMetadata().getNamespace());
        });
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        Role role = named(Role.class, binding.getRoleRef().getName());
        assertThat(role.getRules()).hasSize(1);
        PolicyRule rule = role.getRules().get(0);
        assertThat(rule.getApiGroups()).containsExactly("");
        assertThat(rule.getResources()).containsExactly("pods");
        assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "watch", "list");
    }

    @Test
    void theEnvironmentIsWhatTheProductionOverlayNeedsAndOnlyWhatTheConfigurationReads() {
        Container node = node();
        Set<String> names = new TreeSet<>();
        node.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        for (var source : node.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                names.addAll(named(ConfigMap.class, source.getConfigMapRef().getName()).getData().keySet());
            }
            if (source.getSecretRef() != null) {
                Secret secret = named(Secret.class, source.getSecretRef().getName());
                names.addAll(secret.getStringData() != null ? secret.getStringData().keySet()
                        : secret.getData().keySet());
            }
        }
        assertThat(DeploymentConfig.variables()).containsAll(names);
        assertThat(names).contains("POKER_DB_URL", "POKER_DB_USER", "POKER_DB_PASSWORD", "POKER_REMOTE_HOST",
                "POKER_MANAGEMENT_HOST", "POKER_CLUSTER_BOOTSTRAP", "POKER_DISCOVERY_METHOD");
        ConfigMap settings = named(ConfigMap.class, "poker-config");
        assertThat(settings.getData()).containsEntry("POKER_CLUSTER_BOOTSTRAP", "on")
                .containsEntry("POKER_DISCOVERY_METHOD", "kubernetes-api");
        for (String podAddress : List.of("POKER_REMOTE_HOST", "POKER_MANAGEMENT_HOST")) {
            EnvVar variable = node.getEnv().stream().filter(v -> v.getName().equals(podAddress)).findFirst()
                    .orElseThrow();
            assertThat(variable.getValueFrom().getFieldRef().getFieldPath()).as(podAddress)
                    .isEqualTo("status.podIP");
        }
        assertThat(node.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(node.getResources().getLimits()).containsKey("memory");
    }

    @Test
    void theBudgetAndTheServiceSelectThePlatformPods() {
        Map<String, String> podLabels = platform().getSpec().getTemplate().getMetadata().getLabels();
        PodDisruptionBudget budget = one(PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        Service http = named(Service.class, "poker-http");
        assertThat(podLabels).containsAllEntriesOf(http.getSpec().getSelector());
        Set<String> portNames = node().getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
        assertThat(http.getSpec().getPorts()).allSatisfy(p -> assertThat(portNames).contains(p.getTargetPort().getStrVal()));
    }

    @Test
    void postgresKeepsItsDataOnAVolumeClaimAndReadsTheSameSecret() {
        StatefulSet postgres = one(StatefulSet.class);
        assertThat(postgres.getSpec().getVolumeClaimTemplates()).hasSize(1);
        String claim = postgres.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        Container container = postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).startsWith("postgres:15");
        assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getName()).isEqualTo(claim));
        Set<String> secrets = container.getEnv().stream().filter(e -> e.getValueFrom() != null)
                .map(e -> e.getValueFrom().getSecretKeyRef().getName()).collect(Collectors.toSet());
        assertThat(secrets).containsExactly("poker-db");
        Service headless = named(Service.class, postgres.getSpec().getServiceName());
        assertThat(named(ConfigMap.class, "poker-config").getData().get("POKER_DB_URL"))
                .contains("//" + headless.getMetadata().getName() + ".");
    }
}
