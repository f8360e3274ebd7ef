package org.investflow.intake.intention.web;

import java.time.Instant;

import org.investflow.intake.intention.Intention;
import org.investflow.intake.intention.IntentionDetails;
import org.investflow.intake.intention.IntentionStatus;

/** An intention as the API shows it. */
public record IntentionView(String caseId, String investorId, IntentionStatus status, IntentionDetails details,
                            Instant submittedAt, Instant decidedAt, String decidedBy, String rejectionReason) {

    static IntentionView of(Intention intention) {
        return new IntentionView(intention.caseId(), intention.investorId(), intention.status(), intention.details(),
                intention.submittedAt(), intention.decidedAt(), intention.decidedBy(), intention.rejectionReason());
    }
}
