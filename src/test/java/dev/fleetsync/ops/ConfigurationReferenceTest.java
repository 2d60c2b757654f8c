package dev.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every key of every @ConfigMapping of fleetsync, with its default. */
class ConfigurationReferenceTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void everyFleetsyncKeyIsDocumentedWithItsDefault() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Class<?> mapping : configMappings()) {
            collect(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping, keys);
        }
        Map<String, ConfigurationReference.Entry> documented = ConfigurationReference.entries();
        Map<String, ConfigurationReference.Entry> byPattern = new LinkedHashMap<>();
        documented.forEach((key, entry) -> byPattern.put(key.replaceAll("\"[^\"]*\"", "*"), entry));

        assertThat(keys).as("keys found in the @ConfigMapping interfaces").containsKey("fleetsync.region");
        keys.forEach((key, defaultValue) -> {
            assertThat(byPattern).as("docs/configuration.md").containsKey(key);
            if (defaultValue != null) {
                assertThat(byPattern.get(key).defaultValue()).as("documented default of %s", key).contains("`" + defaultValue + "`");
            }
        });
    }

    @Test
    void documentedEnvironmentVariablesAreTheKeysInEnvironmentForm() {
        assertThat(ConfigurationReference.entries().values()).isNotEmpty().allSatisfy(entry ->
                assertThat(entry.environmentVariable()).isEqualTo(ConfigurationReference.environmentVariable(entry.key())));
    }

    private static List<Class<?>> configMappings() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("dev/fleetsync"))) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ConfigurationReferenceTest::load)
                    .filter(c -> c.isInterface() && c.isAnnotationPresent(ConfigMapping.class)).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** Keys of a mapping group under {@code prefix}, with their @WithDefault (null when none); maps are {@code *}. */
    private static void collect(String prefix, Class<?> group, Map<String, String> keys) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            String name = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                            : kebab(method.getName()));
            Type type = method.getGenericReturnType();
            if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
                name = name + ".*";
                type = p.getActualTypeArguments()[1];
            }
            if (type instanceof ParameterizedType p && (p.getRawType() == Optional.class || p.getRawType() == List.class)) {
                type = p.getActualTypeArguments()[0];
            }
            if (type instanceof Class<?> c && c.isInterface() && !c.getName().startsWith("java.")) {
                collect(name, c, keys);
            } else {
                WithDefault fallback = method.getAnnotation(WithDefault.class);
                keys.put(name, fallback == null ? null : fallback.value());
            }
        }
    }

    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
