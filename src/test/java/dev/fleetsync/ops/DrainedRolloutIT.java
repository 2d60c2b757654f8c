package dev.fleetsync.ops;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.config.EmbeddedPostgresLauncher;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.sim.AgentTransport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.RobotSoftwareSuiteType;

/**
 * A replica stopped mid-rollout loses no step: SIGTERM one instance while robots poll and report, start another on the
 * same database, and the job still ends with every robot handed its deployment exactly once.
 */
class DrainedRolloutIT {
    private static final int ROBOTS = 20;

    @Test
    void aRolloutInterruptedBySigtermCompletesOnTheNextInstanceWithEveryRobotHandedOnce() throws Exception {
        Map<String, String> settings = new HashMap<>(EmbeddedPostgresLauncher.start(null, Map.of("fsync", "off")));
        settings.put("quarkus.shutdown.delay", "2s");
        settings.put("fleetsync.rollout.period", "200ms");
        settings.put("fleetsync.auth.principals", Sdk.ACCESS_KEY + ":" + Sdk.SECRET + ":123456789012");
        settings.put("fleetsync.auth.throttle.rate", "100000");
        settings.put("fleetsync.auth.throttle.burst", "100000");
        Map<String, AtomicInteger> handed = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(ROBOTS + 2);
        AgentTransport transport = new AgentTransport(threads);

        try (PackagedApp first = start(settings, "first")) {
            // given a job rolling out to 20 robots, 4 at a time, through the first instance
            RoboMakerClient robomaker = Sdk.client(first.endpoint);
            String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("drained"))).arn();
            List<String> robots = IntStream.range(0, ROBOTS).mapToObj(i -> robotIn(robomaker, fleet)).toList();
            String job = robomaker.createDeploymentJob(deploy(fleet, application(robomaker), "1")
                    .deploymentConfig(c -> c.concurrentDeploymentPercentage(20).failureThresholdPercentage(50)).build()).arn();
            AtomicReference<URI> endpoint = new AtomicReference<>(first.endpoint);
            List<Future<?>> running = robots.stream()
                    .<Future<?>>map(robot -> threads.submit(() -> deployAsRobot(transport, endpoint, robot, handed))).toList();

            // when the first instance gets SIGTERM mid-rollout
            awaitCount(settings, "select count(*) from robot_deployment where job_arn = ? and status = 'InSync'", job, 6);
            first.process.destroy();
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).as("the first instance exited").isTrue();
            long doneBefore = count(settings, "select count(*) from robot_deployment where job_arn = ? and status = 'InSync'", job);
            System.out.println("DRAIN the first instance stopped with " + doneBefore + " of " + ROBOTS + " robots InSync");
            assertThat(doneBefore).as("stopped mid-rollout").isLessThan(ROBOTS);

            // then a new instance on the same database takes the job over and finishes it
            try (PackagedApp second = start(settings, "second")) {
                endpoint.set(second.endpoint);
                for (Future<?> robot : running) {
                    robot.get(120, TimeUnit.SECONDS);
                }
                awaitCount(settings, "select count(*) from deployment_job where arn = ? and status = 'Succeeded'", job, 1);
            }
            assertThat(handed).hasSize(ROBOTS).allSatisfy((robot, times) -> assertThat(times.get()).as(robot).isEqualTo(1));
            assertThat(count(settings, "select count(*) from robot_deployment where job_arn = ?", job)).isEqualTo(ROBOTS);
            assertThat(count(settings, "select count(*) from robot_deployment where job_arn = ? and status = 'InSync' "
                    + "and handed_at is not null", job)).isEqualTo(ROBOTS);
        } finally {
            transport.cancelAll();
            threads.shutdownNow();
        }
    }

    /** Polls until handed its deployment, reports on it until done; on any error (the instance going away) tries again. */
    private static void deployAsRobot(AgentTransport transport, AtomicReference<URI> endpoint, String robot,
            Map<String, AtomicInteger> handed) {
        String job = null;
        int reported = 0;
        while (reported < 2) {
            try {
                if (job == null) {
                    Map<String, Object> answer = transport.post(endpoint.get(), "/agent/v1/poll", Map.of("robot", robot, "waitSeconds", 2),
                            Duration.ofSeconds(30)).get();
                    if (answer.containsKey("deploymentJob")) {
                        job = (String) answer.get("deploymentJob");
                        handed.computeIfAbsent(robot, r -> new AtomicInteger()).incrementAndGet();
                    } else {
                        Thread.sleep(100); // an empty answer at once means the instance is draining: do not spin
                    }
                } else {
                    Thread.sleep(300);
                    Map<String, Object> report = reported == 0
                            ? Map.of("robot", robot, "deploymentJob", job, "step", "Launching", "percentDone", 50, "result", "InProgress")
                            : Map.of("robot", robot, "deploymentJob", job, "step", "Finished", "percentDone", 100, "result", "Succeeded");
                    transport.post(endpoint.get(), "/agent/v1/report", report, Duration.ofSeconds(30)).get();
                    reported++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception unavailable) {
                sleep(200);
            }
        }
    }

    private static PackagedApp start(Map<String, String> settings, String name) throws Exception {
        Path log = Files.createTempFile(Path.of("target"), "drained-rollout-" + name + "-", ".log");
        PackagedApp app = PackagedApp.start(settings, log);
        try {
            app.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(90));
        } catch (AssertionError | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    private static String robotIn(RoboMakerClient robomaker, String fleet) {
        String robot = robomaker.createRobot(r -> r.name(Sdk.unique("r")).architecture(Architecture.X86_64)
                .greengrassGroupId(UUID.randomUUID().toString())).arn();
        robomaker.registerRobot(r -> r.fleet(fleet).robot(robot));
        return robot;
    }

    private static String application(RoboMakerClient robomaker) {
        String app = robomaker.createRobotApplication(r -> r.name(Sdk.unique("app"))
                .robotSoftwareSuite(s -> s.name(RobotSoftwareSuiteType.GENERAL))
                .sources(s -> s.s3Bucket("bundles").s3Key("app.tar").architecture(Architecture.X86_64))).arn();
        robomaker.createRobotApplicationVersion(r -> r.application(app));
        return app;
    }

    private static void awaitCount(Map<String, String> settings, String sql, String arn, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (count(settings, sql, arn) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never reached " + atLeast + ": " + sql);
            }
            Thread.sleep(100);
        }
    }

    private static long count(Map<String, String> settings, String sql, String arn) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arn);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
