package dev.fleetsync.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization under deploy/ with the real kustomize, as {@code kubectl apply -k} would: the standalone
 * {@code kustomize build} if it is on the PATH, else {@code kubectl kustomize} (the machine image ships kubectl 1.32
 * with kustomize 5; Debian bookworm's kubectl 1.20 is too old to read a directory listed under resources). It
 * renders a copy of deploy/, so the files an operator keeps out of git (the overlay's secrets/) can be stood in for
 * without touching the work tree.
 */
final class Kustomize {
    private static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {
    }

    /** Every directory under deploy/ holding a kustomization, relative to deploy/. */
    static List<String> kustomizations() {
        try (Stream<Path> files = Files.walk(Manifests.DEPLOY)) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .map(p -> Manifests.DEPLOY.relativize(p.getParent()).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects {@code kustomization} (a directory relative to deploy/) renders to, in kustomize's order. */
    static List<JsonNode> render(String kustomization) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("kustomize-");
            copyTree(Manifests.DEPLOY, copy.resolve("deploy"));
            standInForSecretFiles(copy.resolve("deploy"));
            Path errors = copy.resolve("stderr");
            List<String> command = new ArrayList<>(command());
            command.add(copy.resolve("deploy").resolve(kustomization).toString());
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed: " + Files.readString(errors));
            }
            try (var parser = YAML.createParser(output)) {
                return YAML.readValues(parser, JsonNode.class).readAll().stream().filter(n -> !n.isNull()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(copy);
        }
    }

    private static void delete(Path tree) {
        if (tree == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command() {
        return onPath("kustomize").map(k -> List.of(k, "build"))
                .or(() -> onPath("kubectl").map(k -> List.of(k, "kustomize")))
                .orElseThrow(() -> new AssertionError("neither kustomize nor kubectl is on the PATH:"
                        + " install kubectl 1.27 or newer (deploy/README.md), whose kustomize renders deploy/"));
    }

    private static Optional<String> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    /** A placeholder for every missing file a secretGenerator names ({@code KEY=path} or {@code path}). */
    private static void standInForSecretFiles(Path deploy) throws IOException {
        try (Stream<Path> files = Files.walk(deploy)) {
            for (Path kustomization : files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                for (JsonNode generator : YAML.readTree(kustomization.toFile()).path("secretGenerator")) {
                    for (JsonNode file : generator.path("files")) {
                        String entry = file.asText();
                        Path target = kustomization.resolveSibling(entry.substring(entry.indexOf('=') + 1));
                        if (!Files.exists(target)) {
                            Files.createDirectories(target.getParent());
                            Files.writeString(target, "placeholder");
                        }
                    }
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
