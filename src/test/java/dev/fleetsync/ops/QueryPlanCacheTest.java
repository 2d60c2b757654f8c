package dev.fleetsync.ops;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/**
 * Calls that run the same statements again reuse Hibernate's cached query plans rather than adding new ones. Every
 * native select through Hibernate Reactive added one (see NativeSql): the plan cache filled with copies that each
 * lookup walked, about a tenth of a Sync's CPU in the benchmark's profile.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class QueryPlanCacheTest extends ServiceTest {
    private static final int ROUNDS = 5;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void repeatedCallsAddNoQueryPlans() {
        String application = seed.applicationWithVersions(1);
        round(robomaker, seed, application); // the first round caches what every later round needs
        int before = cachedPlans();

        for (int i = 0; i < ROUNDS; i++) {
            round(robomaker, seed, application);
        }

        assertThat(cachedPlans()).as("query plans cached after %d more rounds", ROUNDS).isEqualTo(before);
    }

    /**
     * The statements of the API and of a rollout: quota checks (fleet, job), a tagged resource's lookup and lock, a
     * rollout's claim, progress and admission, a robot's hand-over and report, a Sync, and the list of applications.
     */
    private void round(RoboMakerClient robomaker, Seed seed, String application) {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("plans"))).arn();
        robomaker.tagResource(r -> r.resourceArn(fleet).tags(Map.of("team", "plans")));
        robomaker.listTagsForResource(r -> r.resourceArn(fleet));
        Agent robot = new Agent(endpoint, seed.robotsInFleet(fleet, 1).get(0));
        String job = robomaker.createDeploymentJob(deploy(fleet, application, "1").clientRequestToken(UUID.randomUUID().toString())
                .build()).arn();
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.poll(1).getString("deploymentJob") != null);
        robot.reportOk(job, "Finished", 100, "Succeeded", null);
        awaitSucceeded(robomaker, job);
        awaitSucceeded(robomaker, robomaker.syncDeploymentJob(r -> r.fleet(fleet).clientRequestToken(UUID.randomUUID().toString())).arn());
        robomaker.listRobotApplications(r -> r.versionQualifier("ALL"));
    }

    private static void awaitSucceeded(RoboMakerClient robomaker, String job) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> robomaker.describeDeploymentJob(r -> r.job(job)).status() == DeploymentStatus.SUCCEEDED);
    }

    private int cachedPlans() {
        return ((MappingMetamodel) sessions.getMetamodel()).getTypeConfiguration().getSessionFactory()
                .getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}
