package dev.fleetsync.application;

import dev.fleetsync.common.Timestamps;
import dev.fleetsync.common.Writes;
import dev.fleetsync.quota.Quota;
import dev.fleetsync.quota.Quotas;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** CreateRobotApplicationVersion: numbered snapshots of $LATEST. */
@ApplicationScoped
public class ApplicationVersionService {
    private final RobotApplicationRepository applications;
    private final RobotApplicationVersionRepository versions;
    private final Clock clock;
    private final Quotas quotas;
    private final SourceEtags etags;

    public ApplicationVersionService(RobotApplicationRepository applications, RobotApplicationVersionRepository versions, Clock clock,
            Quotas quotas, SourceEtags etags) {
        this.etags = etags;
        this.applications = applications;
        this.versions = versions;
        this.clock = clock;
        this.quotas = quotas;
    }

    /**
     * Copies $LATEST to the next version number. A number is never given out twice, even once its version is deleted
     * (the head's {@code lastVersion}), or a later sync naming it would deploy different content; the versions' own
     * maximum still counts, for rows written without the head. The head stays locked until commit, so concurrent calls on one application number
     * their versions one after another, and the snapshot is of the revision that was checked. Two attempts that still
     * pick one number meet on the version's primary key (common/Constraint.APPLICATION_VERSION: the loser runs again).
     * The version snapshots what the bundle store holds now: each source's etag is read again (under the lock, so it is
     * the checked revision's sources that are read) and {@code s3Etags} pins are checked against those fresh values.
     */
    public Uni<ApplicationView> createVersion(String accountId, String arn, String currentRevisionId, List<String> s3Etags,
            String imageDigest) {
        return Writes.inTransaction(arn, () -> applications.findForUpdate(accountId, arn)
                .onItem().ifNull().failWith(() -> RobotApplicationService.notFound(arn))
                .map(head -> Revisions.check(head, currentRevisionId))
                .call(() -> quotas.check(accountId, Quota.VERSIONS_PER_APPLICATION, arn))
                .chain(head -> etags.reread(SourcesJson.read(head.sources)).chain(sources -> versions.maxVersion(accountId, arn).chain(max -> {
                    PinRules.check(head, sources, s3Etags, imageDigest);
                    RobotApplicationVersion version = new RobotApplicationVersion();
                    version.accountId = accountId;
                    version.applicationArn = arn;
                    version.version = Math.max(head.lastVersion, max) + 1;
                    head.lastVersion = version.version;
                    version.suiteName = head.suiteName;
                    version.suiteVersion = head.suiteVersion;
                    version.sources = SourcesJson.write(sources);
                    version.environmentUri = head.environmentUri;
                    version.imageDigest = imageDigest;
                    version.revisionId = head.revisionId;
                    version.createdAt = Timestamps.now(clock);
                    return versions.persist(version).map(saved -> ApplicationView.of(head, saved, null));
                }))));
    }
}
