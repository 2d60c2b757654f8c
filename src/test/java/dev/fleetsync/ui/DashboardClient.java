package dev.fleetsync.ui;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's requests to the dashboard without a browser: forms, its cookie, its Origin; redirects not followed. */
final class DashboardClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SET_COOKIE = Pattern.compile(SessionCookie.NAME + "=([^;]*)");

    private final URI endpoint;
    private String cookie;

    DashboardClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The raw sign-in answer, sent from the dashboard's own page. */
    Response signIn(String accessKeyId, String secret) {
        Response response = request().formParams(Map.of("accessKeyId", accessKeyId, "secretAccessKey", secret))
                .header("Origin", origin()).post("/ui/sign-in");
        String setCookie = response.getHeader("Set-Cookie");
        if (setCookie != null) {
            Matcher m = SET_COOKIE.matcher(setCookie);
            if (m.find() && !m.group(1).isEmpty()) {
                cookie = m.group(1);
            }
        }
        return response;
    }

    DashboardClient signedIn(String accessKeyId, String secret) {
        signIn(accessKeyId, secret).then().statusCode(303);
        return this;
    }

    Response get(String path) {
        return request().get(path);
    }

    /** The session's csrf token, as its pages carry it. */
    String csrf() {
        Matcher m = CSRF.matcher(get("/ui/").then().statusCode(200).extract().asString());
        if (!m.find()) {
            throw new AssertionError("No csrf token on the fleets page");
        }
        return m.group(1);
    }

    /** A form POST from the dashboard's own page. */
    Response post(String path, Map<String, String> form) {
        return post(path, form, origin());
    }

    Response post(String path, Map<String, String> form, String origin) {
        RequestSpecification spec = request().formParams(form);
        if (origin != null) {
            spec = spec.header("Origin", origin);
        }
        return spec.post(path);
    }

    String cookie() {
        return cookie;
    }

    /** This client with a cookie of its own choosing (a revoked or forged one). */
    DashboardClient signedInAs(String value) {
        cookie = value;
        return this;
    }

    String origin() {
        return "http://" + endpoint.getHost() + ":" + endpoint.getPort();
    }

    private RequestSpecification request() {
        RequestSpecification spec = given().baseUri(endpoint.toString()).urlEncodingEnabled(false).redirects().follow(false);
        return cookie == null ? spec : spec.cookie(SessionCookie.NAME, cookie);
    }
}
