package dev.fleetsync.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One tag of one resource. */
@Entity
@Table(name = "resource_tag")
@IdClass(ResourceTag.Key.class)
public class ResourceTag {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    @Column(name = "resource_arn")
    public String resourceArn;
    @Id
    @Column(name = "tag_key")
    public String tagKey;
    @Column(name = "tag_value")
    public String tagValue;

    public ResourceTag() {
    }

    public ResourceTag(String accountId, String resourceArn, String tagKey, String tagValue) {
        this.accountId = accountId;
        this.resourceArn = resourceArn;
        this.tagKey = tagKey;
        this.tagValue = tagValue;
    }

    public static class Key implements Serializable {
        public String accountId;
        public String resourceArn;
        public String tagKey;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(resourceArn, k.resourceArn)
                    && Objects.equals(tagKey, k.tagKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, resourceArn, tagKey);
        }
    }
}
