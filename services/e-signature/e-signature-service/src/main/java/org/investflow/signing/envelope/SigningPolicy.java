package org.investflow.signing.envelope;

import java.time.Duration;
import java.util.Objects;

/**
 * How long signers have and how they are reminded and authenticated.
 *
 * @param signingPeriod    a signer's deadline, counted from when their turn starts
 * @param firstReminder    the first reminder, after their turn started (Documenso: 5 days)
 * @param reminderEvery    then a reminder this often until they sign or the deadline passes
 * @param codeValidity     how long an emailed one-time code is valid
 * @param codeAttempts     wrong codes a link tolerates; one more locks it
 * @param codesPerLink     codes a link may have sent to it; more refuse the link
 */
public record SigningPolicy(Duration signingPeriod, Duration firstReminder, Duration reminderEvery, Duration codeValidity,
                            int codeAttempts, int codesPerLink) {

    public SigningPolicy {
        Objects.requireNonNull(signingPeriod, "signingPeriod");
        Objects.requireNonNull(firstReminder, "firstReminder");
        Objects.requireNonNull(reminderEvery, "reminderEvery");
        Objects.requireNonNull(codeValidity, "codeValidity");
        if (signingPeriod.isNegative() || signingPeriod.isZero() || reminderEvery.isZero() || reminderEvery.isNegative()
                || codeAttempts < 1 || codesPerLink < 1) {
            throw new IllegalArgumentException("signing periods must be positive and attempts at least 1");
        }
    }

    /** The defaults: 14 days to sign, reminded after 5 days then every 2, codes valid 10 minutes, 5 attempts, 5 codes. */
    public static SigningPolicy standard() {
        return new SigningPolicy(Duration.ofDays(14), Duration.ofDays(5), Duration.ofDays(2), Duration.ofMinutes(10), 5, 5);
    }
}
