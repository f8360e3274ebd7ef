package org.investflow.tracking.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
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
    /** The earliest fact known of the case: the period filters count it here. */
    @Indexed
    private Instant openedAt;
    /** When the case entered its current stage: the stalled-cases list reads it. */
    @Indexed
    private Instant movedAt;
    /** Seconds spent in each stage the case has left, kept so that no query reads events. */
    private Map<PipelineStage, Long> secondsInStage = new LinkedHashMap<>();

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
        derive();
    }

    /**
     * Recomputes what follows from the entry times alone, so the figures are the same whatever
     * order the facts arrived in: a stage is left when the earliest higher-ranked stage was
     * entered, and its duration is never negative (clocks of different services may disagree).
     */
    private void derive() {
        openedAt = enteredAt.values().stream().min(Comparator.naturalOrder()).orElse(null);
        movedAt = enteredAt.get(stage);
        secondsInStage = new LinkedHashMap<>();
        enteredAt.forEach((entered, at) -> leftAt(entered).ifPresent(left ->
                secondsInStage.put(entered, Math.max(0, Duration.between(at, left).toSeconds()))));
    }

    private Optional<Instant> leftAt(PipelineStage entered) {
        return enteredAt.entrySet().stream().filter(other -> entered.canTransitionTo(other.getKey()))
                .map(Map.Entry::getValue).min(Comparator.naturalOrder());
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

    public Instant openedAt() {
        return openedAt;
    }

    public Instant movedAt() {
        return movedAt;
    }

    /** Seconds spent in each stage the case has already left, in funnel order. */
    public Map<PipelineStage, Long> secondsInStage() {
        Map<PipelineStage, Long> ordered = new EnumMap<>(PipelineStage.class);
        ordered.putAll(secondsInStage == null ? Map.of() : secondsInStage);
        return ordered;
    }

    /** When the case entered each stage it reached, in funnel order. */
    public Map<PipelineStage, Instant> enteredAt() {
        Map<PipelineStage, Instant> ordered = new EnumMap<>(PipelineStage.class);
        ordered.putAll(enteredAt);
        return ordered;
    }
}
