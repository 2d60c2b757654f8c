package dev.fleetsync.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.CreateFleetResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeFleetResponse;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;
import software.amazon.awssdk.services.robomaker.model.ListFleetsResponse;
import software.amazon.awssdk.services.robomaker.model.ResourceNotFoundException;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class FleetSdkTest extends ServiceTest {
    @Test
    void createdFleetIsDescribedWithItsTagsAndAnArnInTheRoboMakerFormat() {
        String name = Sdk.unique("fleet");
        Instant before = clock.instant().minusSeconds(1);

        CreateFleetResponse created = robomaker.createFleet(r -> r.name(name).tags(Map.of("team", "ops")));

        assertThat(created.arn()).matches("arn:aws:robomaker:us-west-2:123456789012:deployment-fleet/" + name + "/\\d{13}");
        assertThat(created.createdAt()).isBetween(before, clock.instant().plus(Duration.ofSeconds(1)));
        DescribeFleetResponse described = robomaker.describeFleet(r -> r.fleet(created.arn()));
        assertThat(described.name()).isEqualTo(name);
        assertThat(described.createdAt()).isEqualTo(created.createdAt());
        assertThat(described.tags()).containsExactly(Map.entry("team", "ops"));
        assertThat(described.robots()).isEmpty();
        assertThat(described.lastDeploymentStatus()).isNull();
    }

    @Test
    void listFiltersOnTheWholeNameAndPagesThroughEveryFleet() {
        String name = Sdk.unique("paged");
        for (int i = 0; i < 5; i++) {
            robomaker.createFleet(r -> r.name(name));
        }
        robomaker.createFleet(r -> r.name(name + "-other"));

        ListFleetsResponse first = robomaker.listFleets(r -> r.maxResults(2).filters(Filter.builder().name("name").values(name).build()));
        assertThat(first.fleetDetails()).hasSize(2).allMatch(f -> f.name().equals(name));
        assertThat(first.nextToken()).isNotNull();

        long all = robomaker.listFleetsPaginator(r -> r.maxResults(2).filters(Filter.builder().name("name").values(name).build()))
                .fleetDetails().stream().map(f -> f.arn()).distinct().count();
        assertThat(all).isEqualTo(5);
    }

    @Test
    void deletedFleetIsGone() {
        String arn = robomaker.createFleet(r -> r.name(Sdk.unique("gone"))).arn();

        robomaker.deleteFleet(r -> r.fleet(arn));

        assertThatThrownBy(() -> robomaker.describeFleet(r -> r.fleet(arn)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(arn);
                });
    }

    @Test
    void invalidNameIsRejectedNamingTheField() {
        assertThatThrownBy(() -> robomaker.createFleet(r -> r.name("has space")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("'name'").contains("regular expression");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void unknownFilterNameIsRejected() {
        assertThatThrownBy(() -> robomaker.listFleets(r -> r.filters(Filter.builder().name("status").values("x").build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("filters[0].name");
    }
}
