package dev.fleetsync.application;

import dev.fleetsync.common.Timestamps;
import dev.fleetsync.quota.Quota;
import dev.fleetsync.quota.Quotas;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** One attempt at CreateRobotApplicationVersion, in one transaction; {@link ApplicationVersionService} retries it. */
@ApplicationScoped
public class VersionSnapshots {
    private final RobotApplicationRepository applications;
    private final RobotApplicationVersionRepository versions;
    private final Clock clock;
    private final Quotas quotas;

    public VersionSnapshots(RobotApplicationRepository applications, RobotApplicationVersionRepository versions, Clock clock, Quotas quotas) {
        this.applications = applications;
        this.versions = versions;
        this.clock = clock;
        this.quotas = quotas;
    }

    /**
     * Copies $LATEST to version max+1. The head stays locked until commit, so concurrent calls on one application number
     * their versions one after another, and the snapshot is of the revision that was checked.
     */
    @WithTransaction
    public Uni<ApplicationView> snapshot(String accountId, String arn, String currentRevisionId, List<String> s3Etags,
            String imageDigest) {
        return applications.findForUpdate(accountId, arn)
                .onItem().ifNull().failWith(() -> RobotApplicationService.notFound(arn))
                .map(head -> Revisions.check(head, currentRevisionId))
                .call(() -> quotas.check(accountId, Quota.VERSIONS_PER_APPLICATION, arn))
                .chain(head -> versions.maxVersion(accountId, arn).chain(max -> {
                    List<ApplicationSource> sources = SourcesJson.read(head.sources);
                    PinRules.check(head, sources, s3Etags, imageDigest);
                    RobotApplicationVersion version = new RobotApplicationVersion();
                    version.accountId = accountId;
                    version.applicationArn = arn;
                    version.version = max + 1;
                    version.suiteName = head.suiteName;
                    version.suiteVersion = head.suiteVersion;
                    version.sources = head.sources;
                    version.environmentUri = head.environmentUri;
                    version.imageDigest = imageDigest;
                    version.revisionId = head.revisionId;
                    version.createdAt = Timestamps.now(clock);
                    return versions.persist(version).map(saved -> ApplicationView.of(head, saved, null));
                }));
    }
}
