package dev.fleetsync.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Validates Kubernetes objects as kubeconform {@code -strict} does, offline: each object against the JSON schema of its
 * apiVersion and kind, kept under src/test/resources/k8s-schemas/ (its README says where each came from). The schemas
 * forbid properties they do not name, so a misspelt field fails; a kind with no schema fails too.
 */
final class ManifestSchemas {
    /** The Kubernetes version the built-in kinds are checked against (the README's minimum is older, 1.27). */
    static final String KUBERNETES = "kubernetes-v1.32.2";
    /** The operators' CRDs, at the versions deploy/README.md installs. */
    static final List<String> OPERATORS = List.of("cloudnative-pg-1.27.0", "prometheus-operator-0.85.0");

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The annotations of Kubernetes' OpenAPI that the schemas carry. They say how the API server merges lists and maps
     * and hold its CEL rules, which no offline check runs (kubeconform does not either); known, so none is a surprise.
     */
    private static final List<String> KUBERNETES_ANNOTATIONS = List.of("x-kubernetes-embedded-resource",
            "x-kubernetes-group-version-kind", "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys",
            "x-kubernetes-list-type", "x-kubernetes-map-type", "x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy",
            "x-kubernetes-preserve-unknown-fields", "x-kubernetes-unions", "x-kubernetes-validations");
    /** Draft 4, under its own name and under the one the Kubernetes schemas declare (which names no draft), offline. */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(draft4(JsonMetaSchema.getV4().getIri())).metaSchema(draft4("http://json-schema.org/schema#")));
    private static final Map<String, Optional<JsonSchema>> LOADED = new ConcurrentHashMap<>();

    private ManifestSchemas() {
    }

    /** What is wrong with {@code object}, one line each, naming the object and the field; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = kind + " " + object.path("metadata").path("name").asText();
        Optional<JsonSchema> schema = locations(apiVersion, kind).map(l -> LOADED.computeIfAbsent(l, ManifestSchemas::load))
                .flatMap(Optional::stream).findFirst();
        if (schema.isEmpty()) {
            return List.of(name + ": no schema for kind " + kind + " of " + apiVersion);
        }
        return schema.get().validate(object).stream().map(ValidationMessage::getMessage).map(m -> name + ": " + m).sorted().toList();
    }

    /** kubeconform's two layouts: {@code <kind>[-<group>]-<version>.json} for Kubernetes, {@code <group>/<kind>_<version>.json} for CRDs. */
    private static Stream<String> locations(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String lowerKind = kind.toLowerCase(Locale.ROOT);
        String builtIn = KUBERNETES + "/" + lowerKind + (group.isEmpty() ? "" : "-" + group.split("\\.")[0]) + "-" + version + ".json";
        return Stream.concat(Stream.of(builtIn), OPERATORS.stream().map(o -> o + "/" + group + "/" + lowerKind + "_" + version + ".json"));
    }

    private static JsonMetaSchema draft4(String iri) {
        return JsonMetaSchema.builder(iri, JsonMetaSchema.getV4())
                .keywords(KUBERNETES_ANNOTATIONS.stream().map(NonValidationKeyword::new).toList()).build();
    }

    private static Optional<JsonSchema> load(String location) {
        try (InputStream in = ManifestSchemas.class.getResourceAsStream("/k8s-schemas/" + location)) {
            return in == null ? Optional.empty() : Optional.of(FACTORY.getSchema(JSON.readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
