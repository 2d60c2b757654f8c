package dev.fleetsync.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The application as an operator runs it: the packaged build (native executable or JVM jar), prod profile, own process. */
final class PackagedApp implements AutoCloseable {
    final Process process;
    final URI endpoint;
    final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private PackagedApp(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    static PackagedApp start(Map<String, String> settings, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        Path nativeRunner = Path.of(System.getProperty("native.image.path", "target/none"));
        if (Files.isExecutable(nativeRunner)) {
            command.add(nativeRunner.toAbsolutePath().toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (!Files.isExecutable(nativeRunner)) {
            command.addAll(List.of("-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedApp(process, URI.create("http://localhost:" + port), log);
    }

    /** Waits until GET path answers {@code status}, or fails after {@code timeout}. */
    void awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + "; see " + log);
            }
            if (statusOf(path) == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer " + status + " within " + timeout + "; see " + log);
    }

    /** The status of GET path, or -1 when nothing answers. */
    int statusOf(String path) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
