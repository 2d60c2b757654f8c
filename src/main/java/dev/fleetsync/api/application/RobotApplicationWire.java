package dev.fleetsync.api.application;

import dev.fleetsync.api.shape.Filter;
import dev.fleetsync.api.shape.Shape.Arn;
import dev.fleetsync.api.shape.Shape.ImageDigest;
import dev.fleetsync.api.shape.Shape.Name;
import dev.fleetsync.api.shape.Shape.PaginationToken;
import dev.fleetsync.api.shape.Shape.RepositoryUrl;
import dev.fleetsync.api.shape.Shape.RevisionId;
import dev.fleetsync.api.shape.Shape.S3Bucket;
import dev.fleetsync.api.shape.Shape.S3Key;
import dev.fleetsync.api.shape.Shape.TagKey;
import dev.fleetsync.api.shape.Shape.TagValue;
import dev.fleetsync.api.shape.Shape.Version;
import dev.fleetsync.api.shape.Shape.VersionQualifier;
import dev.fleetsync.application.ApplicationContent;
import dev.fleetsync.application.ApplicationSource;
import dev.fleetsync.application.ApplicationSummary;
import dev.fleetsync.application.ApplicationView;
import dev.fleetsync.application.SourceSpec;
import dev.fleetsync.common.Architecture;
import dev.fleetsync.application.SuiteName;
import dev.fleetsync.application.SuiteVersion;
import dev.fleetsync.application.VersionRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire records of the robot application operations, with the model's member names. */
public final class RobotApplicationWire {
    private RobotApplicationWire() {
    }

    public record SourceConfig(@S3Bucket String s3Bucket, @S3Key String s3Key, Architecture architecture) {
    }

    public record Source(String s3Bucket, String s3Key, String etag, Architecture architecture) {
        static List<Source> of(List<ApplicationSource> sources) {
            return sources.stream().map(s -> new Source(s.s3Bucket(), s.s3Key(), s.etag(), s.architecture())).toList();
        }
    }

    public record RobotSoftwareSuite(SuiteName name, SuiteVersion version) {
    }

    public record Environment(@RepositoryUrl String uri) {
        static Environment of(String uri) {
            return uri == null ? null : new Environment(uri);
        }
    }

    /** The content members shared by Create and Update, as the domain takes them. */
    static ApplicationContent content(RobotSoftwareSuite suite, List<SourceConfig> sources, Environment environment) {
        List<SourceSpec> specs = sources == null ? List.of() : sources.stream()
                .map(s -> s == null ? null : new SourceSpec(s.s3Bucket(), s.s3Key(), s.architecture()))
                .toList();
        return new ApplicationContent(suite.name(), suite.version(), specs, environment == null ? null : environment.uri(),
                environment != null);
    }

    public record CreateRobotApplicationRequest(@NotNull @Name String name, List<@Valid SourceConfig> sources,
            @NotNull @Valid RobotSoftwareSuite robotSoftwareSuite,
            @Size(max = 50) Map<@NotNull @TagKey String, @NotNull @TagValue String> tags, @Valid Environment environment) {
    }

    public record CreateRobotApplicationResponse(String arn, String name, String version, List<Source> sources,
            RobotSoftwareSuite robotSoftwareSuite, Instant lastUpdatedAt, String revisionId, Map<String, String> tags,
            Environment environment) {
        static CreateRobotApplicationResponse of(ApplicationView v) {
            return new CreateRobotApplicationResponse(v.arn(), v.name(), v.version(), Source.of(v.sources()),
                    new RobotSoftwareSuite(v.suiteName(), v.suiteVersion()), v.lastUpdatedAt(), v.revisionId(), v.tags(),
                    Environment.of(v.environmentUri()));
        }
    }

    public record UpdateRobotApplicationRequest(@NotNull @Arn String application, List<@Valid SourceConfig> sources,
            @NotNull @Valid RobotSoftwareSuite robotSoftwareSuite, @RevisionId String currentRevisionId,
            @Valid Environment environment) {
    }

    /** The response of UpdateRobotApplication and CreateRobotApplicationVersion (the model gives both these members). */
    public record ApplicationVersionResponse(String arn, String name, String version, List<Source> sources,
            RobotSoftwareSuite robotSoftwareSuite, Instant lastUpdatedAt, String revisionId, Environment environment) {
        static ApplicationVersionResponse of(ApplicationView v) {
            return new ApplicationVersionResponse(v.arn(), v.name(), v.version(), Source.of(v.sources()),
                    new RobotSoftwareSuite(v.suiteName(), v.suiteVersion()), v.lastUpdatedAt(), v.revisionId(),
                    Environment.of(v.environmentUri()));
        }
    }

    public record CreateRobotApplicationVersionRequest(@NotNull @Arn String application, @RevisionId String currentRevisionId,
            List<@NotNull String> s3Etags, @ImageDigest String imageDigest) {
    }

    public record DeleteRobotApplicationRequest(@NotNull @Arn String application, @Version String applicationVersion) {
    }

    public record DescribeRobotApplicationRequest(@NotNull @Arn String application, @Version String applicationVersion) {
        VersionRef version() {
            return VersionRef.parse(applicationVersion);
        }
    }

    public record DescribeRobotApplicationResponse(String arn, String name, String version, List<Source> sources,
            RobotSoftwareSuite robotSoftwareSuite, String revisionId, Instant lastUpdatedAt, Map<String, String> tags,
            Environment environment, String imageDigest) {
        static DescribeRobotApplicationResponse of(ApplicationView v) {
            return new DescribeRobotApplicationResponse(v.arn(), v.name(), v.version(), Source.of(v.sources()),
                    new RobotSoftwareSuite(v.suiteName(), v.suiteVersion()), v.revisionId(), v.lastUpdatedAt(), v.tags(),
                    Environment.of(v.environmentUri()), v.imageDigest());
        }
    }

    public record ListRobotApplicationsRequest(@VersionQualifier String versionQualifier, @PaginationToken String nextToken,
            Integer maxResults, @Size(min = 1, max = 1) List<@NotNull @Valid Filter> filters) {
    }

    public record RobotApplicationSummary(String name, String arn, String version, Instant lastUpdatedAt,
            RobotSoftwareSuite robotSoftwareSuite) {
        static RobotApplicationSummary of(ApplicationSummary s) {
            return new RobotApplicationSummary(s.name(), s.arn(), VersionRef.wire(s.version()), s.lastUpdatedAt(),
                    new RobotSoftwareSuite(s.suiteName(), s.suiteVersion()));
        }
    }

    public record ListRobotApplicationsResponse(List<RobotApplicationSummary> robotApplicationSummaries, String nextToken) {
    }
}
