package dev.fleetsync.docs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A README walkthrough run as a reader runs it, block after block in one terminal, against the packaged service.
 * Blocks that start a long-running server are the only ones run differently: the dev-mode block
 * ({@code ./mvnw quarkus:dev}) is replaced by starting the packaged service with the same environment variables, and a
 * {@code java -jar} line (the bundle store) is sent to the background, then waited for on its port. A walkthrough
 * without a dev-mode block gets the service started before its first block.
 */
final class Walkthrough implements AutoCloseable {
    static final int SERVICE_PORT = 8080;
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern DEV_MODE = Pattern.compile("(?m)^(.*)\\./mvnw quarkus:dev\\s*$");
    private static final Pattern ENVIRONMENT = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\\S*)");
    private static final Pattern SERVER_LINE = Pattern.compile("(?m)^java -jar .*$");
    private static final Pattern SERVER_ENDPOINT = Pattern.compile("endpoint=https?://[^:/\\s]+:(\\d+)");
    private static final Pattern ARTIFACT_COPY = Pattern.compile(
            "(?m)^\\./mvnw (.*dependency:copy -Dartifact=([^:\\s]+):([^:\\s]+):([^:\\s]+):([^:\\s]+):([^:\\s]+).*)$");

    private final Path scratch;
    private final Map<String, String> serviceSettings;
    private final List<String> onceServiceIsUp;
    private final BashSession bash;
    private ServiceJar service;

    /**
     * @param serviceSettings the service's system properties (database, principals, keys)
     * @param onceServiceIsUp blocks the walkthrough takes as done (another section's), run right after the service starts
     * @param aws the reader's AWS CLI
     */
    Walkthrough(Path repository, Path home, Path scratch, Map<String, String> serviceSettings,
            List<String> onceServiceIsUp, Path aws) throws IOException {
        this.onceServiceIsUp = onceServiceIsUp;
        this.scratch = scratch;
        this.serviceSettings = serviceSettings;
        this.bash = BashSession.start(repository, terminal(home, commandFolder(scratch, aws)), scratch);
    }

    /** A folder first on the reader's PATH, with {@code aws} the CLI chosen and nothing else. */
    private static Path commandFolder(Path scratch, Path aws) throws IOException {
        Path folder = Files.createDirectories(scratch.resolve("commands"));
        Files.createSymbolicLink(folder.resolve("aws"), aws);
        return folder;
    }

    /** A reader's environment, with a home of its own (the CLI's added model goes there) and no AWS settings. */
    private static Map<String, String> terminal(Path home, Path commands) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", commands + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.keySet().removeIf(key -> key.startsWith("AWS_"));
        // the Maven wrapper keeps its distribution under the real home's .m2, as Maven keeps its repository
        environment.putIfAbsent("MAVEN_USER_HOME", Path.of(System.getProperty("user.home"), ".m2").toString());
        environment.put("HOME", home.toString());
        environment.put("AWS_PAGER", "");
        return environment;
    }

    /** Runs the blocks in order; the answer holds each block run by bash (the dev-mode block is not one). */
    List<BashSession.Block> run(List<String> blocks) throws IOException, InterruptedException {
        List<BashSession.Block> runs = new ArrayList<>();
        if (blocks.stream().noneMatch(block -> DEV_MODE.matcher(block).find())) {
            startService(Map.of());
        }
        for (String block : blocks) {
            Matcher devMode = DEV_MODE.matcher(block.replace("\\\n", " "));
            if (devMode.find()) {
                startService(environmentOf(devMode.group(1)));
                continue;
            }
            runs.add(runInBash(inBackground(offlineWhenCached(block))));
            awaitServer(block);
        }
        return runs;
    }

    private BashSession.Block runInBash(String block) throws IOException, InterruptedException {
        try {
            return bash.run(block, BLOCK_TIMEOUT);
        } catch (AssertionError failure) {
            throw new AssertionError(failure.getMessage() + serviceLog(), failure);
        }
    }

    private void startService(Map<String, String> environment) throws IOException, InterruptedException {
        service = ServiceJar.start(SERVICE_PORT, serviceSettings, environment, scratch.resolve("service.log"));
        service.awaitReady(START_TIMEOUT);
        for (String block : onceServiceIsUp) {
            runInBash(block);
        }
    }

    /** The {@code NAME=value} words before the command, as the shell would put them into its environment. */
    static Map<String, String> environmentOf(String prefix) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String word : prefix.trim().split("\\s+")) {
            Matcher assignment = ENVIRONMENT.matcher(word);
            if (assignment.matches()) {
                environment.put(assignment.group(1), assignment.group(2));
            }
        }
        return environment;
    }

    /** A {@code java -jar} line runs in the background with its output in a log, as in a terminal of its own. */
    private String inBackground(String block) {
        Matcher server = SERVER_LINE.matcher(block);
        return server.replaceAll(line -> Matcher.quoteReplacement(
                line.group() + " > '" + scratch.resolve("server.log") + "' 2>&1 &"));
    }

    /** The download runs as written, offline when Maven already holds the artifact (CI fetches it from Central). */
    private static String offlineWhenCached(String block) {
        Matcher copy = ARTIFACT_COPY.matcher(block);
        if (!copy.find()) {
            return block;
        }
        String group = copy.group(2).replace('.', '/');
        String artifact = copy.group(3);
        String version = copy.group(4);
        Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository", group, artifact, version,
                artifact + "-" + version + "-" + copy.group(6) + "." + copy.group(5));
        return Files.exists(jar) ? copy.replaceFirst(Matcher.quoteReplacement("./mvnw -o " + copy.group(1))) : block;
    }

    /** After a block that started a server, waits until the server's port (from its configuration) accepts. */
    private void awaitServer(String block) throws InterruptedException {
        Matcher endpoint = SERVER_ENDPOINT.matcher(block);
        if (!SERVER_LINE.matcher(block).find() || !endpoint.find()) {
            return;
        }
        int port = Integer.parseInt(endpoint.group(1));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the server the README starts did not listen on " + port + " within " + START_TIMEOUT
                + ":\n" + read(scratch.resolve("server.log")));
    }

    private String serviceLog() {
        if (service == null) {
            return "";
        }
        List<String> lines = Arrays.asList(service.logged().split("\n"));
        // stack traces are one JSON line each: their beginnings say enough
        return "\n---- the service's log (last 200 lines, each cut at 400 characters) ----\n"
                + lines.subList(Math.max(0, lines.size() - 200), lines.size()).stream()
                        .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line)
                        .collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    /** Stops bash with all it started (agents, their applications, the bundle store), then the service. */
    @Override
    public void close() throws InterruptedException, IOException {
        try {
            bash.close();
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }
}
