package dev.fleetsync.application;

import dev.fleetsync.common.AccountArn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** $LATEST of a robot application: the mutable head that UpdateRobotApplication changes and versions snapshot. */
@Entity
@Table(name = "robot_application")
@IdClass(AccountArn.class)
public class RobotApplication {
    @Id
    @Column(name = "account_id")
    public String accountId;
    @Id
    public String arn;
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "suite_name")
    public SuiteName suiteName;
    @Enumerated(EnumType.STRING)
    @Column(name = "suite_version")
    public SuiteVersion suiteVersion;
    /** JSON array of {@link ApplicationSource}; see {@link SourcesJson}. Empty for a container application. */
    @Column(columnDefinition = "text")
    public String sources;
    @Column(name = "environment_uri")
    public String environmentUri;
    @Column(name = "revision_id")
    public String revisionId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_updated_at")
    public Instant lastUpdatedAt;
    /** The highest version number given out, deleted or not: numbers are never reused. */
    @Column(name = "last_version")
    public int lastVersion;
}
