package org.investflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Java Flight Recorder CPU profile of this JVM (the services, the database server and the load
 * driver) over one phase, summarised from its {@code jdk.ExecutionSample} events: the hottest
 * methods (top frame), the share of samples each code base appears in (anywhere on the stack), and
 * the busiest thread groups. The recording file stays for {@code jfr print} / JDK Mission Control.
 */
final class ExecutionProfile implements AutoCloseable {

    /** Code bases worth naming, by package prefix; the first match of a frame wins. */
    private static final Map<String, String> CODE_BASES = codeBases();

    private final Recording recording;
    private final Path file;

    private ExecutionProfile(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static ExecutionProfile start(Path file) {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(file);
            recording.start();
            return new ExecutionProfile(recording, file);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot start a JFR recording", e);
        }
    }

    /** Ends the recording; its file is complete from then on. */
    void stop() {
        recording.stop();
    }

    /** Writes the summary of the stopped recording under {@code prefix}. */
    void summarise(Report report, String prefix, int top) {
        List<RecordedEvent> samples = samples();
        Map<String, Integer> hot = new HashMap<>();
        Map<String, Integer> bases = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        for (RecordedEvent sample : samples) {
            RecordedStackTrace stack = sample.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            hot.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            stack.getFrames().forEach(frame -> seen.add(codeBase(frame)));
            seen.forEach(base -> bases.merge(base, 1, Integer::sum));
            threads.merge(threadGroup(sample), 1, Integer::sum);
        }
        int total = samples.size();
        report.figure(prefix + ".samples", (long) total, "CPU samples (JFR 'profile' settings) in " + file.getFileName());
        report.fact(prefix + ".file", file.toAbsolutePath().toString());
        report.fact(prefix + ".hotMethods", shares(hot, total, top));
        report.fact(prefix + ".codeBases", shares(bases, total, 20));
        report.fact(prefix + ".threads", shares(threads, total, 10));
        int rank = 1;
        Map<String, Integer> named = new HashMap<>(bases);
        named.remove("JDK");
        for (Map.Entry<String, Double> entry : shares(named, total, top).entrySet()) {
            report.figure(prefix + ".codeBase" + rank++, entry.getKey(), String.format("on the stack in %.1f%% of samples", entry.getValue()));
        }
        rank = 1;
        for (Map.Entry<String, Double> entry : shares(hot, total, top).entrySet()) {
            report.figure(prefix + ".hotMethod" + rank++, entry.getKey(), String.format("top frame of %.1f%% of samples", entry.getValue()));
        }
    }

    private List<RecordedEvent> samples() {
        try {
            return RecordingFile.readAllEvents(file).stream()
                    .filter(event -> "jdk.ExecutionSample".equals(event.getEventType().getName()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int total, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> shares.put(entry.getKey(), Math.round(1000.0 * entry.getValue() / Math.max(1, total)) / 10.0));
        return shares;
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        int lambda = type.indexOf("$$Lambda");
        if (lambda >= 0) {
            type = type.substring(0, lambda) + "$$Lambda";
        }
        String pkg = packageOf(type);
        return type.substring(pkg.length() + 1) + "." + frame.getMethod().getName() + " (" + pkg + ")";
    }

    private static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }

    private static String codeBase(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return CODE_BASES.entrySet().stream().filter(e -> type.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }

    /** Thread names without their numbers: "reactor-http-epoll-3" → "reactor-http-epoll-#". */
    private static String threadGroup(RecordedEvent sample) {
        String name = sample.getThread("sampledThread") == null ? "?" : sample.getThread("sampledThread").getJavaName();
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    private static Map<String, String> codeBases() {
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("org.investflow.benchmarks", "load driver (benchmarks)");
        bases.put("org.investflow.devstack", "load driver (case journey)");
        bases.put("org.investflow", "InvestFlow code");
        bases.put("de.bwaldvogel.mongo", "MongoDB-wire server");
        bases.put("com.mongodb", "MongoDB driver");
        bases.put("org.bson", "BSON codec");
        bases.put("org.springframework.data", "Spring Data MongoDB");
        bases.put("org.springframework.security", "Spring Security");
        bases.put("com.nimbusds", "JWT (Nimbus)");
        bases.put("org.springframework.kafka", "spring-kafka");
        bases.put("org.apache.kafka", "Kafka client");
        bases.put("io.cloudevents", "CloudEvents");
        bases.put("tools.jackson", "Jackson 3");
        bases.put("com.fasterxml.jackson", "Jackson 2");
        bases.put("com.networknt", "JSON Schema validation");
        bases.put("org.hibernate.validator", "Bean Validation");
        bases.put("io.micrometer", "Micrometer");
        bases.put("org.springframework.web", "Spring WebFlux");
        bases.put("reactor.netty", "Reactor Netty");
        bases.put("io.netty", "Netty");
        bases.put("reactor.core", "Reactor");
        bases.put("org.springframework", "Spring (other)");
        bases.put("jdk.internal.net.http", "JDK HTTP client (journey driver)");
        bases.put("java.", "JDK");
        bases.put("jdk.", "JDK");
        bases.put("sun.", "JDK");
        return bases;
    }

    @Override
    public void close() {
        recording.close();
    }
}
