package dev.fleetsync.events;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.events.EventRows.Recorded;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The robot deployment trigger (V14) records the events of a statement of one row through its cached plan and those of
 * a statement of many rows through a plan of their own: on one connection, after a one-row statement, a statement of
 * several rows records each row's event once, in robot order, as a one-row statement does.
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotDeploymentEventsTest extends ServiceTest {
    private static final String WHERE = " where account_id = $1 and job_arn = $2";

    @Test
    void aStatementOfManyRowsRecordsEveryRowsEventAfterOneOfOneRowOnTheSameConnection() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("events"))).arn();
        List<String> robots = seed.robotsInFleet(fleet, 6).stream().sorted().toList();
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();

        pool.withConnection(connection -> connection
                .preparedQuery("update robot_deployment set deployment_start_time = now()" + WHERE + " and robot_arn = $3")
                .execute(Tuple.of(Seed.ACCOUNT, job, robots.get(3)))
                .chain(() -> connection.preparedQuery("update robot_deployment set deployment_start_time = now()" + WHERE
                        + " and deployment_start_time is null").execute(Tuple.of(Seed.ACCOUNT, job)))
                .chain(() -> connection.preparedQuery("update robot_deployment set handed_at = now(), status = 'Deploying'" + WHERE)
                        .execute(Tuple.of(Seed.ACCOUNT, job))))
                .await().indefinitely();

        List<String> admittedInOrder = new ArrayList<>(List.of(robots.get(3)));
        robots.stream().filter(robot -> !robot.equals(robots.get(3))).forEach(admittedInOrder::add);
        List<Recorded> recorded = new EventRows(pool).about(Seed.ACCOUNT, job);
        assertThat(recorded).filteredOn(e -> e.type().equals("RobotDeploymentAdmitted")).extracting(Recorded::robotArn)
                .containsExactlyElementsOf(admittedInOrder);
        assertThat(recorded).filteredOn(e -> e.type().equals("RobotDeploymentHandedOver")).extracting(Recorded::robotArn)
                .containsExactlyElementsOf(robots);
        assertThat(recorded).filteredOn(e -> e.type().startsWith("RobotDeployment")).allSatisfy(e -> assertThat(e.fleetArn())
                .isEqualTo(fleet));
    }
}
