package org.investflow.identity;

/** A demo login did not end with an access token; the message names the step, the URL and the status. */
public final class DemoLoginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DemoLoginException(String message) {
        super(message);
    }

    public DemoLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
