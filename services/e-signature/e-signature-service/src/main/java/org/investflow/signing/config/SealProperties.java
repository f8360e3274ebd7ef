package org.investflow.signing.config;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the commission's seal comes from ({@code investflow.signing.seal.*}).
 *
 * @param keystore PKCS#12 file; blank: a development seal generated in memory at every start. A path
 *                 that does not exist yet gets a generated development seal written to it at first start.
 * @param password the keystore's password (from the environment / a Kubernetes Secret in production)
 * @param alias    the key's alias in the keystore
 * @param subject  the X.500 subject of a generated development seal
 * @param validity how long a generated development seal is valid
 */
@Validated
@ConfigurationProperties("investflow.signing.seal")
record SealProperties(
        @DefaultValue("") String keystore,
        @DefaultValue("changeit") String password,
        @DefaultValue("commission-seal") @NotBlank String alias,
        @DefaultValue("CN=InvestFlow Commission Seal (development),O=Chongqing Municipal Commission of Commerce,C=CN") @NotBlank String subject,
        @DefaultValue("P1825D") Duration validity) {
}
