package dev.fleetsync.api.shape;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The string (and percentage) shapes of the service model as constraint annotations, each named after its shape and
 * composed of the model's bounds and pattern: {@code @Arn String fleet} is validated as {@code @Size(min = 1, max = 1224)
 * @Pattern(regexp = "arn:.*")}, each part reported with its own AWS message ({@code api/http/RequestValidator}), and
 * {@code api/model/Shapes} publishes it as the shape of that name. Import them one by one
 * ({@code import dev.fleetsync.api.shape.Shape.Arn;}) and write {@code @Arn}.
 *
 * <p>Bean Validation wants {@code @Constraint}, the targets and the three members on every constraint annotation
 * itself (they are not inherited), so each entry repeats them; only the bounds and pattern above differ. A new shape
 * is one more entry here.
 */
public final class Shape {
    private Shape() {
    }

    /** An ARN. */
    @Size(min = 1, max = 1224)
    @Pattern(regexp = "arn:.*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface Arn {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An idempotency token. */
    @Size(min = 1, max = 64)
    @Pattern(regexp = "[a-zA-Z0-9_\\-=]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface ClientRequestToken {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A package or launch file name. */
    @Size(min = 1, max = 1024)
    @Pattern(regexp = "[a-zA-Z0-9_.\\-]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface Command {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A numbered robot application version. */
    @Size(min = 1, max = 255)
    @Pattern(regexp = "[0-9]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface DeploymentVersion {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An environment variable name. */
    @Size(min = 1, max = 1024)
    @Pattern(regexp = "[A-Z_][A-Z0-9_]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface EnvironmentVariableKey {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An environment variable value. */
    @Size(min = 1, max = 1024)
    @Pattern(regexp = ".*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface EnvironmentVariableValue {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A file path on the robot (the model calls it Path). */
    @Size(min = 1, max = 1024)
    @Pattern(regexp = ".*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface FilePath {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** Free text. */
    @Size(min = 0, max = 1024)
    @Pattern(regexp = ".*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface GenericString {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An opaque identifier such as a Greengrass group id. */
    @Size(min = 1, max = 1224)
    @Pattern(regexp = ".*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface Id {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A container image digest. */
    @Size(min = 0, max = 72)
    @Pattern(regexp = "[Ss][Hh][Aa]256:[0-9a-fA-F]{64}")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface ImageDigest {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A resource name. */
    @Size(min = 1, max = 255)
    @Pattern(regexp = "[a-zA-Z0-9_\\-]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface Name {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A page token. */
    @Size(min = 1, max = 2048)
    @Pattern(regexp = "[a-zA-Z0-9_.\\-\\/+=]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface PaginationToken {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A whole percentage 1..100. */
    @Min(1)
    @Max(100)
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface Percentage {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A container image URI. */
    @Size(min = 1, max = 1024)
    @Pattern(regexp = ".+")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface RepositoryUrl {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A robot application revision. */
    @Size(min = 1, max = 40)
    @Pattern(regexp = "[a-zA-Z0-9_.\\-]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface RevisionId {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An S3 bucket name. */
    @Size(min = 3, max = 63)
    @Pattern(regexp = "[a-z0-9][a-z0-9.\\-]*[a-z0-9]")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface S3Bucket {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** An S3 object key. */
    @Size(min = 1, max = 1024)
    @Pattern(regexp = ".*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface S3Key {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A tag key. */
    @Size(min = 1, max = 128)
    @Pattern(regexp = "[a-zA-Z0-9 _.\\-\\/+=:]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface TagKey {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A tag value. */
    @Size(min = 0, max = 256)
    @Pattern(regexp = "[a-zA-Z0-9 _.\\-\\/+=:]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface TagValue {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** A robot application version, $LATEST or a number. */
    @Size(min = 1, max = 255)
    @Pattern(regexp = "(\\$LATEST)|[0-9]*")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface Version {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }

    /** The version qualifier of ListRobotApplications. */
    @Size(min = 1, max = 255)
    @Pattern(regexp = "ALL")
    @Constraint(validatedBy = {}) @Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE}) @Retention(RUNTIME)
    public @interface VersionQualifier {
        String message() default "";
        Class<?>[] groups() default {};
        Class<? extends Payload>[] payload() default {};
    }
}
