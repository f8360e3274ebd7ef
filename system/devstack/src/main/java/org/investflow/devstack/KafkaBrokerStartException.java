package org.investflow.devstack;

/**
 * The local Kafka broker could not be formatted or started, or did not become ready in time. The
 * message carries the tail of the child process's log.
 */
public final class KafkaBrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, including the relevant log lines
     */
    public KafkaBrokerStartException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public KafkaBrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
