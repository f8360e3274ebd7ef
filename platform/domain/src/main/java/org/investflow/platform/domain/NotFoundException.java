package org.investflow.platform.domain;

/**
 * The thing asked for does not exist, or exists but the caller may not see it: both answer alike so
 * a refusal never reveals existence.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
