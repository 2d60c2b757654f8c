package dev.fleetsync.deployment.idempotency;

/** The operations that take a clientRequestToken, stored by their AWS names (never by ordinal). */
public enum IdempotentOperation {
    CREATE_DEPLOYMENT_JOB("CreateDeploymentJob"),
    SYNC_DEPLOYMENT_JOB("SyncDeploymentJob");

    private final String awsName;

    IdempotentOperation(String awsName) {
        this.awsName = awsName;
    }

    /** The operation's name as the API and the client_token table spell it. */
    public String awsName() {
        return awsName;
    }
}
