package dev.fleetsync.application;

import dev.fleetsync.common.Architecture;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An immutable numbered snapshot ("1", "2", ...) of a robot application's $LATEST. */
@Entity
@Table(name = "robot_application_version")
@IdClass(RobotApplicationVersion.Key.class)
public class RobotApplicationVersion {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    @Column(name = "application_arn")
    public String applicationArn;
    @Id
    public int version;
    @Enumerated(EnumType.STRING)
    @Column(name = "suite_name")
    public SuiteName suiteName;
    @Enumerated(EnumType.STRING)
    @Column(name = "suite_version")
    public SuiteVersion suiteVersion;
    /** JSON array of {@link ApplicationSource}, as $LATEST had them. */
    @Column(columnDefinition = "text")
    public String sources;
    @Column(name = "environment_uri")
    public String environmentUri;
    @Column(name = "image_digest")
    public String imageDigest;
    /** The revision of $LATEST this version was taken from. */
    @Column(name = "revision_id")
    public String revisionId;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The source bundle for that architecture; empty when the version has none (or is a container image). */
    public Optional<ApplicationSource> sourceFor(Architecture architecture) {
        return SourcesJson.read(sources).stream().filter(source -> source.architecture() == architecture).findFirst();
    }

    public static class Key implements Serializable {
        public String accountId;
        public String applicationArn;
        public int version;

        public Key() {
        }

        public Key(String accountId, String applicationArn, int version) {
            this.accountId = accountId;
            this.applicationArn = applicationArn;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(applicationArn, k.applicationArn)
                    && version == k.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, applicationArn, version);
        }
    }
}
