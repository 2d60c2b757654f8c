package dev.fleetsync.api.shape;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The same shape as {@link Shape.PaginationToken}, kept only because {@code api/webhooks/WebhookWire} imports it while
 * that package is being changed elsewhere: it imports {@code dev.fleetsync.api.shape.Shape.PaginationToken} instead,
 * and this file goes. Until then its bounds must stay those of {@link Shape.PaginationToken}.
 */
@Deprecated
@Size(min = 1, max = 2048)
@Pattern(regexp = "[a-zA-Z0-9_.\\-\\/+=]*")
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Documented
public @interface PaginationToken {
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
