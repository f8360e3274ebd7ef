package org.investflow.intake.intention.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.investflow.intake.intention.Decision;
import org.investflow.intake.intention.Intention;
import org.investflow.intake.intention.IntentionDetails;
import org.investflow.intake.intention.IntentionDraft;
import org.investflow.intake.intention.IntentionStatus;
import org.investflow.intake.intention.RejectionReason;
import org.investflow.intake.screening.ScreeningResult;
import org.investflow.platform.web.Caller;
import org.investflow.platform.events.Role;

/**
 * An intention as the API shows it, with its screening and routing: to staff in full, to its investor
 * without what screening linked it to (a suspected duplicate may be another investor's case).
 */
public record IntentionView(String caseId, String investorId, IntentionStatus status, IntentionDraft draft,
                            IntentionDetails details,
                            Instant submittedAt, ScreeningResult screening, List<String> flags, String assignedOfficerId,
                            String informationRequest, Instant decidedAt, String decidedBy,
                            RejectionReason rejectionReason, String rejectionText) {

    /** The view for {@code caller}: the investor's when they are one, else the staff's. */
    static Function<Intention, IntentionView> forCaller(Caller caller) {
        return caller.is(Role.INVESTOR) ? IntentionView::forInvestor : IntentionView::of;
    }

    /** The view for the intention's investor: a suspected duplicate is under review, nothing more. */
    static IntentionView forInvestor(Intention intention) {
        IntentionView full = of(intention);
        ScreeningResult screening = full.screening() == null ? null : full.screening().asSeenByInvestor();
        List<String> flags = full.flags().stream().filter(flag -> !ScreeningResult.Flag.DUPLICATE.name().equals(flag)).toList();
        return new IntentionView(full.caseId(), full.investorId(), full.status(), full.draft(), full.details(),
                full.submittedAt(), screening, flags, full.assignedOfficerId(), full.informationRequest(),
                full.decidedAt(), full.decidedBy(), full.rejectionReason(), full.rejectionText());
    }

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
