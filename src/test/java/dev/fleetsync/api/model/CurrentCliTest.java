package dev.fleetsync.api.model;

import dev.fleetsync.support.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The calls of {@link AddedModelCliTest} through the machine's own current CLI (aws-cli 1.45 with botocore 1.43 here). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class CurrentCliTest extends AddedModelCliTest {
    @Override
    protected String cli() {
        return "aws";
    }
}
