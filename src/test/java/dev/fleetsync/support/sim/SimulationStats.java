package dev.fleetsync.support.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a simulation observed.
 *
 * @param handed per robot, how many times it was handed each job (robot ARN -> job ARN -> times)
 * @param maxDeploying the most robots deploying at once, each counted from the poll that handed it a job until it
 *        sent its final report (a window inside the service's own, so this never over-counts)
 * @param elapsed from start until every answering robot had finished a deployment (null if that never happened)
 * @param errors requests the service refused, or that failed in transport, in the order seen
 */
public record SimulationStats(int robots, Map<String, Map<String, Integer>> handed, int maxDeploying, int succeeded, int failed,
        int aborted, Duration elapsed, List<String> errors) {

    /** The most times any robot was handed any one job (1 when the protocol holds). */
    public int maxHandedPerJob() {
        return handed.values().stream().flatMap(jobs -> jobs.values().stream()).mapToInt(Integer::intValue).max().orElse(0);
    }

    /** How many robots were handed {@code job}. */
    public long robotsHanded(String job) {
        return handed.values().stream().filter(jobs -> jobs.containsKey(job)).count();
    }

    public Map<String, Integer> jobsHandedTo(String robot) {
        return handed.getOrDefault(robot, Map.of());
    }

    /** A one-line account, for logs and assertion messages. */
    public String summary() {
        return "robots=" + robots + " handed=" + handed.size() + " succeeded=" + succeeded + " failed=" + failed + " aborted=" + aborted
                + " maxDeploying=" + maxDeploying + " elapsed=" + elapsed + " errors=" + errors.size()
                + (errors.isEmpty() ? "" : " first error: " + errors.get(0));
    }
}
