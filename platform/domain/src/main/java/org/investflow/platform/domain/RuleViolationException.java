package org.investflow.platform.domain;

/** A command whose input breaks a business rule regardless of state (e.g. a signer out of turn). */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String message) {
        super(message);
    }
}
