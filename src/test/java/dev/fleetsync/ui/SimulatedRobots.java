package dev.fleetsync.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsync.support.Agent;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Robots that speak the robot protocol over HTTP while the browser watches: each polls until handed a deployment,
 * then reports each step with its percentage and an estimate, a pause apart so the page can be seen moving, and
 * finishes InSync. Stopped (and awaited) by {@link #close}.
 */
final class SimulatedRobots implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] STEPS = {
            {"Validating", "5"}, {"DownloadingExtracting", "30"}, {"DownloadingExtracting", "60"},
            {"Launching", "85"}, {"ExecutingPostLaunch", "95"}};

    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopped;

    SimulatedRobots(URI endpoint, List<String> robotArns, long pauseMillis) {
        threads = Executors.newFixedThreadPool(robotArns.size());
        for (String robot : robotArns) {
            Agent agent = new Agent(endpoint, robot);
            running.add(threads.submit(() -> deploy(agent, pauseMillis)));
        }
    }

    private void deploy(Agent agent, long pauseMillis) {
        try {
            String job = null;
            while (!stopped && job == null) {
                Map<?, ?> answer = JSON.readValue(agent.pollBody(1), Map.class);
                job = (String) answer.get("deploymentJob");
            }
            int remaining = STEPS.length;
            for (String[] step : STEPS) {
                if (stopped || !report(agent, job, step[0], Integer.parseInt(step[1]), remaining-- * pauseMillis / 1000 + 1, "InProgress")) {
                    return;
                }
                Thread.sleep(pauseMillis);
            }
            report(agent, job, "Finished", 100, 0, "Succeeded");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!stopped) {
                throw new IllegalStateException("Simulated robot " + agent.robotArn() + " failed", e);
            }
        }
    }

    private static boolean report(Agent agent, String job, String step, int percent, long eta, String result) {
        Map<String, Object> body = new HashMap<>(Map.of("robot", agent.robotArn(), "deploymentJob", job, "step", step,
                "percentDone", percent, "estimatedTimeRemainingSeconds", eta, "result", result));
        return agent.post("/agent/v1/report", body).then().statusCode(200).extract().jsonPath().getBoolean("continue");
    }

    @Override
    public void close() throws Exception {
        stopped = true;
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
        for (Future<?> robot : running) {
            robot.get(); // a robot that failed fails the test
        }
    }
}
