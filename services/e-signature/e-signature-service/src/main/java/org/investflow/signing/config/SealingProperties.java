package org.investflow.signing.config;

import java.time.Duration;

import org.investflow.signing.envelope.SealingSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When fully signed envelopes are sealed again ({@code investflow.signing.sealing.*}): the sealing right after the last
 * signature runs at once, off the request; these settings govern the sweep that retries.
 *
 * @param interval   how often the sweep looks for envelopes whose sealing is due
 * @param firstRetry the wait after the last signature before the sweep takes over, and after a first failure
 * @param maxRetry   the longest wait between two attempts (each failure doubles it)
 */
@ConfigurationProperties("investflow.signing.sealing")
record SealingProperties(
        @DefaultValue("PT5S") Duration interval,
        @DefaultValue("PT10S") Duration firstRetry,
        @DefaultValue("PT5M") Duration maxRetry) {

    SealingSchedule schedule() {
        return new SealingSchedule(firstRetry, maxRetry);
    }
}
