package dev.fleetsync.e2e;

import dev.fleetsync.support.RobotCredentialCalls.Issued;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The agents of one test ({@code @RegisterExtension}): each started with its robot's credential, the test bundle
 * store and the stand-in launch command; all stopped after the test, passed or failed, with every stand-in they
 * started. A failed test prints the agents' logs.
 */
final class Agents implements AfterEachCallback {
    /** The launch command's stand-in: records how it was started, runs until SIGTERM, records that too. */
    static final String STAND_IN = """
            import json, os, signal, sys, time
            record = sys.argv[1]
            def write(entry):
                with open(record, "a") as f:
                    f.write(json.dumps(entry) + "\\n")
            def stop(signum, frame):
                write({"event": "stop", "pid": os.getpid()})
                sys.exit(0)
            signal.signal(signal.SIGTERM, stop)
            version = open("VERSION").read().strip() if os.path.exists("VERSION") else None
            write({"event": "start", "pid": os.getpid(), "argv": sys.argv[2:], "cwd": os.getcwd(),
                   "env": dict(os.environ), "version": version})
            while True:
                time.sleep(1)
            """;
    private static final Path ROOT = Path.of("target", "e2e", "agents").toAbsolutePath();

    private final List<RobotAgent> started = new ArrayList<>();

    /** An agent for the robot, not started yet; {@code settings} override the agent.ini defaults below. */
    RobotAgent agent(URI endpoint, String robotArn, Issued credential, Map<String, String> settings, Map<String, String> environment) {
        try {
            Path dir = Files.createDirectories(ROOT.resolve(UUID.randomUUID().toString()));
            Path standIn = dir.resolve("stand-in.py");
            Files.writeString(standIn, STAND_IN);
            Map<String, String> config = new LinkedHashMap<>();
            config.put("endpoint", endpoint.toString().replaceAll("/$", ""));
            config.put("region", "us-west-2");
            config.put("robot_arn", robotArn);
            config.put("access_key_id", credential.accessKeyId());
            config.put("secret_access_key", credential.secret());
            config.put("bundle_dir", dir.resolve("bundles").toString());
            config.put("launch_command", "python3 " + standIn + " " + dir.resolve("launches.jsonl") + " {packageName} {launchFile}");
            config.put("architecture", "X86_64");
            config.put("s3_endpoint", BundleStoreResource.endpoint());
            config.put("s3_region", BundleStoreResource.REGION);
            config.put("s3_access_key_id", BundleStoreResource.ACCESS_KEY);
            config.put("s3_secret_access_key", BundleStoreResource.SECRET);
            config.put("poll_wait_seconds", "5");
            config.put("backoff_base_seconds", "0.2");
            config.put("backoff_max_seconds", "2");
            config.put("empty_poll_pause_seconds", "0.2");
            config.put("launch_check_seconds", "1");
            config.put("stop_grace_seconds", "5");
            config.put("script_timeout_seconds", "120");
            config.put("min_free_disk_mb", "0");
            config.putAll(settings);
            StringBuilder ini = new StringBuilder("[agent]\n");
            config.forEach((key, value) -> ini.append(key).append(" = ").append(value).append('\n'));
            Files.writeString(dir.resolve("agent.ini"), ini);
            RobotAgent agent = new RobotAgent(robotArn, dir, environment);
            started.add(agent);
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RobotAgent start(URI endpoint, String robotArn, Issued credential) {
        return agent(endpoint, robotArn, credential, Map.of(), Map.of()).start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(RobotAgent::signalStop); // all at once: each may finish a held poll first
        for (RobotAgent agent : started) {
            agent.stop();
        }
        if (context.getExecutionException().isPresent()) {
            for (RobotAgent agent : started) {
                System.err.println("==== agent of " + agent.robotArn + " in " + agent.dir + "\n" + agent.logs());
            }
        }
        started.clear();
    }
}
