package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.RoboMakerException;

/** Account 333333333333 is configured (%test) with a burst of 3 and a refill far slower than the test. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ThrottlingSdkTest extends ServiceTest {
    @Test
    void theRequestAfterTheConfiguredBurstIsThrottledAndChangesNothing() {
        RoboMakerClient throttled = signedAs("AKIDFLEETSYNCTHROTTLE", "throttle-secret");
        String name = Sdk.unique("throttled");
        for (int i = 0; i < 3; i++) {
            throttled.listFleets(r -> r.maxResults(1));
        }

        assertThatThrownBy(() -> throttled.createFleet(r -> r.name(name))).isInstanceOfSatisfying(RoboMakerException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.isThrottlingException()).isTrue(); // what makes the SDKs retry it with back-off
        });

        // other accounts keep their own buckets
        assertThat(robomaker.listFleets(r -> r.filters(Filter.builder().name("name").values(name).build())).fleetDetails())
                .isEmpty();
    }
}
