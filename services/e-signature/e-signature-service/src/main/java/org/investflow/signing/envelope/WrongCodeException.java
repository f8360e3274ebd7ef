package org.investflow.signing.envelope;

import org.investflow.platform.domain.ForbiddenException;

/** The one-time code entered with a valid link is wrong or expired; the attempt was counted. */
public class WrongCodeException extends ForbiddenException {

    public WrongCodeException() {
        super("wrong or expired code");
    }
}
