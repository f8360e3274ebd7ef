package org.investflow.tracking.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.investflow.intake.events.IntentionAccepted;
import org.investflow.intake.events.IntentionRejected;
import org.investflow.intake.events.IntentionScreened;
import org.investflow.intake.events.IntentionSubmitted;
import org.investflow.intake.events.IntentionWithdrawn;
import org.investflow.negotiation.events.AgreementReached;
import org.investflow.negotiation.events.NegotiationFailed;
import org.investflow.negotiation.events.NegotiationOpened;
import org.investflow.platform.events.CaseEvent;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.tracking.events.MilestoneRecorded;
import org.investflow.tracking.events.ProjectLanded;
import org.investflow.tracking.events.ProjectOperating;

/**
 * Which funnel stage each upstream fact means; facts that move no case (terms proposed, signatures…) mean none.
 * A failed negotiation means NEGOTIATION_FAILED whatever its reason (a party withdrew, or inactivity).
 */
final class StageSignals {

    private static final List<Rule<?>> RULES = List.of(
            new Rule<>(IntentionScreened.class, PipelineStage.SCREENED, IntentionScreened::investorId),
            new Rule<>(IntentionAccepted.class, PipelineStage.SCREENED, IntentionAccepted::investorId),
            new Rule<>(IntentionRejected.class, PipelineStage.REJECTED, IntentionRejected::investorId),
            new Rule<>(IntentionWithdrawn.class, PipelineStage.WITHDRAWN, IntentionWithdrawn::investorId),
            new Rule<>(NegotiationOpened.class, PipelineStage.NEGOTIATING, NegotiationOpened::investorId),
            new Rule<>(NegotiationFailed.class, PipelineStage.NEGOTIATION_FAILED, NegotiationFailed::investorId),
            new Rule<>(AgreementReached.class, PipelineStage.AGREED, AgreementReached::investorId),
            new Rule<>(ContractExecuted.class, PipelineStage.CONTRACTED, ContractExecuted::investorId),
            new Rule<>(ProjectLanded.class, PipelineStage.LANDED, ProjectLanded::investorId),
            new Rule<>(ProjectOperating.class, PipelineStage.OPERATING, ProjectOperating::investorId));

    private StageSignals() {
    }

    static Optional<StageSignal> of(Record data) {
        if (data instanceof IntentionSubmitted submitted) {
            return Optional.of(submission(submitted));
        }
        if (data instanceof MilestoneRecorded recorded) {
            return operationStart(recorded);
        }
        return RULES.stream().flatMap(rule -> rule.match(data).stream()).findFirst();
    }

    private static StageSignal submission(IntentionSubmitted submitted) {
        CaseProfile profile = new CaseProfile(submitted.country(), submitted.industryCode(), submitted.district());
        return new StageSignal(PipelineStage.INTENTION, submitted.investorId(), submitted.occurredAt(), profile);
    }

    /** Only a landed project can start operating, so that milestone alone means OPERATING. */
    private static Optional<StageSignal> operationStart(MilestoneRecorded recorded) {
        return Optional.of(recorded)
                .filter(milestone -> "OPERATION_STARTED".equals(milestone.milestone()))
                .map(milestone -> new StageSignal(PipelineStage.OPERATING, milestone.investorId(), milestone.occurredAt(), null));
    }

    private record Rule<T extends CaseEvent>(Class<T> type, PipelineStage stage, Function<T, String> investor) {

        Optional<StageSignal> match(Record data) {
            return Optional.of(data).filter(type::isInstance).map(type::cast)
                    .map(event -> new StageSignal(stage, investor.apply(event), event.occurredAt(), null));
        }
    }
}
