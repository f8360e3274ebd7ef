package org.investflow.platform.web;

/** The request does not say who is calling; answered with 401. */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
