package dev.fleetsync.api.credential;

import dev.fleetsync.api.shape.Shape.Arn;
import dev.fleetsync.credential.IssuedCredential;
import dev.fleetsync.credential.RobotCredential;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;

/** Wire records of fleetsync's own robot-credential operations (no RoboMaker counterpart), in the API's JSON style. */
public final class RobotCredentialWire {
    private RobotCredentialWire() {
    }

    public record CreateRobotCredentialRequest(@NotNull @Arn String robot) {
    }

    /** The only answer that ever carries the secret. */
    public record CreateRobotCredentialResponse(String accessKeyId, String secretAccessKey, String robot, Instant createdAt) {
        static CreateRobotCredentialResponse of(IssuedCredential issued) {
            return new CreateRobotCredentialResponse(issued.accessKeyId(), issued.secretAccessKey(), issued.robotArn(), issued.createdAt());
        }

        @Override
        public String toString() {
            return "CreateRobotCredentialResponse[" + accessKeyId + ", robot " + robot + "]";
        }
    }

    public record ListRobotCredentialsRequest(@NotNull @Arn String robot) {
    }

    public record ListRobotCredentialsResponse(List<RobotCredentialSummary> credentials) {
    }

    /** What a listing shows of a credential: never its secret. */
    public record RobotCredentialSummary(String accessKeyId, String robot, Instant createdAt) {
        static RobotCredentialSummary of(RobotCredential credential) {
            return new RobotCredentialSummary(credential.accessKeyId, credential.robotArn, credential.createdAt);
        }
    }

    public record DeleteRobotCredentialRequest(@NotNull @Pattern(regexp = "RKID[A-Z2-7]{16}") String accessKeyId) {
    }
}
