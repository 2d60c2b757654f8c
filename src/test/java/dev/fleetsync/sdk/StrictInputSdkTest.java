package dev.fleetsync.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.InvalidParameterException;

/** What an SDK can send that strict reading refuses: enum members are plain strings to it, and any text is allowed. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class StrictInputSdkTest extends ServiceTest {
    @Test
    void aPaddedArchitectureIsAnInvalidParameterAndCreatesNoRobot() {
        String name = Sdk.unique("padded");

        assertThatThrownBy(() -> robomaker.createRobot(r -> r.name(name).architecture(" X86_64").greengrassGroupId(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'architecture'").contains("enum value set: [X86_64, ARM64, ARMHF]"));
        assertThat(robots(name)).isZero();
    }

    @Test
    void nulInAGreengrassGroupIdIsAnInvalidParameterAndCreatesNoRobot() {
        String name = Sdk.unique("nul");

        assertThatThrownBy(() -> robomaker.createRobot(r -> r.name(name).architecture("ARM64").greengrassGroupId("group\u0000")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'greengrassGroupId'").contains("U+0000"));
        assertThat(robots(name)).isZero();
    }

    @Test
    void aLoneSurrogateInAFleetNameIsAnInvalidParameterAndCreatesNoFleet() {
        String name = Sdk.unique("lone");

        assertThatThrownBy(() -> robomaker.createFleet(r -> r.name(name + "\uD800")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'name'")).hasMessageContaining("surrogate");
        assertThat(pool.preparedQuery("select count(*) from fleet where name like $1").execute(Tuple.of(name + "%"))
                .await().indefinitely().iterator().next().getLong(0)).isZero();
    }

    private long robots(String name) {
        return pool.preparedQuery("select count(*) from robot where name = $1").execute(Tuple.of(name))
                .await().indefinitely().iterator().next().getLong(0);
    }
}
