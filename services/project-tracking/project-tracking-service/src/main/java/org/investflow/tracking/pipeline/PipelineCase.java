package org.investflow.tracking.pipeline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.investflow.platform.domain.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One investment case as leadership's funnel sees it: its current stage and when it entered each
 * stage. Built only from events; it extends {@link AggregateRoot} for its inbox (the ids of the
 * events already applied), so a redelivered event changes nothing. It publishes nothing.
 */
@Document("pipeline_cases")
public class PipelineCase extends AggregateRoot {

    @Id
    private String caseId;
    private String investorId;
    private CaseProfile profile;
    @Indexed
    private PipelineStage stage;
    private Map<PipelineStage, Instant> enteredAt = new LinkedHashMap<>();

    PipelineCase() {
    }

    /** A case the funnel has not heard of before. */
    static PipelineCase open(String caseId) {
        PipelineCase pipelineCase = new PipelineCase();
        pipelineCase.caseId = caseId;
        return pipelineCase;
    }

    /**
     * Applies the event {@code eventId} meaning {@code signal}, once. Returns whether anything
     * changed: false for an event already applied.
     */
    boolean apply(String eventId, StageSignal signal) {
        if (hasHandled(eventId)) {
            return false;
        }
        markHandled(eventId);
        enter(signal);
        return true;
    }

    /** Remembers when the stage was entered (the earliest such fact wins) and moves forward only. */
    private void enter(StageSignal signal) {
        investorId = signal.investorId();
        if (signal.profile() != null) {
            profile = signal.profile();
        }
        enteredAt.merge(signal.stage(), signal.at(), (known, late) -> known.isBefore(late) ? known : late);
        if (stage == null || stage.canTransitionTo(signal.stage())) {
            stage = signal.stage();
        }
    }

    /** Whether {@code userId} is the investor who owns the case. */
    boolean isOwnedBy(String userId) {
        return userId.equals(investorId);
    }

    public String caseId() {
        return caseId;
    }

    public String investorId() {
        return investorId;
    }

    public CaseProfile profile() {
        return profile;
    }

    public PipelineStage stage() {
        return stage;
    }

    /** When the case entered each stage it reached, in funnel order. */
    public Map<PipelineStage, Instant> enteredAt() {
        Map<PipelineStage, Instant> ordered = new EnumMap<>(PipelineStage.class);
        ordered.putAll(enteredAt);
        return ordered;
    }
}
