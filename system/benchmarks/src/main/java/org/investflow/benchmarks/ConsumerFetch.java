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
 * A batch listener's batches can be no larger than what its fetches bring.
 */
final class ConsumerFetch {

    static final String RECORDS_PER_REQUEST = "records-per-request-avg";
    private static final String GROUP = "consumer-fetch-manager-metrics";
    private static final List<String> SHOWN = List.of(RECORDS_PER_REQUEST, "fetch-size-avg", "fetch-latency-avg", "fetch-rate",
            "records-consumed-rate", "records-lag-max");

    private ConsumerFetch() {
    }

    /** The client-wide value of {@code name} of the container {@code id}'s consumer, NaN when it has none. */
    static double metric(KafkaListenerEndpointRegistry registry, String id, String name) {
        return values(registry, id).getOrDefault(name, Double.NaN);
    }

    /** The fetch metrics shown, "name value" each. */
    static String described(KafkaListenerEndpointRegistry registry, String id) {
        Map<String, Double> values = values(registry, id);
        return SHOWN.stream().filter(values::containsKey)
                .map(name -> String.format(Locale.ROOT, "%s %.1f", name, values.get(name)))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Double> values(KafkaListenerEndpointRegistry registry, String id) {
        MessageListenerContainer container = registry.getListenerContainer(id);
        if (container == null) {
            return Map.of();
        }
        return container.metrics().values().stream().flatMap(metrics -> metrics.entrySet().stream())
                .filter(metric -> GROUP.equals(metric.getKey().group()) && !metric.getKey().tags().containsKey("topic")
                        && !metric.getKey().tags().containsKey("partition") && metric.getValue().metricValue() instanceof Double)
                .collect(Collectors.toMap(metric -> metric.getKey().name(), metric -> (Double) metric.getValue().metricValue(),
                        Double::sum));
    }

}
