package dev.fleetsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void burstIsAvailableAtOnceThenRefusedUntilRefilled() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(IntStream.range(0, 3).allMatch(i -> bucket.tryTake(0))).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(SECOND / 4)).isFalse();
        assertThat(bucket.tryTake(SECOND / 2)).isTrue();
        assertThat(bucket.tryTake(SECOND / 2)).isFalse();
    }

    @Test
    void idleTimeNeverBanksMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(100, 2, 0);

        long later = 3600 * SECOND;
        assertThat(bucket.tryTake(later) && bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isFalse();
    }

    static Stream<Arguments> schedules() {
        Random random = new Random(20240604L);
        return IntStream.range(0, 200).mapToObj(i -> Arguments.of(1 + random.nextInt(50), 1 + random.nextInt(20),
                random.nextLong(5 * SECOND), random.nextLong(4)));
    }

    /** Over any window, admitted requests never exceed burst + rate x window, however the requests are spaced. */
    @ParameterizedTest
    @MethodSource("schedules")
    void admittedRequestsNeverExceedBurstPlusRateTimesElapsed(int rate, int burst, long window, long seed) {
        TokenBucket bucket = new TokenBucket(rate, burst, 0);
        Random random = new Random(seed);
        long now = 0;
        int admitted = 0;
        while (now <= window) {
            if (bucket.tryTake(now)) {
                admitted++;
            }
            now += random.nextLong(SECOND / rate + 1);
        }
        assertThat(admitted).isLessThanOrEqualTo(burst + (int) Math.ceil((double) rate * window / SECOND));
    }
}
