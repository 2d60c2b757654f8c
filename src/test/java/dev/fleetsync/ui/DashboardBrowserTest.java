package dev.fleetsync.ui;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.Seed;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/**
 * The dashboard in a real headless Chromium against the real service and PostgreSQL, with robots reporting over the
 * robot protocol meanwhile. Skipped only where Debian's chromium and chromium-driver are not installed (.ci/run
 * installs them). Screenshots: target/ui-screenshots/.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardBrowserTest {
    @TestHTTPResource("/")
    URI endpoint;
    @Inject
    Pool pool;

    RoboMakerClient robomaker;
    Seed seed;
    Browser browser;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Browser.installed(),
                "No /usr/bin/chromium and /usr/bin/chromedriver here: apt-get install chromium chromium-driver to run the browser tests");
        robomaker = Sdk.client(endpoint);
        seed = new Seed(pool);
        browser = new Browser(endpoint.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorSignsInAndWatchesAJobMoveWhileRobotsReportWithoutReloadingThePage() throws Exception {
        String name = Sdk.unique("watched");
        String fleet = robomaker.createFleet(r -> r.name(name)).arn();
        List<String> robots = seed.robotsInFleet(fleet, 3);
        String app = seed.applicationWithVersions(1);
        String job = robomaker.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(33)).build()).arn();

        browser.signIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        assertThat(browser.find("tr[data-fleet='" + name + "'] .in-sync").getText()).isEqualTo("0 of 3");
        browser.screenshot("01-fleets");
        browser.find("tr[data-fleet='" + name + "'] a").click();
        browser.waitFor(d -> d.getTitle().startsWith("Fleet " + name));
        browser.screenshot("02-fleet");
        browser.find("a[href*='" + URLEncoder.encode(job, StandardCharsets.UTF_8) + "']").click();
        browser.waitFor(d -> d.findElements(By.id("live")).size() == 1);
        browser.script("window.fleetsyncMarker = 'same page';");
        assertThat(browser.text(".waves")).contains("Up to 1 of 3 robots deploy at once");

        try (SimulatedRobots simulated = new SimulatedRobots(endpoint, robots, 1500)) {
            browser.waitFor(d -> d.findElement(By.id("robots")).getText().contains("Deploying"));
            browser.waitFor(d -> d.findElement(By.id("robots")).getText().matches("(?s).*DownloadingExtracting.*\\d+ %.*"));
            browser.screenshot("03-job-moving");
            browser.waitFor(d -> "Succeeded".equals(d.findElement(By.id("job-status")).getText()));
        }

        assertThat(browser.script("return window.fleetsyncMarker;")).isEqualTo("same page");
        assertThat(browser.text("#in-sync-count")).isEqualTo("3");
        assertThat(browser.text("#robots")).doesNotContain("Deploying").contains("InSync", "Finished", "100 %");
        assertThat(browser.pageText()).doesNotContain("Cancel job");
        browser.screenshot("04-job-succeeded");
        browser.open("/ui/");
        assertThat(browser.find("tr[data-fleet='" + name + "'] .in-sync").getText()).isEqualTo("3 of 3");
    }

    @Test
    void anOperatorCancelsAJobAfterConfirmingAndBacksOutOfTheQuestionFirst() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("canceled"))).arn();
        seed.robotsInFleet(fleet, 2); // they never poll: the job stays InProgress
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        browser.signIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        browser.open("/ui/job?arn=" + URLEncoder.encode(job, StandardCharsets.UTF_8));

        browser.find("#cancel-job").click();
        browser.waitFor(d -> d.findElement(By.id("confirm")).isDisplayed());
        assertThat(browser.text("#confirm-question")).startsWith("Cancel job");
        browser.screenshot("05-cancel-question");
        browser.find("#confirm button[value=no]").click();
        browser.waitFor(d -> !d.findElement(By.id("confirm")).isDisplayed());
        assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isNotEqualTo(DeploymentStatus.CANCELED);

        browser.find("#cancel-job").click();
        browser.waitFor(d -> d.findElement(By.id("confirm")).isDisplayed());
        browser.find("#confirm-yes").click();
        browser.waitFor(d -> "Canceled".equals(d.findElement(By.id("job-status")).getText()));

        assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isEqualTo(DeploymentStatus.CANCELED);
        assertThat(browser.pageText()).doesNotContain("Cancel job");
        browser.screenshot("06-job-canceled");
    }

    @Test
    void anotherAccountsFleetIsInvisibleAndSignOutEndsTheSession() {
        RoboMakerClient other = Sdk.client(endpoint, Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
        String theirs = Sdk.unique("theirs");
        String theirFleet = other.createFleet(r -> r.name(theirs)).arn();
        String mine = Sdk.unique("mine");
        robomaker.createFleet(r -> r.name(mine));
        browser.signIn(Sdk.ACCESS_KEY, Sdk.SECRET);

        assertThat(browser.pageText()).contains(mine).doesNotContain(theirs);
        browser.open("/ui/fleet?arn=" + URLEncoder.encode(theirFleet, StandardCharsets.UTF_8));
        assertThat(browser.text("h1")).isEqualTo("Not found");
        assertThat(browser.pageText()).doesNotContain("Robots (");
        browser.screenshot("07-other-account-not-found");

        browser.open("/ui/");
        browser.find(".account button").click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/ui/sign-in"));
        browser.open("/ui/");
        assertThat(browser.url()).endsWith("/ui/sign-in");
        browser.screenshot("08-signed-out");
    }

    @Test
    void atPhoneWidthThePagesFitWithoutSidewaysScrolling() {
        String name = Sdk.unique("phone-fleet-with-a-long-name");
        String fleet = robomaker.createFleet(r -> r.name(name)).arn();
        seed.robotsInFleet(fleet, 3);
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        browser.size(390, 844);

        browser.open("/ui/sign-in");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("09-phone-sign-in");
        browser.signIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("10-phone-fleets");
        browser.open("/ui/fleet?arn=" + URLEncoder.encode(fleet, StandardCharsets.UTF_8));
        assertThat(browser.scrollsSideways()).isFalse();
        browser.open("/ui/job?arn=" + URLEncoder.encode(job, StandardCharsets.UTF_8));
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("11-phone-job");
    }

    @Test
    void theSignInFormWorksFromTheKeyboardAlone() {
        browser.open("/ui/sign-in");
        assertThat(browser.find("label[for=accessKeyId]").getText()).isEqualTo("Access key id");
        assertThat(browser.find("label[for=secretAccessKey]").getText()).isEqualTo("Secret access key");
        browser.find("#accessKeyId").sendKeys(Sdk.ACCESS_KEY + "\t" + Sdk.SECRET + "\n");

        browser.waitFor(d -> d.getCurrentUrl().endsWith("/ui/"));
        assertThat(browser.text("h1")).isEqualTo("Fleets");
    }
}
