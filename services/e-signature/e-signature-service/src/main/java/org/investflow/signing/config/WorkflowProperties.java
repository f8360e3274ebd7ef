package org.investflow.signing.config;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.investflow.signing.envelope.SigningPolicy;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The signing workflow's settings ({@code investflow.signing.workflow.*}); defaults in the README.
 *
 * @param signingPeriod   a signer's deadline after their turn starts
 * @param firstReminder   first reminder after their turn starts
 * @param reminderEvery   later reminders' cadence
 * @param codeValidity    an emailed one-time code's lifetime
 * @param codeAttempts    wrong codes a link tolerates before it locks
 * @param codesPerLink    codes one link may ask for
 * @param watchInterval   how often the expiry-and-reminder job runs
 * @param linkBaseUrl     signing links are this plus the token
 * @param signerAddress   a signer's email address, {@code {userId}} replaced by their user id
 * @param mailFrom        the sender of every mail
 * @param mailInterval    how often the mail outbox is drained
 * @param mailAttempts    SMTP attempts per mail and run (Resilience4j retry) before the run gives up
 * @param gaugeInterval   how often the gauges of envelopes by state and of mails pending are recounted: each recount
 *                        scans the envelopes, so not at the mail interval (a busy outbox is drained every few hundred
 *                        milliseconds, and Prometheus scrapes every 15-30 s anyway)
 */
@Validated
@ConfigurationProperties("investflow.signing.workflow")
public record WorkflowProperties(
        @DefaultValue("P14D") Duration signingPeriod,
        @DefaultValue("P5D") Duration firstReminder,
        @DefaultValue("P2D") Duration reminderEvery,
        @DefaultValue("PT10M") Duration codeValidity,
        @DefaultValue("5") @Min(1) int codeAttempts,
        @DefaultValue("5") @Min(1) int codesPerLink,
        @DefaultValue("PT1M") Duration watchInterval,
        @DefaultValue("http://localhost:5173/sign#token=") @NotBlank String linkBaseUrl,
        @DefaultValue("{userId}@users.investflow.local") @NotBlank String signerAddress,
        @DefaultValue("InvestFlow Contracts <contracts@investflow.local>") @NotBlank String mailFrom,
        @DefaultValue("PT2S") Duration mailInterval,
        @DefaultValue("3") @Min(1) int mailAttempts,
        @DefaultValue("PT15S") Duration gaugeInterval) {

    public SigningPolicy policy() {
        return new SigningPolicy(signingPeriod, firstReminder, reminderEvery, codeValidity, codeAttempts, codesPerLink);
    }
}
