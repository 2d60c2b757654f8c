package dev.fleetsync.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one table of constraints whose violation is an answer to the caller, not a fault: each schema constraint by name,
 * the error it means and its message ({@code %s} is the subject the write names, see {@link Writes}). A violation of
 * any other constraint stays what it is, a server fault.
 */
public enum Constraint {
    /** Two calls with one token raced; the loser finds the winner's token when it reads again (IdempotentJobs). */
    CLIENT_TOKEN("pk_client_token", ConstraintViolations.UNIQUE_VIOLATION, ServiceError.THROTTLING,
            "The clientRequestToken %s is in use by a concurrent call; retry the request", false),
    ACTIVE_DEPLOYMENT("uq_deployment_job_active_fleet", ConstraintViolations.UNIQUE_VIOLATION, ServiceError.CONCURRENT_DEPLOYMENT,
            "The fleet already has an active deployment job (Pending, Preparing or InProgress); wait for it to finish or cancel it",
            false),
    /** A Greengrass group serves one robot, however concurrent the second CreateRobot. */
    ROBOT_GREENGRASS_GROUP("uq_robot_greengrass_group", ConstraintViolations.UNIQUE_VIOLATION, ServiceError.RESOURCE_ALREADY_EXISTS,
            "A robot with greengrassGroupId %s already exists", false),
    /** The fleet was deleted between RegisterRobot's check and its commit: the fleet is missing, too. */
    ROBOT_FLEET("fk_robot_fleet", ConstraintViolations.FOREIGN_KEY_VIOLATION, ServiceError.RESOURCE_NOT_FOUND,
            "Fleet %s does not exist", false),
    APPLICATION_NAME("uq_robot_application_name", ConstraintViolations.UNIQUE_VIOLATION, ServiceError.RESOURCE_ALREADY_EXISTS,
            "A robot application named %s already exists", false),
    /**
     * The head's row lock already serializes version numbering; should two attempts still pick one number, the loser
     * runs again in a fresh transaction, and when retries run out answers ThrottlingException, which the SDKs retry.
     */
    APPLICATION_VERSION("pk_robot_application_version", ConstraintViolations.UNIQUE_VIOLATION, ServiceError.THROTTLING,
            "Versions of %s are being created concurrently; retry the request", true);

    private final String constraintName;
    private final String sqlState;
    private final ServiceError error;
    private final String message;
    private final boolean retryable;

    Constraint(String constraintName, String sqlState, ServiceError error, String message, boolean retryable) {
        this.constraintName = constraintName;
        this.sqlState = sqlState;
        this.error = error;
        this.message = message;
        this.retryable = retryable;
    }

    public String constraintName() {
        return constraintName;
    }

    public ServiceError error() {
        return error;
    }

    /** Whether a write that broke it may simply run again in a fresh transaction. */
    public boolean retryable() {
        return retryable;
    }

    /** The constraint of the table that the failure broke, if any. */
    public static Optional<Constraint> brokenBy(Throwable failure) {
        return Arrays.stream(values())
                .filter(c -> ConstraintViolations.constraint(failure, c.sqlState).filter(c.constraintName::equalsIgnoreCase).isPresent())
                .findFirst();
    }

    /** Whether the failure is the violation of any unique constraint, in the table or not. */
    public static boolean isUniqueViolation(Throwable failure) {
        return ConstraintViolations.constraint(failure, ConstraintViolations.UNIQUE_VIOLATION).isPresent();
    }

    /** The API error a broken constraint of the table means, about {@code subject}; any other failure unchanged. */
    public static Throwable translate(Throwable failure, String subject) {
        return brokenBy(failure).<Throwable>map(c -> c.error.exception(c.message.formatted(subject))).orElse(failure);
    }
}
