package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-instance cache of verified robot credentials, on a clock the test moves. */
class RobotCredentialCacheTest {
    private static final Duration TTL = Duration.ofSeconds(5);
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RobotCredentialCache cache = new RobotCredentialCache(TTL, nanos::get);
    private final Principal robot = Principal.robot("RKIDAAAAAAAAAAAAAAAA", "s", "123456789012", "arn:aws:robomaker:us-west-2:123456789012:robot/r/1");
    private final Principal other = Principal.robot("RKIDBBBBBBBBBBBBBBBB", "s", "123456789012", "arn:aws:robomaker:us-west-2:123456789012:robot/q/2");

    @Test
    void aStoredCredentialIsServedUntilJustBeforeItsTtl() {
        cache.put(robot, cache.revocationCount());

        nanos.addAndGet(TTL.toNanos() - 1);

        assertThat(cache.get(robot.accessKeyId())).contains(robot);
    }

    @Test
    void exactlyAtTheTtlItIsReadAgain() {
        cache.put(robot, cache.revocationCount());

        nanos.addAndGet(TTL.toNanos());

        assertThat(cache.get(robot.accessKeyId())).isEmpty();
    }

    @Test
    void aRevokedCredentialIsGoneAndOthersStay() {
        cache.put(robot, cache.revocationCount());
        cache.put(other, cache.revocationCount());

        cache.revoke(robot.accessKeyId());

        assertThat(cache.get(robot.accessKeyId())).isEmpty();
        assertThat(cache.get(other.accessKeyId())).contains(other);
    }

    @Test
    void aLookupUnderWayWhenARevocationArrivesIsNotStored() {
        long before = cache.revocationCount();
        cache.revoke(robot.accessKeyId()); // committed while the lookup was reading the row

        cache.put(robot, before);

        assertThat(cache.get(robot.accessKeyId())).isEmpty();
    }

    @Test
    void deletingARobotDropsOnlyItsCredentials() {
        cache.put(robot, cache.revocationCount());
        cache.put(other, cache.revocationCount());

        cache.revokeRobot("123456789012", robot.robotArn());

        assertThat(cache.get(robot.accessKeyId())).isEmpty();
        assertThat(cache.get(other.accessKeyId())).contains(other);
    }

    @Test
    void aSameArnInAnotherAccountIsNotTheRobotDeleted() {
        cache.put(robot, cache.revocationCount());

        cache.revokeRobot("210987654321", robot.robotArn());

        assertThat(cache.get(robot.accessKeyId())).contains(robot);
    }

    @Test
    void clearingForgetsEverythingAndLookupsUnderWay() {
        long before = cache.revocationCount();
        cache.put(other, before);

        cache.clear();
        cache.put(robot, before);

        assertThat(cache.get(robot.accessKeyId())).isEmpty();
        assertThat(cache.get(other.accessKeyId())).isEmpty();
    }
}
