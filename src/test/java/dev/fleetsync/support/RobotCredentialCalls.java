package dev.fleetsync.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** fleetsync's robot-credential operations over HTTP (the SDK has no such calls), signed with the key given. */
public final class RobotCredentialCalls {
    private final URI endpoint;
    private final String accessKey;
    private final String secret;

    public RobotCredentialCalls(URI endpoint, String accessKey, String secret) {
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secret = secret;
    }

    /** As the test principal of account 123456789012. */
    public RobotCredentialCalls(URI endpoint) {
        this(endpoint, Sdk.ACCESS_KEY, Sdk.SECRET);
    }

    /** A credential for the robot, which must exist: its access key id and secret. */
    public Issued issue(String robotArn) {
        var answer = create(robotArn).then().statusCode(200).extract().jsonPath();
        return new Issued(answer.getString("accessKeyId"), answer.getString("secretAccessKey"));
    }

    public Response create(String robotArn) {
        return post("/createRobotCredential", "{\"robot\": \"" + robotArn + "\"}");
    }

    public Response list(String robotArn) {
        return post("/listRobotCredentials", "{\"robot\": \"" + robotArn + "\"}");
    }

    public Response delete(String accessKeyId) {
        return post("/deleteRobotCredential", "{\"accessKeyId\": \"" + accessKeyId + "\"}");
    }

    /** Any JSON body to any path, signed. */
    public Response post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return given().baseUri(endpoint.toString()).contentType("application/json")
                .headers(Signing.headers("POST", endpoint.resolve(path), body, accessKey, secret, Instant.now())).body(body).post(path);
    }

    public record Issued(String accessKeyId, String secret) {
    }
}
