package dev.fleetsync.support;

import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.robomaker.RoboMakerClient;

/**
 * The set-up a {@code @QuarkusTest} that drives the running service shares: its endpoint, the reactive pool, the test
 * clock, a RoboMaker SDK client signed as the test principal, and the {@link Seed} helpers. A subclass keeps its own
 * {@code @QuarkusTest}, {@code @WithTestResource} and any {@code @TestProfile}, so which application it runs against is
 * visible where it is declared.
 *
 * <p>A base class rather than a JUnit extension with parameter resolution: these values come from Quarkus' own test
 * injection ({@code @TestHTTPResource}, {@code @Inject}), which only a field of the test instance receives; an extension
 * would have to look the beans up again from outside CDI. Protected fields read as plainly as the copied ones did.
 *
 * <p>The clock is reset after every test, so a test that advances it cannot leak the offset into the next one.
 */
public abstract class ServiceTest {
    @TestHTTPResource("/")
    protected URI endpoint;
    @Inject
    protected Pool pool;
    /** The service's clock: tests push it forward, so compare times with it, not the wall clock. */
    @Inject
    protected TestClock clock;

    /** Signed as {@link Sdk#ACCESS_KEY}; does not retry. */
    protected RoboMakerClient robomaker;
    protected Seed seed;
    private final List<RoboMakerClient> others = new ArrayList<>();

    @BeforeEach
    void setUpService() {
        robomaker = Sdk.client(endpoint);
        seed = new Seed(pool);
    }

    /** A client signed with another principal's keys (another account, a quota or throttle account); closed after the test. */
    protected RoboMakerClient signedAs(String accessKey, String secret) {
        RoboMakerClient client = Sdk.client(endpoint, accessKey, secret);
        others.add(client);
        return client;
    }

    @AfterEach
    void tearDownService() {
        clock.reset();
        robomaker.close();
        others.forEach(RoboMakerClient::close);
        others.clear();
    }
}
