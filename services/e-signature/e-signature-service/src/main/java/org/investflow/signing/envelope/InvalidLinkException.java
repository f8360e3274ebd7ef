package org.investflow.signing.envelope;

import org.investflow.platform.domain.NotFoundException;

/**
 * A signing link that cannot be used: unknown, forged, expired, used, locked, or not its signer's
 * turn. Every case answers the same 404 "invalid link", so a refusal never says why.
 */
public class InvalidLinkException extends NotFoundException {

    public InvalidLinkException() {
        super("signing link", "");
    }

    @Override
    public String getMessage() {
        return "invalid link";
    }
}
