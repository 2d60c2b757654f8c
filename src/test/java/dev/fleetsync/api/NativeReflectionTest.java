package dev.fleetsync.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The native image can read and write every wire record: each {@code *Wire} holder is registered with its nested records. */
class NativeReflectionTest {

    @Test
    void everyWireHolderIsRegisteredForReflectionWithItsNestedRecords() throws IOException {
        RegisterForReflection registration = NativeReflection.class.getAnnotation(RegisterForReflection.class);
        List<String> registered = Arrays.stream(registration.targets()).map(Class::getName).toList();

        assertThat(registration.ignoreNested()).isFalse();
        assertThat(wireHolders()).isNotEmpty().allSatisfy(holder -> assertThat(registered).contains(holder));
    }

    private static List<String> wireHolders() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("dev/fleetsync/api"))) {
            return files.map(f -> classes.relativize(f).toString()).filter(f -> f.matches(".*/[A-Za-z]+Wire\\.class"))
                    .map(f -> f.replace('/', '.').replaceAll("\\.class$", "")).toList();
        }
    }
}
