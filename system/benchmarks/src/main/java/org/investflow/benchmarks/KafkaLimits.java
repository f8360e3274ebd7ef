package org.investflow.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The broker's limits as InvestFlow's services meet them (acks=all, idempotent producer, topics of
 * 3 partitions like the services'): produce and consume throughput from Kafka's
 * ProducerPerformance and ConsumerPerformance, end-to-end latency from Kafka's EndToEndLatency
 * (which prints whole milliseconds) and from the same round-trip loop in this JVM with the services'
 * client library, recorded in microseconds.
 */
final class KafkaLimits {

    private static final String THROUGHPUT_TOPIC = "bench.raw";
    private static final String TOOL_LATENCY_TOPIC = "bench.latency.tool";
    private static final String LOOP_LATENCY_TOPIC = "bench.latency.loop";
    private static final Duration TOOL_LIMIT = Duration.ofSeconds(90);
    private static final Pattern PRODUCED = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");
    private static final Pattern TOOL_AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern TOOL_PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    private final String bootstrap;
    private final KafkaTools tools;
    private final BenchmarkPlan plan;

    KafkaLimits(String bootstrap, KafkaTools tools, BenchmarkPlan plan) {
        this.bootstrap = bootstrap;
        this.tools = tools;
        this.plan = plan;
    }

    void measure(Report report) {
        createTopics();
        produce(report);
        consume(report);
        toolLatency(report);
        loopLatency(report);
    }

    private void produce(Report report) {
        String out = tools.run("ProducerPerformance", TOOL_LIMIT, "--topic", THROUGHPUT_TOPIC,
                "--num-records", Integer.toString(plan.kafkaRecords()), "--record-size", Integer.toString(plan.kafkaRecordSize()),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
        MatchResult m = last(PRODUCED, out, "ProducerPerformance");
        report.figure("limits.kafka.produceRecordsPerSecond", Double.parseDouble(m.group(2)), "records/s (ProducerPerformance, acks=all, " + plan.kafkaRecordSize() + " B)");
        report.figure("limits.kafka.produceMegabytesPerSecond", Double.parseDouble(m.group(3)), "MB/s");
        report.figure("limits.kafka.produceLatencyP99Ms", Double.parseDouble(m.group(8)), "ms, send→ack under full load");
    }

    private void consume(Report report) {
        String out = tools.run("ConsumerPerformance", TOOL_LIMIT, "--bootstrap-server", bootstrap, "--topic", THROUGHPUT_TOPIC,
                "--messages", Integer.toString(plan.kafkaRecords()), "--timeout", "30000");
        Map<String, Double> columns = consumerColumns(out);
        report.figure("limits.kafka.consumeRecordsPerSecond", columns.get("fetch.nMsg.sec"), "records/s (ConsumerPerformance, after group join)");
        report.figure("limits.kafka.consumeMegabytesPerSecond", columns.get("fetch.MB.sec"), "MB/s");
    }

    private void toolLatency(Report report) {
        String out = tools.run("EndToEndLatency", TOOL_LIMIT, bootstrap, TOOL_LATENCY_TOPIC,
                Integer.toString(plan.kafkaLatencyMessages()), "all", Integer.toString(plan.kafkaRecordSize()));
        MatchResult average = last(TOOL_AVERAGE, out, "EndToEndLatency");
        MatchResult percentiles = last(TOOL_PERCENTILES, out, "EndToEndLatency");
        report.figure("limits.kafka.toolE2eAvgMs", Double.parseDouble(average.group(1)), "ms (EndToEndLatency, one message at a time)");
        report.figure("limits.kafka.toolE2eP50Ms", Double.parseDouble(percentiles.group(1)), "ms (the tool prints whole ms)");
        report.figure("limits.kafka.toolE2eP99Ms", Double.parseDouble(percentiles.group(2)), "ms (the tool prints whole ms)");
    }

    /** EndToEndLatency's loop (send, wait for the ack, poll until the record is back) in microseconds. */
    private void loopLatency(Report report) {
        Histogram micros = new Histogram(3);
        TopicPartition partition = new TopicPartition(LOOP_LATENCY_TOPIC, 0);
        byte[] payload = new byte[plan.kafkaRecordSize()];
        long deadline = System.nanoTime() + TOOL_LIMIT.toNanos();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            int warmup = Math.max(10, plan.kafkaLatencyMessages() / 10);
            for (int i = 0; i < warmup + plan.kafkaLatencyMessages() && System.nanoTime() < deadline; i++) {
                long micro = roundTrip(producer, consumer, payload);
                if (i >= warmup) {
                    micros.recordValue(micro);
                }
            }
        }
        report.figure("limits.kafka.e2eP50Ms", micros.getValueAtPercentile(50) / 1000.0, "ms (same loop in this JVM, µs resolution)");
        report.figure("limits.kafka.e2eP99Ms", micros.getValueAtPercentile(99) / 1000.0, "ms");
        report.figure("limits.kafka.e2eMessages", micros.getTotalCount(), "round trips");
    }

    private static long roundTrip(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer, byte[] payload) {
        long start = System.nanoTime();
        try {
            producer.send(new ProducerRecord<>(LOOP_LATENCY_TOPIC, 0, null, payload)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int received = 0;
        long pollDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received == 0) {
            if (System.nanoTime() > pollDeadline) {
                throw new IllegalStateException("a record did not come back within 10 s");
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            received = records.count();
        }
        return Math.max(1, (System.nanoTime() - start) / 1000);
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(THROUGHPUT_TOPIC, 3, (short) 1),
                    new NewTopic(TOOL_LATENCY_TOPIC, 1, (short) 1), new NewTopic(LOOP_LATENCY_TOPIC, 1, (short) 1)))
                    .all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the benchmark topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MatchResult last(Pattern pattern, String out, String tool) {
        Matcher m = pattern.matcher(out);
        MatchResult found = null;
        while (m.find()) {
            found = m.toMatchResult();
        }
        if (found == null) {
            throw new IllegalStateException(tool + " printed no figures:\n" + out);
        }
        return found;
    }

    /** ConsumerPerformance prints a header line of column names and one line of values. */
    private static Map<String, Double> consumerColumns(String out) {
        List<String> lines = out.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("start.time")) {
                String[] names = lines.get(i).split(",\\s*");
                String[] values = lines.get(i + 1).split(",\\s*");
                Map<String, Double> columns = new java.util.HashMap<>();
                for (int c = 2; c < Math.min(names.length, values.length); c++) {
                    columns.put(names[c], Double.parseDouble(values[c]));
                }
                return columns;
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no figures:\n" + out);
    }
}
