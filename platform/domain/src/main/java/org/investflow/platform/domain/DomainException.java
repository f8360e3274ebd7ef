package org.investflow.platform.domain;

/** Base of the errors a domain raises; the web edge maps each subtype to one HTTP status. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
