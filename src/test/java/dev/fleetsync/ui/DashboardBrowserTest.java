package dev.fleetsync.ui;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.events.EventStream;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
class DashboardBrowserTest extends ServiceTest {
    @Inject
    EventStream eventStream;

    Browser browser;

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Browser.installed(),
                "No /usr/bin/chromium and /usr/bin/chromedriver here: apt-get install chromium chromium-driver to run the browser tests");
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

    /**
     * Issue 18's Done-when: a 50-robot rollout followed from its creation to its last robot on one page load. The fleet
     * page shows the new job from the fleet's events; the job page then moves only on the job's events (EventSource on
     * /ui/events), never by a timer: its live part is fetched no more often than events came, and not at all once
     * the job is quiet.
     */
    @Test
    void anOperatorFollowsAFiftyRobotRolloutFromCreationToTheLastRobotWithoutReloading() throws Exception {
        String name = Sdk.unique("fifty");
        String fleet = robomaker.createFleet(r -> r.name(name)).arn();
        List<String> robots = seed.robotsInFleet(fleet, 50);
        String app = seed.applicationWithVersions(1);
        browser.signIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        browser.open("/ui/fleet?arn=" + URLEncoder.encode(fleet, StandardCharsets.UTF_8));
        browser.script("window.__loadedAt = 'fleet page';");
        assertThat(browser.pageText()).contains("No deployment job yet.");

        String job = robomaker.createDeploymentJob(deploy(fleet, app, "1")
                .deploymentConfig(c -> c.concurrentDeploymentPercentage(20)).build()).arn();
        String jobLink = "a[href*='" + URLEncoder.encode(job, StandardCharsets.UTF_8) + "']";
        browser.waitFor(d -> !d.findElements(By.cssSelector(jobLink)).isEmpty()); // from the fleet's events
        assertThat(browser.script("return window.__loadedAt;")).isEqualTo("fleet page");
        browser.screenshot("12-fifty-fleet-job-appeared");
        browser.find(jobLink).click();
        browser.waitFor(d -> d.findElements(By.id("live")).size() == 1 && d.getTitle().startsWith("Job "));
        browser.script("""
                window.__loadedAt = Date.now();
                window.__fragmentFetches = 0;
                const original = window.fetch;
                window.fetch = function (url, options) {
                  if (String(url).indexOf('/ui/job/live') >= 0) window.__fragmentFetches++;
                  return original.call(this, url, options);
                };""");
        Object loadedAt = browser.script("return window.__loadedAt;");
        // read by script: the live part may be replaced between finding an element and reading it
        assertThat(browser.script("return document.getElementById('in-sync-count').textContent;")).isEqualTo("0");
        assertThat(browser.script("return document.querySelector('.waves').textContent;"))
                .asString().contains("Up to 10 of 50 robots deploy at once");

        Set<Integer> seen = new LinkedHashSet<>();
        try (SimulatedRobots simulated = new SimulatedRobots(endpoint, robots, 300)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            boolean midway = false;
            while (!"Succeeded".equals(browser.script("return document.getElementById('job-status').textContent;"))) {
                assertThat(System.nanoTime()).as("the job succeeds within 3 minutes; in sync seen: %s", seen).isLessThan(deadline);
                seen.add(Integer.parseInt(String.valueOf(browser.script("return document.getElementById('in-sync-count').textContent;"))));
                if (!midway && seen.stream().anyMatch(n -> n >= 20)) {
                    browser.screenshot("13-fifty-midway");
                    midway = true;
                }
                Thread.sleep(150);
            }
        }
        seen.add(Integer.parseInt(String.valueOf(browser.script("return document.getElementById('in-sync-count').textContent;"))));

        assertThat(seen).as("in-sync counts the page showed").contains(50)
                .filteredOn(n -> n > 0 && n < 50).hasSizeGreaterThanOrEqualTo(3);
        assertThat(List.copyOf(seen)).isSorted(); // it only rose
        assertThat(browser.script("return document.querySelectorAll('#robots tbody tr').length;")).isEqualTo(50L);
        assertThat(browser.script("return [...document.querySelectorAll('#robots tbody tr')]"
                + ".filter(r => r.textContent.includes('InSync') && r.textContent.includes('100 %')).length;")).isEqualTo(50L);
        assertThat(browser.script("return window.__loadedAt;")).isEqualTo(loadedAt); // never reloaded
        browser.screenshot("14-fifty-succeeded");

        long fetches = (Long) browser.script("return window.__fragmentFetches;");
        long events = seed.count("select count(*) from event where job_arn = $1", job);
        assertThat(fetches).as("fragment fetches against %s events of the job", events).isPositive().isLessThanOrEqualTo(events);
        Thread.sleep(5000); // more than twice the old 2 s poll: a quiet job is not fetched again
        assertThat(browser.script("return window.__fragmentFetches;")).isEqualTo(fetches);
        System.out.printf("50-robot rollout: in sync seen %s; %d fragment fetches for %d events of the job%n", seen, fetches, events);
        // the page holds one stream (its EventSource): leaving it ends that stream on the server
        int held = eventStream.held();
        assertThat(held).isPositive();
        browser.open("/ui/");
        long left = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (eventStream.held() != held - 1 && System.nanoTime() < left) {
            Thread.sleep(100);
        }
        assertThat(eventStream.held()).isEqualTo(held - 1);
    }

    @Test
    void anOperatorCancelsAJobAfterConfirmingAndBacksOutOfTheQuestionFirst() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("canceled"))).arn();
        seed.robotsInFleet(fleet, 2); // they never poll: the job stays InProgress
        String job = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        browser.signIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        browser.open("/ui/job?arn=" + URLEncoder.encode(job, StandardCharsets.UTF_8));

        browser.click("#cancel-job");
        browser.waitFor(d -> d.findElement(By.id("confirm")).isDisplayed());
        assertThat(browser.text("#confirm-question")).startsWith("Cancel job");
        browser.screenshot("05-cancel-question");
        browser.click("#confirm button[value=no]");
        browser.waitFor(d -> !d.findElement(By.id("confirm")).isDisplayed());
        assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isNotEqualTo(DeploymentStatus.CANCELED);

        browser.click("#cancel-job");
        browser.waitFor(d -> d.findElement(By.id("confirm")).isDisplayed());
        browser.click("#confirm-yes");
        browser.waitFor(d -> "Canceled".equals(d.findElement(By.id("job-status")).getText()));

        assertThat(robomaker.describeDeploymentJob(r -> r.job(job)).status()).isEqualTo(DeploymentStatus.CANCELED);
        assertThat(browser.pageText()).doesNotContain("Cancel job");
        browser.screenshot("06-job-canceled");
    }

    @Test
    void anotherAccountsFleetIsInvisibleAndSignOutEndsTheSession() {
        RoboMakerClient other = signedAs(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
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
