package org.investflow.intake.intention.web;

import java.time.Instant;
import java.util.List;

import org.investflow.intake.intention.Decision;
import org.investflow.intake.intention.Intention;
import org.investflow.intake.intention.IntentionDetails;
import org.investflow.intake.intention.IntentionDraft;
import org.investflow.intake.intention.IntentionStatus;
import org.investflow.intake.intention.RejectionReason;
import org.investflow.intake.screening.ScreeningResult;

/** An intention as the API shows it, with its screening and routing. */
public record IntentionView(String caseId, String investorId, IntentionStatus status, IntentionDraft draft,
                            IntentionDetails details,
                            Instant submittedAt, ScreeningResult screening, List<String> flags, String assignedOfficerId,
                            String informationRequest, Instant decidedAt, String decidedBy,
                            RejectionReason rejectionReason, String rejectionText) {

    static IntentionView of(Intention intention) {
        Decision decision = intention.decision();
        return new IntentionView(intention.caseId().value(), intention.investorId(), intention.status(), intention.draft(),
                intention.details(),
                intention.submittedAt(), intention.screening(), intention.flags(), intention.assignedOfficerId(),
                intention.informationRequest(), decision == null ? null : decision.at(),
                decision == null ? null : decision.by(), decision == null ? null : decision.reason(),
                decision == null ? null : decision.reasonText());
    }
}
