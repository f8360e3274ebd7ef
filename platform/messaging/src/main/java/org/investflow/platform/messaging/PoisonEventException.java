package org.investflow.platform.messaging;

/**
 * A record that can never be processed (not a CloudEvent, unreadable or invalid data). It is not
 * retried: it goes straight to the dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
