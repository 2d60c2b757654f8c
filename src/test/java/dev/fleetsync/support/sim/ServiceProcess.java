package dev.fleetsync.support.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The packaged service run as a process of its own (the JVM build, or the native executable when that is the newer
 * build), configured through {@code -D} system properties, as a second (third, ...) instance would be deployed.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** The JVM flags of the tests' instances: small, and one GC thread so that several fit on a small machine. */
    private static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final long startedNanos;

    private ServiceProcess(Process process, int port, Path log, long startedNanos) {
        this.process = process;
        this.endpoint = URI.create("http://localhost:" + port + "/");
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts an instance on a free port with {@code settings} (e.g. the datasource) and waits until it answers HTTP. */
    public static ServiceProcess start(String name, Map<String, String> settings, Duration startup) throws IOException, InterruptedException {
        return start(name, settings, startup, TEST_JVM);
    }

    /** As {@link #start(String, Map, Duration)}, with the JVM flags given (ignored by a native executable). */
    public static ServiceProcess start(String name, Map<String, String> settings, Duration startup, List<String> jvmFlags)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        Path nativeImage = nativeImage();
        if (nativeImage == null) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
        } else {
            command.add(nativeImage.toString());
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // Production mode requires principals; every instance accepts the test principal and seals page tokens alike.
        if (!settings.containsKey("fleetsync.auth.principals")) {
            command.add("-Dfleetsync.auth.principals=" + dev.fleetsync.support.Sdk.ACCESS_KEY + ":" + dev.fleetsync.support.Sdk.SECRET
                    + ":123456789012");
            command.add("-Dfleetsync.auth.page-token-key=service-process-test-key");
            // A simulated fleet is one account making thousands of calls: lift its request rate limit.
            command.add("-Dfleetsync.auth.throttle.rate=100000");
            command.add("-Dfleetsync.auth.throttle.burst=100000");
        }
        command.add("-Dquarkus.http.port=" + port);
        if (nativeImage == null) {
            command.addAll(List.of("-jar", JAR.toString()));
        }
        Path log = Path.of("target", "service-" + name + ".log");
        long startedNanos = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, port, log, startedNanos);
        try {
            service.awaitReady(startup);
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    public URI endpoint() {
        return endpoint;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the process was started, for measuring its start-up. */
    public long startedNanos() {
        return startedNanos;
    }

    /** Stops the instance gracefully, forcibly if it does not stop within 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Any HTTP answer means the instance is up (Flyway has run by then: it migrates before HTTP opens). */
    private void awaitReady(Duration startup) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + startup.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("The service did not answer within " + startup + "; see " + log.toAbsolutePath());
    }

    /** The native executable, when the native profile built one after the JVM build. */
    private static Path nativeImage() throws IOException {
        String configured = System.getProperty("native.image.path");
        if (configured == null || !Files.isExecutable(Path.of(configured))) {
            return null;
        }
        Path image = Path.of(configured);
        boolean newer = !Files.exists(JAR) || Files.getLastModifiedTime(image).compareTo(Files.getLastModifiedTime(JAR)) > 0;
        return newer ? image : null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
