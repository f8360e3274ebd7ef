package org.investflow.platform.domain;

import java.util.Map;

/**
 * Input that is well-formed but breaks a rule only the service can check (a code not in the
 * shipped reference data, an implausible amount); the web edge answers 400 naming each field.
 */
public class InvalidInputException extends DomainException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("invalid fields: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    /** Field name → what is wrong with it. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
