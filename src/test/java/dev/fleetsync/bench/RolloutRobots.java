package dev.fleetsync.bench;

/**
 * The robots of the rollout scenario as state in arrays, not threads: each robot long-polls until it is handed its
 * deployment, then at once reports it Succeeded, and is done when the service says not to go on. A call that fails
 * (no answer, or one the protocol does not give) is counted and made again: a repeated poll or final report is harmless
 * (docs/robot-protocol.md). Used from one event loop only, so it needs no locks.
 */
final class RolloutRobots {
    /** What the generator sends next for a robot. */
    enum Next {
        POLL,
        REPORT,
        NOTHING
    }

    private static final byte POLLING = 0;
    private static final byte REPORTING = 1;
    private static final byte DONE = 2;

    private final byte[] state;
    private final String[] handed;
    private int done;
    private long errors;
    private String firstError;

    RolloutRobots(int robots) {
        this.state = new byte[robots];
        this.handed = new String[robots];
    }

    /** A poll of {@code robot} was answered: with the job it was handed, or null when it has nothing to do yet. */
    Next polled(int robot, String job) {
        if (state[robot] != POLLING) {
            return unexpected(robot, "a poll answered while reporting or done");
        }
        if (job == null) {
            return Next.POLL;
        }
        handed[robot] = job;
        state[robot] = REPORTING;
        return Next.REPORT;
    }

    /** The robot's final report was answered with {@code proceed}: false ends its deployment, true is not the protocol's. */
    Next reported(int robot, boolean proceed) {
        if (state[robot] != REPORTING) {
            return unexpected(robot, "a report answered while not reporting");
        }
        if (proceed) {
            return unexpected(robot, "a final report was answered with continue");
        }
        state[robot] = DONE;
        done++;
        return Next.NOTHING;
    }

    /** A call of {@code robot} failed: the same call again. */
    Next failed(int robot, String what) {
        errors++;
        if (firstError == null) {
            firstError = "robot " + robot + ": " + what;
        }
        return state[robot] == POLLING ? Next.POLL : state[robot] == REPORTING ? Next.REPORT : Next.NOTHING;
    }

    /** The job {@code robot} was handed, for its report. */
    String job(int robot) {
        return handed[robot];
    }

    int done() {
        return done;
    }

    int robots() {
        return state.length;
    }

    long errors() {
        return errors;
    }

    String firstError() {
        return firstError;
    }

    private Next unexpected(int robot, String what) {
        failed(robot, what);
        return Next.NOTHING;
    }
}
