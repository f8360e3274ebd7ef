package org.investflow.negotiation.negotiation;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.investflow.negotiation.events.NegotiationReopened;

/**
 * Negotiation's business metrics recorded as things happen: rounds (versions) and time to agreement,
 * failures by reason, reopenings by cause. The gauges of open negotiations and pending approvals are kept by the watch.
 */
public class NegotiationMetrics {

    private final DistributionSummary rounds;
    private final Timer timeToAgreement;
    private final Counter withdrawn;
    private final Counter inactive;
    private final Map<String, Counter> reopened;

    public NegotiationMetrics(MeterRegistry meters) {
        rounds = DistributionSummary.builder("investflow.negotiation.rounds.to.agreement")
                .description("term-sheet versions proposed until agreement").register(meters);
        timeToAgreement = Timer.builder("investflow.negotiation.time.to.agreement")
                .description("from the opening of a negotiation to its agreement").register(meters);
        withdrawn = Counter.builder("investflow.negotiation.failed").tag("reason", "WITHDRAWN").register(meters);
        inactive = Counter.builder("investflow.negotiation.failed").tag("reason", "INACTIVE").register(meters);
        reopened = Stream.of(NegotiationReopened.DECLINED, NegotiationReopened.EXPIRED, NegotiationReopened.VOIDED)
                .collect(Collectors.toUnmodifiableMap(Function.identity(), cause -> Counter.builder("investflow.negotiation.reopened")
                        .description("agreements reopened because their contract fell through").tag("cause", cause)
                        .register(meters)));
    }

    /** Records an agreement; an acceptance that only awaits the other party's is none. */
    void agreed(Negotiation negotiation) {
        if (negotiation.status() != NegotiationStatus.AGREED) {
            return;
        }
        rounds.record(negotiation.termSheets().size());
        timeToAgreement.record(Duration.between(negotiation.openedAt(), negotiation.agreement().agreedAt()));
    }

    void failed(Negotiation negotiation) {
        withdrawn.increment();
    }

    void failedInactive() {
        inactive.increment();
    }

    void reopened(String cause) {
        reopened.get(cause).increment();
    }
}
