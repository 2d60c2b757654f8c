package dev.fleetsync.support.sim;

import java.util.List;
import java.util.Random;

/**
 * How one robot's deployment of one job will go: the steps it reports and, for a failing one, the step it fails at
 * with the failure code that step would give.
 */
record DeploymentPlan(String job, int failAt) {
    /** The steps reported as InProgress before {@code Finished}. */
    static final List<String> STEPS = List.of("Validating", "DownloadingExtracting", "ExecutingPreLaunch", "Launching",
            "ExecutingPostLaunch");
    private static final List<String> FAILURE_CODES = List.of("MissingRobotDeploymentResource", "ExtractingBundleFailure",
            "PreLaunchFileFailure", "EnvironmentSetupError", "PostLaunchFileFailure");
    static final int SUCCEEDS = -1;

    static DeploymentPlan draw(String job, Random random, double failureRate) {
        boolean fails = random.nextDouble() < failureRate;
        return new DeploymentPlan(job, fails ? random.nextInt(STEPS.size()) : SUCCEEDS);
    }

    boolean failsAt(int step) {
        return step == failAt;
    }

    static String failureCode(int step) {
        return FAILURE_CODES.get(step);
    }

    static float percentDone(int step) {
        return step * 100f / (STEPS.size() + 1);
    }
}
