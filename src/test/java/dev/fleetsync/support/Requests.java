package dev.fleetsync.support;

import java.util.Map;
import software.amazon.awssdk.services.robomaker.model.CreateDeploymentJobRequest;
import software.amazon.awssdk.services.robomaker.model.DeploymentApplicationConfig;

/** SDK requests that many tests make alike. */
public final class Requests {
    private Requests() {
    }

    /** A deployment of one application version with a minimal launch configuration. */
    public static CreateDeploymentJobRequest.Builder deploy(String fleet, String application, String version) {
        return CreateDeploymentJobRequest.builder().fleet(fleet).deploymentApplicationConfigs(DeploymentApplicationConfig.builder()
                .application(application).applicationVersion(version)
                .launchConfig(l -> l.packageName("hello_world").launchFile("deploy.launch").environmentVariables(Map.of("MODE", "test")))
                .build());
    }
}
