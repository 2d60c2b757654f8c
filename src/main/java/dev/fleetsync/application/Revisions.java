package dev.fleetsync.application;

import dev.fleetsync.common.Validation;

/** The {@code currentRevisionId} guard of UpdateRobotApplication and CreateRobotApplicationVersion. */
final class Revisions {
    private Revisions() {
    }

    /** Passes when no revision was given or it is the head's; call with the head locked, so the check holds until commit. */
    static RobotApplication check(RobotApplication head, String currentRevisionId) {
        if (currentRevisionId != null && !currentRevisionId.equals(head.revisionId)) {
            throw Validation.invalid("currentRevisionId", currentRevisionId, "it is not the current revision of " + head.arn
                    + "; describe the application and retry with its revisionId");
        }
        return head;
    }
}
