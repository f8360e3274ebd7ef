package org.investflow.negotiation.negotiation.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link NotBeforeToday} against the injected clock (Spring's validator factory autowires it),
 * so "today" is the same day the domain uses and tests can fix it.
 */
public class NotBeforeTodayValidator implements ConstraintValidator<NotBeforeToday, LocalDate> {

    private final Clock clock;

    public NotBeforeTodayValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        return value == null || !value.isBefore(LocalDate.now(clock));
    }
}
