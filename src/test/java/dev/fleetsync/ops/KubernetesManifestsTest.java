package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Parses every manifest under deploy/ with the fabric8 Kubernetes model and checks it against the service. */
class KubernetesManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Added by quarkus-kubernetes to every Deployment; fleetsync reads no such key. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("KUBERNETES_NAMESPACE");

    private final List<HasMetadata> objects = Manifests.all();
    private final Deployment deployment = Manifests.one(objects, Deployment.class, "fleetsync");
    private final Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    private final Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    private final GenericKubernetesResource database = Manifests.one(objects, GenericKubernetesResource.class, "fleetsync-db");

    @Test
    void everyManifestIsAKubernetesObjectListedInAKustomization() throws IOException {
        Set<Path> listed = new HashSet<>();
        for (Path kustomization : kustomizations()) {
            for (JsonNode resource : YAML.readTree(kustomization.toFile()).path("resources")) {
                Path target = kustomization.getParent().resolve(resource.asText()).normalize();
                assertThat(target).as("listed in %s", kustomization).exists();
                listed.add(target);
            }
        }

        assertThat(objects).allSatisfy(o -> {
            assertThat(o.getApiVersion()).isNotBlank();
            assertThat(o.getKind()).isNotBlank();
            assertThat(o.getMetadata().getName()).isNotBlank();
        });
        assertThat(Manifests.files()).allSatisfy(file -> assertThat(listed).contains(file.normalize()));
    }

    @Test
    void theDeploymentRunsSeveralReplicasOnTheApiPortWithBoundedResources() {
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getContainerPort()).isEqualTo(apiPort());
            assertThat(port.getName()).isEqualTo("http");
        });
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    }

    @Test
    void probesAskTheHealthEndpointsOnTheApiPort() {
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertProbe(container.getStartupProbe(), "/q/health/started");
    }

    @Test
    void theServiceRoutesToTheApiPortOfThePods() {
        Service service = Manifests.one(objects, Service.class, "fleetsync");

        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getIntVal()).isEqualTo(apiPort()));
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void everyEnvironmentVariableAndConfigKeyIsADocumentedSetting() throws IOException {
        Map<String, ConfigurationReference.Entry> documented = ConfigurationReference.entries();
        Set<String> variables = new HashSet<>();
        documented.values().forEach(e -> variables.add(e.environmentVariable()));

        List<String> used = new ArrayList<>();
        container.getEnv().stream().map(EnvVar::getName).filter(n -> !PLATFORM_VARIABLES.contains(n)).forEach(used::add);
        objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .forEach(c -> used.addAll(c.getData().keySet()));
        for (Path kustomization : kustomizations()) {
            for (JsonNode generator : YAML.readTree(kustomization.toFile()).path("configMapGenerator")) {
                generator.path("literals").forEach(l -> used.add(l.asText().substring(0, l.asText().indexOf('='))));
            }
        }

        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(variables).as("documented variables").contains(name));
        assertThat(documented.values()).allSatisfy(e -> assertThat(e.environmentVariable())
                .isEqualTo(ConfigurationReference.environmentVariable(e.key())));
    }

    @Test
    void everyConfigMapAndSecretTheDeploymentReadsIsProvided() throws IOException {
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                Manifests.one(objects, ConfigMap.class, source.getConfigMapRef().getName());
            } else {
                assertThat(generatedSecrets()).contains(source.getSecretRef().getName());
            }
        }
        // CloudNativePG writes <cluster>-app with the owner's username and password
        assertThat(container.getEnv()).filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .hasSize(2).allSatisfy(e -> {
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(database.getMetadata().getName() + "-app");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isIn("username", "password");
        });
    }

    @Test
    void theDatabaseUrlsNameThePrimaryServiceAndTheDatabaseOfTheCluster() {
        Map<String, String> config = Manifests.one(objects, ConfigMap.class, "fleetsync-config").getData();
        String database = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) this.database.getAdditionalProperties().get("spec"))
                .get("bootstrap")).get("initdb")).get("database");
        String reactive = "postgresql://" + this.database.getMetadata().getName() + "-rw:5432/" + database;

        assertThat(this.database.getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(config).containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", reactive)
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:" + reactive);
    }

    @Test
    void disruptionsAndAutoscalingKeepSeveralReplicasWithinTheDatabaseConnectionBudget() {
        PodDisruptionBudget budget = Manifests.one(objects, PodDisruptionBudget.class, "fleetsync");
        HorizontalPodAutoscaler autoscaler = Manifests.one(objects, HorizontalPodAutoscaler.class, "fleetsync");
        int poolSize = Integer.parseInt(Manifests.one(objects, ConfigMap.class, "fleetsync-config").getData()
                .get("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE"));
        int jdbcPoolSize = Integer.parseInt(applicationProperties().getProperty("quarkus.datasource.jdbc.max-size"));
        int maxConnections = Integer.parseInt((String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) database.getAdditionalProperties()
                .get("spec")).get("postgresql")).get("parameters")).get("max_connections"));

        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isLessThan(deployment.getSpec().getReplicas());
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(deployment.getSpec().getReplicas());
        assertThat(autoscaler.getSpec().getMaxReplicas() * (poolSize + jdbcPoolSize)).isLessThan(maxConnections);
    }

    @Test
    void theNetworkPolicyAdmitsOnlyTheApiPortAndReachesOnlyTheDatabaseDnsAndPublicHttp() {
        NetworkPolicy policy = Manifests.one(objects, NetworkPolicy.class, "fleetsync");

        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(apiPort());
        });
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        assertThat(policy.getSpec().getEgress().get(0).getTo()).singleElement().satisfies(peer -> assertThat(
                peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("cnpg.io/cluster", database.getMetadata().getName())));
        assertThat(policy.getSpec().getEgress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(5432);
        assertThat(policy.getSpec().getEgress().get(1).getPorts()).extracting(NetworkPolicyPort::getPort)
                .allSatisfy(port -> assertThat(port.getIntVal()).isEqualTo(53));
        // webhook receivers and a bundle store: HTTP(S) to public addresses, never the cluster's or the metadata service
        var web = policy.getSpec().getEgress().get(2);
        assertThat(web.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactlyInAnyOrder(80, 443);
        assertThat(web.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
            assertThat(peer.getIpBlock().getExcept()).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
        });
    }

    @Test
    void overlaysReplaceTheImageTheGeneratedDeploymentNames() throws IOException {
        String image = container.getImage().substring(0, container.getImage().lastIndexOf(':'));

        for (Path kustomization : kustomizations()) {
            for (JsonNode override : YAML.readTree(kustomization.toFile()).path("images")) {
                assertThat(override.path("name").asText()).as("image replaced in %s", kustomization).isEqualTo(image);
            }
        }
    }

    private void assertProbe(Probe probe, String path) {
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getIntVal()).isEqualTo(apiPort());
    }

    private static int apiPort() {
        return Integer.parseInt(applicationProperties().getProperty("quarkus.http.port"));
    }

    private static Properties applicationProperties() {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theProductionOverlayTakesPrincipalsAndSharedKeysFromFilesGitIgnores() throws IOException {
        Path overlay = Manifests.DEPLOY.resolve("overlays/production");
        JsonNode generator = YAML.readTree(overlay.resolve("kustomization.yaml").toFile()).path("secretGenerator").get(0);
        Map<String, String> files = new java.util.TreeMap<>();
        generator.path("files").forEach(f -> files.put(f.asText().split("=", 2)[0], f.asText().split("=", 2)[1]));

        // the settings a replica set cannot share by chance, each from a file of its own that the operator makes
        assertThat(generator.path("name").asText()).isEqualTo("fleetsync-principals");
        assertThat(files).containsOnlyKeys("FLEETSYNC_AUTH_PRINCIPALS", "FLEETSYNC_AUTH_PAGE_TOKEN_KEY",
                "FLEETSYNC_AUTH_ROBOT_CREDENTIAL_KEY", "FLEETSYNC_WEBHOOKS_SECRET_KEY");
        assertThat(files.values()).allSatisfy(file -> assertThat(file).startsWith("secrets/"));
        assertThat(generator.has("envs")).as("no env file that an example could leave empty").isFalse();
        assertThat(Files.readAllLines(overlay.resolve(".gitignore"))).contains("secrets/");
    }

    private static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(Manifests.DEPLOY)) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> generatedSecrets() throws IOException {
        Set<String> names = new HashSet<>();
        for (Path kustomization : kustomizations()) {
            YAML.readTree(kustomization.toFile()).path("secretGenerator").forEach(g -> names.add(g.path("name").asText()));
        }
        return names;
    }
}
