package dev.fleetsync.deployment.rollout;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;

/** Finished jobs are deleted after the retention (90 days), and their client tokens with them. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class JobExpiryTest extends ServiceTest {
    @Test
    void aJobFinishedNinetyDaysAgoIsGoneAndItsTokenFree() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("expiry"))).arn();
        String app = seed.applicationWithVersions(2);
        String token = UUID.randomUUID().toString();
        String job = robomaker.createDeploymentJob(deploy(fleet, app, "1").clientRequestToken(token).tags(java.util.Map.of("k", "v"))
                .build()).arn();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> robomaker.describeDeploymentJob(r -> r.job(job)).status() == DeploymentStatus.SUCCEEDED);

        // While the service's clock is 91 days ahead, signed calls would be refused as expired: watch the database.
        clock.advance(Duration.ofDays(91));
        await().atMost(Duration.ofSeconds(15)).until(() -> seed.count("select count(*) from deployment_job where arn = $1", job) == 0);
        clock.reset();

        assertThatThrownBy(() -> robomaker.describeDeploymentJob(r -> r.job(job))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(seed.count("select count(*) from resource_tag where resource_arn = $1", job)).isZero();
        String again = robomaker.createDeploymentJob(deploy(fleet, app, "2").clientRequestToken(token).build()).arn();
        assertThat(again).isNotEqualTo(job);
    }
}
