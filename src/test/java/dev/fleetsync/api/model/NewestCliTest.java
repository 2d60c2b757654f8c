package dev.fleetsync.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetsync.support.NewestAwsCli;
import dev.fleetsync.support.PostgresTestResource;
import dev.fleetsync.support.Sdk;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calls of {@link AddedModelCliTest}, and boto3's, through the newest AWS CLI v2 and boto3 a package registry has
 * (Debian unstable's, installed by the test: {@link NewestAwsCli}). Neither knows RoboMaker any more; the model the
 * service publishes, added with the README's one {@code aws configure add-model} command, gives both of them the API.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class NewestCliTest extends AddedModelCliTest {
    private static final String BOTO3 = """
            import json, sys, boto3
            client = boto3.client("robomaker", endpoint_url=sys.argv[1])
            fleet = client.create_fleet(name=sys.argv[2], tags={"team": "ops"})
            listed = client.list_fleets(filters=[{"name": "name", "values": [sys.argv[2]]}])
            print(json.dumps({"arn": fleet["arn"], "listed": [f["arn"] for f in listed["fleetDetails"]]}))
            """;

    @TempDir
    Path withoutModel;

    @Override
    protected String cli() {
        return NewestAwsCli.bin().resolve("aws").toString();
    }

    @Test
    void theNewestCliAndBoto3KnowNoRobomakerWithoutTheModel() {
        Result cli = aws(withoutModel, "robomaker", "list-fleets");
        Result boto3 = boto3(withoutModel, "without-model");

        assertThat(NewestAwsCli.versions()).containsPattern("aws-cli/2\\.\\d+").contains("boto3/1.");
        assertThat(cli.exit()).isNotZero();
        assertThat(cli.err()).contains("invalid choice 'robomaker'");
        assertThat(boto3.exit()).isNotZero();
        assertThat(boto3.err()).contains("UnknownServiceError: Unknown service: 'robomaker'");
    }

    @Test
    void boto3ReadsTheModelTheCliAdded() {
        String name = Sdk.unique("boto3");
        JsonNode answer = json(ok(boto3(home, name)));

        assertThat(answer.get("arn").asText()).contains(":deployment-fleet/" + name + "/");
        assertThat(answer.get("listed").get(0).asText()).isEqualTo(answer.get("arn").asText());
        JsonNode described = json(ok(aws("robomaker", "describe-fleet", "--fleet", answer.get("arn").asText())));
        assertThat(described.get("name").asText()).isEqualTo(name);
    }

    private Result boto3(Path home, String fleetName) {
        return run(home, List.of(NewestAwsCli.bin().resolve("python3").toString(), "-c", BOTO3, endpoint.toString(),
                fleetName));
    }
}
