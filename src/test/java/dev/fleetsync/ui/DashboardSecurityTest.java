package dev.fleetsync.ui;

import static dev.fleetsync.support.Requests.deploy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.support.EventStreamClient;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import dev.fleetsync.support.ServiceTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;
import software.amazon.awssdk.services.robomaker.model.DeploymentStatus;

/** Sign-in, sessions, CSRF and account isolation of the dashboard, over HTTP as a browser sends it. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class DashboardSecurityTest extends ServiceTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    DashboardClient browser;

    @BeforeEach
    void setUp() {
        browser = new DashboardClient(endpoint);
    }

    @Test
    void aWrongSecretIsRefusedAndSetsNoCookieAndNoSession() {
        long sessions = seed.count("select count(*) from ui_session");

        Response refused = browser.signIn(Sdk.ACCESS_KEY, "not-the-secret");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.getHeader("X-Amzn-ErrorType")).isEqualTo("UnrecognizedClientException");
        assertThat(refused.getHeader("Set-Cookie")).isNull();
        assertThat(refused.asString()).contains("is not right").doesNotContain("not-the-secret");
        assertThat(seed.count("select count(*) from ui_session")).isEqualTo(sessions);
        assertThat(browser.get("/ui/").statusCode()).isEqualTo(303);
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndNotSecureOverPlainHttpEvenIfAClientClaimsHttps() {
        Response plain = browser.signIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        Response claimed = given().header("X-Forwarded-Proto", "https").formParams(Map.of("accessKeyId", Sdk.ACCESS_KEY,
                "secretAccessKey", Sdk.SECRET)).header("Origin", browser.origin()).post("/ui/sign-in");

        for (Response signedIn : new Response[] {plain, claimed}) {
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.getHeader("Location")).endsWith("/ui/");
            String cookie = signedIn.getHeader("Set-Cookie");
            assertThat(cookie).startsWith(SessionCookie.NAME + "=").contains("; HttpOnly", "; SameSite=Strict", "; Path=/ui")
                    .doesNotContain("Secure");
            assertThat(cookie.substring(SessionCookie.NAME.length() + 1, cookie.indexOf(';'))).hasSizeGreaterThanOrEqualTo(43);
        }
        String token = browser.cookie();
        assertThat(seed.count("select count(*) from ui_session where token_hash = sha256(convert_to($1, 'UTF8'))", token)).isEqualTo(1);
        assertThat(seed.count("select count(*) from ui_session where csrf_token = $1 or access_key_id = $1", token)).isZero();
    }

    @Test
    void withoutASessionPagesSendToSignInAndWritesAreRefused() {
        String job = activeJob();

        Response page = browser.get("/ui/job?arn=" + encode(job));
        Response cancel = browser.post("/ui/job/cancel", Map.of("arn", job, "csrf", "anything"));
        Response forged = new DashboardClient(endpoint).signedInAs("forged-cookie-value").get("/ui/");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.getHeader("Location")).endsWith("/ui/sign-in");
        assertThat(cancel.statusCode()).isEqualTo(401);
        assertThat(cancel.getHeader("X-Amzn-ErrorType")).isEqualTo("MissingAuthenticationTokenException");
        assertThat(forged.statusCode()).isEqualTo(303);
        assertThat(statusOf(job)).isNotEqualTo(DeploymentStatus.CANCELED);
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenOrFromAnotherSiteIsRefusedAndChangesNothing() {
        String job = activeJob();
        browser.signedIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        String csrf = browser.csrf();

        Response missing = browser.post("/ui/job/cancel", Map.of("arn", job));
        Response wrong = browser.post("/ui/job/cancel", Map.of("arn", job, "csrf", csrf + "x"));
        Response foreign = browser.post("/ui/job/cancel", Map.of("arn", job, "csrf", csrf), "https://evil.example");
        Response noOrigin = browser.post("/ui/job/cancel", Map.of("arn", job, "csrf", csrf), null);

        for (Response refused : new Response[] {missing, wrong, foreign, noOrigin}) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.getHeader("X-Amzn-ErrorType")).isEqualTo("AccessDeniedException");
        }
        assertThat(missing.asString()).contains("csrf token is missing");
        assertThat(foreign.asString()).contains("another site");
        assertThat(statusOf(job)).isNotEqualTo(DeploymentStatus.CANCELED);

        Response cancel = browser.post("/ui/job/cancel", Map.of("arn", job, "csrf", csrf));
        assertThat(cancel.statusCode()).isEqualTo(303);
        assertThat(statusOf(job)).isEqualTo(DeploymentStatus.CANCELED);
    }

    @Test
    void anotherAccountsFleetAndJobAreNotFoundAndNotListed() {
        RoboMakerClient other = signedAs(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
        String otherName = Sdk.unique("theirs");
        String otherFleet = other.createFleet(r -> r.name(otherName)).arn();
        String job = activeJob();
        browser.signedIn(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
        String csrf = browser.csrf();

        Response fleetPage = browser.get("/ui/fleet?arn=" + encode(robomaker.describeDeploymentJob(r -> r.job(job)).fleet()));
        Response jobPage = browser.get("/ui/job?arn=" + encode(job));
        Response live = browser.get("/ui/job/live?arn=" + encode(job));
        Response cancel = browser.post("/ui/job/cancel", Map.of("arn", job, "csrf", csrf));
        String fleets = browser.get("/ui/").asString();

        for (Response hidden : new Response[] {fleetPage, jobPage, live, cancel}) {
            assertThat(hidden.statusCode()).isEqualTo(404);
            assertThat(hidden.getHeader("X-Amzn-ErrorType")).isEqualTo("ResourceNotFoundException");
        }
        assertThat(statusOf(job)).isNotEqualTo(DeploymentStatus.CANCELED);
        assertThat(fleets).contains(otherName).contains("Account <strong>" + Sdk.OTHER_ACCOUNT);
        assertThat(browser.get("/ui/fleet?arn=" + encode(otherFleet)).statusCode()).isEqualTo(200);
    }

    @Test
    void aSyncFormSentTwiceStartsOneJobForTheRobotsNotInSync() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("synced"))).arn();
        java.util.List<String> first = seed.robotsInFleet(fleet, 2);
        String done = robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
        seed.finish(done, "Succeeded", first, java.util.List.of());
        String joined = seed.robotsInFleet(fleet, 1).get(0);
        browser.signedIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        Map<String, String> form = Map.of("arn", fleet, "clientToken", "ui-sync-" + Sdk.unique("t"), "csrf", browser.csrf());

        Response once = browser.post("/ui/fleet/sync", form);
        Response twice = browser.post("/ui/fleet/sync", form);

        assertThat(once.statusCode()).isEqualTo(303);
        assertThat(twice.getHeader("Location")).isEqualTo(once.getHeader("Location")).contains("/ui/job?arn=");
        assertThat(seed.count("select count(*) from deployment_job where fleet_arn = $1", fleet)).isEqualTo(2);
        String synced = robomaker.listDeploymentJobs(r -> r.filters(f -> f.name("fleetName").values(
                robomaker.describeFleet(d -> d.fleet(fleet)).name()))).deploymentJobs().stream()
                .map(j -> j.arn()).filter(arn -> !arn.equals(done)).findFirst().orElseThrow();
        assertThat(robomaker.describeDeploymentJob(r -> r.job(synced)).robotDeploymentSummary())
                .extracting(d -> d.arn()).containsExactly(joined);
    }

    @Test
    void signOutRevokesTheSessionAtOnce() {
        browser.signedIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        String cookie = browser.cookie();
        String csrf = browser.csrf();
        assertThat(browser.get("/ui/").statusCode()).isEqualTo(200);

        Response out = browser.post("/ui/sign-out", Map.of("csrf", csrf));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getHeader("Set-Cookie")).contains(SessionCookie.NAME + "=;", "Max-Age=0");
        DashboardClient replay = new DashboardClient(endpoint).signedInAs(cookie);
        assertThat(replay.get("/ui/").statusCode()).isEqualTo(303);
        assertThat(replay.post("/ui/job/cancel", Map.of("arn", activeJob(), "csrf", csrf)).statusCode()).isEqualTo(401);
    }

    @Test
    void dashboardPagesForbidFramingAndInlineScriptAndOtherPathsStillNeedASignature() throws Exception {
        Response signIn = browser.get("/ui/sign-in");
        String dotted = rawGet("/ui/%2e%2e/createFleet");
        String encoded = rawGet("/ui/%73ign-in");

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'", "script-src 'self'");
        assertThat(signIn.getHeader("Cache-Control")).isEqualTo("no-store");
        // a dot segment never reaches the gate (api/http/RequestTarget); a percent-encoded /ui path is not the dashboard's
        assertThat(dotted).startsWith("HTTP/1.1 400").containsIgnoringCase("X-Amzn-ErrorType: InvalidParameterException");
        assertThat(encoded).containsIgnoringCase("X-Amzn-ErrorType: MissingAuthenticationTokenException");
    }

    @Test
    void theLiveStreamNeedsASessionAndAnotherAccountsJobOrFleetIsNotFound() {
        String job = activeJob();
        String fleet = robomaker.describeDeploymentJob(r -> r.job(job)).fleet();

        Response noSession = browser.get("/ui/events?job=" + encode(job));
        assertThat(noSession.statusCode()).isEqualTo(303);
        assertThat(noSession.getHeader("Location")).endsWith("/ui/sign-in");
        try (EventStreamClient forged = live("job=" + encode(job), "forged-cookie-value", null)) {
            assertThat(forged.status()).isEqualTo(303);
        }

        browser.signedIn(Sdk.OTHER_ACCESS_KEY, Sdk.OTHER_SECRET);
        for (String query : new String[] {"job=" + encode(job), "fleet=" + encode(fleet)}) {
            try (EventStreamClient theirs = live(query, browser.cookie(), null)) {
                assertThat(theirs.status()).as(query).isEqualTo(404);
                assertThat(theirs.header("X-Amzn-ErrorType")).isEqualTo("ResourceNotFoundException");
            }
        }
        try (EventStreamClient bad = live("job=not-an-arn", browser.cookie(), null);
                EventStreamClient badId = live("job=" + encode(job), browser.cookie(), "-1");
                EventStreamClient none = live("", browser.cookie(), null)) {
            for (EventStreamClient refused : new EventStreamClient[] {bad, badId, none}) {
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.header("X-Amzn-ErrorType")).isEqualTo("InvalidParameterException");
            }
            assertThat(bad.body()).contains("job");
            assertThat(badId.body()).contains("Last-Event-ID");
        }
        assertThat(statusOf(job)).isNotEqualTo(DeploymentStatus.CANCELED);
    }

    @Test
    void theLiveStreamCarriesOnlyItsJobsEventsAndResumesAfterLastEventIdWithoutChangingAnything() {
        String watched = activeJob();
        String other = activeJob();
        browser.signedIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        long sessions = seed.count("select count(*) from ui_session");
        long first;
        try (EventStreamClient stream = live("job=" + encode(watched), browser.cookie(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("content-type")).startsWith("text/event-stream");
            robomaker.cancelDeploymentJob(r -> r.job(other));
            robomaker.cancelDeploymentJob(r -> r.job(watched));

            first = stream.events(1, SOON).get(0).seq();
            List<EventStreamClient.Frame> events = stream.eventsWithin(Duration.ofSeconds(2));
            assertThat(events).allSatisfy(e -> assertThat(new JsonObject(e.data()).getString("jobArn")).isEqualTo(watched));
            assertThat(events).allSatisfy(e -> assertThat(e.seq()).isGreaterThan(first));
        }
        // from before the job was created: every one of its events once, in order, up to the cancel seen above
        try (EventStreamClient resumed = live("job=" + encode(watched), browser.cookie(), "0")) {
            List<EventStreamClient.Frame> all = resumed.eventsWithin(Duration.ofSeconds(3));
            assertThat(all).extracting(EventStreamClient.Frame::seq).isSorted().doesNotHaveDuplicates().contains(first);
            assertThat(all).allSatisfy(e -> assertThat(new JsonObject(e.data()).getString("jobArn")).isEqualTo(watched));
            assertThat(all).extracting(e -> new JsonObject(e.data()).getString("type"))
                    .startsWith("DeploymentJobCreated").contains("DeploymentJobStatusChanged");
        }
        try (EventStreamClient after = live("job=" + encode(watched), browser.cookie(), Long.toString(first))) {
            assertThat(after.eventsWithin(Duration.ofSeconds(2))).allSatisfy(e -> assertThat(e.seq()).isGreaterThan(first));
        }
        assertThat(statusOf(other)).isEqualTo(DeploymentStatus.CANCELED);
        assertThat(seed.count("select count(*) from ui_session")).isEqualTo(sessions);
    }

    @Test
    void signingOutEndsAHeldLiveStream() {
        String job = activeJob();
        browser.signedIn(Sdk.ACCESS_KEY, Sdk.SECRET);
        String csrf = browser.csrf();
        try (EventStreamClient stream = live("job=" + encode(job), browser.cookie(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.comment(SOON)).isNotNull(); // held, kept alive

            browser.post("/ui/sign-out", Map.of("csrf", csrf)).then().statusCode(303);

            assertThat(stream.events(1, SOON).get(0).event()).isEqualTo(LiveEvents.SESSION_ENDED);
            assertThat(stream.endsWithin(SOON)).isTrue();
        }
    }

    /** The dashboard's stream as a browser's EventSource opens it: the session cookie, maybe a Last-Event-ID. */
    private EventStreamClient live(String query, String cookie, String lastEventId) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Cookie", SessionCookie.NAME + "=" + cookie));
        if (lastEventId != null) {
            headers.put("Last-Event-ID", lastEventId);
        }
        return EventStreamClient.openWith(endpoint.resolve("/ui/events" + (query.isEmpty() ? "" : "?" + query)), headers);
    }

    private io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().baseUri(endpoint.toString()).redirects().follow(false);
    }

    /** The head of the answer to a GET of exactly this path, sent byte for byte (HTTP clients normalize paths). */
    private String rawGet(String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A job that stays InProgress: its robot never polls. */
    private String activeJob() {
        String fleet = robomaker.createFleet(r -> r.name(Sdk.unique("ui"))).arn();
        seed.robotsInFleet(fleet, 1);
        return robomaker.createDeploymentJob(deploy(fleet, seed.applicationWithVersions(1), "1").build()).arn();
    }

    private DeploymentStatus statusOf(String job) {
        return robomaker.describeDeploymentJob(r -> r.job(job)).status();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
