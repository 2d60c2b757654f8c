package dev.fleetsync.support.sim;

import java.time.Duration;

/** How every simulated robot behaves, apart from its own {@link RobotBehaviour}. */
record SimulationSettings(Duration minStepLatency, Duration maxStepLatency, double failureRate, long seed, int pollWaitSeconds,
        Duration retryDelay) {
}
