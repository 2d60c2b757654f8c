package dev.fleetsync.sdk;

import static dev.fleetsync.sdk.RobotApplications.ROS_MELODIC;
import static dev.fleetsync.sdk.RobotApplications.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.model.Filter;
import software.amazon.awssdk.services.robomaker.model.ListRobotApplicationsResponse;
import software.amazon.awssdk.services.robomaker.model.RobotApplicationSummary;

/** ListRobotApplications through the official SDK: which versions it shows, how it pages, and what it rejects. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class RobotApplicationListSdkTest extends ServiceTest {
    RobotApplications apps;

    @BeforeEach
    void client() {
        apps = new RobotApplications(robomaker);
    }

    @Test
    void listShowsLatestOnlyUnlessAllVersionsAreAskedFor() {
        String name = Sdk.unique("list");
        String arn = apps.s3AppWithVersions(name, 2);

        List<RobotApplicationSummary> latest = apps.listAll(name, false);
        List<RobotApplicationSummary> all = apps.listAll(name, true);

        assertThat(latest).singleElement().satisfies(s -> {
            assertThat(s.version()).isEqualTo("$LATEST");
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.arn()).isEqualTo(arn);
            assertThat(s.robotSoftwareSuite()).isEqualTo(ROS_MELODIC);
            assertThat(s.lastUpdatedAt()).isNotNull();
        });
        assertThat(all).extracting(RobotApplicationSummary::version).containsExactly("$LATEST", "1", "2");
        assertThat(all).extracting(RobotApplicationSummary::arn).containsOnly(arn);
    }

    @Test
    void listWithAllVersionsPagesInOrderAcrossApplications() {
        String first = apps.s3AppWithVersions(Sdk.unique("pa"), 2);
        String second = apps.s3AppWithVersions(Sdk.unique("pb"), 1);

        ListRobotApplicationsResponse page = robomaker.listRobotApplications(r -> r.versionQualifier("ALL").maxResults(2));
        List<String> mine = new ArrayList<>();
        int pages = 0;
        while (true) {
            assertThat(page.robotApplicationSummaries()).hasSizeLessThanOrEqualTo(2);
            page.robotApplicationSummaries().stream().filter(s -> s.arn().equals(first) || s.arn().equals(second))
                    .forEach(s -> mine.add(s.arn() + "@" + s.version()));
            pages++;
            if (page.nextToken() == null) {
                break;
            }
            String token = page.nextToken();
            assertThat(token).matches("[a-zA-Z0-9_.\\-/+=]*");
            page = robomaker.listRobotApplications(r -> r.versionQualifier("ALL").maxResults(2).nextToken(token));
        }

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(mine).containsExactly(first + "@$LATEST", first + "@1", first + "@2", second + "@$LATEST", second + "@1");
    }

    @Test
    void listPagesThroughLatestEntriesWithTheSdkPaginator() {
        List<String> created = IntStream.range(0, 3).mapToObj(i -> apps.s3App(Sdk.unique("pg")).arn()).toList();

        List<String> listed = robomaker.listRobotApplicationsPaginator(r -> r.maxResults(1)).robotApplicationSummaries().stream()
                .map(RobotApplicationSummary::arn).filter(created::contains).toList();

        assertThat(listed).containsExactlyElementsOf(created);
    }

    @Test
    void garbledNextTokenIsRejected() {
        assertInvalid(() -> robomaker.listRobotApplications(r -> r.nextToken("bm90LWEtdG9rZW4=")), "nextToken");
        assertInvalid(() -> robomaker.listRobotApplications(r -> r.nextToken("???")), "'nextToken'");
    }

    @Test
    void pageSizeOutsideOneToHundredIsRejected() {
        assertInvalid(() -> robomaker.listRobotApplications(r -> r.maxResults(0)), "maxResults");
        assertInvalid(() -> robomaker.listRobotApplications(r -> r.maxResults(101)), "maxResults");
    }

    @Test
    void versionQualifierOtherThanAllIsRejected() {
        assertInvalid(() -> robomaker.listRobotApplications(r -> r.versionQualifier("LATEST")), "'versionQualifier'");
    }

    @Test
    void unknownFilterNameIsRejected() {
        assertInvalid(() -> robomaker.listRobotApplications(r -> r.filters(Filter.builder().name("status").values("x").build())),
                "filters[0].name");
    }
}
