package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kustomization under deploy/ renders with the real kustomize, and every object it renders matches the strict
 * schema of its kind (Kubernetes 1.32, CloudNativePG's Cluster, the Prometheus operator's ServiceMonitor); a broken
 * field, of whatever kind, fails.
 */
class ManifestSchemasTest {
    private static final List<JsonNode> PRODUCTION = Kustomize.render("overlays/production");
    private static final List<JsonNode> MONITORING = Kustomize.render("monitoring");

    static List<String> kustomizations() {
        return Kustomize.kustomizations();
    }

    @Test
    void theKustomizationsAreTheBaseTheProductionOverlayAndMonitoring() {
        assertThat(kustomizations()).containsExactlyInAnyOrder("base", "overlays/production", "monitoring");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyObjectAKustomizationRendersMatchesTheSchemaOfItsKind(String kustomization) {
        List<JsonNode> objects = Kustomize.render(kustomization);

        assertThat(objects).isNotEmpty();
        assertThat(objects).flatMap(ManifestSchemas::problems).isEmpty();
    }

    @Test
    void theProductionOverlayRendersTheServiceItsDatabaseAndItsGeneratedSecret() {
        assertThat(PRODUCTION).extracting(o -> o.path("kind").asText()).contains("Namespace", "ConfigMap", "Secret",
                "Service", "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "Cluster");
        assertThat(PRODUCTION).filteredOn(o -> !o.path("kind").asText().equals("Namespace"))
                .allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("fleetsync"));
        // the generator's hash suffix, and the Deployment pointed at the suffixed name
        String secret = one(PRODUCTION, "Secret").path("metadata").path("name").asText();
        assertThat(secret).matches("fleetsync-principals-[a-z0-9]{10}");
        assertThat(container(one(PRODUCTION, "Deployment")).path("envFrom").findValuesAsText("name")).contains(secret);
    }

    @Test
    void aMisspeltFieldFailsValidation() {
        ObjectNode deployment = one(PRODUCTION, "Deployment");
        ObjectNode container = container(deployment);
        container.set("imagePulPolicy", container.remove("imagePullPolicy"));

        assertThat(ManifestSchemas.problems(deployment)).singleElement().asString().contains("imagePulPolicy");
    }

    @Test
    void aValueOfTheWrongTypeFailsValidation() {
        ObjectNode deployment = one(PRODUCTION, "Deployment");
        ((ObjectNode) deployment.path("spec")).put("replicas", "three");

        assertThat(ManifestSchemas.problems(deployment)).isNotEmpty().allSatisfy(p -> assertThat(p).contains("replicas"));
    }

    @Test
    void aMissingRequiredFieldFailsValidation() {
        ObjectNode deployment = one(PRODUCTION, "Deployment");
        container(deployment).remove("name");

        assertThat(ManifestSchemas.problems(deployment)).singleElement().asString().contains("name").contains("containers");
    }

    @Test
    void anUnknownKindFailsValidation() {
        ObjectNode deployment = one(PRODUCTION, "Deployment");
        deployment.put("kind", "Deploymnet");

        assertThat(ManifestSchemas.problems(deployment)).singleElement().asString().contains("no schema for kind Deploymnet");
    }

    @Test
    void aMisspeltFieldOfTheDatabaseClusterFailsValidation() {
        ObjectNode cluster = one(PRODUCTION, "Cluster");
        ObjectNode spec = (ObjectNode) cluster.path("spec");
        spec.set("primaryUpdateStrategie", spec.remove("primaryUpdateStrategy"));

        assertThat(ManifestSchemas.problems(cluster)).singleElement().asString().contains("primaryUpdateStrategie");
    }

    @Test
    void aValueOfTheWrongTypeInTheServiceMonitorFailsValidation() {
        ObjectNode monitor = one(MONITORING, "ServiceMonitor");
        ((ObjectNode) ((ArrayNode) monitor.path("spec").path("endpoints")).get(0)).put("interval", 15);

        assertThat(ManifestSchemas.problems(monitor)).isNotEmpty().allSatisfy(p -> assertThat(p).contains("interval"));
    }

    /** A copy of the first object of {@code kind}, free to break. */
    private static ObjectNode one(List<JsonNode> objects, String kind) {
        return (ObjectNode) objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " rendered")).deepCopy();
    }

    private static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }
}
