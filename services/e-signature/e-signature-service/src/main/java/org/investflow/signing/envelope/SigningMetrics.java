package org.investflow.signing.envelope;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.investflow.platform.events.CaseEvent;
import org.investflow.signing.events.ContractExecuted;

/**
 * E-signature's business metrics: time from sending to execution, reminders sent, declines by
 * category (counted here), and envelopes by state and mails pending (gauges recounted every gauge interval).
 */
public class SigningMetrics {

    private final MeterRegistry meters;
    private final Timer timeToExecute;

    public SigningMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.timeToExecute = Timer.builder("investflow.signing.time.to.execute")
                .description("from sending an envelope to its execution (sealed after the last signature)").register(meters);
    }

    void saved(Envelope envelope, List<? extends CaseEvent> events) {
        if (events.stream().anyMatch(ContractExecuted.class::isInstance)) {
            timeToExecute.record(Duration.between(envelope.sentAt(), envelope.executedAt()));
        }
    }

    void reminded(int reminders) {
        if (reminders > 0) {
            meters.counter("investflow.signing.reminders.sent").increment(reminders);
        }
    }

    void declined(DeclineCategory category) {
        meters.counter("investflow.signing.declines", "category", category.name()).increment();
    }
}
