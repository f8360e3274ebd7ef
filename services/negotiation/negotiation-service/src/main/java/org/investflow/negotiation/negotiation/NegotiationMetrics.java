package org.investflow.negotiation.negotiation;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Negotiation's business metrics recorded as things happen: rounds (versions) and time to agreement,
 * failures by reason. The gauges of open negotiations and pending approvals are kept by the watch.
 */
public class NegotiationMetrics {

    private final DistributionSummary rounds;
    private final Timer timeToAgreement;
    private final Counter withdrawn;
    private final Counter inactive;

    public NegotiationMetrics(MeterRegistry meters) {
        rounds = DistributionSummary.builder("investflow.negotiation.rounds.to.agreement")
                .description("term-sheet versions proposed until agreement").register(meters);
        timeToAgreement = Timer.builder("investflow.negotiation.time.to.agreement")
                .description("from the opening of a negotiation to its agreement").register(meters);
        withdrawn = Counter.builder("investflow.negotiation.failed").tag("reason", "WITHDRAWN").register(meters);
        inactive = Counter.builder("investflow.negotiation.failed").tag("reason", "INACTIVE").register(meters);
    }

    void agreed(Negotiation negotiation) {
        rounds.record(negotiation.termSheets().size());
        timeToAgreement.record(Duration.between(negotiation.openedAt(), negotiation.agreement().agreedAt()));
    }

    void failed(Negotiation negotiation) {
        withdrawn.increment();
    }

    void failedInactive() {
        inactive.increment();
    }
}
