package org.investflow.platform.domain;

/** A command that the aggregate's current state does not allow; the message names state and move. */
public class IllegalTransitionException extends DomainException {

    private final String currentState;

    public IllegalTransitionException(String aggregate, Enum<?> current, String attempted) {
        super(aggregate + " is " + current + " and cannot " + attempted);
        this.currentState = current.name();
    }

    public String currentState() {
        return currentState;
    }
}
