package org.investflow.signing.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The commission's standard clauses printed in every contract drafted from now on
 * ({@code investflow.signing.contract.*}); each envelope freezes those in force when it was drafted.
 *
 * @param governingLaw      the governing-law clause, bilingual
 * @param disputeResolution the dispute-resolution clause, bilingual
 * @param draftCache        how many bytes of rendered drafts are kept in memory for the signers' views
 */
@Validated
@ConfigurationProperties("investflow.signing.contract")
record ContractProperties(@NotBlank String governingLaw, @NotBlank String disputeResolution,
                          @DefaultValue("32MB") @NotNull DataSize draftCache) {
}
