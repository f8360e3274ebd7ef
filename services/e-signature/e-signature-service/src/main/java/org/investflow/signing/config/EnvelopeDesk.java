package org.investflow.signing.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.investflow.signing.envelope.DistrictRepresentative;
import org.investflow.signing.envelope.SignerRole;
import org.investflow.signing.envelope.SealingSchedule;
import org.investflow.signing.envelope.SigningDesk;
import org.investflow.signing.envelope.SigningPolicy;
import org.springframework.stereotype.Component;

/** The signing desk of the running service: settings, the signing order and district representatives, and a SecureRandom. */
@Component
class EnvelopeDesk implements SigningDesk {

    /** 256 bits per link token. */
    private static final int TOKEN_BYTES = 32;

    private final WorkflowProperties properties;
    private final SignerProperties signers;
    private final SealingProperties sealing;
    private final SecureRandom random = new SecureRandom();

    EnvelopeDesk(WorkflowProperties properties, SignerProperties signers, SealingProperties sealing) {
        this.properties = properties;
        this.signers = signers;
        this.sealing = sealing;
    }

    @Override
    public SigningPolicy policy() {
        return properties.policy();
    }

    @Override
    public SealingSchedule sealingSchedule() {
        return sealing.schedule();
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
    public List<List<SignerRole>> signingOrder() {
        return signers.order();
    }

    @Override
    public DistrictRepresentative districtRepresentativeOf(String district) {
        return signers.representativeOf(district);
    }
}
