package dev.fleetsync.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/** Every REST Assured request of every Quarkus test is signed as the test principal, as a real client would sign it. */
public class SigningCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.replaceFiltersWith(new SigV4RestAssuredFilter());
    }
}
