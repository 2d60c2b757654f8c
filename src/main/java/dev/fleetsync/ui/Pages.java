package dev.fleetsync.ui;

import dev.fleetsync.deployment.DeploymentJob;
import dev.fleetsync.deployment.FleetSummary;
import dev.fleetsync.robot.Robot;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The dashboard's templates (src/main/resources/templates/Pages/), checked against these parameters at build time. */
@CheckedTemplate(basePath = "Pages")
final class Pages {
    private Pages() {
    }

    /** The frame of every signed-in page: who is signed in, and the sign-out form's token. */
    record Frame(String accountId, String accessKeyId, String csrfToken) {
        static Frame of(DashboardSession session) {
            return new Frame(session.accountId(), session.accessKeyId(), session.csrfToken());
        }
    }

    /** A robot of a fleet as its page lists it. */
    record RobotLine(String name, String arn, String architecture, String status, String lastDeploymentJob, String lastDeploymentTime) {
        static RobotLine of(Robot robot) {
            return new RobotLine(robot.name, robot.arn, robot.architecture, robot.status,
                    robot.lastDeploymentJob == null ? "" : robot.lastDeploymentJob, Display.time(robot.lastDeploymentTime));
        }
    }

    /** A job of a fleet as its page lists it. */
    record JobLine(String arn, String id, String status, String application, int version, String createdAt) {
        static JobLine of(DeploymentJob job) {
            return new JobLine(job.arn, Display.name(job.arn), job.status.name(), Display.name(job.applicationArn),
                    job.applicationVersion, Display.time(job.createdAt));
        }
    }

    /** A fleet of the list, with what its row shows. */
    record FleetLine(FleetSummary fleet, String lastDeploymentId, String lastDeploymentTime, String syncToken) {
        static FleetLine of(FleetSummary fleet) {
            return new FleetLine(fleet, fleet.lastDeploymentJob() == null ? "" : Display.name(fleet.lastDeploymentJob()),
                    Display.time(fleet.lastDeploymentTime()), ClientTokens.fresh());
        }
    }

    static native TemplateInstance signIn(String message, String accessKeyId);

    static native TemplateInstance fleets(Frame frame, List<FleetLine> fleets);

    static native TemplateInstance fleet(Frame frame, String arn, String name, List<RobotLine> robots, List<JobLine> jobs,
            String syncToken);

    static native TemplateInstance fleet$live(List<RobotLine> robots, List<JobLine> jobs);

    static native TemplateInstance job(Frame frame, JobView job);

    static native TemplateInstance job$live(Frame frame, JobView job);

    static native TemplateInstance error(String title, String message, String errorType);
}
