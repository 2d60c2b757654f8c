package dev.fleetsync.common;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of resource fleetsync names with ARNs, by their ARN resource-type segment. */
public enum ResourceType {
    FLEET("deployment-fleet"),
    ROBOT("robot"),
    ROBOT_APPLICATION("robot-application"),
    DEPLOYMENT_JOB("deployment-job");

    private final String arnSegment;

    ResourceType(String arnSegment) {
        this.arnSegment = arnSegment;
    }

    public String arnSegment() {
        return arnSegment;
    }

    /** The type an ARN names, if it is a RoboMaker ARN of a type we serve. */
    public static Optional<ResourceType> of(String arn) {
        return Arn.parse(arn)
                .filter(a -> "robomaker".equals(a.service()))
                .flatMap(a -> Arrays.stream(values()).filter(t -> t.arnSegment.equals(a.resourceType())).findFirst());
    }
}
