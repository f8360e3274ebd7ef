package org.investflow.platform.domain;

/** The caller's role may not perform this command at all (independent of any particular case). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }
}
