package dev.fleetsync.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A robot speaking the agent protocol over HTTP, for tests: poll for work, report on it. Signs as the test principal,
 * or with the access key given (e.g. a robot credential).
 */
public final class Agent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI endpoint;
    private final String robotArn;
    private final String accessKey;
    private final String secret;

    public Agent(URI endpoint, String robotArn) {
        this(endpoint, robotArn, Sdk.ACCESS_KEY, Sdk.SECRET);
    }

    public Agent(URI endpoint, String robotArn, String accessKey, String secret) {
        this.endpoint = endpoint;
        this.robotArn = robotArn;
        this.accessKey = accessKey;
        this.secret = secret;
    }

    /** Polls without waiting and returns the raw response, for tests of refused polls. */
    public Response pollResponse() {
        return post("/agent/v1/poll", Map.of("robot", robotArn, "waitSeconds", 0));
    }

    /** The poll's JSON answer (empty object when there is no work). */
    public JsonPath poll(int waitSeconds) {
        return new JsonPath(pollBody(waitSeconds));
    }

    /** The poll's answer as sent, for reading numbers exactly (JsonPath reads them as floats). */
    public String pollBody(int waitSeconds) {
        return post("/agent/v1/poll", Map.of("robot", robotArn, "waitSeconds", waitSeconds)).then().statusCode(200).extract().asString();
    }

    /** Reports and returns the raw response, for tests of refused reports. */
    public Response report(String jobArn, String step, double percentDone, String result, String failureCode) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("robot", robotArn, "deploymentJob", jobArn, "step", step,
                "percentDone", percentDone, "result", result));
        if (failureCode != null) {
            body.put("failureCode", failureCode);
            body.put("failureReason", "simulated failure");
        }
        return post("/agent/v1/report", body);
    }

    /** Reports and returns the service's {@code continue} answer. */
    public boolean reportOk(String jobArn, String step, double percentDone, String result, String failureCode) {
        return report(jobArn, step, percentDone, result, failureCode).then().statusCode(200).extract().jsonPath().getBoolean("continue");
    }

    public String robotArn() {
        return robotArn;
    }

    /** A signed POST of the robot protocol with any body, for tests that need the raw answer. */
    public Response post(String path, Map<String, Object> body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return given().baseUri(endpoint.toString()).contentType("application/json")
                .headers(Signing.headers("POST", endpoint.resolve(path), json, accessKey, secret, Instant.now())).body(json).post(path);
    }
}
