package dev.fleetsync.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsync.api.deployment.DeploymentWire.CreateDeploymentJobRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPathsTest {

    @Test
    void structureMembersAreDottedListIndicesAndMapKeysBracketed() {
        assertThat(JsonPaths.render(List.of("deploymentApplicationConfigs", 0, "launchConfig", "environmentVariables", "MODE"),
                CreateDeploymentJobRequest.class)).isEqualTo("deploymentApplicationConfigs[0].launchConfig.environmentVariables[MODE]");
        assertThat(JsonPaths.render(List.of("tags", "team"), CreateDeploymentJobRequest.class)).isEqualTo("tags[team]");
    }

    @Test
    void membersTheTypeDoesNotKnowAreDotted() {
        assertThat(JsonPaths.render(List.of("futureMember", "inner"), CreateDeploymentJobRequest.class)).isEqualTo("futureMember.inner");
        assertThat(JsonPaths.render(List.of("a", 1, "b"), Object.class)).isEqualTo("a[1].b");
    }

    @Test
    void noStepsIsTheEmptyPath() {
        assertThat(JsonPaths.render(List.of(), CreateDeploymentJobRequest.class)).isEmpty();
    }
}
