package dev.fleetsync.deployment.rollout;

/**
 * How many robots of a job may be deploying at once: {@code ceil(N x concurrentPercentage / 100)}, at least one.
 * A slot freed by a finished robot goes to the next robot waiting.
 */
public final class WavePolicy {
    private WavePolicy() {
    }

    public static int waveSize(int robots, int concurrentPercentage) {
        if (robots <= 0) {
            return 0;
        }
        long ceil = ((long) robots * concurrentPercentage + 99) / 100;
        return (int) Math.max(1, Math.min(robots, ceil));
    }

    /** Robots to start now, given how many are deploying and how many have not started yet. */
    public static int toStart(int robots, int concurrentPercentage, int deploying, int waiting) {
        return Math.max(0, Math.min(waiting, waveSize(robots, concurrentPercentage) - deploying));
    }
}
