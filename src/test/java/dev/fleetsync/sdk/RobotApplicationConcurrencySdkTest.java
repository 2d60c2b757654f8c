package dev.fleetsync.sdk;

import static dev.fleetsync.sdk.RobotApplications.GENERAL;
import static dev.fleetsync.sdk.RobotApplications.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Race;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Architecture;
import software.amazon.awssdk.services.robomaker.model.CreateRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.DescribeRobotApplicationResponse;
import software.amazon.awssdk.services.robomaker.model.RobotApplicationSummary;
import software.amazon.awssdk.services.robomaker.model.UpdateRobotApplicationResponse;

/** Robot application calls raced against each other: the database, not luck, decides who wins. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotApplicationConcurrencySdkTest extends ServiceTest {
    RobotApplications apps;
    ExecutorService callers;

    @BeforeEach
    void setUp() {
        apps = new RobotApplications(robomaker);
        callers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
    }

    @Test
    void concurrentCreatesOfOneNameLeaveExactlyOneApplication() throws Exception {
        String name = Sdk.unique("race");

        List<String> outcomes = Race.run(callers, 6, i -> () -> apps.s3App(name));

        assertThat(outcomes).containsExactlyInAnyOrder("ok", "ResourceAlreadyExistsException", "ResourceAlreadyExistsException",
                "ResourceAlreadyExistsException", "ResourceAlreadyExistsException", "ResourceAlreadyExistsException");
        assertThat(apps.listAll(name, false)).hasSize(1);
    }

    @Test
    void concurrentUpdatesFromOneRevisionLetExactlyOneWin() throws Exception {
        CreateRobotApplicationResponse created = apps.s3App(Sdk.unique("cas"));

        // the winner answers with the key and revision it was given, to be compared with what is stored
        List<String> outcomes = Race.results(callers, 6, i -> () -> {
            UpdateRobotApplicationResponse updated = robomaker.updateRobotApplication(r -> r.application(created.arn())
                    .currentRevisionId(created.revisionId()).robotSoftwareSuite(GENERAL)
                    .sources(source("my-bucket", "writer-" + i, Architecture.X86_64)));
            return updated.sources().get(0).s3Key() + "@" + updated.revisionId();
        });

        assertThat(outcomes).filteredOn("InvalidParameterException"::equals).hasSize(5);
        DescribeRobotApplicationResponse described = robomaker.describeRobotApplication(r -> r.application(created.arn()));
        assertThat(outcomes).filteredOn(o -> !o.equals("InvalidParameterException")).singleElement()
                .isEqualTo(described.sources().get(0).s3Key() + "@" + described.revisionId());
    }

    /** The head's row lock serializes numbering: no call fails, and no number is repeated or skipped. */
    @Test
    void eightParallelVersionCreatesYieldExactlyOneToEight() throws Exception {
        String name = Sdk.unique("par");
        String arn = apps.s3App(name).arn();

        List<String> outcomes = Race.results(callers, 8,
                i -> () -> robomaker.createRobotApplicationVersion(r -> r.application(arn)).version());

        // an error code in place of a number would fail this too
        assertThat(outcomes).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(apps.listAll(name, true)).extracting(RobotApplicationSummary::version)
                .containsExactly("$LATEST", "1", "2", "3", "4", "5", "6", "7", "8");
    }
}
