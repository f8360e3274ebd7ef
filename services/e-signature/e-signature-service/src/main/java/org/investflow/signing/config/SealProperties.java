package org.investflow.signing.config;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the commission's seal comes from ({@code investflow.signing.seal.*}). Fail closed: without a readable
 * keystore the service does not start, unless {@code development} allows a generated seal.
 *
 * @param keystore    PKCS#12 file holding the seal key under {@code alias} with its chain up to the commission's root CA
 *                    (mounted from a Secret in production)
 * @param password    the keystore's password (from the Secret); no default
 * @param alias       the key's alias in the keystore
 * @param trustAnchor PEM file of the commission's root CA verification trusts; blank: the root of the keystore's chain
 * @param development only the local stack and tests: a blank keystore means a seal generated in memory, and a keystore
 *                    that does not exist yet is generated (local root CA + seal issued by it) and reused ever after
 * @param subject     the X.500 subject of a generated development seal
 * @param validity    how long a generated development seal is valid
 */
@Validated
@ConfigurationProperties("investflow.signing.seal")
record SealProperties(
        @DefaultValue("") String keystore,
        @DefaultValue("") String password,
        @DefaultValue("commission-seal") @NotBlank String alias,
        @DefaultValue("") String trustAnchor,
        @DefaultValue("false") boolean development,
        @DefaultValue("CN=InvestFlow Commission Seal (development),O=Chongqing Municipal Commission of Commerce,C=CN") @NotBlank String subject,
        @DefaultValue("P1825D") Duration validity) {
}
