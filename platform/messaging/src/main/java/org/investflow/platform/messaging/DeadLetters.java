package org.investflow.platform.messaging;

import org.apache.kafka.common.TopicPartition;
import org.investflow.platform.domain.DomainException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumers' error policy: transient faults are retried a bounded number of times, then the
 * record goes to {@code <topic>.DLT} (same partition) with the failure in {@code kafka_dlt-*}
 * headers and the consumer moves on. Poison records and domain refusals are not retried at all.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    static DeadLetterPublishingRecoverer recoverer(KafkaOperations<String, byte[]> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, error) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
    }

    /** For failures thrown by a listener before it returns its {@code Mono}. */
    static DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, MessagingProperties properties) {
        FixedBackOff backOff = new FixedBackOff(properties.retryBackoff().toMillis(), properties.retries());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class, DomainException.class);
        return handler;
    }

    static boolean retryable(Throwable error) {
        return !(error instanceof PoisonEventException || error instanceof DomainException);
    }
}
