package org.investflow.negotiation.negotiation.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A date that is today or later by the application's {@link java.time.Clock}; null is left to {@code @NotNull}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotBeforeTodayValidator.class)
public @interface NotBeforeToday {

    String message() default "must not be before today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
