package org.investflow.tracking.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.investflow.platform.domain.AggregateRoot;
import org.investflow.platform.domain.PublishesNothing;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One investment case as leadership's funnel sees it: its current stage and when it entered each
 * stage. Built only from events; it extends {@link AggregateRoot} for its inbox (the ids of the
 * events already applied), so a redelivered event changes nothing. It publishes nothing.
 */
@Document("pipeline_cases")
// AggregateStore.VERSION_INDEX: the conditional replace of CaseDocuments.store is a keyed write on any store
@CompoundIndex(name = "_id_version", def = "{'_id': 1, 'version': 1}", unique = true)
@PublishesNothing
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
    /** The latest executed contract's commitment; the commission's capital and jobs figures read it. */
    private CaseFact.Committed committed;
    /** The latest realised capital the project reported. */
    private CaseFact.Realised realised;
    /** The latest count of jobs created to date. */
    private CaseFact.JobsToDate jobsToDate;
    private Instant constructionStartedAt;
    /** The latest delay fact of the project: its overdue milestones (empty once back on track). */
    private CaseFact.Delayed delay;
    /** The latest agreement and the latest reopening of the negotiation (a contract declined, expired or voided). */
    private Instant lastAgreedAt;
    private Instant lastReopenedAt;
    /** What its changes add to the tallies and the tallies do not have yet (see {@link PendingTally}); empty almost always. */
    private List<PendingTally> pendingTallies = new ArrayList<>();

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
        return apply(eventId, List.of(signal));
    }

    /** Applies every fact one event {@code eventId} carries, once. Returns false for an event already applied. */
    boolean apply(String eventId, List<CaseFact> facts) {
        if (hasHandled(eventId)) {
            return false;
        }
        markHandled(eventId);
        facts.forEach(this::take);
        derive();
        return true;
    }

    private void take(CaseFact fact) {
        if (fact instanceof StageSignal signal) {
            enter(signal);
        } else if (fact instanceof CaseFact.Committed contract) {
            committed = later(committed, contract);
        } else if (fact instanceof CaseFact.Realised capital) {
            realised = later(realised, capital);
        } else if (fact instanceof CaseFact.JobsToDate jobs) {
            jobsToDate = later(jobsToDate, jobs);
        } else if (fact instanceof CaseFact.ConstructionStarted started) {
            constructionStartedAt = earliest(constructionStartedAt, started.at());
        } else if (fact instanceof CaseFact.Reopened reopened) {
            lastReopenedAt = latest(lastReopenedAt, reopened.at());
        } else if (fact instanceof CaseFact.Delayed delayed) {
            delay = later(delay, delayed);
        }
    }

    private static <T extends CaseFact> T later(T known, T arrived) {
        return known == null || !arrived.at().isBefore(known.at()) ? arrived : known;
    }

    private static Instant earliest(Instant known, Instant arrived) {
        return known == null || arrived.isBefore(known) ? arrived : known;
    }

    private static Instant latest(Instant known, Instant arrived) {
        return known == null || arrived.isAfter(known) ? arrived : known;
    }

    /** Remembers when the stage was entered (the earliest such fact wins) and moves forward only. */
    private void enter(StageSignal signal) {
        investorId = signal.investorId();
        if (signal.profile() != null) {
            profile = signal.profile();
        }
        enteredAt.merge(signal.stage(), signal.at(), (known, late) -> known.isBefore(late) ? known : late);
        if (signal.stage() == PipelineStage.AGREED) {
            lastAgreedAt = latest(lastAgreedAt, signal.at());
        }
        if (stage == null || stage.canTransitionTo(signal.stage())) {
            stage = signal.stage();
        }
    }

    /**
     * Recomputes what follows from the entry times alone, so the figures are the same whatever
     * order the facts arrived in: a stage is left when the earliest higher-ranked stage was
     * entered, and its duration is never negative (clocks of different services may disagree).
     */
    private void derive() {
        openedAt = enteredAt.values().stream().min(Comparator.naturalOrder()).orElse(null);
        movedAt = enteredAt.get(stage);
        if (reopenedSinceAgreed()) {
            stage = PipelineStage.NEGOTIATING;
            movedAt = lastReopenedAt;
        }
        secondsInStage = new LinkedHashMap<>();
        enteredAt.forEach((entered, at) -> leftAt(entered).ifPresent(left ->
                secondsInStage.put(entered, Math.max(0, Duration.between(at, left).toSeconds()))));
    }

    private Optional<Instant> leftAt(PipelineStage entered) {
        return enteredAt.entrySet().stream().filter(other -> entered.canTransitionTo(other.getKey()))
                .map(Map.Entry::getValue).min(Comparator.naturalOrder());
    }

    /**
     * Whether the negotiation reopened after the case's latest agreement while no contract was executed:
     * the case is back in NEGOTIATING (the one way it moves back; a new agreement moves it on again).
     */
    private boolean reopenedSinceAgreed() {
        return lastReopenedAt != null && (stage == PipelineStage.AGREED || stage == PipelineStage.NEGOTIATING)
                && (lastAgreedAt == null || lastReopenedAt.isAfter(lastAgreedAt));
    }

    /** The latest executed contract's commitment, or null before any. */
    public CaseFact.Committed committed() {
        return committed;
    }

    /** The capital realised so far, or null before any injection was reported. */
    public CaseFact.Realised realised() {
        return realised;
    }

    /** Jobs created to date, or null before any report. */
    public CaseFact.JobsToDate jobsToDate() {
        return jobsToDate;
    }

    /** The project's latest delay fact, or null when it was never delayed. */
    public CaseFact.Delayed delay() {
        return delay;
    }

    /** When construction started, or null. */
    public Instant constructionStartedAt() {
        return constructionStartedAt;
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
        ordered.putAll(secondsInStage);
        return ordered;
    }

    /** When the case entered each stage it reached, in funnel order. */
    public Map<PipelineStage, Instant> enteredAt() {
        Map<PipelineStage, Instant> ordered = new EnumMap<>(PipelineStage.class);
        ordered.putAll(enteredAt);
        return ordered;
    }

    /** What the tallies count of it now. */
    public CountedCase counted() {
        return new CountedCase(stage, profile, enteredAt, secondsInStage, openedAt, movedAt, committed, realised, jobsToDate,
                constructionStartedAt);
    }

    /** Keeps what its change in a batch adds to the tallies, to be written with it (see {@link PendingTally}). */
    void owe(PendingTally pending) {
        pendingTallies.add(pending);
    }

    /**
     * Drops the oldest of its pending tallies whose batches are {@code settled} (the tallies have them and their notes are
     * gone), up to the first one that is not: a pending tally's batch ends where the next one's begins, so one after a
     * pending tally still owed stays while that one does.
     */
    void forgetSettled(Predicate<String> settled) {
        while (!pendingTallies.isEmpty() && settled.test(pendingTallies.get(0).batch())) {
            pendingTallies.remove(0);
        }
    }

    /** What its changes add to the tallies that the tallies may not have yet (settled ones until its next write), oldest first. */
    public List<PendingTally> pendingTallies() {
        return List.copyOf(pendingTallies);
    }
}
