package org.investflow.signing.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The commission's standard clauses printed in every contract drafted from now on
 * ({@code investflow.signing.contract.*}); each envelope freezes those in force when it was drafted.
 *
 * @param governingLaw      the governing-law clause, bilingual
 * @param disputeResolution the dispute-resolution clause, bilingual
 */
@Validated
@ConfigurationProperties("investflow.signing.contract")
record ContractProperties(@NotBlank String governingLaw, @NotBlank String disputeResolution) {
}
