package dev.fleetsync.application;

import dev.fleetsync.common.ArnFactory;
import dev.fleetsync.common.Page;
import dev.fleetsync.common.ResourceType;
import dev.fleetsync.common.ServiceException;
import dev.fleetsync.common.Timestamps;
import dev.fleetsync.common.Writes;
import dev.fleetsync.quota.Quota;
import dev.fleetsync.quota.Quotas;
import dev.fleetsync.tag.TagRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Robot applications: their $LATEST head, describing any version, deleting, listing. Versions are made by {@link ApplicationVersionService}. */
@ApplicationScoped
public class RobotApplicationService {
    private final RobotApplicationRepository applications;
    private final RobotApplicationVersionRepository versions;
    private final ApplicationSummaryQuery summaries;
    private final TagRepository tags;
    private final ArnFactory arns;
    private final Clock clock;
    private final Quotas quotas;
    private final SourceEtags etags;

    public RobotApplicationService(RobotApplicationRepository applications, RobotApplicationVersionRepository versions,
            ApplicationSummaryQuery summaries, TagRepository tags, ArnFactory arns, Clock clock, Quotas quotas, SourceEtags etags) {
        this.etags = etags;
        this.applications = applications;
        this.versions = versions;
        this.summaries = summaries;
        this.tags = tags;
        this.arns = arns;
        this.clock = clock;
        this.quotas = quotas;
    }

    /**
     * Names are unique per account, however concurrent the calls (common/Constraint.APPLICATION_NAME). The sources'
     * etags are read before the transaction opens, so no connection is held while the bundle store answers.
     */
    public Uni<ApplicationView> create(String accountId, String name, ApplicationContent content, Map<String, String> appTags) {
        return checkedWithEtags(content).chain(checked -> Writes.inTransaction(name, () -> {
            RobotApplication head = new RobotApplication();
            head.accountId = accountId;
            head.name = name;
            head.createdAt = Timestamps.now(clock);
            head.arn = arns.named(ResourceType.ROBOT_APPLICATION, accountId, name, head.createdAt);
            head.lastUpdatedAt = head.createdAt;
            apply(head, checked);
            Map<String, String> shown = appTags == null ? Map.of() : appTags;
            return quotas.check(accountId, Quota.ROBOT_APPLICATIONS).chain(() -> applications.persist(head))
                    .call(() -> tags.put(accountId, head.arn, appTags))
                    .map(saved -> ApplicationView.of(saved, shown));
        }));
    }

    /**
     * Changes $LATEST under the row lock, so the {@code currentRevisionId} compare-and-set is atomic; the etags are read
     * first, outside the transaction.
     */
    public Uni<ApplicationView> update(String accountId, String arn, ApplicationContent content, String currentRevisionId) {
        return checkedWithEtags(content).chain(checked -> Panache.withTransaction(
                () -> requireLocked(accountId, arn, currentRevisionId).map(head -> {
                    apply(head, checked);
                    head.lastUpdatedAt = Timestamps.now(clock);
                    return ApplicationView.of(head, null);
                })));
    }

    /** Content that passed {@link ContentRules}, with its sources' etags read from the bundle store. */
    record Checked(ApplicationContent content, List<ApplicationSource> sources) {
    }

    private Uni<Checked> checkedWithEtags(ApplicationContent content) {
        return Uni.createFrom().item(() -> ContentRules.check(content))
                .chain(checked -> etags.read(checked.sources()).map(sources -> new Checked(checked, sources)));
    }

    @WithSession
    public Uni<ApplicationView> describe(String accountId, String arn, VersionRef version) {
        return require(accountId, arn).chain(head -> tags.tagsOf(accountId, arn).chain(appTags -> version.isLatest()
                ? Uni.createFrom().item(ApplicationView.of(head, appTags))
                : requireVersion(accountId, arn, version).map(v -> ApplicationView.of(head, v, appTags))));
    }

    /**
     * Without a number ($LATEST or absent) deletes the whole application: $LATEST cannot exist apart from its versions'
     * application, so deleting it deletes them and the tags too. With a number deletes only that version.
     */
    @WithTransaction
    public Uni<Void> delete(String accountId, String arn, VersionRef version) {
        if (!version.isLatest()) {
            return require(accountId, arn)
                    .chain(() -> versions.deleteOne(accountId, arn, version.number().getAsInt()))
                    .invoke(deleted -> {
                        if (deleted == 0) {
                            throw versionNotFound(arn, version);
                        }
                    }).replaceWithVoid();
        }
        return require(accountId, arn)
                .call(() -> versions.deleteAll(accountId, arn))
                .call(() -> tags.removeAll(accountId, arn))
                .call(applications::delete)
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Page<ApplicationSummary>> list(String accountId, String nameFilter, boolean allVersions, ApplicationPageRequest page) {
        return summaries.page(accountId, nameFilter, allVersions, page.after().orElse(null), page.size() + 1).map(found -> {
            if (found.size() <= page.size()) {
                return new Page<>(found, null);
            }
            List<ApplicationSummary> items = List.copyOf(found.subList(0, page.size()));
            return new Page<>(items, items.get(items.size() - 1).cursor().text());
        });
    }

    /** Whether that numbered version exists; runs in the caller's session (for deployments). */
    public Uni<Boolean> versionExists(String accountId, String applicationArn, int version) {
        return versions.versionExists(accountId, applicationArn, version);
    }

    /** The head, or ResourceNotFoundException: another account's application is reported exactly as a missing one. */
    public Uni<RobotApplication> require(String accountId, String arn) {
        return applications.find(accountId, arn).onItem().ifNull().failWith(() -> notFound(arn));
    }

    /** The head locked for this transaction, after checking the caller's {@code currentRevisionId} if one was given. */
    private Uni<RobotApplication> requireLocked(String accountId, String arn, String currentRevisionId) {
        return applications.findForUpdate(accountId, arn).onItem().ifNull().failWith(() -> notFound(arn))
                .map(head -> Revisions.check(head, currentRevisionId));
    }

    private Uni<RobotApplicationVersion> requireVersion(String accountId, String arn, VersionRef version) {
        return versions.find(accountId, arn, version.number().getAsInt())
                .onItem().ifNull().failWith(() -> versionNotFound(arn, version));
    }

    private void apply(RobotApplication head, Checked checked) {
        ApplicationContent content = checked.content();
        head.suiteName = content.suiteName();
        head.suiteVersion = content.suiteVersion();
        head.sources = SourcesJson.write(checked.sources());
        head.environmentUri = content.environmentUri();
        head.revisionId = UUID.randomUUID().toString();
    }

    static ServiceException notFound(String arn) {
        return ServiceException.notFound("Robot application " + arn + " does not exist");
    }

    private static ServiceException versionNotFound(String arn, VersionRef version) {
        return ServiceException.notFound("Version " + version.text() + " of robot application " + arn + " does not exist");
    }
}
