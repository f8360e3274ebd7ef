package org.investflow.signing.config;

import java.security.SecureRandom;
import java.util.Base64;

import org.investflow.signing.envelope.ContractSealing;
import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.SigningDesk;
import org.investflow.signing.envelope.SigningPolicy;
import org.springframework.stereotype.Component;

/** The signing desk of the running service: settings, a SecureRandom, the signer directory and the seal. */
@Component
class EnvelopeDesk implements SigningDesk {

    /** 256 bits per link token. */
    private static final int TOKEN_BYTES = 32;

    private final WorkflowProperties properties;
    private final ContractSealing sealing;
    private final SecureRandom random = new SecureRandom();

    EnvelopeDesk(WorkflowProperties properties, ContractSealing sealing) {
        this.properties = properties;
        this.sealing = sealing;
    }

    @Override
    public SigningPolicy policy() {
        return properties.policy();
    }

    @Override
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    @Override
    public String addressOf(String userId) {
        return properties.signerAddress().replace("{userId}", userId);
    }

    @Override
    public String linkTo(String token) {
        return properties.linkBaseUrl() + token;
    }

    @Override
    public String sealedHashOf(Envelope executed) {
        return sealing.sealed(executed).sha256();
    }
}
