package dev.fleetsync.api.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the service model where the build asks (pom.xml runs it after compiling), so the jar and image serve it. */
public final class ServiceModelWriter {
    private ServiceModelWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), ServiceModel.build());
    }
}
