package dev.fleetsync.application;

import dev.fleetsync.common.AccountArn;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** $LATEST heads. Callers run inside a session (and a transaction for writes). */
@ApplicationScoped
public class RobotApplicationRepository implements PanacheRepositoryBase<RobotApplication, AccountArn> {

    public Uni<RobotApplication> find(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn));
    }

    /**
     * The head, locked (SELECT ... FOR UPDATE) until the transaction ends: writers of one application take turns, so a
     * revision check and the change it guards are atomic, and version numbers are computed one caller at a time.
     */
    public Uni<RobotApplication> findForUpdate(String accountId, String arn) {
        return findById(new AccountArn(accountId, arn), LockModeType.PESSIMISTIC_WRITE);
    }
}
