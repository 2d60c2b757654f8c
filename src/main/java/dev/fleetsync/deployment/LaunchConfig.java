package dev.fleetsync.deployment;

import java.util.Map;

/** How a robot launches the deployed application: domain copy of DeploymentLaunchConfig. */
public record LaunchConfig(String packageName, String launchFile, String preLaunchFile, String postLaunchFile,
        Map<String, String> environmentVariables) {
}
