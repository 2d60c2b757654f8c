package dev.fleetsync.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.ServiceTest;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class HealthTest extends ServiceTest {
    @Inject
    MigrationTarget target;

    @Test
    void everyProbeOfTheGeneratedDeploymentAnswersUp() {
        Deployment deployment = Manifests.one(Manifests.parse(Manifests.GENERATED), Deployment.class, "fleetsync");
        var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(), container.getStartupProbe())) {
            given().get(probe.getHttpGet().getPath()).then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void readinessReportsTheReactivePoolAndTheMigrations() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", MigrationsReadiness.NAME))
                .body("checks.find { it.name == 'Database migrations' }.data.expectedVersion", equalTo(newestMigration()));
    }

    @Test
    void readinessIsDownWhileTheSchemaLacksTheNewestMigrationOfTheBuild() {
        MigrationsReadiness readiness = new MigrationsReadiness(pool, targetAt("9999"));

        HealthCheckResponse response = readiness.call().await().atMost(Duration.ofSeconds(10));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void livenessDoesNotDependOnTheDatabase() {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Reactive PostgreSQL connections health check")));
    }

    private MigrationTarget targetAt(String version) {
        return new MigrationTarget(null) {
            @Override
            public boolean known() {
                return true;
            }

            @Override
            public Optional<String> version() {
                return Optional.of(version);
            }
        };
    }

    /** The highest V<n>__ file in db/migration, as Flyway names its version. */
    private static String newestMigration() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9_.]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .max(HealthTest::compareVersions).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(i < x.length ? Long.parseLong(x[i]) : 0, i < y.length ? Long.parseLong(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
