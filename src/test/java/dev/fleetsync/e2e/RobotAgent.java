package dev.fleetsync.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real agent process ({@code python3 -m fleetsync_agent --config agent.ini}) with a bundle directory of its own.
 * Its launch command is the stand-in ({@link Agents#STAND_IN}), which appends one JSON line per start and per stop
 * to {@code launches.jsonl}: argv, cwd, environment, the bundle's VERSION file, its pid.
 */
final class RobotAgent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AGENT_SOURCES = Path.of("src", "agent").toAbsolutePath();

    final String robotArn;
    final Path dir;
    private final Map<String, String> environment;
    private Process process;
    private int runs;

    RobotAgent(String robotArn, Path dir, Map<String, String> environment) {
        this.robotArn = robotArn;
        this.dir = dir;
        this.environment = environment;
    }

    Path config() {
        return dir.resolve("agent.ini");
    }

    Path launchRecord() {
        return dir.resolve("launches.jsonl");
    }

    Path logFile(int run) {
        return dir.resolve("agent-" + run + ".log");
    }

    /** Starts the process (again, after {@link #kill}); its output goes to {@code agent-<run>.log}. */
    RobotAgent start() {
        try {
            runs++;
            ProcessBuilder builder = new ProcessBuilder("python3", "-m", "fleetsync_agent", "--config", config().toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(logFile(runs).toFile());
            builder.environment().put("PYTHONPATH", AGENT_SOURCES.toString());
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agent process's pid (of its current run). */
    long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or a power cut: the application it launched is left running. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
        }
    }

    /** SIGTERM: the agent stops its application and exits after its current request. */
    void signalStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** {@link #signalStop}, then SIGKILL should it linger; and every stand-in it ever started. */
    void stop() {
        signalStop();
        if (process != null && process.isAlive()) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    waitFor(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Map<String, Object> launch : launches()) {
            if (launch.get("pid") instanceof Number pid) {
                ProcessHandle.of(pid.longValue()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** The output of every run so far. */
    String logs() {
        StringBuilder all = new StringBuilder();
        for (int run = 1; run <= runs; run++) {
            all.append("---- run ").append(run).append('\n').append(log(run));
        }
        return all.toString();
    }

    String log(int run) {
        return read(logFile(run));
    }

    /** Every start and stop of the stand-in, oldest first. */
    List<Map<String, Object>> launches() {
        if (!Files.exists(launchRecord())) {
            return List.of();
        }
        List<Map<String, Object>> launches = new ArrayList<>();
        for (String line : read(launchRecord()).split("\n")) {
            if (!line.isBlank()) {
                try {
                    launches.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {
                    }));
                } catch (IOException e) {
                    // a line being written as we read; the next look sees it whole
                }
            }
        }
        return launches;
    }

    /** Starts of the stand-in, oldest first. */
    List<Map<String, Object>> starts() {
        return launches().stream().filter(l -> "start".equals(l.get("event"))).toList();
    }

    /** The stand-in running now (started, not stopped, alive), or null. */
    Map<String, Object> running() {
        List<Map<String, Object>> all = launches();
        for (int i = all.size() - 1; i >= 0; i--) {
            Map<String, Object> launch = all.get(i);
            Number pid = (Number) launch.get("pid");
            boolean stopped = all.subList(i, all.size()).stream()
                    .anyMatch(l -> "stop".equals(l.get("event")) && pid.equals(l.get("pid")));
            if ("start".equals(launch.get("event")) && !stopped && ProcessHandle.of(pid.longValue()).map(ProcessHandle::isAlive).orElse(false)) {
                return launch;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environmentOf(Map<String, Object> launch) {
        return (Map<String, String>) launch.get("env");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
