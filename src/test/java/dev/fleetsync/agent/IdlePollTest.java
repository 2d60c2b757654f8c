package dev.fleetsync.agent;

import dev.fleetsync.support.BackgroundStatements;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.Agent;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.RolloutDisabled;
import dev.fleetsync.support.Seed;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A poll with nothing to hand over costs one read and no write transaction (issue 16): the robot's existence and
 * whether it may have work are one statement, and only a robot that may have work runs the hand-over's transaction.
 */
@QuarkusTest
@TestProfile(RolloutDisabled.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class IdlePollTest extends ServiceTest {
    private static final String PREFIX = "arn:aws:robomaker:us-west-2:" + Seed.ACCOUNT + ":";
    private static final int POLLS = 5;

    @Test
    void aRobotWithNothingToDoIsAnsweredNothingAfterOneReadAndNoTransaction() {
        Assumptions.assumeTrue(seed.count("select count(*) from pg_settings where name = 'shared_preload_libraries' "
                + "and setting like '%pg_stat_statements%'") == 1, "the database does not load pg_stat_statements");
        pool.query("create extension if not exists pg_stat_statements").execute().await().indefinitely();
        List<String> robots = seed.robotsInFleet(fleet(), POLLS);
        pool.query("select pg_stat_statements_reset()").execute().await().indefinitely();

        robots.forEach(robot -> assertThat(new Agent(endpoint, robot).poll(0).getString("deploymentJob")).isNull());

        assertThat(seed.count("select coalesce(sum(calls), 0) from pg_stat_statements where " + BackgroundStatements.EXCLUDED)).as("statements of %d idle polls", POLLS).isEqualTo(POLLS);
        assertThat(seed.count("select coalesce(sum(calls), 0) from pg_stat_statements where upper(trim(query)) in ('BEGIN', 'COMMIT')"))
                .isZero();
    }

    @Test
    void aRobotThatDoesNotExistIsRefusedByName() {
        String robot = PREFIX + "robot/nobody-" + UUID.randomUUID().toString().substring(0, 8) + "/1700000000000";

        Response refused = new Agent(endpoint, robot).pollResponse();

        assertThat(refused.header("X-Amzn-ErrorType")).startsWith("ResourceNotFoundException");
        assertThat(refused.jsonPath().getString("message")).contains(robot);
    }

    private String fleet() {
        String fleet = PREFIX + "deployment-fleet/idle-" + UUID.randomUUID().toString().substring(0, 8) + "/1700000000000";
        pool.preparedQuery("insert into fleet (account_id, arn, name, created_at) values ($1, $2, 'idle', now())")
                .execute(Tuple.of(Seed.ACCOUNT, fleet)).await().indefinitely();
        return fleet;
    }
}
