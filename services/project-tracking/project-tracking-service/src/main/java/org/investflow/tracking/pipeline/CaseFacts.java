package org.investflow.tracking.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.investflow.platform.domain.Money;
import org.investflow.platform.events.CaseEvent;
import org.investflow.signing.events.ContractDeclined;
import org.investflow.signing.events.ContractExecuted;
import org.investflow.signing.events.ContractExpired;
import org.investflow.signing.events.ContractVoided;
import org.investflow.tracking.events.CapitalInjected;
import org.investflow.tracking.events.JobsReported;
import org.investflow.tracking.events.MilestoneRecorded;
import org.investflow.tracking.events.ProjectBackOnTrack;
import org.investflow.tracking.events.ProjectDelayed;

/**
 * Everything one upstream fact means for its case: the stage it signals (see {@link StageSignals}) and
 * the figures it carries. A voided contract that a newer agreement superseded reopens nothing (the newer
 * contract is the case's; the case is not counted twice); declined, expired and otherwise voided
 * contracts reopen the negotiation.
 */
final class CaseFacts {

    private CaseFacts() {
    }

    static List<CaseFact> of(Record data) {
        List<CaseFact> facts = new ArrayList<>();
        StageSignals.of(data).ifPresent(facts::add);
        figure(data, facts);
        return facts;
    }

    private static void figure(Record data, List<CaseFact> facts) {
        if (data instanceof ContractExecuted executed) {
            facts.add(new CaseFact.Committed(Money.of(executed.investmentAmount(), executed.currency()), executed.jobs(),
                    executed.occurredAt()));
        } else if (data instanceof CapitalInjected injected) {
            facts.add(new CaseFact.Realised(Money.of(injected.realisedAmount(), injected.currency()), injected.occurredAt()));
        } else if (data instanceof JobsReported reported) {
            facts.add(new CaseFact.JobsToDate(reported.jobsCreatedToDate(), reported.occurredAt()));
        } else if (data instanceof MilestoneRecorded recorded && "CONSTRUCTION_STARTED".equals(recorded.milestone())) {
            facts.add(new CaseFact.ConstructionStarted(recorded.occurredAt()));
        } else if (data instanceof ProjectDelayed delayed) {
            facts.add(new CaseFact.Delayed(delayed.overdueMilestones(), delayed.occurredAt()));
        } else if (data instanceof ProjectBackOnTrack backOnTrack) {
            facts.add(new CaseFact.Delayed(List.of(), backOnTrack.occurredAt()));
        } else if (reopens(data)) {
            facts.add(new CaseFact.Reopened(((CaseEvent) data).occurredAt()));
        }
    }

    private static boolean reopens(Record data) {
        return data instanceof ContractDeclined || data instanceof ContractExpired
                || data instanceof ContractVoided voided && !ContractVoided.SUPERSEDED.equals(voided.reason());
    }
}
