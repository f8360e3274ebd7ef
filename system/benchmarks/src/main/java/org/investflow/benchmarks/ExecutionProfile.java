package org.investflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import one.profiler.AsyncProfiler;
import one.profiler.Counter;

/**
 * A CPU profile of this JVM (the services, the database server and the load driver) over one phase, taken by
 * async-profiler: one sample per millisecond of a thread's CPU time (Linux perf_events' task clock, or
 * {@code setitimer}'s CPU timer where perf_events is not allowed), so a thread waiting for a core is not sampled. JFR's
 * execution samples are not used: on an oversubscribed machine they count a thread that waits for a core as running Java
 * code, and their shares follow wall time.
 * <p>
 * The summary attributes each sample to the innermost frame of a named code base (a JDK frame counts for the code that
 * called it: {@code HashMap.get} under Spring Data is Spring Data's), the JIT compiler's threads to the compiler, and
 * samples with no Java frame to the JVM; it names the hottest frames and the busiest threads, and gives milliseconds of
 * CPU per unit of work (submission, case, record) by code base. The flame graph stays beside the report.
 */
final class ExecutionProfile implements AutoCloseable {

    /** One sample per millisecond of CPU. */
    private static final long INTERVAL_NANOS = 1_000_000;
    /** perf_events' CPU clock first; the process CPU timer where a container refuses perf_events. */
    private static final List<String> EVENTS = List.of("cpu", "itimer");
    static final String COMPILER = "JIT compiler";
    static final String JVM = "JVM (GC, VM threads, stubs)";
    static final String JDK_ONLY = "JDK only";

    /** Code bases worth naming, by package prefix; the first match of a frame wins. */
    private static final Map<String, String> CODE_BASES = codeBases();

    private final AsyncProfiler profiler;
    private final String event;
    private final String unavailable;
    private final Path flameGraph;
    private String stacks = "";
    private boolean stopped;

    private ExecutionProfile(AsyncProfiler profiler, String event, String unavailable, Path file) {
        this.profiler = profiler;
        this.event = event;
        this.unavailable = unavailable;
        this.flameGraph = file.resolveSibling(file.getFileName() + ".cpu.html");
    }

    /** Starts profiling; {@code file} names the phase's profile ({@code bench-run/intake} → {@code intake.cpu.html}). */
    static ExecutionProfile start(Path file) {
        AsyncProfiler profiler;
        try {
            profiler = AsyncProfiler.getInstance();
        } catch (LinkageError | RuntimeException e) {
            return new ExecutionProfile(null, "none", "async-profiler did not load here: " + e, file);
        }
        StringBuilder refused = new StringBuilder();
        for (String event : EVENTS) {
            try {
                profiler.execute("start,event=" + event + ",interval=" + INTERVAL_NANOS + ",threads");
                return new ExecutionProfile(profiler, event, null, file);
            } catch (IOException | RuntimeException e) {
                refused.append(event).append(": ").append(e.getMessage()).append("; ");
            }
        }
        return new ExecutionProfile(null, "none", "no CPU event could start: " + refused, file);
    }

    /** Ends the sampling and writes the flame graph (the folded stacks with threads run to hundreds of MB: not kept). */
    void stop() {
        if (profiler == null || stopped) {
            return;
        }
        stopped = true;
        try {
            profiler.execute("stop");
            stacks = profiler.dumpCollapsed(Counter.SAMPLES);
            Files.createDirectories(flameGraph.getParent());
            profiler.execute("flamegraph,title=" + flameGraph.getFileName() + ",file=" + flameGraph.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the summary of the stopped profile under {@code prefix}. */
    void summarise(Report report, String prefix, int top) {
        summarise(report, prefix, top, 0, null);
    }

    /**
     * Writes the summary of the stopped profile under {@code prefix}; with {@code units} &gt; 0 also the milliseconds of
     * CPU per {@code unit} by code base and by thread.
     */
    void summarise(Report report, String prefix, int top, long units, String unit) {
        Samples samples = Samples.of(stacks);
        report.figure(prefix + ".samples", samples.total(), unavailable != null ? "no CPU profile: " + unavailable
                : "CPU samples, one per ms of a thread's CPU (async-profiler, event '" + event + "'), this JVM's threads");
        report.fact(prefix + ".file", unavailable != null ? "" : flameGraph.toAbsolutePath().toString());
        report.fact(prefix + ".hotMethods", shares(samples.leaves(), samples.total(), top));
        report.fact(prefix + ".codeBases", shares(samples.codeBases(), samples.total(), 24));
        report.fact(prefix + ".threads", shares(samples.threads(), samples.total(), 12));
        int rank = 1;
        for (Map.Entry<String, Double> entry : shares(samples.codeBases(), samples.total(), top).entrySet()) {
            report.figure(prefix + ".codeBase" + rank++, entry.getKey(), String.format(Locale.ROOT, "%.1f%% of the CPU samples", entry.getValue()));
        }
        rank = 1;
        for (Map.Entry<String, Double> entry : shares(samples.leaves(), samples.total(), top).entrySet()) {
            report.figure(prefix + ".hotMethod" + rank++, entry.getKey(), String.format(Locale.ROOT, "innermost frame of %.1f%% of the samples", entry.getValue()));
        }
        if (units > 0 && samples.total() > 0) {
            double msPerSample = INTERVAL_NANOS / 1e6;
            report.figure(prefix + ".cpuMsPer" + unit, samples.total() * msPerSample / units, "ms of this JVM's CPU per " + unit.toLowerCase(Locale.ROOT)
                    + " (" + units + ") in the profile's samples; by code base: " + perUnit(samples.codeBases(), msPerSample, units, 16)
                    + "; by thread: " + perUnit(samples.threads(), msPerSample, units, 10));
        }
    }

    /** The samples of one profile, counted by code base, innermost frame and thread. */
    record Samples(long total, Map<String, Long> codeBases, Map<String, Long> leaves, Map<String, Long> threads) {

        /** Counts async-profiler's folded stacks: "[thread tid=1];frame;…;innermost frame count" per line. */
        static Samples of(String folded) {
            Map<String, Long> bases = new HashMap<>();
            Map<String, Long> leaves = new HashMap<>();
            Map<String, Long> threads = new HashMap<>();
            long total = 0;
            for (String line : folded.split("\n")) {
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                long count = Long.parseLong(line.substring(space + 1).trim());
                String[] frames = line.substring(0, space).split(";");
                String thread = frames[0].startsWith("[") ? threadGroup(frames[0]) : "?";
                total += count;
                threads.merge(thread, count, Long::sum);
                bases.merge(codeBase(thread, frames), count, Long::sum);
                leaves.merge(name(frames[frames.length - 1]), count, Long::sum);
            }
            return new Samples(total, bases, leaves, threads);
        }
    }

    /** "[reactor-http-epoll-3 tid=4242]" → "reactor-http-epoll-N". */
    static String threadGroup(String frame) {
        return frame.substring(1, frame.length() - 1).replaceFirst(" tid=\\d+$", "").replaceAll("\\d+", "N");
    }

    /**
     * The code base a sample counts for: the compiler's threads are the JIT; else the innermost Java frame of a named
     * code base; else {@link #JDK_ONLY} when the stack has Java frames, {@link #JVM} when it has none.
     */
    static String codeBase(String thread, String[] frames) {
        if (thread.contains("CompilerThre")) {
            return COMPILER;
        }
        boolean java = false;
        for (int i = frames.length - 1; i > 0; i--) {
            String frame = frames[i];
            if (!isJava(frame)) {
                continue; // native, VM or kernel frame: count for the Java code that called it
            }
            java = true;
            String type = frame.replace('/', '.');
            String base = CODE_BASES.entrySet().stream().filter(named -> type.startsWith(named.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("other");
            if (!base.isEmpty()) {
                return base; // else a JDK frame: count for its caller
            }
        }
        return java ? JDK_ONLY : JVM;
    }

    /** A Java method's frame ("java/util/HashMap.getNode"), not the VM's ("I2C/C2I adapters"), the kernel's or a thread's. */
    private static boolean isJava(String frame) {
        return frame.indexOf('/') > 0 && frame.indexOf(' ') < 0 && !frame.endsWith("_[k]") && !frame.startsWith("[");
    }

    /** "org/investflow/X$$Lambda$12.0x0000.apply" → "X$$Lambda.apply (org.investflow)"; other frames as they are. */
    private static String name(String frame) {
        if (!isJava(frame)) {
            return frame;
        }
        String method = frame.replace('/', '.').replaceAll("\\$\\$Lambda\\$[^.]*\\.0x[0-9a-f]+", "\\$\\$Lambda");
        int dot = method.lastIndexOf('.');
        String type = dot < 0 ? method : method.substring(0, dot);
        int pkg = type.lastIndexOf('.');
        return pkg < 0 ? method : method.substring(pkg + 1) + " (" + type.substring(0, pkg) + ")";
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total, int limit) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> shares.put(entry.getKey(), Math.round(1000.0 * entry.getValue() / Math.max(1, total)) / 10.0));
        return shares;
    }

    private static String perUnit(Map<String, Long> counts, double msPerSample, long units, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(entry -> String.format(Locale.ROOT, "%s %.3f", entry.getKey(), entry.getValue() * msPerSample / units))
                .collect(Collectors.joining(", "));
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
        bases.put("org.apache.pdfbox", "PDFBox");
        bases.put("org.apache.fontbox", "PDFBox");
        bases.put("org.bouncycastle", "Bouncy Castle");
        bases.put("eu.europa", "EU DSS");
        bases.put("org.springframework.web", "Spring WebFlux");
        bases.put("org.springframework.http", "Spring WebFlux");
        bases.put("reactor.netty", "Reactor Netty");
        bases.put("io.netty", "Netty");
        bases.put("reactor.core", "Reactor");
        bases.put("reactor.kafka", "Reactor");
        bases.put("org.springframework", "Spring (other)");
        bases.put("com.github.benmanes.caffeine", "Caffeine cache");
        bases.put("io.github.resilience4j", "Resilience4j");
        bases.put("ch.qos.logback", "Logback");
        bases.put("org.HdrHistogram", "load driver (benchmarks)");
        bases.put("org.eclipse.angus", "Jakarta Mail (journey driver, mail)");
        bases.put("jakarta.mail", "Jakarta Mail (journey driver, mail)");
        bases.put("com.icegreen", "GreenMail (mail server)");
        bases.put("org.awaitility", "Awaitility (journey driver)");
        bases.put("jdk.internal.net.http", "JDK HTTP client (journey driver)");
        bases.put("java.", "");
        bases.put("jdk.", "");
        bases.put("sun.", "");
        bases.put("com.sun.", "");
        return bases;
    }

    @Override
    public void close() {
        stop();
    }
}
