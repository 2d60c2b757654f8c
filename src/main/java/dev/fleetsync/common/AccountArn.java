package dev.fleetsync.common;

import java.io.Serializable;
import java.util.Objects;

/** Composite primary key shared by every ARN-addressed entity: the account leads, so tables can be distributed by account. */
public class AccountArn implements Serializable {
    public String accountId;
    public String arn;

    public AccountArn() {
    }

    public AccountArn(String accountId, String arn) {
        this.accountId = accountId;
        this.arn = arn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountArn other && Objects.equals(accountId, other.accountId) && Objects.equals(arn, other.arn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, arn);
    }
}
