package org.investflow.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * How a listener container's consumer fetches, from the Kafka consumer's own metrics ({@code consumer-fetch-manager-metrics}
 * over the client's life): records and bytes per fetch response, fetch latency and rate, records per second consumed.
 * A batch listener's batches can be no larger than what its fetches bring. The averages count every fetch response:
 * where one topic trickles (a record per response) beside a backlog, they come out near the consumed rate over the fetch
 * rate, not the size of the backlog's fetches (BENCHMARKS.md, tenth session).
 *
 * @param values the client-wide metrics by name (empty when the container has no consumer; NaN for a metric of a
 *               container with more than one consumer, whose clients' averages cannot be added)
 */
record ConsumerFetch(Map<String, Double> values) {

    private static final String RECORDS_PER_REQUEST = "records-per-request-avg";
    private static final String GROUP = "consumer-fetch-manager-metrics";
    private static final List<String> SHOWN = List.of(RECORDS_PER_REQUEST, "fetch-size-avg", "fetch-latency-avg", "fetch-rate",
            "records-consumed-rate", "records-lag-max");

    /** The fetch metrics of the container {@code id}'s consumer now. */
    static ConsumerFetch of(KafkaListenerEndpointRegistry registry, String id) {
        MessageListenerContainer container = registry.getListenerContainer(id);
        if (container == null) {
            return new ConsumerFetch(Map.of());
        }
        return new ConsumerFetch(container.metrics().values().stream().flatMap(metrics -> metrics.entrySet().stream())
                .filter(metric -> GROUP.equals(metric.getKey().group()) && !metric.getKey().tags().containsKey("topic")
                        && !metric.getKey().tags().containsKey("partition") && metric.getValue().metricValue() instanceof Double)
                .collect(Collectors.toMap(metric -> metric.getKey().name(), metric -> (Double) metric.getValue().metricValue(),
                        (one, another) -> Double.NaN)));
    }

    /** Records per fetch response on average, NaN without a consumer. */
    double recordsPerRequest() {
        return values.getOrDefault(RECORDS_PER_REQUEST, Double.NaN);
    }

    /** The fetch metrics shown, "name value" each. */
    String described() {
        return SHOWN.stream().filter(values::containsKey)
                .map(name -> String.format(Locale.ROOT, "%s %.1f", name, values.get(name)))
                .collect(Collectors.joining(", "));
    }
}
